import { join } from 'node:path';
import { bilingual } from '../../domain/bilingual-text.js';
import { provinceFromText } from '../../domain/province.js';
import type { Community } from '../../domain/reference.js';
import { cleanText } from '../../domain/text.js';
import { openCsv } from '../csv/index.js';
import { ProvinceLocator } from '../geocode/province-locator.js';
import { loadBoundaries } from './load-boundaries.js';

const FIRST_NATIONS = 'isc_first_nations_locations';
const INUIT = 'isc_inuit_communities';

/** A community with the other names it is known by (Inuit traditional names such as "Kinngait"). */
export interface NamedCommunity extends Community {
  alternateNames: string[];
}

// Coordinates: both ISC files are NAD83(CSRS) geographic. NAD83(CSRS) is fixed to the North
// American plate and WGS84 to the ITRF, so the two drift apart by about 2 cm a year; in Canada
// today they differ by roughly 1.5–2 m. A community point stands for a whole settlement (or
// a band office), so that shift is far below what the point means, and the coordinates are
// used as WGS84 unchanged, like every other layer (EPSG:4326).

/**
 * Reads the ISC First Nations (636, id `fn:<band_number>`) and Inuit communities (53, id
 * `inuit:<id>`). First Nations carry no province in the source: it is taken from the point
 * (province polygon, or the nearest one within 15 km for coastal points).
 * @example (await loadCommunities('data')).find((c) => c.id === 'inuit:IN22')?.alternateNames // ['Salliq']
 */
export async function loadCommunities(dataDir: string): Promise<NamedCommunity[]> {
  const locator = new ProvinceLocator(await loadBoundaries(dataDir));
  return [...(await loadFirstNations(dataDir, locator)), ...(await loadInuitCommunities(dataDir))];
}

async function loadFirstNations(dataDir: string, locator: ProvinceLocator): Promise<NamedCommunity[]> {
  const path = join(dataDir, FIRST_NATIONS, 'first_nations_locations.csv');
  const out: NamedCommunity[] = [];
  for await (const { row, fields } of (await openCsv(path)).rows()) {
    const band = (fields['band_number'] ?? '').trim();
    const name = cleanText(fields['band_name'] ?? '');
    const { lat, lon } = coordinates(path, row, fields['latitude'], fields['longitude']);
    if (!band || !name)
      throw new Error(`${path}: row ${row} has no band number or band name; both are required`);
    out.push({
      id: `fn:${band}`,
      kind: 'first_nation',
      // ISC publishes one official band name for both languages ("Première Nation des Innus
      // de Nutashkuan", "God's Lake First Nation"); it is a proper name, not translated.
      name: bilingual(name, name),
      alternateNames: [],
      province: locator.provinceNear(lat, lon, 15),
      lat,
      lon,
      population: null,
      sourceId: FIRST_NATIONS,
    });
  }
  return out;
}

async function loadInuitCommunities(dataDir: string): Promise<NamedCommunity[]> {
  const path = join(dataDir, INUIT, 'inuit_communities.csv');
  const out: NamedCommunity[] = [];
  for await (const { row, fields } of (await openCsv(path)).rows()) {
    const id = (fields['id'] ?? '').trim();
    const name = cleanText(fields['NAME'] ?? '');
    const traditional = cleanText(fields['TRADITIONAL_NAME'] ?? '');
    const { lat, lon } = coordinates(path, row, fields['LATITUDE'], fields['LONGITUDE']);
    if (!id || !name) throw new Error(`${path}: row ${row} has no id or NAME; both are required`);
    const population = Number(fields['POPULATION']);
    const region = cleanText(fields['REGION'] ?? '');
    const community: NamedCommunity = {
      id: `inuit:${id}`,
      kind: 'inuit',
      name: bilingual(name, name),
      // The traditional (Inuktitut) name, e.g. Salliq for Coral Harbour; official since 2020
      // for Kinngait (Cape Dorset). Kept for matching addresses that use it.
      alternateNames: traditional && traditional !== name ? [traditional] : [],
      province: provinceFromText(fields['PROVINCE_CODE'] ?? ''),
      lat,
      lon,
      population: fields['POPULATION'] && Number.isFinite(population) ? population : null,
      sourceId: INUIT,
    };
    // "s. o. / n/a" is how the source marks the abandoned Killiniq's missing region.
    if (region && !region.startsWith('s. o.')) community.region = region;
    out.push(community);
  }
  return out;
}

function coordinates(
  path: string,
  row: number,
  latCell?: string,
  lonCell?: string,
): { lat: number; lon: number } {
  const lat = Number(latCell);
  const lon = Number(lonCell);
  if (!latCell || !lonCell || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    throw new Error(
      `${path}: row ${row} has coordinates "${latCell}, ${lonCell}", expected decimal degrees on every row`,
    );
  }
  return { lat, lon };
}
