// `repere copy`: a small SQLite store copied to PostGIS and back must come out the same.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyStore } from '../../src/cli/commands/copy.js';
import type { ImportReport, RowIssue } from '../../src/domain/row-issue.js';
import type { ServicePoint } from '../../src/domain/service-point.js';
import { PostgisStore } from '../../src/store/postgis/postgis-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { SourceInfo, Store } from '../../src/store/store.js';
import { geocodeAt, makePoint } from '../../src/store/test-points.js';
import { describeWithPostgres } from './postgis-suite.js';
import { createTestDatabase } from './throwaway-cluster.js';

// Records and reference rows after the bundled data (data/workbc_centres_2021,
// data/odhf_healthcare_facilities_v1.1, data/dfrp_federal_offices_2023, data/geonames_ca_places,
// data/fsa_centroids_2011, data/cwb_community_wellbeing_2021, data/isc_inuit_communities),
// trimmed to the fields these checks need.
const WORKBC: SourceInfo = {
  id: 'workbc',
  title: 'WorkBC Centres (February 2021)',
  licence: 'Apache-2.0',
  attribution: 'Province of British Columbia',
  origin: 'data/workbc_centres_2021/workbc_centres.csv',
  retrievedAt: '2021-02-23',
  lastVerified: '2021-02-23',
};
const ODHF: SourceInfo = {
  id: 'odhf',
  title: 'Open Database of Healthcare Facilities v1.1',
  licence: 'OGL-Canada-2.0',
  origin: 'data/odhf_healthcare_facilities_v1.1/odhf_v1.1.csv',
  retrievedAt: '2025-09-21',
  lastVerified: null,
};

const WORKBC_POINTS = [
  makePoint({
    sourceId: 'workbc',
    sourceRecordId: 'p1',
    layer: 'workbc',
    name: { en: 'WorkBC Centre - Campbell River' },
    jurisdictionLevel: 'provincial',
    jurisdictionCode: 'BC',
    serviceTypes: ['employment'],
    address: {
      street: '920 Alder Street',
      city: 'Campbell River',
      province: 'BC',
      postalCode: 'V9W 2P8',
      country: 'CA',
    },
    geocode: geocodeAt(50.0240613, -125.2434889),
  }),
  makePoint({
    sourceId: 'workbc',
    sourceRecordId: 'p2',
    layer: 'workbc',
    name: { en: 'WorkBC Centre - Courtenay' },
    jurisdictionLevel: 'provincial',
    jurisdictionCode: 'BC',
    serviceTypes: ['employment'],
    address: { street: '2966 Kilpatrick Avenue', city: 'Courtenay', province: 'BC', country: 'CA' },
    geocode: geocodeAt(49.6880171, -124.9940155),
  }),
  // Left unlocated, to copy a point without coordinates.
  makePoint({
    sourceId: 'workbc',
    sourceRecordId: 'p3',
    layer: 'workbc',
    name: { en: 'WorkBC Centre - Gold River' },
  }),
];
const ODHF_POINTS = [
  makePoint({
    sourceId: 'odhf',
    sourceRecordId: '1971',
    layer: 'healthcare',
    role: 'facility',
    name: { en: 'Riverdale Health Centre' },
    jurisdictionLevel: 'provincial',
    jurisdictionCode: 'MB',
    address: { street: '512 québec st', city: 'rivers', province: 'MB', country: 'CA' },
    geocode: geocodeAt(50.0351804, -100.242086),
  }),
];

const issue = (row: number, code: RowIssue['code']): RowIssue => ({
  row,
  field: null,
  code,
  severity: 'warning',
  message: code,
});
const reportOf =
  (points: readonly ServicePoint[], issues: RowIssue[] = []) =>
  (): ImportReport => ({
    source: 'fixture.csv',
    rows_read: points.length + 1,
    imported: points.length,
    rejected: 1,
    duplicates: 0,
    issues,
  });

async function fill(store: Store): Promise<void> {
  await store.replaceSource(
    WORKBC,
    WORKBC_POINTS,
    reportOf(WORKBC_POINTS, [issue(3, 'not_located'), issue(4, 'missing_required')]),
  );
  await store.replaceSource(ODHF, ODHF_POINTS, reportOf(ODHF_POINTS));
  await store.replacePopulationUnits([
    {
      csdCode: '6204003',
      name: 'Iqaluit',
      province: 'NU',
      csdType: 'CY',
      population: 7429,
      cwb: { score: 83, income: 94, education: 64, housing: 86, labourForce: 87 },
      communityType: 'inuit',
      lat: 63.74697,
      lon: -68.51727,
      precision: 'community',
      locatedBy: 'geonames:5983720',
    },
  ]);
  await store.replaceCommunities([
    {
      id: 'IN14',
      kind: 'inuit',
      name: { en: 'Iqaluit' },
      province: 'NU',
      lat: 63.746692994,
      lon: -68.51696729000003,
      population: 6699,
      sourceId: 'isc_inuit_communities',
    },
  ]);
  await store.replacePlaces([
    {
      id: '6138501',
      name: 'Saint-Jérôme',
      alternateNames: ['Saint-Jerome'],
      province: 'QC',
      lat: 45.78036,
      lon: -74.00365,
      population: 54948,
      csdCode: '2475017',
    },
  ]);
  await store.replaceFsaCentroids([{ fsa: 'V9W', lat: 50.0059, lon: -125.2343, province: 'BC' }]);
  await store.replaceBoundaries([
    {
      province: 'PE',
      name: { en: 'Prince Edward Island', fr: 'Île-du-Prince-Édouard' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-64, 46],
            [-62, 46],
            [-62, 47],
            [-64, 46],
          ],
        ],
      },
    },
  ]);
  await store.setMeta('default_dataset_built_at', '2024-02-06T12:00:00.000Z');
  await store.setMeta('ckan_harvest:workbc', JSON.stringify({ source_id: 'workbc', sha256: 'abc' }));
}

/** Everything a reader can see, import times aside. */
async function snapshot(store: Store): Promise<unknown> {
  const all = { roles: [] };
  return {
    sources: (await store.listSources()).map(({ importedAt: _at, ...rest }) => rest),
    points: await store.listPoints({ limit: 100, offset: 0, ...all }),
    nearest: await store.findNearest({ lat: 50, lon: -125, k: 10, ...all }),
    text: await store.searchText({ q: 'centre', limit: 10, ...all }),
    units: await store.listPopulationUnits(),
    communities: await store.listCommunities(),
    places: await store.listPlaces(),
    fsas: await store.listFsaCentroids(),
    boundaries: await store.listBoundaries(),
    meta: [await store.getMeta('default_dataset_built_at'), await store.getMeta('ckan_harvest:workbc')],
  };
}

describeWithPostgres('repere copy', (server) => {
  let database: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase(server().adminUrl, 'copy');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('copies SQLite to PostGIS and back: sources with reports, points, reference layers, meta', async () => {
    const origin = SqliteStore.open(':memory:');
    const postgis = await PostgisStore.open(database.url);
    const back = SqliteStore.open(':memory:');
    try {
      await fill(origin);
      // A source only the target has is removed: the target ends up holding what the origin holds.
      const stale = makePoint({ sourceId: 'stale', sourceRecordId: '1', geocode: geocodeAt(45, -75) });
      await postgis.replaceSource({ ...ODHF, id: 'stale' }, [stale], reportOf([stale]));

      const progress: number[] = [];
      const summary = await copyStore(origin, postgis, (done) => progress.push(done));
      expect(summary).toEqual({
        sources: 2,
        points: 4,
        populationUnits: 1,
        communities: 1,
        places: 1,
        fsaCentroids: 1,
        boundaries: 1,
        meta: 2,
      });
      expect(progress.at(-1)).toBe(4);
      const expected = await snapshot(origin);
      expect(await snapshot(postgis)).toStrictEqual(expected);

      await copyStore(postgis, back);
      expect(await snapshot(back)).toStrictEqual(expected);
    } finally {
      await origin.close();
      await postgis.close();
      await back.close();
    }
  });
});
