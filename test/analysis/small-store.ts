// A small SQLite database for the loader and CLI tests: the meridian fixture of
// src/analysis/coverage.test.ts (1° of latitude = 111,195.08 m) with points from several
// sources, roles and channels, one point without a location, and a First Nation.
import type { Community, PopulationUnit } from '../../src/domain/reference.js';
import type { ServicePoint } from '../../src/domain/service-point.js';
import type { Store } from '../../src/store/store.js';
import { geocodeAt, makePoint } from '../../src/store/test-points.js';
import { makeUnit } from '../../src/analysis/test-inputs.js';

export const UNITS: PopulationUnit[] = [
  makeUnit('3500002', { province: 'ON', population: 2000, lat: 45.3, lon: -75 }),
  makeUnit('2400001', { province: 'QC', population: 500, lat: 46.0, lon: -75, precision: 'csd' }),
  makeUnit('3500001', { province: 'ON', population: 1000, lat: 45.0, lon: -75 }),
  makeUnit('2400002', { province: 'QC', population: 300 }),
  makeUnit('2400003', { province: 'QC', population: null, lat: 45.5, lon: -75 }),
  makeUnit('4622046', {
    province: 'MB',
    population: 700,
    cwb: 45,
    type: 'first_nations',
    lat: 54.62,
    lon: -97.77,
    name: 'Cross Lake 19',
  }),
];

export const COMMUNITIES: Community[] = [
  {
    id: 'fn:276',
    kind: 'first_nation',
    name: { en: 'Pimicikamak' },
    province: 'MB',
    lat: 54.62,
    lon: -97.77,
    population: null,
    sourceId: 'isc',
  },
];

const sc = (id: string, lat: number | null, channel: ServicePoint['channel'] = 'in_person'): ServicePoint =>
  makePoint({
    sourceId: 'service_canada',
    sourceRecordId: id,
    channel,
    geocode: lat === null ? null : geocodeAt(lat, -75),
  });

/** Points by source, in a scrambled order (the loader sorts). */
export const POINTS: Record<string, ServicePoint[]> = {
  service_canada: [sc('2', 47.0), sc('1', 45.0), sc('3', null), sc('4', 45.3, 'phone')],
  serviceontario: [
    makePoint({
      sourceId: 'serviceontario',
      sourceRecordId: 'a',
      layer: 'serviceontario',
      jurisdictionLevel: 'provincial',
      geocode: geocodeAt(46.0, -75),
    }),
    makePoint({
      sourceId: 'serviceontario',
      sourceRecordId: 'b',
      layer: 'serviceontario_partners',
      jurisdictionLevel: 'municipal',
      geocode: geocodeAt(45.5, -75),
    }),
  ],
  healthcare: [
    makePoint({
      sourceId: 'healthcare',
      sourceRecordId: 'h',
      layer: 'healthcare',
      role: 'facility',
      geocode: geocodeAt(45.3, -75),
    }),
  ],
  federal_buildings: [
    makePoint({
      sourceId: 'federal_buildings',
      sourceRecordId: 'k',
      layer: 'federal_buildings',
      role: 'candidate_site',
      geocode: geocodeAt(54.6, -97.7),
    }),
  ],
};

/** Fills `store` with the fixture. */
export async function fillSmallStore(store: Store): Promise<void> {
  await store.replacePopulationUnits(UNITS);
  await store.replaceCommunities(COMMUNITIES);
  for (const [source, points] of Object.entries(POINTS)) {
    await store.replaceSource(
      {
        id: source,
        title: source,
        licence: 'test',
        origin: 'test/analysis/small-store.ts',
        retrievedAt: '2024-01-01',
        lastVerified: null,
      },
      points,
      () => ({
        source,
        rows_read: points.length,
        imported: points.length,
        rejected: 0,
        duplicates: 0,
        issues: [],
      }),
    );
  }
}
