// The HSDS 3.0 tabular data package on the bundled default dataset (data/, real open data):
// what it holds, that it validates against the Open Referral descriptor and schemas in
// ../shared/specs/hsds-3.0, and that export → import into an empty database → export gives
// the same files byte for byte.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServicePoint } from '../../src/domain/service-point.js';
import { stableUuid } from '../../src/domain/stable-uuid.js';
import { writeHsdsPackage, type HsdsPackageSummary } from '../../src/export/hsds-package/index.js';
import { HSDS_ROLES } from '../../src/hsds/hsds-catalogue.js';
import { profileTermUuid } from '../../src/hsds/hsds-ids.js';
import { buildDefaultDataset } from '../../src/ingest/build-default.js';
import { importHsdsPackage, type HsdsImportReport } from '../../src/ingest/hsds/index.js';
import { geoContextFrom, loadReferenceLayers } from '../../src/ingest/reference-layers.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { hsdsSpecDir } from '../support/shared-specs.js';
import { rowValidators, validatePackage, type Descriptor } from './package-validator.js';

const DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));
const SPEC = JSON.parse(readFileSync(join(hsdsSpecDir(), 'datapackage.json'), 'utf8')) as Descriptor;

let tmp: string;
let original: SqliteStore;
let copy: SqliteStore;
let first: HsdsPackageSummary;
let second: HsdsPackageSummary;
let report: HsdsImportReport;
let schemas: Map<string, ValidateFunction>;

const firstDir = (): string => join(tmp, 'first');
const secondDir = (): string => join(tmp, 'second');
const readTable = (dir: string, file: string): Record<string, string>[] =>
  parse(readFileSync(join(dir, file)), { columns: true }) as Record<string, string>[];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-hsds-'));
  original = SqliteStore.open(join(tmp, 'original.db'));
  await buildDefaultDataset(original, DATA_DIR);
  first = await writeHsdsPackage(original, firstDir());

  copy = SqliteStore.open(join(tmp, 'copy.db'));
  await copy.migrate();
  const geo = geoContextFrom(await loadReferenceLayers(DATA_DIR));
  report = await importHsdsPackage(copy, { path: join(firstDir(), 'datapackage.json'), geo });
  second = await writeHsdsPackage(copy, secondDir());
  schemas = rowValidators(hsdsSpecDir());
}, 300_000);

afterAll(async () => {
  await original?.close();
  await copy?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the exported HSDS package', () => {
  it('has every table of the HSDS 3.0 descriptor, in its order, with its columns, as UTF-8 CSV with CRLF lines', () => {
    const descriptor = JSON.parse(readFileSync(join(firstDir(), 'datapackage.json'), 'utf8')) as Descriptor;
    expect(descriptor.resources.map((r) => [r.name, r.path])).toEqual(
      SPEC.resources.map((r) => [r.name, r.path]),
    );
    for (const [i, resource] of descriptor.resources.entries()) {
      const spec = SPEC.resources[i];
      expect(resource.schema.fields).toEqual(
        spec.schema.fields.map((f) => ({
          name: f.name,
          type: f.type,
          ...(f.format ? { format: f.format } : {}),
          constraints: f.constraints,
        })),
      );
      expect(resource.schema.foreignKeys ?? []).toEqual(spec.schema.foreignKeys ?? []);
      const bytes = readFileSync(join(firstDir(), resource.path));
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      expect(bytes.toString('utf8').split('\r\n')[0]).toBe(spec.schema.fields.map((f) => f.name).join(','));
    }
    expect(readdirSync(firstDir()).sort()).toEqual(
      ['datapackage.json', ...SPEC.resources.map((r) => r.path)].sort(),
    );
  });

  it('holds one location per published point, with the UUIDs of the JSON API', async () => {
    const points: ServicePoint[] = [];
    for await (const point of original.streamPoints({ roles: HSDS_ROLES })) points.push(point);
    const locations = readTable(firstDir(), 'locations.csv');
    expect(first.locations).toBe(points.length);
    expect(locations.map((l) => l['id'])).toEqual(points.map((p) => stableUuid(p.id)));
    expect(locations.map((l) => l['external_identifier'])).toEqual(points.map((p) => p.id));
    const rows = Object.fromEntries(first.tables.map((t) => [t.name, t.rows]));
    expect(rows['service_at_location']).toBe(points.reduce((n, p) => n + new Set(p.serviceTypes).size, 0));
    expect(rows['phone']).toBe(points.reduce((n, p) => n + p.phones.length, 0));
    expect(rows['contact']).toBe(points.filter((p) => p.email).length);
    expect(rows['organization']).toBe(new Set(points.map((p) => p.organization.id)).size);
    expect(rows).toMatchObject({ taxonomy: 2, taxonomy_term: 35, program: 0, funding: 0, metadata: 0 });
  });

  it('keeps the Canadian profile in attributes: Iqaluit community office (ISC/CIRNAC)', async () => {
    const id = stableUuid('inuit_community_offices:IN14');
    // Provenance as data/sources.json states it today.
    const { provenance } = (await original.getPoint('inuit_community_offices:IN14'))!;
    const source = (await original.listSources()).find((s) => s.id === 'inuit_community_offices')!;
    const terms = new Map(readTable(firstDir(), 'taxonomy_terms.csv').map((t) => [t['id'], t]));
    const attributes = readTable(firstDir(), 'attributes.csv').filter((a) => a['link_id'] === id);
    expect(
      attributes.map((a) => [terms.get(a['taxonomy_term_id'])?.['code'], a['value'], a['link_entity']]),
    ).toEqual([
      ['name_en', 'Iqaluit community office', 'location'],
      ['name_fr', 'Bureau communautaire de Iqaluit', 'location'],
      ['layer', 'inuit_community_offices', 'location'],
      ['role', 'service_point', 'location'],
      ['jurisdiction_level', 'indigenous', 'location'],
      ['jurisdiction_code', 'NU', 'location'],
      ['channel', 'in_person', 'location'],
      ['official_languages', 'en', 'location'],
      ['time_zone', 'America/Iqaluit', 'location'],
      ['geocode_precision', 'community', 'location'],
      ['geocode_source', 'source', 'location'],
      ['source_id', 'inuit_community_offices', 'location'],
      ['source_record_id', 'IN14', 'location'],
      ['licence', provenance.licence, 'location'],
      ['retrieved_at', provenance.retrievedAt, 'location'],
    ]);
    expect([provenance.licence, provenance.lastVerified]).toEqual(['OGL-Canada-2.0', null]);
    expect(attributes[0]?.['taxonomy_term_id']).toBe(profileTermUuid('name_en'));
    const of = (file: string, columns: string[]): string[][] =>
      readTable(firstDir(), file)
        .filter((r) => r['location_id'] === id)
        .map((r) => columns.map((c) => r[c] ?? ''));
    expect(
      of('addresses.csv', ['address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type']),
    ).toEqual([['PO Box 460', 'Iqaluit', 'NU', 'X0A 0H0', 'CA', 'physical']]);
    expect(of('phones.csv', ['number', 'type'])).toEqual([
      ['867-979-5600', 'voice'],
      ['867-979-5922', 'fax'],
    ]);
    expect(of('languages.csv', ['code', 'name'])).toEqual([
      ['iu', 'Inuktitut'],
      ['en', 'English'],
    ]);
    const sources = (
      JSON.parse(readFileSync(join(firstDir(), 'datapackage.json'), 'utf8')) as { sources: unknown[] }
    ).sources;
    expect(sources).toContainEqual({
      title: source.title,
      path: source.origin,
      id: 'inuit_community_offices',
      licence: 'OGL-Canada-2.0',
      retrieved_at: provenance.retrievedAt,
      last_verified: null,
      attribution: source.attribution,
    });
  });

  it('quotes cells per RFC 4180 (comma, quote) and keeps accents (UTF-8)', () => {
    const locations = readFileSync(join(firstDir(), 'locations.csv'), 'utf8');
    // ODHF record 662 is named with quotes in the source.
    expect(locations).toContain(
      `,"Crawford Manor (""a"")",,,,49.18459910000001,-122.8673672,healthcare:662,repere_id\r\n`,
    );
    expect(
      readTable(firstDir(), 'locations.csv').find((l) => l['external_identifier'] === 'healthcare:662')?.[
        'name'
      ],
    ).toBe('Crawford Manor ("a")');
    expect(readFileSync(join(firstDir(), 'schedules.csv'), 'utf8')).toContain(',WEEKLY,,"MO,TU,TH,FR",');
    const names = readTable(firstDir(), 'attributes.csv').map((a) => a['value']);
    expect(names).toContain('Gouvernements des communautés inuites');
  });
});

describe('validation against the HSDS 3.0 descriptor and JSON schemas', () => {
  it('finds no problem in any table (types, formats including uuid, enums, required, unique, foreign keys, schema/*.json)', () => {
    const descriptor = JSON.parse(readFileSync(join(firstDir(), 'datapackage.json'), 'utf8')) as Descriptor;
    expect(validatePackage(firstDir(), descriptor, schemas)).toEqual([]);
  });

  it('is not vacuous: a bad UUID, a missing name, an unknown enum value and a broken foreign key are caught', () => {
    const dir = join(tmp, 'tampered');
    mkdirSync(dir, { recursive: true });
    const resources = SPEC.resources.filter((r) => r.name === 'organization' || r.name === 'location');
    const [orgHeader, orgRow] = readFileSync(join(firstDir(), 'organizations.csv'), 'utf8').split('\r\n');
    writeFileSync(
      join(dir, 'organizations.csv'),
      `${orgHeader}\r\n${orgRow.replace(/^[^,]+,[^,]+,/, 'not-a-uuid,,')}\r\n`,
    );
    const locations = readFileSync(join(firstDir(), 'locations.csv'), 'utf8').split('\r\n');
    writeFileSync(
      join(dir, 'locations.csv'),
      `${locations[0]}\r\n${locations[1].replace(',physical,', ',building,')}\r\n`,
    );
    const problems = validatePackage(dir, { resources }, schemas);
    expect(problems.map((p) => [p.table, p.row, p.column, p.problem.replace(/^"[^"]*"/, '"…"')])).toEqual([
      ['organization', 1, 'id', '"…" is not a UUID'],
      ['organization', 1, 'name', 'is required'],
      ['organization', 1, '', "schema/organization.json: must have required property 'name'"],
      ['organization', 1, '/id', 'schema/organization.json: must match format "uuid"'],
      ['location', 1, 'location_type', '"…" is not one of physical, postal, virtual'],
      ['location', 1, '/location_type', 'schema/location.json: must be equal to one of the allowed values'],
      ['location', 1, 'organization_id', '"…" matches no organization'],
    ]);
  });
});

describe('round trip: export → import into an empty database → export', () => {
  it('imports every location back into its own source, with no package issue', () => {
    expect(report.issues).toEqual([]);
    expect(report.absent_tables).toEqual([]);
    expect(report.tables['location']).toBe(first.locations);
    for (const source of report.sources) {
      expect([source.source, source.rows_read - source.imported, source.rejected, source.duplicates]).toEqual(
        [source.source, 0, 0, 0],
      );
    }
    expect(report.sources.reduce((n, s) => n + s.imported, 0)).toBe(first.locations);
  });

  it('gives identical files, byte for byte (datapackage.json and every CSV)', () => {
    expect(second.tables).toEqual(first.tables);
    for (const file of readdirSync(firstDir()).sort()) {
      const a = readFileSync(join(firstDir(), file));
      const b = readFileSync(join(secondDir(), file));
      expect({ file, same: a.equals(b), bytes: b.length }).toEqual({ file, same: true, bytes: a.length });
    }
  });

  it('gives back the same records, apart from the raw row (now the package row) and the order of service types', async () => {
    const comparable = (p: ServicePoint): unknown => ({
      ...p,
      serviceTypes: [...p.serviceTypes].sort(),
      provenance: { ...p.provenance, raw: null, row: null },
    });
    const before: unknown[] = [];
    for await (const p of original.streamPoints({ roles: HSDS_ROLES })) before.push(comparable(p));
    const after: unknown[] = [];
    for await (const p of copy.streamPoints({ roles: ['service_point', 'facility', 'candidate_site'] }))
      after.push(comparable(p));
    expect(after.length).toBe(before.length);
    expect(after).toEqual(before);
    const sources = await copy.listSources();
    const originals = new Map((await original.listSources()).map((s) => [s.id, s]));
    for (const s of sources) {
      const o = originals.get(s.id)!;
      expect([s.id, s.title, s.licence, s.attribution, s.origin, s.retrievedAt, s.lastVerified]).toEqual([
        o.id,
        o.title,
        o.licence,
        o.attribution,
        o.origin,
        o.retrievedAt,
        o.lastVerified,
      ]);
    }
  });
});
