// The Store conformance suite: every implementation runs it (hono's router/common.case.test.ts
// pattern). Callers: src/store/sqlite/sqlite-store.test.ts (and the PostGIS store's test).
import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { haversineMetres } from '../domain/distance.js';
import type { Boundary, Community, FsaCentroid, Place, PopulationUnit } from '../domain/reference.js';
import type { ImportReport, RowIssue } from '../domain/row-issue.js';
import type { ServicePoint } from '../domain/service-point.js';
import { stableUuid } from '../domain/stable-uuid.js';
import { NotFoundError, type NearestQuery, type SourceInfo, type Store } from './store.js';
import { geocodeAt, makePoint } from './test-points.js';

// A tiny real test, so that vitest does not reject this file for having none of its own.
describe('makePoint', () => {
  it('builds ids as `${sourceId}:${sourceRecordId}` and records both in the provenance', () => {
    const point = makePoint({ sourceId: 'workbc', sourceRecordId: 'p1' });
    expect(point.id).toBe('workbc:p1');
    expect([point.provenance.sourceId, point.provenance.sourceRecordId]).toEqual(['workbc', 'p1']);
  });
});

// ---------------------------------------------------------------------------------------
// Fixtures: real records from the bundled data (data/*/SOURCE.md), row numbers are 1-based
// data rows of the named file (header not counted).

const serviceCanadaUrl = (rc: string): string =>
  `https://www.servicecanada.gc.ca/tbsc-fsco/sc-dsp.jsp?rc=${rc}&lang=eng`;

/** A row of data/service_canada_points_2024/service_canada_points.csv as the reader gives it. */
function serviceCanadaRaw(
  scId: string,
  name: string,
  siteType: string,
  languages: string,
  provinceCode: string,
  province: string,
): Record<string, string> {
  return {
    sc_id: scId,
    name,
    site_type: siteType,
    service_languages: languages,
    province_code: provinceCode,
    province,
    street_address: '',
    city: '',
    postal_code: '',
    url: serviceCanadaUrl(scId),
    has_address: 'no',
  };
}

const SERVICE_CANADA: SourceInfo = {
  id: 'service-canada',
  title: 'Service Canada points of service (scraped list, February 2024)',
  licence: 'unclear',
  origin: 'data/service_canada_points_2024/service_canada_points.csv',
  retrievedAt: '2024-02-06',
  lastVerified: null,
};

const SERVICE_CANADA_ORG = { id: 'service-canada', name: { en: 'Service Canada', fr: 'Service Canada' } };

// Row 560. The scraped file has the English name only; the French name and the phones are the
// national Service Canada lines (1 800 O-Canada and its TTY). The extension on the third phone
// (the City of Iqaluit's number from data/isc_inuit_communities) is added to exercise the field.
// Coordinates: the ISC Inuit community point IN14, rounded to 4 decimals.
const IQALUIT = makePoint({
  sourceId: 'service-canada',
  sourceRecordId: '4936',
  layer: 'service_canada',
  name: { en: 'Iqaluit Service Canada Centre', fr: 'Centre Service Canada d’Iqaluit' },
  organization: SERVICE_CANADA_ORG,
  description: {
    en: 'Employment Insurance, pensions, Social Insurance Numbers and passports.',
    fr: 'Assurance-emploi, pensions, numéros d’assurance sociale et passeports.',
  },
  serviceTypes: ['government_services', 'benefits', 'identity_documents'],
  address: { city: 'Iqaluit', province: 'NU', postalCode: 'X0A 0H0', country: 'CA' },
  phones: [
    { e164: '+18006226232', display: '1-800-622-6232', kind: 'toll_free' },
    { e164: '+18009269105', display: '1-800-926-9105', kind: 'tty' },
    { e164: '+18679795600', display: '867-979-5600', extension: '204', kind: 'voice' },
  ],
  url: serviceCanadaUrl('4936'),
  languages: ['en', 'fr'],
  officialLanguages: 'en+fr',
  timeZone: 'America/Iqaluit',
  csdCode: '6204003',
  geocode: geocodeAt(63.7467, -68.517, 'community', 'community', 'Iqaluit, NU'),
  provenance: {
    row: 560,
    raw: serviceCanadaRaw(
      '4936',
      'Iqaluit Service Canada Centre',
      'Service Canada Centre',
      'English and French',
      'NU',
      'Nunavut',
    ),
  },
});

// Rows 449, 435 and 390; located at the GeoNames (cities500) point of their city.
const QUEBEC_PASSPORT = makePoint({
  sourceId: 'service-canada',
  sourceRecordId: '2001',
  name: { en: 'Quebec Service Canada Centre - Passport Services' },
  organization: SERVICE_CANADA_ORG,
  serviceTypes: ['passport'],
  address: { province: 'QC', country: 'CA' },
  url: serviceCanadaUrl('2001'),
  geocode: geocodeAt(46.81228, -71.21454, 'community', 'gazetteer', 'Québec, QC'),
  provenance: {
    row: 449,
    raw: serviceCanadaRaw(
      '2001',
      'Quebec Service Canada Centre - Passport Services',
      'Passport Office',
      'English and French',
      'QC',
      'Quebec',
    ),
  },
});

const SAINT_JEROME = makePoint({
  sourceId: 'service-canada',
  sourceRecordId: '2467',
  name: { en: 'Saint-Jérôme Service Canada Centre' },
  organization: SERVICE_CANADA_ORG,
  serviceTypes: ['government_services', 'benefits'],
  address: { province: 'QC', country: 'CA' },
  languages: ['fr'],
  officialLanguages: 'fr',
  geocode: geocodeAt(45.78036, -74.00365, 'community', 'gazetteer', 'Saint-Jérôme, QC'),
  provenance: {
    row: 435,
    raw: serviceCanadaRaw(
      '2467',
      'Saint-Jérôme Service Canada Centre',
      'Service Canada Centre',
      'French',
      'QC',
      'Quebec',
    ),
  },
});

const MONTREAL = makePoint({
  sourceId: 'service-canada',
  sourceRecordId: '2879',
  name: { en: 'Montréal (Downtown) Service Canada Centre' },
  organization: SERVICE_CANADA_ORG,
  serviceTypes: ['government_services', 'benefits'],
  address: { province: 'QC', country: 'CA' },
  geocode: geocodeAt(45.50884, -73.58781, 'community', 'gazetteer', 'Montréal, QC'),
  provenance: {
    row: 390,
    raw: serviceCanadaRaw(
      '2879',
      'Montréal (Downtown) Service Canada Centre',
      'Service Canada Centre',
      'English and French',
      'QC',
      'Quebec',
    ),
  },
});

// Row 563: an outreach site, left unlocated here to have a point without coordinates.
const ARVIAT_OUTREACH = makePoint({
  sourceId: 'service-canada',
  sourceRecordId: 'NU-SAL',
  name: { en: 'Arviat Scheduled Outreach Site' },
  organization: SERVICE_CANADA_ORG,
  channel: 'outreach',
  serviceTypes: ['government_services'],
  address: { province: 'NU', country: 'CA' },
  languages: ['en'],
  geocode: null,
  provenance: {
    row: 563,
    raw: serviceCanadaRaw(
      'NU-SAL',
      'Arviat Scheduled Outreach Site',
      'Scheduled Outreach Site',
      'English',
      'NU',
      'Nunavut',
    ),
  },
});

const WORKBC: SourceInfo = {
  id: 'workbc',
  title: 'WorkBC Centres (February 2021)',
  licence: 'Apache-2.0',
  attribution: 'Province of British Columbia',
  origin: 'data/workbc_centres_2021/workbc_centres.csv',
  retrievedAt: '2021-02-23',
  lastVerified: '2021-02-23',
};

// data/workbc_centres_2021/workbc_centres.csv row 1, every column kept in `raw`.
const CAMPBELL_RIVER_HOURS =
  '8:30 am to 4:30 pm Monday, Tuesday, Thursday, Friday; 8:30 am to 6:00 pm Wednesday; Statutory Holidays - Closed';
const CAMPBELL_RIVER = makePoint({
  sourceId: 'workbc',
  sourceRecordId: 'p1',
  layer: 'workbc',
  name: { en: 'WorkBC Centre - Campbell River' },
  organization: { id: 'workbc', name: { en: 'WorkBC' } },
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
  phones: [
    { e164: '+12502863441', display: '250-286-3441', kind: 'voice' },
    { e164: '+12502863447', display: '250-286-3447', kind: 'fax' },
  ],
  email: 'centre-campbellriver@workbc.ca',
  url: 'https://workbc.ca/WorkBC-Centres/Vancouver-Island-Coast/Campbell-River.aspx',
  languages: ['en'],
  officialLanguages: 'en',
  hoursText: CAMPBELL_RIVER_HOURS,
  timeZone: 'America/Vancouver',
  csdCode: '5924034',
  geocode: geocodeAt(50.0240613, -125.2434889),
  provenance: {
    licence: 'Apache-2.0',
    retrievedAt: '2021-02-23',
    lastVerified: '2021-02-23',
    row: 1,
    raw: {
      id: 'p1',
      name: 'WorkBC Centre - Campbell River',
      street_address: '920 Alder Street',
      city: 'Campbell River',
      province_code: 'BC',
      postal_code: 'V9W 2P8',
      phone: '250-286-3441',
      fax: '250-286-3447',
      email: 'centre-campbellriver@workbc.ca',
      website: 'https://workbc.ca/WorkBC-Centres/Vancouver-Island-Coast/Campbell-River.aspx',
      catchment_id: '01',
      catchment_name: 'Vancouver Island North',
      storefront_id: '1',
      french_services: 'N',
      hours: CAMPBELL_RIVER_HOURS,
      latitude: '50.0240613',
      longitude: '-125.2434889',
    },
  },
});

const ODHF: SourceInfo = {
  id: 'odhf',
  title: 'Open Database of Healthcare Facilities v1.1',
  licence: 'OGL-Canada-2.0',
  attribution: 'Contains information licensed under the Open Government Licence – Canada',
  origin: 'data/odhf_healthcare_facilities_v1.1/odhf_v1.1.csv',
  retrievedAt: '2025-09-21',
  lastVerified: null,
};

// data/odhf_healthcare_facilities_v1.1/odhf_v1.1.csv row 911: ODHF writes the street
// "québec st", with the accent and in lower case.
const RIVERDALE_ODHF = makePoint({
  sourceId: 'odhf',
  sourceRecordId: '1971',
  layer: 'healthcare',
  role: 'facility',
  name: { en: 'Riverdale Health Centre' },
  organization: { id: 'riverdale-health-centre', name: { en: 'Riverdale Health Centre' } },
  jurisdictionLevel: 'provincial',
  jurisdictionCode: 'MB',
  serviceTypes: ['health'],
  address: { street: '512 québec st', city: 'rivers', province: 'MB', postalCode: 'R0K 1X0', country: 'CA' },
  languages: ['en'],
  csdCode: '4607076',
  geocode: geocodeAt(50.0351804, -100.242086),
  provenance: {
    licence: 'OGL-Canada-2.0',
    retrievedAt: '2025-09-21',
    row: 911,
    raw: {
      index: '1971',
      facility_name: 'Riverdale Health Centre',
      street_no: '512',
      street_name: 'québec st',
      postal_code: 'R0K 1X0',
      city: 'rivers',
      province: 'mb',
      latitude: '50.0351804',
      longitude: '-100.242086',
    },
  },
});

const MANITOBA_HEALTH: SourceInfo = {
  id: 'manitoba-health',
  title: 'Riverdale Health Centre, English form of its address',
  licence: 'unclear',
  origin: 'test fixture',
  retrievedAt: '2025-09-21',
  lastVerified: null,
};

// The same centre with the English form of its address (512 Quebec Street, no accent), as a
// second directory would list it before dedupe. Not from a bundled file: it is here so that
// one record has "Quebec" only without the accent, and it ties with RIVERDALE_ODHF in
// distance from everywhere.
const RIVERDALE_EN = makePoint({
  ...RIVERDALE_ODHF,
  sourceId: 'manitoba-health',
  sourceRecordId: 'riverdale',
  address: {
    street: '512 Quebec Street',
    city: 'Rivers',
    province: 'MB',
    postalCode: 'R0K 1X0',
    country: 'CA',
  },
  provenance: {
    row: 1,
    raw: { name: 'Riverdale Health Centre', address: '512 Quebec Street, Rivers, MB R0K 1X0' },
  },
});

const FEDERAL_BUILDINGS: SourceInfo = {
  id: 'federal-buildings',
  title: 'Directory of Federal Real Property: office buildings (January 2023)',
  licence: 'OGL-Canada-2.0',
  origin: 'data/dfrp_federal_offices_2023/dfrp_office_buildings_2023-01.csv',
  retrievedAt: '2023-01-31',
  lastVerified: '2022-11-24',
};

// data/dfrp_federal_offices_2023/dfrp_office_buildings_2023-01.csv row 719: a candidate site
// 30 m from the WorkBC centre.
const FEDERAL_ANNEX = makePoint({
  sourceId: 'federal-buildings',
  sourceRecordId: '018053',
  layer: 'federal_buildings',
  role: 'candidate_site',
  name: { en: 'GC Building - Federal Annex' },
  organization: {
    id: 'pspc',
    name: {
      en: 'Public Services and Procurement Canada',
      fr: 'Services publics et Approvisionnement Canada',
    },
  },
  serviceTypes: ['federal_office'],
  address: {
    street: '940 Alder Street',
    city: 'Campbell River',
    province: 'BC',
    postalCode: 'V9W 2P8',
    country: 'CA',
  },
  csdCode: '5924034',
  geocode: geocodeAt(50.024349, -125.243681),
  provenance: {
    licence: 'OGL-Canada-2.0',
    retrievedAt: '2023-01-31',
    lastVerified: '2022-11-24',
    row: 719,
    raw: {
      'Structure Number': '018053',
      'Structure Name': 'GC Building - Federal Annex',
      Latitude: '50.024349',
      Longitude: '-125.243681',
    },
  },
});

/** An import report for `points`, with optional issues; rows_read counts rejected rows too. */
function reportOf(
  source: string,
  points: readonly ServicePoint[],
  issues: RowIssue[] = [],
  rejected = 0,
): () => ImportReport {
  return () => ({
    source,
    rows_read: points.length + rejected,
    imported: points.length,
    rejected,
    duplicates: 0,
    issues,
  });
}

const geocoded = (row: number): RowIssue => ({
  row,
  field: 'city',
  code: 'geocoded',
  severity: 'info',
  message: 'located at the gazetteer point of its city',
});

const SERVICE_CANADA_POINTS = [IQALUIT, QUEBEC_PASSPORT, SAINT_JEROME, MONTREAL, ARVIAT_OUTREACH];
const SERVICE_CANADA_ISSUES: RowIssue[] = [
  geocoded(560),
  geocoded(449),
  geocoded(435),
  geocoded(390),
  {
    row: 563,
    field: null,
    code: 'not_located',
    severity: 'warning',
    message: 'no coordinates and no place to locate it by',
  },
  { row: 596, field: null, code: 'missing_required', severity: 'error', message: 'a row without a name' },
];

const ALL_POINTS = [...SERVICE_CANADA_POINTS, CAMPBELL_RIVER, RIVERDALE_ODHF, RIVERDALE_EN, FEDERAL_ANNEX];

/** An async stream of points, as the ingest pipeline produces them. */
async function* streamOf(points: readonly ServicePoint[]): AsyncGenerator<ServicePoint> {
  for (const point of points) {
    await Promise.resolve();
    yield point;
  }
}

/** Imports the five fixture sources; service-canada as an async stream, the others as arrays. */
async function importFixture(store: Store): Promise<void> {
  await store.replaceSource(
    SERVICE_CANADA,
    streamOf(SERVICE_CANADA_POINTS),
    reportOf('service_canada_points.csv', SERVICE_CANADA_POINTS, SERVICE_CANADA_ISSUES, 1),
  );
  await store.replaceSource(WORKBC, [CAMPBELL_RIVER], reportOf('workbc_centres.csv', [CAMPBELL_RIVER]));
  await store.replaceSource(ODHF, [RIVERDALE_ODHF], reportOf('odhf_v1.1.csv', [RIVERDALE_ODHF]));
  await store.replaceSource(
    MANITOBA_HEALTH,
    streamOf([RIVERDALE_EN]),
    reportOf('riverdale.csv', [RIVERDALE_EN]),
  );
  await store.replaceSource(
    FEDERAL_BUILDINGS,
    [FEDERAL_ANNEX],
    reportOf('dfrp_office_buildings_2023-01.csv', [FEDERAL_ANNEX]),
  );
}

// GeoNames (cities500) points of two query places.
const LAVAL = { lat: 45.56995, lon: -73.692 };
const BRANDON = { lat: 49.84692, lon: -99.95306 };
const ALL_ROLES = { roles: [] };
const CANADA = { west: -141.1, south: 41.6, east: -52.5, north: 83.2 };

const idsOf = (points: readonly { id: string }[]): string[] => points.map((p) => p.id);
const hitIds = (hits: readonly { point: ServicePoint }[]): string[] => hits.map((h) => h.point.id);
const sorted = (ids: readonly string[]): string[] => [...ids].sort();

/** Checks every hit's distance against haversine to within 1 m, and returns the ids. */
function checkedNearest(
  query: NearestQuery,
  hits: readonly { point: ServicePoint; distanceMetres: number }[],
): string[] {
  for (const { point, distanceMetres } of hits) {
    const geocode = point.geocode;
    expect(geocode).not.toBeNull();
    const expected = haversineMetres(query.lat, query.lon, geocode!.lat, geocode!.lon);
    expect(Math.abs(distanceMetres - expected)).toBeLessThan(1);
  }
  return hitIds(hits);
}

/** Everything a reader can observe, to compare before and after a failed write. */
async function observe(store: Store): Promise<unknown> {
  return {
    points: await store.listPoints({ limit: 1000, offset: 0, ...ALL_ROLES }),
    sources: await store.listSources(),
    text: await store.searchText({ q: 'centre', limit: 100, ...ALL_ROLES }),
    nearest: await store.findNearest({ ...LAVAL, k: 100, ...ALL_ROLES }),
    bbox: await store.withinBBox(CANADA, ALL_ROLES, 1000),
  };
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------

/**
 * Declares the conformance suite for one Store implementation. `makeStore` returns a new,
 * empty, migrated store for each test; `dispose` releases it (default: `close()`).
 */
export function runStoreConformance(
  name: string,
  makeStore: () => Promise<Store>,
  dispose: (store: Store) => Promise<void> = (store) => store.close(),
): void {
  describe(`Store conformance: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await dispose(store);
    });

    describe('an empty store', () => {
      it('has no points, sources, hits or metadata', async () => {
        expect(await store.listPoints({ limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
        expect(await store.listSources()).toEqual([]);
        expect(await store.findNearest({ ...LAVAL, k: 5 })).toEqual([]);
        expect(await store.searchText({ q: 'québec', limit: 10 })).toEqual({ hits: [], total: 0 });
        expect(await store.withinBBox(CANADA, {}, 10)).toEqual([]);
        expect(await store.getPoint('service-canada:4936')).toBeNull();
        expect(await store.getMeta('dataset_version')).toBeNull();
      });

      it('migrates again without losing anything', async () => {
        await store.replaceSource(WORKBC, [CAMPBELL_RIVER], reportOf('workbc_centres.csv', [CAMPBELL_RIVER]));
        await store.migrate();
        await store.migrate();
        expect(await store.getPoint('workbc:p1')).toStrictEqual(CAMPBELL_RIVER);
      });
    });

    describe('with the fixture sources', () => {
      beforeEach(async () => {
        await importFixture(store);
      });

      describe('replaceSource and reads by id', () => {
        it('returns each record exactly as written: bilingual text, phones, geocode, raw row', async () => {
          for (const point of ALL_POINTS) expect(await store.getPoint(point.id)).toStrictEqual(point);
        });

        it('does not mutate its input', async () => {
          const copy = structuredClone(IQALUIT);
          await store.replaceSource(
            SERVICE_CANADA,
            [IQALUIT],
            reportOf('service_canada_points.csv', [IQALUIT]),
          );
          expect(IQALUIT).toStrictEqual(copy);
        });

        it('returns null for an unknown id', async () => {
          expect(await store.getPoint('service-canada:0000')).toBeNull();
        });

        it('getPointByUuid finds each record by stableUuid(id), in any letter case', async () => {
          for (const point of ALL_POINTS) {
            expect(await store.getPointByUuid(stableUuid(point.id))).toStrictEqual(point);
          }
          // The HSDS id of WorkBC Centre - Campbell River: fixed forever (stable-uuid.ts namespace).
          expect(await store.getPointByUuid('3e75b898-88d4-5ab0-97f7-eb977730f6d8')).toStrictEqual(
            CAMPBELL_RIVER,
          );
          expect(await store.getPointByUuid('3E75B898-88D4-5AB0-97F7-EB977730F6D8')).toStrictEqual(
            CAMPBELL_RIVER,
          );
        });

        it('getPointByUuid returns null for an unknown UUID, an id that is not a UUID, or nothing', async () => {
          expect(await store.getPointByUuid(stableUuid('service-canada:0000'))).toBeNull();
          expect(await store.getPointByUuid('workbc:p1')).toBeNull();
          expect(await store.getPointByUuid('')).toBeNull();
        });

        it('getPoints returns the records in the order asked, skipping unknown ids', async () => {
          const points = await store.getPoints([
            'workbc:p1',
            'nowhere:1',
            'service-canada:4936',
            'odhf:1971',
          ]);
          expect(points).toStrictEqual([CAMPBELL_RIVER, IQALUIT, RIVERDALE_ODHF]);
          expect(await store.getPoints([])).toEqual([]);
        });

        it('reports what it wrote and calls onProgress up to that count', async () => {
          const progress: number[] = [];
          const result = await store.replaceSource(
            WORKBC,
            streamOf([CAMPBELL_RIVER]),
            reportOf('workbc_centres.csv', [CAMPBELL_RIVER]),
            (written) => progress.push(written),
          );
          expect(result).toEqual({ written: 1 });
          expect(progress.at(-1)).toBe(1);
        });

        it('registers each source with its report, issue counts and precision counts', async () => {
          const before = new Date().toISOString();
          await store.replaceSource(
            SERVICE_CANADA,
            SERVICE_CANADA_POINTS,
            reportOf('service_canada_points.csv', SERVICE_CANADA_POINTS, SERVICE_CANADA_ISSUES, 1),
          );
          const after = new Date().toISOString();
          const sources = await store.listSources();
          expect(idsOf(sources)).toEqual([
            'federal-buildings',
            'manitoba-health',
            'odhf',
            'service-canada',
            'workbc',
          ]);
          const serviceCanada = sources.find((s) => s.id === 'service-canada')!;
          expect(serviceCanada.importedAt >= before && serviceCanada.importedAt <= after).toBe(true);
          expect(serviceCanada).toEqual({
            ...SERVICE_CANADA,
            importedAt: serviceCanada.importedAt,
            records: 5,
            byPrecision: { building: 0, street: 0, postal_code: 0, fsa: 0, community: 4, csd: 0, none: 1 },
            report: {
              source: 'service_canada_points.csv',
              rows_read: 6,
              imported: 5,
              rejected: 1,
              duplicates: 0,
              issue_counts: { geocoded: 4, not_located: 1, missing_required: 1 },
            },
          });
          expect(serviceCanada).not.toHaveProperty('attribution');
          expect(sources.find((s) => s.id === 'workbc')).toEqual({
            ...WORKBC,
            importedAt: expect.any(String),
            records: 1,
            byPrecision: { building: 1, street: 0, postal_code: 0, fsa: 0, community: 0, csd: 0, none: 0 },
            report: {
              source: 'workbc_centres.csv',
              rows_read: 1,
              imported: 1,
              rejected: 0,
              duplicates: 0,
              issue_counts: {},
            },
          });
        });

        it("replacing a source removes its previous records everywhere, and leaves other sources' alone", async () => {
          const renamed = {
            ...QUEBEC_PASSPORT,
            name: { en: 'Québec Passport Office', fr: 'Bureau des passeports de Québec' },
          };
          const verdun = makePoint({
            sourceId: 'service-canada',
            sourceRecordId: '2380',
            name: { en: 'Verdun (Montréal) Service Canada Centre' },
            address: { province: 'QC', country: 'CA' },
            geocode: geocodeAt(45.45, -73.5667, 'community', 'gazetteer'),
          });
          await store.replaceSource(
            SERVICE_CANADA,
            streamOf([renamed, verdun]),
            reportOf('service_canada_points.csv', [renamed, verdun]),
          );

          expect(await store.getPoint(IQALUIT.id)).toBeNull();
          expect(await store.getPoint(QUEBEC_PASSPORT.id)).toStrictEqual(renamed);
          expect(await store.getPoint(verdun.id)).toStrictEqual(verdun);
          expect(await store.getPointByUuid(stableUuid(IQALUIT.id))).toBeNull();
          expect(await store.getPointByUuid(stableUuid(QUEBEC_PASSPORT.id))).toStrictEqual(renamed);
          expect(await store.getPointByUuid(stableUuid(verdun.id))).toStrictEqual(verdun);
          expect(await store.getPoint(CAMPBELL_RIVER.id)).toStrictEqual(CAMPBELL_RIVER);
          expect(idsOf((await store.listPoints({ limit: 100, offset: 0 })).items)).toEqual([
            'service-canada:2001',
            'service-canada:2380',
            'workbc:p1',
          ]);
          // The text, spatial and nearest indexes forgot the old records too.
          expect(await store.searchText({ q: 'iqaluit', limit: 10 })).toEqual({ hits: [], total: 0 });
          expect(hitIds((await store.searchText({ q: 'passeports', limit: 10 })).hits)).toEqual([
            'service-canada:2001',
          ]);
          expect(
            idsOf(await store.withinBBox({ west: -70, south: 60, east: -60, north: 70 }, {}, 10)),
          ).toEqual([]);
          expect(hitIds(await store.findNearest({ lat: 63.7467, lon: -68.517, k: 2 }))).toEqual([
            'service-canada:2001',
            'service-canada:2380',
          ]);
          const summary = (await store.listSources()).find((s) => s.id === 'service-canada');
          expect(summary?.records).toBe(2);
        });

        it('replacing a source with an empty stream keeps the source with no records', async () => {
          await store.replaceSource(WORKBC, [], reportOf('workbc_centres.csv', []));
          expect(await store.getPoint(CAMPBELL_RIVER.id)).toBeNull();
          const summary = (await store.listSources()).find((s) => s.id === 'workbc');
          expect(summary?.records).toBe(0);
        });

        it('a stream that throws half-way leaves everything exactly as before', async () => {
          const before = await observe(store);
          async function* failing(): AsyncGenerator<ServicePoint> {
            yield makePoint({
              sourceId: 'service-canada',
              sourceRecordId: '9001',
              geocode: geocodeAt(45.5, -73.6),
            });
            yield makePoint({
              sourceId: 'service-canada',
              sourceRecordId: '9002',
              name: { en: 'Centre nouveau' },
            });
            throw new Error('the source file is truncated');
          }
          await expect(
            store.replaceSource(SERVICE_CANADA, failing(), reportOf('service_canada_points.csv', [])),
          ).rejects.toThrow('the source file is truncated');
          expect(await observe(store)).toStrictEqual(before);
          // And the store still takes writes.
          await store.replaceSource(
            WORKBC,
            [CAMPBELL_RIVER],
            reportOf('workbc_centres.csv', [CAMPBELL_RIVER]),
          );
          expect(await store.getPoint(CAMPBELL_RIVER.id)).toStrictEqual(CAMPBELL_RIVER);
        });

        it('a new source whose stream throws is not registered', async () => {
          const before = await observe(store);
          const source: SourceInfo = { ...WORKBC, id: 'nova-scotia-works' };
          async function* failing(): AsyncGenerator<ServicePoint> {
            yield makePoint({
              sourceId: 'nova-scotia-works',
              sourceRecordId: '1',
              geocode: geocodeAt(44.65, -63.57),
            });
            throw new Error('parse error at row 2');
          }
          await expect(store.replaceSource(source, failing(), reportOf('ns.csv', []))).rejects.toThrow(
            'parse error at row 2',
          );
          expect(await observe(store)).toStrictEqual(before);
        });

        it('a duplicate id within one stream is an error and changes nothing', async () => {
          const before = await observe(store);
          const again = { ...MONTREAL, name: { en: 'Montréal again' } };
          await expect(
            store.replaceSource(
              SERVICE_CANADA,
              [MONTREAL, IQALUIT, again],
              reportOf('service_canada_points.csv', []),
            ),
          ).rejects.toThrow(/service-canada:2879/);
          expect(await observe(store)).toStrictEqual(before);
        });

        it('a failing finishReport changes nothing', async () => {
          const before = await observe(store);
          await expect(
            store.replaceSource(SERVICE_CANADA, [IQALUIT], () => {
              throw new Error('report failed');
            }),
          ).rejects.toThrow('report failed');
          expect(await observe(store)).toStrictEqual(before);
        });

        it('serialises concurrent imports', async () => {
          await Promise.all([
            store.replaceSource(
              WORKBC,
              streamOf([CAMPBELL_RIVER]),
              reportOf('workbc_centres.csv', [CAMPBELL_RIVER]),
            ),
            store.replaceSource(
              SERVICE_CANADA,
              streamOf([IQALUIT]),
              reportOf('service_canada_points.csv', [IQALUIT]),
            ),
            store.setMeta('dataset_version', '2024-02'),
          ]);
          expect(idsOf((await store.listPoints({ limit: 10, offset: 0 })).items)).toEqual([
            'service-canada:4936',
            'workbc:p1',
          ]);
          expect(await store.getMeta('dataset_version')).toBe('2024-02');
        });

        it('deleteSource removes the source and its records; an unknown source is NotFoundError', async () => {
          await store.deleteSource('odhf');
          expect(await store.getPoint(RIVERDALE_ODHF.id)).toBeNull();
          expect(await store.getPointByUuid(stableUuid(RIVERDALE_ODHF.id))).toBeNull();
          expect(idsOf(await store.listSources())).toEqual([
            'federal-buildings',
            'manitoba-health',
            'service-canada',
            'workbc',
          ]);
          expect(hitIds((await store.searchText({ q: 'riverdale', limit: 10, ...ALL_ROLES })).hits)).toEqual([
            'manitoba-health:riverdale',
          ]);
          expect(hitIds(await store.findNearest({ ...BRANDON, k: 2, ...ALL_ROLES }))).toEqual([
            'manitoba-health:riverdale',
            'workbc:p1',
          ]);
          await expect(store.deleteSource('odhf')).rejects.toBeInstanceOf(NotFoundError);
        });
      });

      describe('findNearest', () => {
        it('returns service points nearest first, with great-circle distances in metres', async () => {
          const query = { ...LAVAL, k: 3 };
          const hits = await store.findNearest(query);
          expect(checkedNearest(query, hits)).toEqual([
            'service-canada:2879',
            'service-canada:2467',
            'service-canada:2001',
          ]);
          expect(hits.map((h) => Math.round(h.distanceMetres))).toEqual([10584, 33670, 235461]);
          expect(hits[0].point).toStrictEqual(MONTREAL);
        });

        it('returns every located point when k exceeds the count; unlocated points never', async () => {
          const query = { ...LAVAL, k: 100 };
          expect(checkedNearest(query, await store.findNearest(query))).toEqual([
            'service-canada:2879',
            'service-canada:2467',
            'service-canada:2001',
            'service-canada:4936',
            'workbc:p1',
          ]);
          const all = { ...LAVAL, k: 100, ...ALL_ROLES };
          expect(checkedNearest(all, await store.findNearest(all))).toEqual([
            'service-canada:2879',
            'service-canada:2467',
            'service-canada:2001',
            'manitoba-health:riverdale',
            'odhf:1971',
            'service-canada:4936',
            'workbc:p1',
            'federal-buildings:018053',
          ]);
        });

        it('breaks ties in distance by id, whatever the insertion order', async () => {
          // RIVERDALE_ODHF was imported before RIVERDALE_EN; both are at one point.
          const query = { ...BRANDON, k: 1, roles: ['facility' as const] };
          expect(checkedNearest(query, await store.findNearest(query))).toEqual([
            'manitoba-health:riverdale',
          ]);
          const both = await store.findNearest({ ...query, k: 2 });
          expect(hitIds(both)).toEqual(['manitoba-health:riverdale', 'odhf:1971']);
          expect(both[0].distanceMetres).toBe(both[1].distanceMetres);
        });

        it('breaks ties at the k-th place by id among many points on one centroid', async () => {
          // Thirty records geocoded to the centroid of FSA V9W (data/fsa_centroids_2011),
          // imported in a scrambled order.
          const random = seededRandom(9);
          const recordIds = Array.from({ length: 30 }, (_, i) => String(i).padStart(2, '0'));
          for (let i = recordIds.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [recordIds[i], recordIds[j]] = [recordIds[j], recordIds[i]];
          }
          const points = recordIds.map((id) =>
            makePoint({
              sourceId: 'v9w',
              sourceRecordId: id,
              geocode: geocodeAt(50.0059, -125.2343, 'fsa', 'fsa_centroid'),
            }),
          );
          await store.replaceSource({ ...WORKBC, id: 'v9w' }, points, reportOf('v9w.csv', points));
          for (const k of [1, 3, 7, 29]) {
            const query = { lat: 50.0059, lon: -125.2343, k, sourceIds: ['v9w'] };
            const expected = Array.from({ length: k }, (_, i) => `v9w:${String(i).padStart(2, '0')}`);
            expect(checkedNearest(query, await store.findNearest(query))).toEqual(expected);
          }
          // From elsewhere the thirty still tie with each other, not with the WorkBC centre.
          const fromCourtenay = await store.findNearest({ lat: 49.6880171, lon: -124.9940155, k: 31 });
          expect(hitIds(fromCourtenay).slice(0, 4)).toEqual(['v9w:00', 'v9w:01', 'v9w:02', 'v9w:03']);
          expect(hitIds(fromCourtenay)[30]).toBe('workbc:p1');
          expect(new Set(fromCourtenay.slice(0, 30).map((h) => h.distanceMetres)).size).toBe(1);
        });

        it('applies every filter', async () => {
          const near = async (filter: Partial<NearestQuery>): Promise<string[]> =>
            hitIds(await store.findNearest({ ...LAVAL, k: 10, ...filter }));
          expect(await near({ jurisdictionLevels: ['provincial'] })).toEqual(['workbc:p1']);
          expect(await near({ jurisdictionLevels: ['provincial'], ...ALL_ROLES })).toEqual([
            'manitoba-health:riverdale',
            'odhf:1971',
            'workbc:p1',
          ]);
          expect(await near({ channels: ['outreach'] })).toEqual([]);
          expect(await near({ layers: ['healthcare'], roles: ['facility'] })).toEqual([
            'manitoba-health:riverdale',
            'odhf:1971',
          ]);
          expect(await near({ serviceTypes: ['employment'] })).toEqual(['workbc:p1']);
          expect(await near({ serviceTypes: ['passport', 'employment'] })).toEqual([
            'service-canada:2001',
            'workbc:p1',
          ]);
          expect(await near({ serviceTypes: ['no_such_type'] })).toEqual([]);
          expect(await near({ sourceIds: ['odhf'], ...ALL_ROLES })).toEqual(['odhf:1971']);
          expect(await near({ roles: ['candidate_site'] })).toEqual(['federal-buildings:018053']);
          expect(
            await near({
              jurisdictionLevels: [],
              channels: [],
              layers: [],
              serviceTypes: [],
              sourceIds: [],
              roles: ['service_point'],
            }),
          ).toEqual([
            'service-canada:2879',
            'service-canada:2467',
            'service-canada:2001',
            'service-canada:4936',
            'workbc:p1',
          ]);
        });

        it('keeps to maxDistanceMetres', async () => {
          expect(hitIds(await store.findNearest({ ...LAVAL, k: 10, maxDistanceMetres: 20_000 }))).toEqual([
            'service-canada:2879',
          ]);
          expect(hitIds(await store.findNearest({ ...LAVAL, k: 10, maxDistanceMetres: 34_000 }))).toEqual([
            'service-canada:2879',
            'service-canada:2467',
          ]);
          expect(await store.findNearest({ ...LAVAL, k: 10, maxDistanceMetres: 10_000 })).toEqual([]);
          // Farther than half the Earth's circumference is everything.
          expect(await store.findNearest({ ...LAVAL, k: 10, maxDistanceMetres: 30_000_000 })).toHaveLength(5);
        });

        it('matches brute-force haversine, ties by id, on 2,000 seeded points with duplicates', async () => {
          const random = seededRandom(20240206);
          const points: ServicePoint[] = [];
          for (let i = 0; i < 2000; i++) {
            // A coarse grid (1° by 4°) over southern Canada: about eight points share each
            // coordinate, so ties at the k-th place are common.
            const lat = 42 + Math.round(random() * 20);
            const lon = -140 + 4 * Math.round(random() * 20);
            points.push(
              makePoint({
                sourceId: 'grid',
                sourceRecordId: String(i).padStart(4, '0'),
                jurisdictionLevel: random() < 0.5 ? 'federal' : 'municipal',
                geocode: geocodeAt(lat, lon),
              }),
            );
          }
          await store.replaceSource({ ...WORKBC, id: 'grid' }, points, reportOf('grid.csv', points));
          for (let q = 0; q < 40; q++) {
            const lat = 42 + random() * 20;
            const lon = -140 + random() * 80;
            const k = 1 + Math.floor(random() * 25);
            const levels = q % 2 === 0 ? ['municipal' as const] : [];
            const expected = points
              .filter((p) => levels.length === 0 || p.jurisdictionLevel === 'municipal')
              .map((p) => ({ id: p.id, d: haversineMetres(lat, lon, p.geocode!.lat, p.geocode!.lon) }))
              .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
              .slice(0, k);
            const hits = await store.findNearest({
              lat,
              lon,
              k,
              sourceIds: ['grid'],
              jurisdictionLevels: levels,
            });
            expect(hitIds(hits)).toEqual(expected.map((e) => e.id));
            hits.forEach((hit, i) => expect(Math.abs(hit.distanceMetres - expected[i].d)).toBeLessThan(1));
          }
        });
      });

      describe('searchText', () => {
        const search = async (q: string, extra: object = {}): Promise<string[]> =>
          sorted(hitIds((await store.searchText({ q, limit: 100, ...extra })).hits));

        it('is accent-insensitive both ways: quebec finds "québec st", québec finds "Quebec Street"', async () => {
          const facilities = { roles: ['facility'] };
          expect(await search('quebec', facilities)).toEqual(['manitoba-health:riverdale', 'odhf:1971']);
          expect(await search('québec', facilities)).toEqual(['manitoba-health:riverdale', 'odhf:1971']);
          expect(await search('QUÉBEC', facilities)).toEqual(['manitoba-health:riverdale', 'odhf:1971']);
        });

        it('finds points by the names of their province in English and French', async () => {
          const quebec = ['service-canada:2001', 'service-canada:2467', 'service-canada:2879'];
          expect(await search('quebec')).toEqual(quebec);
          expect(await search('Québec')).toEqual(quebec);
          expect(await search('colombie-britannique')).toEqual(['workbc:p1']);
          // A match in the name outranks a match on the province alone.
          expect(hitIds((await store.searchText({ q: 'quebec', limit: 1 })).hits)).toEqual([
            'service-canada:2001',
          ]);
        });

        it('finds "Saint-Jérôme" from "jerome", "saint jerome" and "St-Jérôme"-like prefixes', async () => {
          expect(await search('jerome')).toEqual(['service-canada:2467']);
          expect(await search('saint-jérôme')).toEqual(['service-canada:2467']);
          expect(await search('sai jer')).toEqual(['service-canada:2467']);
          expect(await search('montreal')).toEqual(['service-canada:2879']);
        });

        it('finds points by their service types in either language', async () => {
          // Employment services (WorkBC) and benefits ("assurance-emploi") both answer "emploi".
          expect(await search('emploi')).toEqual([
            'service-canada:2467',
            'service-canada:2879',
            'service-canada:4936',
            'workbc:p1',
          ]);
          expect(await search('job')).toEqual(['workbc:p1']);
          expect(await search('passeport')).toEqual(['service-canada:2001', 'service-canada:4936']);
        });

        it('treats every word as required and as a prefix', async () => {
          expect(await search('iqal')).toEqual(['service-canada:4936']);
          expect(await search('service iqaluit')).toEqual(['service-canada:4936']);
          expect(await search('iqaluit montreal')).toEqual([]);
        });

        it('never reads user text as query syntax', async () => {
          for (const q of [
            '"foo* OR bar:',
            'NEAR(a b)',
            'name:quebec',
            '-quebec',
            '^quebec',
            'a AND',
            '(',
            '*',
            "l'emploi",
            'NOT emploi',
          ]) {
            const result = await store.searchText({ q, limit: 10 });
            expect(result.total).toBe(result.hits.length);
          }
          expect(await store.searchText({ q: '"foo* OR bar:', limit: 10 })).toEqual({ hits: [], total: 0 });
          expect(await search('name:quebec')).toEqual(await search('name quebec'));
        });

        it('returns nothing for a blank query or no match', async () => {
          for (const q of ['', '   ', '*', '":', 'zzzzqx']) {
            expect(await store.searchText({ q, limit: 10 })).toEqual({ hits: [], total: 0 });
          }
        });

        it('pages stably through the ranked hits, with the total of all matches', async () => {
          const all = await store.searchText({ q: 'centre', limit: 100, ...ALL_ROLES });
          // Every point but the federal building: seven by name, the outreach site by the
          // "service centre" keyword of government_services.
          expect(sorted(hitIds(all.hits))).toEqual(
            sorted(idsOf(ALL_POINTS.filter((p) => p !== FEDERAL_ANNEX))),
          );
          expect(all.total).toBe(8);
          const pages: string[] = [];
          for (let offset = 0; offset < all.total; offset += 2) {
            const page = await store.searchText({ q: 'centre', limit: 2, offset, ...ALL_ROLES });
            expect(page.total).toBe(8);
            pages.push(...hitIds(page.hits));
          }
          expect(pages).toEqual(hitIds(all.hits));
          const scores = all.hits.map((h) => h.score);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
          expect(await store.searchText({ q: 'centre', limit: 5, offset: 100, ...ALL_ROLES })).toEqual({
            hits: [],
            total: 8,
          });
        });

        it('applies the filters, candidate sites only when asked for', async () => {
          expect(await search('alder')).toEqual(['workbc:p1']);
          expect(await search('alder', { roles: ['candidate_site'] })).toEqual(['federal-buildings:018053']);
          expect(await search('centre', { jurisdictionLevels: ['provincial'], ...ALL_ROLES })).toEqual([
            'manitoba-health:riverdale',
            'odhf:1971',
            'workbc:p1',
          ]);
          expect(await search('centre', { serviceTypes: ['passport'] })).toEqual(['service-canada:2001']);
          expect(await search('site', { channels: ['outreach'] })).toEqual(['service-canada:NU-SAL']);
          expect(await search('centre', { layers: ['workbc'], sourceIds: ['workbc'] })).toEqual([
            'workbc:p1',
          ]);
        });

        it('returns the full records', async () => {
          const { hits } = await store.searchText({ q: 'iqaluit', limit: 10 });
          expect(hits.map((h) => h.point)).toStrictEqual([IQALUIT]);
        });
      });

      describe('listPoints and streamPoints', () => {
        const SERVICE_POINT_IDS = [
          'service-canada:2001',
          'service-canada:2467',
          'service-canada:2879',
          'service-canada:4936',
          'service-canada:NU-SAL',
          'workbc:p1',
        ];

        it('lists in id order with the total, page by page', async () => {
          const first = await store.listPoints({ limit: 4, offset: 0 });
          expect(idsOf(first.items)).toEqual(SERVICE_POINT_IDS.slice(0, 4));
          expect(first.total).toBe(6);
          const second = await store.listPoints({ limit: 4, offset: 4 });
          expect(idsOf(second.items)).toEqual(SERVICE_POINT_IDS.slice(4));
          expect(second.total).toBe(6);
          expect(await store.listPoints({ limit: 4, offset: 6 })).toEqual({ items: [], total: 6 });
          expect(await store.listPoints({ limit: 0, offset: 0 })).toEqual({ items: [], total: 6 });
          expect(first.items[3]).toStrictEqual(IQALUIT);
        });

        it('applies the filters', async () => {
          const all = await store.listPoints({ limit: 100, offset: 0, ...ALL_ROLES });
          expect(all.total).toBe(9);
          expect(idsOf(all.items)).toEqual(sorted(idsOf(ALL_POINTS)));
          const outreach = await store.listPoints({ limit: 100, offset: 0, channels: ['outreach'] });
          expect(idsOf(outreach.items)).toEqual(['service-canada:NU-SAL']);
          const benefits = await store.listPoints({ limit: 1, offset: 0, serviceTypes: ['benefits'] });
          expect(benefits).toEqual({ items: [SAINT_JEROME], total: 3 });
        });

        it('lists only records written after modifiedAfter', async () => {
          expect(
            (await store.listPoints({ limit: 100, offset: 0, modifiedAfter: '2000-01-01T00:00:00.000Z' }))
              .total,
          ).toBe(6);
          const since = async (modifiedAfter: string): Promise<number> =>
            (await store.listPoints({ limit: 100, offset: 0, modifiedAfter })).total;
          expect(await since('2000-01-01')).toBe(6);
          expect(await since('2999-01-01T00:00:00-05:00')).toBe(0);
          await expect(since('last tuesday')).rejects.toThrow(RangeError);
          const cut = new Date().toISOString();
          while (new Date().toISOString() <= cut) {
            // Wait for the clock to pass `cut` (at most a millisecond).
          }
          await store.replaceSource(
            WORKBC,
            [CAMPBELL_RIVER],
            reportOf('workbc_centres.csv', [CAMPBELL_RIVER]),
          );
          const changed = await store.listPoints({ limit: 100, offset: 0, modifiedAfter: cut });
          expect(changed).toEqual({ items: [CAMPBELL_RIVER], total: 1 });
        });

        it('streams every matching point in id order', async () => {
          const streamed: ServicePoint[] = [];
          for await (const point of store.streamPoints({})) streamed.push(point);
          expect(idsOf(streamed)).toEqual(SERVICE_POINT_IDS);
          expect(streamed[3]).toStrictEqual(IQALUIT);
          const facilities: string[] = [];
          for await (const point of store.streamPoints({ roles: ['facility'] })) facilities.push(point.id);
          expect(facilities).toEqual(['manitoba-health:riverdale', 'odhf:1971']);
        });

        it('streams large sources completely, and other calls work while a stream is open', async () => {
          const points = Array.from({ length: 1234 }, (_, i) =>
            makePoint({
              sourceId: 'bulk',
              sourceRecordId: String(i).padStart(5, '0'),
              geocode: geocodeAt(45 + i / 1000, -75),
            }),
          );
          await store.replaceSource(
            { ...WORKBC, id: 'bulk' },
            streamOf(points),
            reportOf('bulk.csv', points),
          );
          let count = 0;
          let previous = '';
          for await (const point of store.streamPoints({ sourceIds: ['bulk'] })) {
            expect(point.id > previous).toBe(true);
            previous = point.id;
            count += 1;
            if (count === 600) expect(await store.getPoint('workbc:p1')).toStrictEqual(CAMPBELL_RIVER);
          }
          expect(count).toBe(1234);
        });
      });

      describe('withinBBox', () => {
        const QUEBEC_BOX = { west: -80, south: 45, east: -57, north: 63 };

        it('returns the points inside, in id order, up to the limit', async () => {
          expect(idsOf(await store.withinBBox(QUEBEC_BOX, {}, 10))).toEqual([
            'service-canada:2001',
            'service-canada:2467',
            'service-canada:2879',
          ]);
          expect(idsOf(await store.withinBBox(QUEBEC_BOX, {}, 2))).toEqual([
            'service-canada:2001',
            'service-canada:2467',
          ]);
          expect(await store.withinBBox({ west: -170, south: 20, east: -160, north: 30 }, {}, 10)).toEqual(
            [],
          );
          expect(await store.withinBBox(QUEBEC_BOX, {}, 1)).toStrictEqual([QUEBEC_PASSPORT]);
        });

        it('applies the filters', async () => {
          expect(idsOf(await store.withinBBox(QUEBEC_BOX, { serviceTypes: ['passport'] }, 10))).toEqual([
            'service-canada:2001',
          ]);
          const campbellRiver = { west: -125.3, south: 50, east: -125.2, north: 50.1 };
          expect(idsOf(await store.withinBBox(campbellRiver, {}, 10))).toEqual(['workbc:p1']);
          expect(idsOf(await store.withinBBox(campbellRiver, ALL_ROLES, 10))).toEqual([
            'federal-buildings:018053',
            'workbc:p1',
          ]);
          expect(idsOf(await store.withinBBox(CANADA, { jurisdictionLevels: ['provincial'] }, 10))).toEqual([
            'workbc:p1',
          ]);
        });

        it('includes points on the edges and excludes points just outside', async () => {
          const [lat, lon] = [50.0240613, -125.2434889];
          expect(
            idsOf(await store.withinBBox({ west: lon, south: lat, east: lon, north: lat }, {}, 10)),
          ).toEqual(['workbc:p1']);
          expect(
            await store.withinBBox({ west: lon + 1e-7, south: lat, east: lon + 1e-3, north: lat }, {}, 10),
          ).toEqual([]);
          expect(
            await store.withinBBox({ west: lon, south: lat + 1e-7, east: lon, north: lat + 1e-3 }, {}, 10),
          ).toEqual([]);
        });

        it('reads a box with west > east as crossing the antimeridian', async () => {
          // Longitudes east of -125.25 or west of -179: Campbell River (-125.2434889) is in.
          const wrapping = { west: -125.25, south: 50, east: -179, north: 50.1 };
          expect(idsOf(await store.withinBBox(wrapping, {}, 10))).toEqual(['workbc:p1']);
          // East of -125.2 or west of -125.3: the one longitude band it leaves out holds the point.
          const gap = { west: -125.2, south: 50, east: -125.3, north: 50.1 };
          expect(await store.withinBBox(gap, {}, 10)).toEqual([]);
        });
      });
    });

    describe('reference layers', () => {
      // data/cwb_community_wellbeing_2021/CWB_2021.csv: Iqaluit complete; Portugal Cove South with
      // its components suppressed but a score; St. Shott's with everything suppressed. Iqaluit's
      // point is GeoNames 5983720; the other two are left unlocated.
      const IQALUIT_CSD: PopulationUnit = {
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
      };
      const PORTUGAL_COVE_SOUTH: PopulationUnit = {
        csdCode: '1001105',
        name: 'Portugal Cove South',
        province: 'NL',
        population: 86,
        cwb: { score: 73, income: null, education: null, housing: null, labourForce: null },
        communityType: 'non_indigenous',
        lat: null,
        lon: null,
        precision: 'none',
        locatedBy: null,
      };
      const ST_SHOTTS: PopulationUnit = {
        ...PORTUGAL_COVE_SOUTH,
        csdCode: '1001120',
        name: "St. Shott's",
        population: 55,
        cwb: { score: null, income: null, education: null, housing: null, labourForce: null },
      };

      it('population units round-trip, suppressed values null (never 0), ordered by CSD code', async () => {
        await store.replacePopulationUnits([IQALUIT_CSD, ST_SHOTTS, PORTUGAL_COVE_SOUTH]);
        const units = await store.listPopulationUnits();
        expect(units).toStrictEqual([PORTUGAL_COVE_SOUTH, ST_SHOTTS, IQALUIT_CSD]);
        expect(units[1].cwb.score).toBeNull();
        await store.replacePopulationUnits([ST_SHOTTS]);
        expect(await store.listPopulationUnits()).toStrictEqual([ST_SHOTTS]);
      });

      it('communities round-trip; a population of 0 stays 0 and an unknown one null', async () => {
        // data/isc_inuit_communities (IN14, IN38) and data/isc_first_nations_locations (band 296).
        const communities: Community[] = [
          {
            id: 'IN38',
            kind: 'inuit',
            name: { en: 'Bathurst Inlet', fr: 'Bathurst Inlet' },
            province: 'NU',
            lat: 66.83888891999999,
            lon: -108.048611187,
            population: 0,
            region: 'Nunavut',
            sourceId: 'isc_inuit_communities',
          },
          {
            id: 'IN14',
            kind: 'inuit',
            name: { en: 'Iqaluit' },
            province: 'NU',
            lat: 63.746692994,
            lon: -68.51696729000003,
            population: 6699,
            region: 'Nunavut',
            csdCode: '6204003',
            sourceId: 'isc_inuit_communities',
          },
          {
            id: 'FN296',
            kind: 'first_nation',
            name: { en: "God's Lake First Nation" },
            province: 'MB',
            lat: 54.547376,
            lon: -94.50183,
            population: null,
            sourceId: 'isc_first_nations_locations',
          },
        ];
        await store.replaceCommunities(communities);
        expect(await store.listCommunities()).toStrictEqual([communities[2], communities[1], communities[0]]);
      });

      it('places and FSA centroids round-trip, ordered by key', async () => {
        // data/geonames_ca_places (alternate names abridged) and data/fsa_centroids_2011.
        const places: Place[] = [
          {
            id: '6138501',
            name: 'Saint-Jérôme',
            alternateNames: ['Saint-Jerome', 'Saint-Jérôme', 'Сен-Жером'],
            province: 'QC',
            lat: 45.78036,
            lon: -74.00365,
            population: 54948,
            csdCode: '2475017',
          },
          {
            id: '5983720',
            name: 'Iqaluit',
            alternateNames: ['Frobisher Bay', 'ᐃᖃᓗᐃᑦ'],
            province: 'NU',
            lat: 63.74697,
            lon: -68.51727,
            population: 7429,
          },
        ];
        await store.replacePlaces(places);
        expect(await store.listPlaces()).toStrictEqual([places[1], places[0]]);
        const fsas: FsaCentroid[] = [
          { fsa: 'X0A', lat: 70.4643, lon: -68.4789, province: 'NU' },
          { fsa: 'J7Z', lat: 45.795, lon: -74.0017, province: 'QC' },
          { fsa: 'V9W', lat: 50.0059, lon: -125.2343, province: 'BC' },
        ];
        await store.replaceFsaCentroids(fsas);
        expect(await store.listFsaCentroids()).toStrictEqual([fsas[1], fsas[2], fsas[0]]);
        await store.replaceFsaCentroids([]);
        expect(await store.listFsaCentroids()).toEqual([]);
      });

      it('boundaries round-trip with their geometry', async () => {
        // data/provinces_territories_ne50m: PEI (a Polygon) and New Brunswick (a MultiPolygon).
        const geojson = JSON.parse(
          readFileSync(
            new URL(
              '../../data/provinces_territories_ne50m/canada_provinces_ne_50m.geojson',
              import.meta.url,
            ),
            'utf8',
          ),
        ) as {
          features: {
            properties: { province_code: string; name_en: string; name_fr: string };
            geometry: Boundary['geometry'];
          }[];
        };
        const boundaries: Boundary[] = geojson.features
          .filter((f) => ['PE', 'NB'].includes(f.properties.province_code))
          .map((f) => ({
            province: f.properties.province_code as Boundary['province'],
            name: { en: f.properties.name_en, fr: f.properties.name_fr },
            geometry: f.geometry,
          }));
        await store.replaceBoundaries(boundaries);
        const stored = await store.listBoundaries();
        expect(stored.map((b) => b.province)).toEqual(['NB', 'PE']);
        expect(stored).toStrictEqual([...boundaries].sort((a, b) => a.province.localeCompare(b.province)));
        expect(stored.map((b) => b.geometry.type)).toEqual(['MultiPolygon', 'Polygon']);
      });
    });

    describe('meta', () => {
      it('stores, overwrites and reads values', async () => {
        await store.setMeta('dataset_version', '2024-02');
        await store.setMeta('built_at', '2024-02-06T12:00:00Z');
        await store.setMeta('dataset_version', '2024-03');
        expect(await store.getMeta('dataset_version')).toBe('2024-03');
        expect(await store.getMeta('built_at')).toBe('2024-02-06T12:00:00Z');
        expect(await store.getMeta('missing')).toBeNull();
      });
    });

    describe('users and sessions', () => {
      // Hashes as src/auth/password-hash.ts writes them (the store only keeps the text).
      const ANA = {
        email: 'ana.analyst@example.gc.ca',
        passwordHash:
          '$scrypt$ln=15,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
        createdAt: '2026-01-14T17:00:00.000Z',
      };
      const BO = { ...ANA, email: 'bo@example.ca', createdAt: '2026-01-15T09:30:00.000Z' };
      const session = (idHash: string, email: string, expiresAt = '2026-01-14T21:00:00.000Z') => ({
        idHash,
        email,
        createdAt: '2026-01-14T17:00:00.000Z',
        expiresAt,
      });

      it('creates, reads, lists by e-mail, replaces and deletes accounts', async () => {
        expect(await store.listUsers()).toEqual([]);
        expect(await store.getUser(ANA.email)).toBeNull();
        await store.putUser(BO);
        await store.putUser(ANA);
        expect(await store.getUser(ANA.email)).toStrictEqual(ANA);
        expect((await store.listUsers()).map((u) => u.email)).toEqual([ANA.email, BO.email]);
        const replaced = { ...ANA, passwordHash: '$scrypt$ln=15,r=8,p=1$b3RoZXI$b3RoZXI' };
        await store.putUser(replaced);
        expect(await store.getUser(ANA.email)).toStrictEqual(replaced);
        expect(await store.listUsers()).toHaveLength(2);
        expect(await store.deleteUser(ANA.email)).toBe(true);
        expect(await store.deleteUser(ANA.email)).toBe(false);
        expect(await store.listUsers()).toStrictEqual([BO]);
      });

      it('keeps sessions until they expire, ends them on sign-out, and refuses one for an unknown account', async () => {
        await store.putUser(ANA);
        await store.putSession(session('a1', ANA.email));
        expect(await store.getSession('a1', '2026-01-14T18:00:00.000Z')).toStrictEqual(
          session('a1', ANA.email),
        );
        // Expired from expiresAt on, exactly.
        expect(await store.getSession('a1', '2026-01-14T21:00:00.000Z')).toBeNull();
        expect(await store.getSession('unknown', '2026-01-14T18:00:00.000Z')).toBeNull();
        await store.deleteSession('a1');
        await store.deleteSession('a1');
        expect(await store.getSession('a1', '2026-01-14T18:00:00.000Z')).toBeNull();
        await expect(store.putSession(session('x', 'nobody@example.ca'))).rejects.toThrow(NotFoundError);
        expect(await store.getSession('x', '2026-01-14T18:00:00.000Z')).toBeNull();
      });

      it('deletes expired sessions only, and every session of a deleted or replaced account', async () => {
        await store.putUser(ANA);
        await store.putUser(BO);
        await store.putSession(session('old', ANA.email, '2026-01-14T17:30:00.000Z'));
        await store.putSession(session('a2', ANA.email));
        await store.putSession(session('b1', BO.email));
        await store.putSession(session('b2', BO.email));
        const at = '2026-01-14T18:00:00.000Z';
        expect(await store.deleteExpiredSessions(at)).toBe(1);
        expect(await store.deleteExpiredSessions(at)).toBe(0);
        expect(await store.getSession('a2', at)).not.toBeNull();
        await store.deleteUser(ANA.email);
        expect(await store.getSession('a2', at)).toBeNull();
        expect(await store.getSession('b1', at)).toStrictEqual(session('b1', BO.email));
        // A new password (the account replaced) signs the account out everywhere.
        await store.putUser({ ...BO, passwordHash: '$scrypt$ln=15,r=8,p=1$bmV3$bmV3' });
        expect(await store.getSession('b1', at)).toBeNull();
        expect(await store.getSession('b2', at)).toBeNull();
      });
    });
  });
}
