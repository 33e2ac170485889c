// Importing an HSDS 3.0 package Repère did not write: fixtures/other-publisher (hand-written,
// see its README.md) has an extra column, a missing optional table, a listed file that is
// not there and two broken foreign keys.
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServicePoint } from '../../src/domain/service-point.js';
import type { GeoContext } from '../../src/ingest/geo-context.js';
import { importHsdsPackage } from '../../src/ingest/hsds/index.js';
import { geoContextFrom, loadReferenceLayers } from '../../src/ingest/reference-layers.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));
const PACKAGE = fileURLToPath(new URL('./fixtures/other-publisher/datapackage.json', import.meta.url));
const ALL_ROLES = { roles: ['service_point', 'facility', 'candidate_site'] } as const;

let geo: GeoContext;
let store: SqliteStore;

beforeAll(async () => {
  geo = geoContextFrom(await loadReferenceLayers(DATA_DIR));
});
beforeEach(async () => {
  store = SqliteStore.open(':memory:');
  await store.migrate();
});
afterEach(async () => {
  await store.close();
});

async function points(): Promise<ServicePoint[]> {
  const out: ServicePoint[] = [];
  for await (const point of store.streamPoints({ roles: [...ALL_ROLES.roles] })) out.push(point);
  return out;
}

describe('an HSDS package from another publisher', () => {
  it('reports the extra column, the missing file and each broken foreign key with its table and row', async () => {
    const report = await importHsdsPackage(store, { path: PACKAGE, geo, retrievedAt: '2026-01-14' });
    expect(report).toEqual({
      package: 'example-north-directory',
      tables: {
        organization: 1,
        service: 2,
        attribute: 1,
        service_at_location: 4,
        location: 3,
        phone: 3,
        address: 2,
        schedule: 2,
        accessibility: 1,
        taxonomy_term: 1,
      },
      absent_tables: ['contact', 'language', 'organization_identifier'],
      issues: [
        {
          table: 'location',
          row: 0,
          field: 'ward',
          code: 'extra_column',
          severity: 'info',
          message: `"ward" is not an HSDS 3.0 location column; its values are kept in the records' raw data`,
        },
        {
          table: 'contact',
          row: 0,
          field: null,
          code: 'missing_file',
          severity: 'warning',
          message:
            'datapackage.json lists contacts.csv but the file is not in the package; the table is left out',
        },
        {
          table: 'service_at_location',
          row: 4,
          field: 'location_id',
          code: 'broken_foreign_key',
          severity: 'warning',
          message:
            'location_id "f6f0c1de-0009-4b0a-9c11-000000000009" matches no location id in locations.csv; the reference is ignored',
        },
        {
          table: 'phone',
          row: 3,
          field: 'location_id',
          code: 'broken_foreign_key',
          severity: 'warning',
          message:
            'location_id "f6f0c1de-0008-4b0a-9c11-000000000008" matches no location id in locations.csv; the reference is ignored',
        },
      ],
      sources: [
        {
          source: 'example_north_directory',
          rows_read: 3,
          imported: 3,
          rejected: 0,
          duplicates: 0,
          issues: [
            {
              row: 2,
              field: null,
              code: 'geocoded',
              severity: 'info',
              message: 'located at fsa precision from FSA Y1A',
            },
          ],
        },
      ],
    });
    const [source] = await store.listSources();
    expect(source).toMatchObject({
      id: 'example_north_directory',
      title: 'Example North community directory (test fixture)',
      licence: 'CC-BY-4.0',
      origin: PACKAGE,
      retrievedAt: '2026-01-14',
      records: 3,
    });
  });

  it('turns each location into a service point through the pipeline, keeping extra columns in the raw record', async () => {
    await importHsdsPackage(store, { path: PACKAGE, geo, retrievedAt: '2026-01-14' });
    const [centre, riverdale, line] = await points();
    expect(centre).toMatchObject({
      id: 'example_north_directory:f6f0c1de-0001-4b0a-9c11-000000000001',
      name: { en: 'Example North Family Centre' },
      description: { en: 'Main office and drop-in centre.' },
      organization: {
        id: 'example_north_directory:example-north-family-services-society',
        name: { en: 'Example North Family Services Society' },
      },
      channel: 'in_person',
      jurisdictionCode: 'YT',
      address: {
        street: '2 Main Street, Suite 100',
        city: 'Whitehorse',
        province: 'YT',
        postalCode: 'Y1A 2A1',
        country: 'CA',
      },
      phones: [{ e164: '+18675550100', display: '867-555-0100', extension: '12', kind: 'voice' }],
      url: 'https://example.org/north/whitehorse',
      hoursText: 'Monday, Tuesday, Wednesday, Thursday, Friday 09:00 to 17:00; Closed on statutory holidays',
      timeZone: 'America/Whitehorse',
      geocode: { lat: 60.7212, lon: -135.0568, precision: 'building', source: 'source' },
    });
    expect(centre.provenance.raw).toMatchObject({
      ward: 'Downtown',
      transportation: 'Bus route 2 stops in front.',
      'organization.year_incorporated': '1987',
      'accessibility.description': 'Step-free entrance and accessible washroom',
      'service.name': 'Family counselling',
      'service.attribute.family-support': 'Family support',
    });
    // No name: its service's; no coordinates: the FSA centroid; its hours come through its service-at-location.
    expect(riverdale).toMatchObject({
      name: { en: 'Family counselling' },
      hoursText: 'Tuesday 10:00 to 15:00',
      url: 'https://example.org/north/counselling',
      geocode: { lat: 60.7227, lon: -135.0534, precision: 'fsa', source: 'fsa_centroid', label: 'FSA Y1A' },
    });
    expect(riverdale.provenance.raw).toMatchObject({
      ward: 'Riverdale',
      'service_at_location.description': 'Walk-in on Tuesdays',
    });
    // A virtual location is a digital channel, with no place; its toll-free line keeps its kind.
    expect(line).toMatchObject({
      name: { en: 'Example North Help Line' },
      channel: 'digital',
      geocode: null,
      phones: [{ e164: '+18005550199', display: '1-800-555-0199', kind: 'toll_free' }],
    });
    expect((await points()).map((p) => p.serviceTypes)).toEqual([[], [], []]);
  });

  it('replaces its records on a second import, and takes --source and record defaults', async () => {
    await importHsdsPackage(store, { path: PACKAGE, geo });
    await importHsdsPackage(store, { path: PACKAGE, geo });
    expect((await points()).length).toBe(3);
    const report = await importHsdsPackage(store, {
      path: PACKAGE,
      geo,
      sourceId: 'yukon_families',
      defaults: {
        jurisdictionLevel: 'territorial',
        layer: 'community_services',
        serviceTypes: ['health'],
        licence: 'OGL-Yukon',
      },
    });
    expect(report.sources.map((s) => [s.source, s.imported])).toEqual([['yukon_families', 3]]);
    const imported = (await points()).filter((p) => p.provenance.sourceId === 'yukon_families');
    expect(
      imported.map((p) => [p.id, p.layer, p.jurisdictionLevel, p.serviceTypes, p.provenance.licence]),
    ).toEqual([
      [
        'yukon_families:f6f0c1de-0001-4b0a-9c11-000000000001',
        'community_services',
        'territorial',
        ['health'],
        'OGL-Yukon',
      ],
      [
        'yukon_families:f6f0c1de-0002-4b0a-9c11-000000000002',
        'community_services',
        'territorial',
        ['health'],
        'OGL-Yukon',
      ],
      [
        'yukon_families:f6f0c1de-0003-4b0a-9c11-000000000003',
        'community_services',
        'territorial',
        ['health'],
        'OGL-Yukon',
      ],
    ]);
  });

  it('fails with a message naming the problem when there is no descriptor, or no location table', async () => {
    await expect(
      importHsdsPackage(store, { path: fileURLToPath(new URL('./fixtures', import.meta.url)), geo }),
    ).rejects.toThrow(/fixtures\/datapackage\.json: cannot read the data package descriptor \(ENOENT/);
    await expect(
      importHsdsPackage(store, {
        path: fileURLToPath(new URL('./fixtures/no-locations', import.meta.url)),
        geo,
      }),
    ).rejects.toThrow(
      /no-locations\/datapackage\.json: the package has no readable "location" table \(locations\.csv\); Repère imports HSDS locations, so there is nothing to import\./,
    );
    expect(await store.listSources()).toEqual([]);
  });
});
