import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServicePoint } from '../../src/domain/service-point.js';
import { harvestCkan, harvestKey, harvestSourceId, readHarvestRecord } from '../../src/ingest/ckan/index.js';
import type { HarvestOptions, HarvestReport, HarvestTarget } from '../../src/ingest/ckan/index.js';
import type { GeoContext } from '../../src/ingest/geo-context.js';
import { geoContextFrom, loadReferenceLayers } from '../../src/ingest/reference-layers.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { startReplayServer } from './replay-server.js';
import type { ReplayServer } from './replay-server.js';

// The replay portal serves test/ckan/fixtures/ (README.md there says where each payload and file came from).
const FILES = resolve('test/ckan/fixtures/files');
const NOW = new Date('2025-03-01T12:00:00Z');
const WORKBC_CSV = 'f6f0e71e-0719-4b9c-8285-e2b5c3637555';
const NS_GEOJSON = '098eb0f1-c247-434a-961a-2735680ee703';
const BIBLIO_CSV = 'd409eec4-250f-477b-96ef-9d02eb6179f5';
const BC_DICTIONARY = 'ca032af0-3008-4d0f-9671-4ad91d085266';

let geo: GeoContext;
let tmp: string;

beforeAll(async () => {
  geo = geoContextFrom(await loadReferenceLayers(resolve('data')));
  tmp = mkdtempSync(join(tmpdir(), 'repere-ckan-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function targetFor(portal: ReplayServer): HarvestTarget {
  return {
    baseUrl: portal.url,
    portalId: null,
    jurisdictionLevel: 'provincial',
    jurisdictionCode: 'province',
    province: null,
    languages: ['en'],
    defaultLicence: {
      title: 'Open Government Licence - Nova Scotia',
      ckanIds: [],
      url: 'https://novascotia.ca/opendata/licence.asp',
      attribution: 'Contains information licensed under the Open Government Licence – Nova Scotia.',
    },
    serviceTypes: ['employment'],
  };
}

function harvest(store: Store, portal: ReplayServer, extra: Partial<HarvestOptions> = {}): Promise<HarvestReport> {
  return harvestCkan(store, { target: targetFor(portal), query: '*:*', geo, pageSize: 2, timeoutMs: 2000, now: () => NOW, ...extra });
}

const statuses = (report: HarvestReport) => report.resources.map((r) => [r.dataset, r.name, r.status]);

async function allPoints(store: Store): Promise<ServicePoint[]> {
  const points: ServicePoint[] = [];
  for await (const point of store.streamPoints({ roles: ['service_point', 'facility', 'candidate_site'] })) points.push(point);
  return points;
}

/** Everything harvesting may write: sources with their counters, records, harvest records. */
async function snapshot(store: Store) {
  const sources = await store.listSources();
  const records = await Promise.all(sources.map((s) => store.getMeta(harvestKey(s.id))));
  return { sources, points: await allPoints(store), records };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(join(FILES, file))).digest('hex');

describe('harvesting the replayed portal (4 datasets, 9 resources)', () => {
  let portal: ReplayServer;
  let store: SqliteStore;
  let ids: { workbc: string; ns: string; biblio: string };

  beforeAll(async () => {
    portal = await startReplayServer('main');
    store = SqliteStore.open(join(tmp, 'main.db'));
    await store.migrate();
    ids = {
      workbc: harvestSourceId(portal.url, 'workbc-centres', WORKBC_CSV),
      ns: harvestSourceId(portal.url, 'nova-scotia-works-centres', NS_GEOJSON),
      biblio: harvestSourceId(portal.url, 'bibliotheques-publiques', BIBLIO_CSV),
    };
  });
  afterAll(async () => {
    await store.close();
    await portal.close();
  });

  it('first run: imports each CSV/GeoJSON resource as its own source, skips the rest, reports the 404', async () => {
    const report = await harvest(store, portal);
    expect(report).toMatchObject({ portal: portal.url, portal_id: null, query: '*:*', organization: null, datasets: 4 });
    expect(statuses(report)).toEqual([
      ['agriculture-capability-mapping', 'View in the Soil Information Finder Tool (SIFT) mapping application (interactive)', 'skipped'],
      ['agriculture-capability-mapping', 'Agriculture Capability Mapping Data Package (File Geodatabase)', 'skipped'],
      ['agriculture-capability-mapping', 'Agriculture Capability Mapping Data Package (Shapefile)', 'skipped'],
      ['agriculture-capability-mapping', 'Agriculture Capability Mapping (KMZ files split by mapsheet)', 'skipped'],
      ['agriculture-capability-mapping', 'Agriculture Capability Data Dictionary', 'failed'],
      ['workbc-centres', 'WorkBC Centres (CSV)', 'imported'],
      ['workbc-centres', 'WorkBC Centres map (PDF)', 'skipped'],
      ['nova-scotia-works-centres', 'Nova Scotia Works centres (GeoJSON)', 'imported'],
      ['bibliotheques-publiques', 'Bibliothèques (CSV Excel)', 'imported'],
    ]);
    const [other, fgdb, , kmz, dictionary, workbc, pdf, ns, biblio] = report.resources;
    expect([other?.reason, fgdb?.reason, kmz?.reason, pdf?.reason]).toEqual([
      'format "other" is not CSV or GeoJSON',
      'format "fgdb" is not CSV or GeoJSON',
      'format "kmz" is not CSV or GeoJSON',
      'format "PDF" is not CSV or GeoJSON',
    ]);
    expect(dictionary).toEqual({
      dataset: 'agriculture-capability-mapping',
      resource: BC_DICTIONARY,
      name: 'Agriculture Capability Data Dictionary',
      format: 'csv',
      url: `${portal.url}/download/${BC_DICTIONARY}/`,
      status: 'failed',
      reason: 'download failed: HTTP 404 Not Found',
    });
    expect(workbc).toMatchObject({ source_id: ids.workbc, report: { rows_read: 12, imported: 12, rejected: 0, duplicates: 0, issue_counts: {} } });
    expect(ns).toMatchObject({ source_id: ids.ns, report: { rows_read: 8, imported: 8, rejected: 0, duplicates: 0 } });
    expect(biblio).toMatchObject({ source_id: ids.biblio, report: { rows_read: 8, imported: 8, rejected: 0, duplicates: 0 } });

    const sources = await store.listSources();
    expect(sources.map((s) => [s.id, s.records]).sort()).toEqual([[ids.biblio, 8], [ids.workbc, 12], [ids.ns, 8]].sort());
    // Skipped formats are never downloaded; everything else once.
    expect(portal.downloads()).toEqual([BC_DICTIONARY, WORKBC_CSV, NS_GEOJSON, BIBLIO_CSV]);
  });

  it('pages through package_search with rows/start until count is reached, then package_show per dataset', () => {
    const calls = portal.requests.filter((r) => r.path.startsWith('/api/3/action/'));
    expect(calls.map((r) => [r.path.replace('/api/3/action/', ''), r.params['start'] ?? r.params['id']])).toEqual([
      ['package_search', '0'],
      ['package_search', '2'],
      ['package_show', '582a6147-4e24-468c-a048-762302139afc'],
      ['package_show', '2dbb3d17-5207-466f-bf78-eda374646d6e'],
      ['package_show', '7a8f28ec-5afb-4d84-8154-a7ec9768772d'],
      ['package_show', '19dc0e27-6fd0-495c-9781-14b07a60c329'],
    ]);
    expect(calls[0]?.params).toEqual({ q: '*:*', rows: '2', start: '0' });
  });

  it('records provenance and licence on each source, its records and its harvest record', async () => {
    const sources = new Map((await store.listSources()).map((s) => [s.id, s]));
    expect(sources.get(ids.workbc)).toMatchObject({
      title: 'WorkBC Centres — WorkBC Centres (CSV)',
      licence: 'unclear', // the dataset says "License not specified"
      origin: `${portal.url}/dataset/workbc-centres/resource/${WORKBC_CSV}`,
      retrievedAt: '2025-03-01',
      lastVerified: null,
    });
    expect(sources.get(ids.workbc)?.attribution).toBeUndefined();
    expect(sources.get(ids.ns)).toMatchObject({
      licence: 'Open Government Licence - Nova Scotia',
      attribution: 'Contains information licensed under the Open Government Licence – Nova Scotia.',
    });
    expect(sources.get(ids.biblio)).toMatchObject({ title: 'Bibliothèques publiques — Bibliothèques (CSV Excel)', licence: 'Creative Commons Attribution 4.0' });

    expect(await readHarvestRecord(store, ids.workbc)).toEqual({
      source_id: ids.workbc,
      portal: portal.url,
      portal_id: null,
      dataset_id: '2dbb3d17-5207-466f-bf78-eda374646d6e',
      dataset_name: 'workbc-centres',
      dataset_title: 'WorkBC Centres — WorkBC Centres (CSV)',
      resource_id: WORKBC_CSV,
      resource_name: 'WorkBC Centres (CSV)',
      resource_url: `${portal.url}/download/${WORKBC_CSV}/workbc_centres.csv`,
      format: 'csv',
      licence: 'unclear',
      license_id: 'notspecified',
      license_title: 'License not specified',
      metadata_modified: '2021-02-23T18:04:11.123456',
      last_modified: '2021-02-23T18:04:11.123456',
      sha256: sha256('workbc-centres-v1.csv'),
      bytes: readFileSync(join(FILES, 'workbc-centres-v1.csv')).length,
      harvested_at: '2025-03-01T12:00:00.000Z',
      profile_fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      outcome: 'imported',
    });
    expect(await readHarvestRecord(store, ids.ns)).toMatchObject({ license_id: 'ogl-ns', last_modified: null, metadata_modified: '2021-03-01T09:12:45.551020' });

    const points = await allPoints(store);
    const campbell = points.find((p) => p.id === `${ids.workbc}:p1`);
    expect(campbell).toMatchObject({
      layer: 'harvested',
      role: 'service_point',
      name: { en: 'WorkBC Centre - Campbell River' },
      organization: { id: 'ckan:ministry-of-social-development-and-poverty-reduction', name: { en: 'Ministry of Social Development and Poverty Reduction' } },
      jurisdictionLevel: 'provincial',
      jurisdictionCode: 'BC',
      channel: 'in_person',
      serviceTypes: ['employment'],
      geocode: { lat: 50.0240613, lon: -125.2434889, precision: 'building', source: 'source' },
      provenance: { sourceId: ids.workbc, sourceRecordId: 'p1', licence: 'unclear', retrievedAt: '2025-03-01', lastVerified: null, row: 1 },
    });
    // The windows-1252 file is decoded, French headers mapped, French names kept as French.
    const sister = points.find((p) => p.provenance.sourceId === ids.biblio && p.provenance.row === 1);
    expect(sister?.name).toEqual({ fr: 'Bibliothèque de l’Île des Sœurs' });
    expect(sister?.address).toMatchObject({ street: '260, rue Elgar', city: 'Montréal', province: 'QC', postalCode: 'H3E 1C9' });
    expect(sister?.jurisdictionCode).toBe('QC');
  });

  it('second run: nothing changes; resources with last_modified are not even downloaded', async () => {
    const before = await snapshot(store);
    const downloadsBefore = portal.downloads().length;
    const report = await harvest(store, portal);
    expect(report.resources.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'failed', 'unchanged', 'skipped', 'unchanged', 'unchanged']);
    expect(report.resources.filter((r) => r.status === 'unchanged').map((r) => r.source_id)).toEqual([ids.workbc, ids.ns, ids.biblio]);
    // The GeoJSON has no last_modified: downloaded and compared by SHA-256. The 404 is tried again.
    expect(portal.downloads().slice(downloadsBefore)).toEqual([BC_DICTIONARY, NS_GEOJSON]);
    expect(await snapshot(store)).toEqual(before);
  });

  it('a changed resource (new last_modified) is re-imported and its old records are replaced, not duplicated', async () => {
    portal.updateResource(WORKBC_CSV, { file: 'workbc-centres-v2.csv', lastModified: '2021-06-01T08:00:00.000000', metadataModified: '2021-06-01T08:00:00.000000' });
    const others = (await allPoints(store)).filter((p) => p.provenance.sourceId !== ids.workbc);
    const report = await harvest(store, portal);
    const workbc = report.resources.find((r) => r.resource === WORKBC_CSV);
    expect(workbc).toMatchObject({ status: 'imported', source_id: ids.workbc, report: { rows_read: 13, imported: 13 } });
    expect(report.resources.filter((r) => r.status === 'unchanged').map((r) => r.source_id)).toEqual([ids.ns, ids.biblio]);

    const points = await allPoints(store);
    const workbcIds = points.filter((p) => p.provenance.sourceId === ids.workbc).map((p) => p.provenance.sourceRecordId);
    expect(workbcIds.sort()).toEqual(['p1', 'p10', 'p11', 'p12', 'p13', 'p14', 'p15', 'p2', 'p5', 'p6', 'p7', 'p8', 'p9']);
    expect(points).toHaveLength(13 + 8 + 8);
    expect(points.find((p) => p.id === `${ids.workbc}:p1`)?.phones.map((p) => p.display)).toEqual(['250-286-3400', '250-286-3447']);
    expect(points.filter((p) => p.provenance.sourceId !== ids.workbc)).toEqual(others);
    expect((await store.listSources()).find((s) => s.id === ids.workbc)?.records).toBe(13);
    expect(await readHarvestRecord(store, ids.workbc)).toMatchObject({ last_modified: '2021-06-01T08:00:00.000000', sha256: sha256('workbc-centres-v2.csv') });
  });

  it('a resource without last_modified whose bytes change is re-imported (SHA-256 differs)', async () => {
    portal.updateResource(NS_GEOJSON, { file: 'ns-works-centres-v2.geojson', lastModified: null, metadataModified: '2021-07-01T00:00:00.000000' });
    const report = await harvest(store, portal);
    expect(report.resources.find((r) => r.resource === NS_GEOJSON)).toMatchObject({ status: 'imported', report: { rows_read: 7, imported: 7 } });
    const sources = new Map((await store.listSources()).map((s) => [s.id, s.records]));
    expect([sources.get(ids.workbc), sources.get(ids.ns), sources.get(ids.biblio)]).toEqual([13, 7, 8]);
    expect(await allPoints(store)).toHaveLength(28);
  });

  it('a deleted source is imported again on the next run', async () => {
    await store.deleteSource(ids.biblio);
    const report = await harvest(store, portal);
    expect(report.resources.find((r) => r.resource === BIBLIO_CSV)).toMatchObject({ status: 'imported', report: { imported: 8 } });
  });
});

describe('search options', () => {
  let portal: ReplayServer;
  beforeAll(async () => {
    portal = await startReplayServer('main');
  });
  afterAll(() => portal.close());

  const datasetsOf = (report: HarvestReport) => [...new Set(report.resources.map((r) => r.dataset))];

  it('passes q through and filters by organization with fq', async () => {
    const store = SqliteStore.open(':memory:');
    await store.migrate();
    try {
      const employment = await harvest(store, portal, { query: 'employment' });
      expect(datasetsOf(employment)).toEqual(['workbc-centres', 'nova-scotia-works-centres']);
      const byOrg = await harvest(store, portal, { organization: 'ministry-of-social-development-and-poverty-reduction' });
      expect(byOrg.datasets).toBe(1);
      expect(statuses(byOrg)).toEqual([
        ['workbc-centres', 'WorkBC Centres (CSV)', 'unchanged'],
        ['workbc-centres', 'WorkBC Centres map (PDF)', 'skipped'],
      ]);
      expect(portal.requests.find((r) => r.params['fq'])?.params).toEqual({
        q: '*:*',
        rows: '2',
        start: '0',
        fq: 'organization:ministry-of-social-development-and-poverty-reduction',
      });
    } finally {
      await store.close();
    }
  });

  it('stops after --max-datasets', async () => {
    const store = SqliteStore.open(':memory:');
    await store.migrate();
    try {
      const report = await harvest(store, portal, { maxDatasets: 3 });
      expect(report.datasets).toBe(3);
      expect(datasetsOf(report)).toEqual(['agriculture-capability-mapping', 'workbc-centres', 'nova-scotia-works-centres']);
    } finally {
      await store.close();
    }
  });

  it('throws when the portal search itself fails (not a CKAN portal)', async () => {
    const store = SqliteStore.open(':memory:');
    await store.migrate();
    try {
      const target = { ...targetFor(portal), baseUrl: `${portal.url}/download/nothing` };
      await expect(harvestCkan(store, { target, query: 'x', geo })).rejects.toThrow(
        `CKAN API ${portal.url}/download/nothing/api/3/action/package_search?q=x&rows=100&start=0: HTTP 404 answered text/html; charset=utf-8, not JSON; is this the base URL of a CKAN portal (the part before /api/3)?`,
      );
    } finally {
      await store.close();
    }
  });
});

describe('resources that cannot be imported never stop the others', () => {
  let portal: ReplayServer;
  let store: SqliteStore;
  beforeAll(async () => {
    portal = await startReplayServer('broken');
    store = SqliteStore.open(':memory:');
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    await portal.close();
  });

  it('reports each failure with its reason and imports the good resource', async () => {
    const report = await harvest(store, portal, { timeoutMs: 1000, maxBytes: 3000 });
    expect(report.resources.map((r) => [r.name, r.status, r.reason])).toEqual([
      ['Bibliothèques (UTF-16)', 'failed', 'cannot read the CSV: byte 3 is NUL (0x00): the file is binary or UTF-16, not UTF-8 or windows-1252 text'],
      [
        'Bibliothèques (Mac Roman)',
        'failed',
        'cannot read the CSV: the file is not UTF-8, and byte 95 (0x8F) is undefined in windows-1252, so it is not windows-1252 either',
      ],
      [
        'WorkBC (unclosed quote)',
        'failed',
        'line 3: in the record starting on or after line 3, the quote that closes a field on line 4 is followed by "8" ' +
          'instead of a delimiter or the end of the line. Check the quoting and delimiters on or after that line.',
      ],
      ['WorkBC (landing page)', 'failed', 'the URL answered with an HTML page, not a data file; it probably links to a landing page'],
      ['WorkBC (slow server)', 'failed', 'download failed: timed out after 1 s'],
      ['WorkBC (too large)', 'failed', 'the file is over the 3000-byte limit (--max-bytes); download stopped'],
      ['WorkBC (header only)', 'failed', 'the file has a header but no data rows; nothing was imported'],
      ['WorkBC data dictionary', 'skipped', 'no column is a place name (columns: column, type, definition); not a list of places'],
      ['WorkBC (JSON API)', 'skipped', 'format "JSON" is not CSV or GeoJSON'],
      ['WorkBC (3 centres)', 'imported', undefined],
    ]);
    expect(report.resources.at(-1)?.report).toEqual({ rows_read: 3, imported: 3, rejected: 0, duplicates: 0, issue_counts: {} });
    expect((await store.listSources()).map((s) => s.records)).toEqual([3]);
  });

  it('on the next run the data dictionary is still skipped, without being imported', async () => {
    const report = await harvest(store, portal, { timeoutMs: 1000, maxBytes: 3000 });
    expect(report.resources.slice(7).map((r) => [r.status, r.reason])).toEqual([
      ['skipped', 'no column is a place name (columns: column, type, definition); not a list of places (unchanged since the last harvest)'],
      ['skipped', 'format "JSON" is not CSV or GeoJSON'],
      ['unchanged', undefined],
    ]);
    expect((await store.listSources()).map((s) => s.records)).toEqual([3]);
  });
});
