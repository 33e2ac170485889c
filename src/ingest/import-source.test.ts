import { mkdtempSync, rmSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeoJson } from '../export/write-geojson.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { ServicePoint } from '../domain/service-point.js';
import type { GeoContext } from './geo-context.js';
import { importSource, validateSource } from './import-source.js';
import { geoContextFrom, loadReferenceLayers } from './reference-layers.js';
import { testProfile } from './test-profile.js';

// Fixtures: test/fixtures/ingest/README.md says where each file comes from and what is broken.
const FIXTURES = resolve('test/fixtures/ingest');
const DATA = resolve('data');
let geo: GeoContext;
let tmp: string;

beforeAll(async () => {
  geo = geoContextFrom(await loadReferenceLayers(DATA));
  tmp = mkdtempSync(join(tmpdir(), 'repere-ingest-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const summary = (issues: { row: number; field: string | null; code: string; severity: string }[]) =>
  issues.map((i) => `${i.row} ${i.field ?? '-'} ${i.code} ${i.severity}`);

describe('the import report on broken-rows.csv (every row accounted for)', () => {
  it('reports each broken row by number and keeps the good ones', async () => {
    const report = await validateSource({ profile: testProfile('broken-rows.csv'), baseDir: FIXTURES, geo });
    expect({ ...report, issues: undefined }).toEqual({
      source: 'test',
      rows_read: 15,
      imported: 13,
      rejected: 1,
      duplicates: 1,
      issues: undefined,
    });
    expect(report.rows_read).toBe(report.imported + report.rejected + report.duplicates);
    expect(summary(report.issues)).toEqual([
      '3 latitude swapped_coordinates warning',
      '4 latitude outside_canada warning',
      '4 - geocoded info',
      '5 name missing_required error',
      '7 id duplicate warning',
      '8 postal_code invalid_postal_code warning',
      '9 phone invalid_phone warning',
      '10 - geocoded info',
      '11 - geocoded info',
      '12 latitude invalid_coordinates warning',
      '12 - geocoded info',
      '13 - column_count warning',
      '13 latitude invalid_coordinates warning',
      '13 - geocoded info',
      '14 - column_count warning',
    ]);
    const messages = new Map(report.issues.map((i) => [`${i.row} ${i.code}`, i.message]));
    expect(messages.get('3 swapped_coordinates')).toBe(
      'latitude and longitude were swapped ("-123.7193016", "48.37844"); corrected to 48.37844, -123.7193016',
    );
    expect(messages.get('4 geocoded')).toBe('located at fsa precision from FSA V8W');
    expect(messages.get('11 geocoded')).toBe('located at community precision from North Vancouver, BC');
    expect(messages.get('7 duplicate')).toBe('same id "p16" as row 6; the first is kept');
  });

  it('stores the corrected and geocoded records with their precision', async () => {
    const store = SqliteStore.open(join(tmp, 'broken.db'));
    await importSource(store, { profile: testProfile('broken-rows.csv'), baseDir: FIXTURES, geo });
    const sooke = await store.getPoint('test:p13');
    expect(sooke?.geocode).toEqual({ lat: 48.37844, lon: -123.7193016, precision: 'building', source: 'source_swapped' });
    const victoria = await store.getPoint('test:p14');
    expect(victoria?.geocode).toMatchObject({ precision: 'fsa', source: 'fsa_centroid', label: 'FSA V8W' });
    const saltSpring = await store.getPoint('test:p17');
    expect(saltSpring?.address.postalCode).toBeUndefined();
    expect(saltSpring?.provenance.raw['postal_code']).toBe('Z9Z 9Z9');
    expect(await store.getPoint('test:p15')).toBeNull();
    const sources = await store.listSources();
    expect(sources.map((s) => [s.id, s.records, s.report.rejected, s.report.duplicates])).toEqual([['test', 13, 1, 1]]);
    await store.close();
  });
});

describe('encodings and layouts', () => {
  it('reads a windows-1252 file with French headers and ";" (name in French)', async () => {
    const store = SqliteStore.open(':memory:');
    const report = await importSource(store, {
      profile: testProfile('cp1252-fr-semicolon.csv', { id: 'fr' }),
      baseDir: FIXTURES,
      geo,
    });
    expect([report.rows_read, report.imported, report.rejected]).toEqual([8, 8, 0]);
    const { items } = await store.listPoints({ limit: 10, offset: 0, sourceIds: ['fr'] });
    const names = items.map((p) => p.name.fr ?? p.name.en);
    expect(names).toContain('Bibliothèque de l’Île des Sœurs');
    // French headers say the text is French: the name is stored as French (WCAG 3.1.2 lang).
    expect(items.every((p) => p.name.fr !== undefined && p.name.en === undefined)).toBe(true);
    await store.close();
  });

  it('reads a UTF-8 file with a BOM and keeps the accents', async () => {
    const report = await validateSource({ profile: testProfile('bom-utf8.csv', { id: 'bom' }), baseDir: FIXTURES, geo });
    expect([report.rows_read, report.imported, report.rejected, report.duplicates]).toEqual([4, 4, 0, 0]);
  });

  it('numbers records, not lines, when fields hold line breaks', async () => {
    const report = await validateSource({ profile: testProfile('quoted-newlines.csv', { id: 'nl' }), baseDir: FIXTURES, geo });
    expect([report.rows_read, report.imported]).toEqual([6, 6]);
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('reads GeoJSON, locating the feature without geometry from its address', async () => {
    const report = await validateSource({ profile: testProfile('points.geojson', { id: 'gj' }), baseDir: FIXTURES, geo });
    expect([report.rows_read, report.imported]).toEqual([6, 6]);
    expect(summary(report.issues)).toEqual(['3 - geocoded info']);
  });
});

describe('round trip import → export GeoJSON → import', () => {
  it('gives back the same records', async () => {
    const store = SqliteStore.open(join(tmp, 'round.db'));
    const workbc = testProfile('workbc-10.csv', { id: 'workbc' });
    workbc.defaults = { ...workbc.defaults, layer: 'workbc' };
    await importSource(store, { profile: workbc, baseDir: FIXTURES, geo });
    const first = await collect(store.streamPoints({ sourceIds: ['workbc'] }));
    const out = join(tmp, 'workbc.geojson');
    const stream = createWriteStream(out);
    await writeGeoJson(store.streamPoints({ sourceIds: ['workbc'] }), stream);
    stream.end();
    await finished(stream);

    const again = SqliteStore.open(join(tmp, 'round-again.db'));
    // A neutral profile: everything must come back from the exported columns themselves.
    const neutral = testProfile(out, {
      id: 'workbc',
      defaults: {
        layer: 'workbc',
        role: 'service_point',
        jurisdictionLevel: 'other',
        jurisdictionCode: 'province',
        channel: 'in_person',
        serviceTypes: [],
        organization: { id: 'test-org', name: { en: 'Test organization', fr: 'Organisation d’essai' } },
        languages: [],
        coordinatePrecision: 'street',
      },
    });
    const report = await importSource(again, { profile: neutral, baseDir: tmp, geo });
    expect([report.rows_read, report.imported]).toEqual([10, 10]);
    const second = await collect(again.streamPoints({ sourceIds: ['workbc'] }));
    expect(second.map(comparable)).toEqual(first.map(comparable));
    await store.close();
    await again.close();
  });
});

async function collect(points: AsyncIterable<ServicePoint>): Promise<ServicePoint[]> {
  const out: ServicePoint[] = [];
  for await (const p of points) out.push(p);
  return out;
}

/** The record without what legitimately differs between the two imports (provenance of the file). */
function comparable(point: ServicePoint): Omit<ServicePoint, 'provenance' | 'organization'> & { sourceRecordId: string } {
  const { provenance, organization: _organization, ...rest } = point;
  return { ...rest, sourceRecordId: provenance.sourceRecordId };
}
