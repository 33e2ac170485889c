import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineMetres } from '../../domain/distance.js';
import type { Geocode } from '../../domain/geocode.js';
import { isAtLeastAsPrecise } from '../../domain/geocode.js';
import type { ProvinceCode } from '../../domain/province.js';
import { isProvinceCode } from '../../domain/province.js';
import { openCsv } from '../csv/index.js';
import { loadAddressPlaces } from '../reference/load-address-places.js';
import { loadCommunities } from '../reference/load-communities.js';
import { loadFsaCentroids } from '../reference/load-fsa-centroids.js';
import { loadPlaces } from '../reference/load-places.js';
import { loadPopulationUnits } from '../reference/load-population-units.js';
import { Gazetteer } from './gazetteer.js';
import type { GeocodeQuery } from './gazetteer.js';

// How much of two real service-point lists the offline geocoder places at community precision
// or better, from the bundled data only (data/service_canada_points_2024: 595 rows, a postal
// code for the 113 BC/AB rows; data/serviceontario_locations_2019: 882 rows, city only).
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

// Service Canada names offices after their community ("Hamilton Mountain Service Canada
// Centre and Passport Services"); 482 of 595 rows have no city, so the name is all there is.
// The import pipeline does this in transforms/place-from-office-name.ts; this copy keeps the
// measurement independent of that transform.
const OFFICE_SUFFIX =
  /\s*(?:-\s*)?(?:\band\s+)?(?:service canada centre|scheduled outreach site|service delivery partner|passport services?|passport office)\s*$/i;

/** The community named in an office name, then its leading words ("Hamilton Mountain" → "Hamilton"). */
function placesInOfficeName(name: string): string[] {
  let place = name.trim();
  for (let previous = ''; previous !== place;) {
    previous = place;
    place = place.replace(OFFICE_SUFFIX, '').trim();
  }
  const words = place.split(/\s+/);
  return [place, ...words.slice(0, -1).map((_, i) => words.slice(0, words.length - 1 - i).join(' '))].filter(
    Boolean,
  );
}

const isCommunityOrBetter = (g: Geocode | null): boolean =>
  g !== null && isAtLeastAsPrecise(g.precision, 'community');

/** The first community-level answer over the candidate names, else the first answer at all. */
function locate(gazetteer: Gazetteer, base: GeocodeQuery, places: readonly string[]): Geocode | null {
  let fallback: Geocode | null = null;
  for (const city of places.length > 0 ? places : [undefined]) {
    const query: GeocodeQuery = { ...base };
    if (city) query.city = city;
    const found = gazetteer.geocode(query);
    if (found && isCommunityOrBetter(found)) return found;
    fallback ??= found;
  }
  return fallback;
}

describe('offline geocoding coverage of real service-point lists', () => {
  let gazetteer: Gazetteer;
  beforeAll(async () => {
    const [places, addressPlaces, communities, fsas, units] = await Promise.all([
      loadPlaces(DATA),
      loadAddressPlaces(DATA),
      loadCommunities(DATA),
      loadFsaCentroids(DATA),
      loadPopulationUnits(DATA),
    ]);
    gazetteer = Gazetteer.from({ places, addressPlaces, communities, fsas, units });
  });

  it('locates 580 of 595 Service Canada points (97.5%) at community precision or better', async () => {
    const misses: string[] = [];
    const sources = new Map<string, number>();
    let located = 0;
    let total = 0;
    for await (const { fields } of (
      await openCsv(`${DATA}/service_canada_points_2024/service_canada_points.csv`)
    ).rows()) {
      total += 1;
      const province = fields['province_code'] ?? '';
      const base: GeocodeQuery = isProvinceCode(province) ? { province } : {};
      if (fields['postal_code']) base.postalCode = fields['postal_code'];
      const names = [fields['city'] ?? '', ...placesInOfficeName(fields['name'] ?? '')].filter(Boolean);
      const found = locate(gazetteer, base, names);
      if (found && isCommunityOrBetter(found)) {
        located += 1;
        sources.set(found.source, (sources.get(found.source) ?? 0) + 1);
      } else {
        misses.push(
          `${province} ${fields['name']} → ${found ? `${found.precision} ${found.label}` : 'none'}`,
        );
      }
    }
    console.info(
      `Service Canada: ${located} / ${total} = ${((located / total) * 100).toFixed(1)}%`,
      Object.fromEntries(sources),
    );
    console.info(`Service Canada misses:\n${misses.join('\n')}`);
    expect(total).toBe(595);
    expect(located).toBe(580);
    expect(located / total).toBeGreaterThanOrEqual(0.85);
  });

  // Below the 85% target: the 163 missing names (Blenheim, Beamsville, Bradford, Coboconk…) are
  // villages and hamlets that no bundled file names with a position (GeoNames cities500/1000
  // stops near 1,000 people; ODHF has no facility there). Closing the gap needs a fuller
  // gazetteer (GeoNames CA.txt, NRCan CGNDB, or the CWRC library communities), not looser matching.
  it('locates 858 of 882 ServiceOntario locations (97.3%) at community precision from the city alone', async () => {
    const misses = new Map<string, number>();
    let located = 0;
    let total = 0;
    for await (const { fields } of (
      await openCsv(`${DATA}/serviceontario_locations_2019/serviceontario_locations.csv`)
    ).rows()) {
      total += 1;
      const city = fields['city'] ?? '';
      const found = gazetteer.geocode({ city, province: 'ON' });
      if (isCommunityOrBetter(found)) located += 1;
      else misses.set(city, (misses.get(city) ?? 0) + 1);
    }
    console.info(`ServiceOntario: ${located} / ${total} = ${((located / total) * 100).toFixed(1)}%`);
    console.info(
      `ServiceOntario misses (${misses.size} names): ${[...misses].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ')}`,
    );
    expect(total).toBe(882);
    expect(located).toBe(858);
  });

  it('puts WorkBC and Nova Scotia Works centres near their published coordinates from postal code + city', async () => {
    const errorsKm: number[] = [];
    for (const [file, cityField] of [
      ['workbc_centres_2021/workbc_centres.csv', 'city'],
      ['nova_scotia_works_centres_2021/ns_works_centres.csv', 'city_town'],
    ] as const) {
      for await (const { fields } of (await openCsv(`${DATA}/${file}`)).rows()) {
        const province = fields['province_code'] as ProvinceCode;
        const found = gazetteer.geocode({
          postalCode: fields['postal_code'] ?? '',
          city: fields[cityField] ?? '',
          province,
        });
        errorsKm.push(
          found
            ? haversineMetres(Number(fields['latitude']), Number(fields['longitude']), found.lat, found.lon) /
                1000
            : Infinity,
        );
      }
    }
    errorsKm.sort((a, b) => a - b);
    console.info(
      `distance to the published point: median ${errorsKm[78]?.toFixed(2)} km, max ${errorsKm[155]?.toFixed(2)} km`,
    );
    expect(errorsKm).toHaveLength(156);
    expect(errorsKm[78]).toBeLessThan(2);
    expect(errorsKm[155]).toBeLessThan(20);
  });
});
