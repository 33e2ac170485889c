import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDefaultDataset } from '../../src/ingest/build-default.js';
import { sourceQuality } from '../../src/quality/source-quality.js';
import type { QualityReport } from '../../src/quality/source-quality.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

// The bundled default dataset (data/, real open data), built as `npm start` does, into a temporary SQLite file.
const NOW = new Date('2026-11-28T00:00:00Z');
const run = promisify(execFile);
let tmp: string;
let db: string;
let report: QualityReport;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-quality-'));
  db = join(tmp, 'default.db');
  const store = SqliteStore.open(db);
  try {
    await buildDefaultDataset(store, resolve('data'));
    report = await sourceQuality(store, { now: NOW, municipal: { gapLimit: 8 } });
  } finally {
    await store.close();
  }
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('source quality of the bundled dataset', () => {
  it('counts completeness, duplicates and flags for every source', () => {
    const rows = report.sources.map(({ id, quality: q }) => [
      id,
      q.records,
      q.located.count,
      q.phone.count,
      q.email.count,
      q.website.count,
      q.hours.count,
      q.rejected,
      q.duplicatesWithin,
      q.likelyDuplicatesAcross,
      q.flags.join(' '),
      q.freshness.ageDays,
    ]);
    // id, records, located, phone, e-mail, website, hours, rejected, duplicates within, likely across, flags, age (days on 2026-11-28)
    expect(rows).toEqual([
      ['federal_buildings', 2121, 2121, 0, 0, 0, 0, 72, 34, 30, 'stale', 1397],
      ['healthcare', 7033, 7033, 0, 0, 0, 0, 0, 0, 43, 'stale', 2523],
      ['inuit_community_offices', 53, 53, 50, 0, 34, 0, 0, 0, 0, 'stale', 2801],
      ['municipal_facilities', 337, 337, 45, 0, 45, 0, 0, 0, 20, 'stale', 2754],
      ['municipal_libraries', 706, 705, 456, 0, 173, 0, 0, 1, 38, 'stale', 2754],
      ['ns_works', 54, 54, 54, 54, 54, 0, 0, 0, 0, 'stale', 2157],
      ['service_canada', 595, 581, 0, 0, 595, 0, 0, 0, 0, 'licence_unclear stale', 1026],
      ['serviceontario', 881, 857, 0, 0, 0, 0, 0, 1, 0, 'licence_unclear stale', 2554],
      ['toronto_libraries', 106, 100, 102, 0, 104, 0, 6, 0, 0, '', 300],
      ['vancouver_community_centres', 25, 25, 0, 0, 25, 0, 0, 0, 6, 'stale', 4349],
      ['vancouver_libraries', 22, 22, 0, 0, 22, 0, 0, 0, 18, 'stale', 4349],
      ['workbc', 102, 102, 102, 102, 102, 102, 0, 0, 2, 'stale', 2157],
    ]);
  });

  it('accounts for every row read, and agrees with the stored counters', () => {
    for (const source of report.sources) {
      const q = source.quality;
      expect(q.rowsRead, source.id).toBe(q.records + q.rejected + q.duplicatesWithin);
      expect(q.records, source.id).toBe(source.records);
      expect(Object.fromEntries(Object.entries(q.byPrecision).map(([p, s]) => [p, s.count])), source.id).toEqual(source.byPrecision);
    }
  });

  it('gives shares rounded to 4 decimals', () => {
    const libraries = report.sources.find((s) => s.id === 'municipal_libraries')?.quality;
    expect([libraries?.located, libraries?.phone, libraries?.website]).toEqual([
      { count: 705, share: 0.9986 },
      { count: 456, share: 0.6459 },
      { count: 173, share: 0.245 },
    ]);
    expect(report.sources.find((s) => s.id === 'service_canada')?.quality.freshness).toEqual({
      asOf: '2024-02-06',
      basis: 'retrieved_at',
      ageDays: 1026,
      maxAgeDays: 730,
      stale: true,
    });
  });

  it('lists the most populous census subdivisions that no municipal source covers', () => {
    const coverage = report.municipalCoverage;
    expect(coverage).toMatchObject({
      maxDistanceKm: 25,
      municipalPoints: 1577,
      matchedBy: { csdCode: 0, jurisdictionCode: 0, nearestPoint: 1505, unassigned: 72 },
      csds: { total: 4095, covered: 413, gaps: 3682, gapsWithoutRepresentativePoint: 2395, firstNationsReservesExcluded: 1066 },
      population: { total: 36603879, covered: 25068084, inGaps: 11535795, coveredShare: 0.6848 },
    });
    expect(coverage?.gaps.map((g) => [g.csdCode, g.name, g.province, g.population])).toEqual([
      ['2423027', 'Québec', 'QC', 549459],
      ['2443027', 'Sherbrooke', 'QC', 172950],
      ['2425213', 'Lévis', 'QC', 149683],
      ['2494068', 'Saguenay', 'QC', 144723],
      ['2437067', 'Trois-Rivières', 'QC', 139163],
      ['3518009', 'Whitby', 'ON', 138501],
      ['1001519', "St. John's", 'NL', 110525],
      ['4811052', 'Strathcona County', 'AB', 99225],
    ]);
    expect(coverage?.covered.slice(0, 3).map((c) => [c.name, c.points, c.sources])).toEqual([
      ['Toronto', 100, ['serviceontario', 'toronto_libraries']],
      ['Montréal', 10, ['municipal_libraries']],
      ['Calgary', 17, ['municipal_libraries']],
    ]);
  });
});

describe('repere sources --json', () => {
  async function sources(...args: string[]): Promise<unknown> {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', resolve('src/cli/main.ts'), 'sources', '--json', '--db', db, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout) as unknown;
  }

  it('prints every source with its listSources fields and its quality', async () => {
    const list = (await sources()) as Array<Record<string, unknown>>;
    expect(list.map((s) => s['id'])).toEqual(report.sources.map((s) => s.id));
    // Every field `repere sources --json` printed before (the store's SourceSummary), then `quality`.
    expect(Object.keys(list[0] ?? {})).toEqual(['id', 'title', 'licence', 'origin', 'retrievedAt', 'lastVerified', 'importedAt', 'records', 'byPrecision', 'report', 'attribution', 'quality']);
    expect(list.find((s) => s['id'] === 'workbc')?.['quality']).toMatchObject({ records: 102, hours: { count: 102, share: 1 }, flags: ['stale'] });
  });

  it('adds municipal_coverage with --municipal', async () => {
    const body = (await sources('--municipal', '--gaps', '3', '--max-age-days', '100000')) as { sources: Array<{ quality: { flags: string[] } }>; municipal_coverage: { gaps: Array<{ name: string }> } };
    expect(Object.keys(body)).toEqual(['sources', 'municipal_coverage']);
    expect(body.sources.filter((s) => s.quality.flags.includes('stale'))).toEqual([]);
    expect(body.municipal_coverage.gaps.map((g) => g.name)).toEqual(['Québec', 'Sherbrooke', 'Lévis']);
  });
});
