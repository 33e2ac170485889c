import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PopulationUnit } from '../../src/domain/reference.js';
import type { ImportReport, IssueCode } from '../../src/domain/row-issue.js';
import type { ServicePoint } from '../../src/domain/service-point.js';
import { writeHarvestRecord } from '../../src/ingest/ckan/harvest-state.js';
import { municipalCoverage } from '../../src/quality/municipal-coverage.js';
import { sourceQuality } from '../../src/quality/source-quality.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { SourceInfo } from '../../src/store/store.js';
import { geocodeAt, makePoint } from '../../src/store/test-points.js';

const NOW = new Date('2025-03-01T00:00:00Z');
let store: SqliteStore;

beforeEach(async () => {
  store = SqliteStore.open(':memory:');
  await store.migrate();
});
afterEach(() => store.close());

function reportOf(source: string, counts: Omit<ImportReport, 'source' | 'issues'>, codes: IssueCode[] = []): ImportReport {
  const issues = codes.map((code, i) => ({ row: i + 1, field: null, code, severity: 'warning' as const, message: code }));
  return { source, ...counts, issues };
}

async function addSource(info: Partial<SourceInfo> & { id: string }, points: ServicePoint[], report: ImportReport): Promise<void> {
  const source: SourceInfo = { title: info.id, licence: 'unclear', origin: 'test', retrievedAt: '2024-01-01', lastVerified: null, ...info };
  await store.replaceSource(source, points, () => report);
}

describe('sourceQuality on a small store', () => {
  beforeEach(async () => {
    // Four library branches: one complete, the others missing more and more.
    const at = (n: number) => ({ sourceId: 'city_libraries', sourceRecordId: `b${n}`, jurisdictionLevel: 'municipal' as const });
    const phone = [{ e164: '+12508501234', display: '250-850-1234', kind: 'voice' as const }];
    await addSource(
      { id: 'city_libraries', licence: 'unclear', retrievedAt: '2022-06-30', lastVerified: '2024-05-01' },
      [
        makePoint({ ...at(1), geocode: geocodeAt(50.0248, -125.247), phones: phone, email: 'info@example.ca', url: 'https://example.ca/b1', hoursText: 'Mon–Fri 9–5' }),
        makePoint({ ...at(2), geocode: geocodeAt(49.1662, -123.9366, 'street'), phones: phone, url: 'https://example.ca/b2' }),
        makePoint({ ...at(3), geocode: geocodeAt(49.17, -123.94, 'fsa', 'fsa_centroid'), url: 'https://example.ca/b3' }),
        makePoint({ ...at(4) }),
      ],
      reportOf('city_libraries', { rows_read: 7, imported: 4, rejected: 2, duplicates: 1 }, ['likely_duplicate', 'geocoded', 'missing_required', 'missing_required', 'duplicate']),
    );
    await addSource({ id: 'empty_source', licence: 'OGL-Canada-2.0', retrievedAt: '2025-01-15' }, [], reportOf('empty_source', { rows_read: 0, imported: 0, rejected: 0, duplicates: 0 }));
    await addSource(
      { id: 'ckan_0123456789ab', licence: 'Open Government Licence - British Columbia', retrievedAt: '2025-02-28' },
      [makePoint({ sourceId: 'ckan_0123456789ab', sourceRecordId: 'r1', geocode: geocodeAt(49.2, -123.1) })],
      reportOf('ckan_0123456789ab', { rows_read: 1, imported: 1, rejected: 0, duplicates: 0 }),
    );
    await writeHarvestRecord(store, {
      source_id: 'ckan_0123456789ab',
      portal: 'https://catalogue.data.gov.bc.ca',
      portal_id: 'british_columbia',
      dataset_id: '582a6147-4e24-468c-a048-762302139afc',
      dataset_name: 'agriculture-capability-mapping',
      dataset_title: 'Agriculture Capability Mapping',
      resource_id: 'r-1',
      resource_name: 'points.csv',
      resource_url: 'https://example.ca/points.csv',
      format: 'csv',
      licence: 'Open Government Licence - British Columbia',
      license_id: '2',
      license_title: 'Open Government Licence - British Columbia',
      metadata_modified: '2018-11-27T22:02:05.493214',
      last_modified: null,
      sha256: '0'.repeat(64),
      bytes: 10,
      harvested_at: '2025-02-28T10:00:00.000Z',
      profile_fingerprint: '0123456789abcdef',
      outcome: 'imported',
    });
  });

  it('gives each source its completeness, duplicates, licence and freshness, keeping the listSources fields', async () => {
    const report = await sourceQuality(store, { now: NOW });
    expect(report.generatedAt).toBe('2025-03-01T00:00:00.000Z');
    expect(report.maxAgeDays).toBe(730);
    expect(report.sources.map((s) => s.id)).toEqual(['city_libraries', 'ckan_0123456789ab', 'empty_source']);
    const libraries = report.sources[0];
    expect(libraries).toMatchObject({ id: 'city_libraries', records: 4, licence: 'unclear', byPrecision: { building: 1, street: 1, fsa: 1, none: 1 } });
    expect(libraries?.quality).toEqual({
      records: 4,
      located: { count: 3, share: 0.75 },
      byPrecision: {
        building: { count: 1, share: 0.25 },
        street: { count: 1, share: 0.25 },
        postal_code: { count: 0, share: 0 },
        fsa: { count: 1, share: 0.25 },
        community: { count: 0, share: 0 },
        csd: { count: 0, share: 0 },
        none: { count: 1, share: 0.25 },
      },
      phone: { count: 2, share: 0.5 },
      email: { count: 1, share: 0.25 },
      website: { count: 3, share: 0.75 },
      hours: { count: 1, share: 0.25 },
      rowsRead: 7,
      rejected: 2,
      duplicatesWithin: 1,
      likelyDuplicatesAcross: 1,
      licence: 'unclear',
      licenceUnclear: true,
      lastImported: libraries.importedAt,
      lastVerified: '2024-05-01',
      freshness: { asOf: '2024-05-01', basis: 'last_verified', ageDays: 304, maxAgeDays: 730, stale: false },
      flags: ['licence_unclear'],
      harvest: null,
    });
  });

  it('dates a harvested source by its portal and shows where it came from', async () => {
    const harvested = (await sourceQuality(store, { now: NOW })).sources[1];
    expect(harvested?.quality).toMatchObject({
      records: 1,
      located: { count: 1, share: 1 },
      licenceUnclear: false,
      freshness: { asOf: '2018-11-27T22:02:05.493214', basis: 'portal_modified', ageDays: 2285, stale: true },
      flags: ['stale'],
      harvest: {
        portal: 'https://catalogue.data.gov.bc.ca',
        portalId: 'british_columbia',
        datasetId: '582a6147-4e24-468c-a048-762302139afc',
        datasetName: 'agriculture-capability-mapping',
        resourceId: 'r-1',
        resourceUrl: 'https://example.ca/points.csv',
        licenseId: '2',
        licenseTitle: 'Open Government Licence - British Columbia',
        metadataModified: '2018-11-27T22:02:05.493214',
        lastModified: null,
      },
    });
  });

  it('gives shares of 0 for a source without records, and honours maxAgeDays', async () => {
    const report = await sourceQuality(store, { now: NOW, maxAgeDays: 30 });
    const empty = report.sources[2]?.quality;
    expect([empty?.records, empty?.located, empty?.phone, empty?.byPrecision.none]).toEqual([0, { count: 0, share: 0 }, { count: 0, share: 0 }, { count: 0, share: 0 }]);
    expect(empty?.freshness).toEqual({ asOf: '2025-01-15', basis: 'retrieved_at', ageDays: 45, maxAgeDays: 30, stale: true });
    expect(report.sources.map((s) => s.quality.flags)).toEqual([['licence_unclear', 'stale'], ['stale'], ['stale']]);
  });
});

describe('municipalCoverage on Vancouver Island census subdivisions', () => {
  // 2021 populations (data/cwb_community_wellbeing_2021) and the representative points the
  // bundled reference layers give these CSDs (null: none).
  const unit = (csdCode: string, name: string, population: number, lat: number | null, lon: number | null, communityType: PopulationUnit['communityType'] = 'non_indigenous'): PopulationUnit => ({
    csdCode,
    name,
    province: 'BC',
    population,
    cwb: { score: null, income: null, education: null, housing: null, labourForce: null },
    communityType,
    lat,
    lon,
    precision: lat === null ? 'none' : 'community',
    locatedBy: lat === null ? null : 'geonames_ca_places',
  });
  const units = [
    unit('5921007', 'Nanaimo', 99863, 49.16638, -123.94003),
    unit('5924034', 'Campbell River', 35519, 50.01634, -125.24459),
    unit('5924804', 'Campbell River 11', 506, 50.031657, -125.247919, 'first_nations'),
    unit('5919021', 'Ladysmith', 8990, 48.99016, -123.81699),
    unit('5921010', 'Nanaimo A', 7481, null, null),
    unit('5943023', 'Port Hardy', 3902, 50.72086, -127.49231),
    unit('5924039', 'Sayward', 334, null, null),
  ];
  const municipal = { jurisdictionLevel: 'municipal' as const, jurisdictionCode: 'BC', sourceId: 'virl' };

  beforeEach(async () => {
    await store.replacePopulationUnits(units);
    const points = [
      // Library branches (coordinates rounded from their street addresses).
      makePoint({ ...municipal, sourceRecordId: 'campbell-river', geocode: geocodeAt(50.0248, -125.247) }),
      makePoint({ ...municipal, sourceRecordId: 'nanaimo-harbourfront', geocode: geocodeAt(49.1662, -123.9366) }),
      makePoint({ ...municipal, sourceRecordId: 'port-alice', geocode: geocodeAt(50.3846, -127.454) }), // 37 km from Port Hardy's point
      makePoint({ ...municipal, sourceRecordId: 'nanaimo-a-office', csdCode: '5921010' }),
      makePoint({ ...municipal, sourceRecordId: 'ladysmith-hall', jurisdictionCode: '5919021' }),
      makePoint({ ...municipal, sourceRecordId: 'no-location' }),
      makePoint({ sourceId: 'virl', sourceRecordId: 'workbc-port-hardy', jurisdictionLevel: 'provincial', jurisdictionCode: 'BC', geocode: geocodeAt(50.7205817, -127.4978505) }),
    ];
    await store.replaceSource({ id: 'virl', title: 'VIRL', licence: 'unclear', origin: 'test', retrievedAt: '2024-01-01', lastVerified: null }, points, () =>
      reportOf('virl', { rows_read: 7, imported: 7, rejected: 0, duplicates: 0 }),
    );
  });

  it('lists the subdivisions with no municipal record, biggest first; reserves are counted apart', async () => {
    const coverage = await municipalCoverage(store);
    expect(coverage.method).toContain('approximation');
    expect(coverage).toMatchObject({
      maxDistanceKm: 25,
      municipalPoints: 6,
      matchedBy: { csdCode: 1, jurisdictionCode: 1, nearestPoint: 2, unassigned: 2 },
      csds: { total: 6, covered: 4, gaps: 2, gapsWithoutRepresentativePoint: 1, firstNationsReservesExcluded: 1 },
      population: { total: 156089, covered: 151853, inGaps: 4236, coveredShare: 0.9729 },
    });
    expect(coverage.gaps).toEqual([
      { csdCode: '5943023', name: 'Port Hardy', province: 'BC', population: 3902, communityType: 'non_indigenous', hasRepresentativePoint: true },
      { csdCode: '5924039', name: 'Sayward', province: 'BC', population: 334, communityType: 'non_indigenous', hasRepresentativePoint: false },
    ]);
    expect(coverage.covered.map((c) => [c.name, c.points, c.sources])).toEqual([
      ['Nanaimo', 1, ['virl']],
      ['Campbell River', 1, ['virl']],
      ['Ladysmith', 1, ['virl']],
      ['Nanaimo A', 1, ['virl']],
    ]);
  });

  it('with reserves included, the Campbell River branch is credited to the nearer reserve point', async () => {
    const coverage = await municipalCoverage(store, { includeFirstNationsReserves: true, gapLimit: 1 });
    expect(coverage.csds).toEqual({ total: 7, covered: 4, gaps: 3, gapsWithoutRepresentativePoint: 1, firstNationsReservesExcluded: 0 });
    expect(coverage.covered.map((c) => c.name)).toEqual(['Nanaimo', 'Ladysmith', 'Nanaimo A', 'Campbell River 11']);
    expect(coverage.gaps.map((g) => g.name)).toEqual(['Campbell River']);
  });

  it('a wider match distance reaches Port Alice → Port Hardy', async () => {
    const coverage = await municipalCoverage(store, { maxDistanceKm: 40 });
    expect(coverage.gaps.map((g) => g.name)).toEqual(['Sayward']);
    expect(coverage.matchedBy).toEqual({ csdCode: 1, jurisdictionCode: 1, nearestPoint: 3, unassigned: 1 });
  });

  it('is part of sourceQuality when asked', async () => {
    const report = await sourceQuality(store, { now: NOW, municipal: { gapLimit: 1 } });
    expect(report.municipalCoverage?.gaps.map((g) => g.name)).toEqual(['Port Hardy']);
    expect((await sourceQuality(store, { now: NOW })).municipalCoverage).toBeUndefined();
  });
});
