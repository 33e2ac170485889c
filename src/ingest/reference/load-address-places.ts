import { join } from 'node:path';
import { provinceFromText } from '../../domain/province.js';
import type { ProvinceCode } from '../../domain/province.js';
import type { Place } from '../../domain/reference.js';
import { cleanText, foldPlaceName } from '../../domain/text.js';
import { openCsv } from '../csv/index.js';

/** A bundled file whose rows carry a community name and WGS84 coordinates. */
interface AddressSource {
  file: string;
  city: string;
  province: string;
  lat: string;
  lon: string;
  /** True when the source writes names in lower case (ODHF), so another source's casing is preferred. */
  lowerCase?: boolean;
}

// Facilities and offices with coordinates, named by the community of their address. GeoNames
// (cities500 + cities1000) misses most villages under ~1,000 people; these fill many of them
// (Chéticamp, Stony Rapids, Doaktown…). Not the library branch file: its Waterloo-region rows
// give the county ("Perth", "Oxford", "Wellington") as the city, 25–430 km from the towns.
const SOURCES: readonly AddressSource[] = [
  {
    file: 'odhf_healthcare_facilities_v1.1/odhf_v1.1.csv',
    city: 'city',
    province: 'province',
    lat: 'latitude',
    lon: 'longitude',
    lowerCase: true,
  },
  {
    file: 'nova_scotia_works_centres_2021/ns_works_centres.csv',
    city: 'city_town',
    province: 'province_code',
    lat: 'latitude',
    lon: 'longitude',
  },
  // Community-level points of the 2014 CWRC library list (data/cwrc_…/SOURCE.md): villages
  // with a public library, such as Bloomingdale, Beamsville or Coboconk in Ontario.
  {
    file: 'cwrc_canadian_libraries_archives_2014/library_communities.csv',
    city: 'community',
    province: 'province_code',
    lat: 'latitude',
    lon: 'longitude',
  },
  {
    file: 'workbc_centres_2021/workbc_centres.csv',
    city: 'city',
    province: 'province_code',
    lat: 'latitude',
    lon: 'longitude',
  },
];

/** The facilities of one community: its spellings (with weights), and their points. */
interface AddressGroup {
  province: ProvinceCode;
  names: Map<string, number>;
  lats: number[];
  lons: number[];
}

// A facility farther than this from the median of its community's facilities is taken to be
// mislabelled (a rural-route address, a head office) and left out of the point.
const MAX_FROM_MEDIAN_KM = 20;
const KM_PER_DEGREE = 111.2;

/**
 * Community points derived from the addresses of geolocated facilities (ODHF health
 * facilities, Nova Scotia Works and WorkBC centres): per province and
 * community name, the mean of the facility points within 20 km of their median.
 * Population is unknown (null), so a GeoNames place of the same name always ranks first.
 * @example (await loadAddressPlaces('data')).find((p) => p.id === 'address:NS|cheticamp')?.name // 'Cheticamp'
 */
export async function loadAddressPlaces(dataDir: string): Promise<Place[]> {
  const groups = new Map<string, AddressGroup>();
  for (const source of SOURCES) {
    for await (const { fields } of (await openCsv(join(dataDir, source.file))).rows()) {
      const city = cleanText(fields[source.city] ?? '');
      const province = provinceFromText(fields[source.province] ?? '');
      const lat = Number(fields[source.lat]);
      const lon = Number(fields[source.lon]);
      // ODHF lost its accents in places ("no�lville"): such names cannot be matched reliably.
      const hasPoint = Boolean(fields[source.lat]) && Number.isFinite(lat) && Number.isFinite(lon);
      if (!city || city.includes('\uFFFD') || !province || !hasPoint) continue;
      const key = `${province}|${foldPlaceName(city)}`;
      const group: AddressGroup = groups.get(key) ?? { province, names: new Map(), lats: [], lons: [] };
      const display = source.lowerCase ? titleCase(city) : city;
      // Properly cased spellings count more than title-cased guesses from lower-case sources.
      group.names.set(display, (group.names.get(display) ?? 0) + (source.lowerCase ? 1 : 1000));
      group.lats.push(lat);
      group.lons.push(lon);
      groups.set(key, group);
    }
  }
  const places: Place[] = [];
  for (const [key, group] of groups) {
    const point = robustCentre(group.lats, group.lons);
    const [name] = [...group.names].sort((a, b) => b[1] - a[1])[0] ?? [''];
    places.push({
      id: `address:${key}`,
      name,
      alternateNames: [],
      province: group.province,
      lat: point.lat,
      lon: point.lon,
      population: null,
    });
  }
  return places;
}

/** Median point, then the mean of the points within 20 km of it. */
function robustCentre(lats: readonly number[], lons: readonly number[]): { lat: number; lon: number } {
  const lat0 = median(lats);
  const lon0 = median(lons);
  const kmPerDegLon = KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  let lat = 0;
  let lon = 0;
  let n = 0;
  lats.forEach((la, i) => {
    const lo = lons[i];
    if (Math.hypot((la - lat0) * KM_PER_DEGREE, (lo - lon0) * kmPerDegLon) > MAX_FROM_MEDIAN_KM) return;
    lat += la;
    lon += lo;
    n += 1;
  });
  return n > 0 ? { lat: lat / n, lon: lon / n } : { lat: lat0, lon: lon0 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Particles that stay lower case inside a French or English place name.
const PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'sur',
  'en',
  'aux',
  'à',
  'on',
  'the',
  'of',
  'and',
]);

/** "notre-dame-de-lourdes" → "Notre-Dame-de-Lourdes", "l'ascension" → "L'Ascension", "st. john's" → "St. John's". */
function titleCase(text: string): string {
  let first = true;
  return text.replace(/\p{L}+/gu, (word, offset: number) => {
    const keep = (!first && PARTICLES.has(word)) || (word === 's' && /['’]$/.test(text.slice(0, offset)));
    first = false;
    return keep ? word : word.charAt(0).toUpperCase() + word.slice(1);
  });
}
