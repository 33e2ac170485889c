import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { fillSmallStore } from './small-store.js';

const run = promisify(execFile);
const ROOT = resolve('.');
let tmp: string;
let db: string;

/** Runs `repere analyze …` on the small database as a user would. */
async function analyze(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'analyze', ...args, '--db', db],
      {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-analyze-cli-'));
  db = join(tmp, 'small.db');
  const store = SqliteStore.open(db);
  await store.migrate();
  await fillSmallStore(store);
  await store.close();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('repere analyze', () => {
  it('coverage --json prints the documented shape with the hand-computed figures', async () => {
    const { stdout, code } = await analyze(
      'coverage',
      '--layer',
      'service_canada',
      '--radius-km',
      '50',
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([
      'parameters',
      'population_total',
      'population_covered',
      'population_uncovered',
      'coverage_share',
      'population_unlocated',
      'approximate_share',
      'points_used',
      'by_province',
      'units',
    ]);
    expect(result).toMatchObject({
      parameters: { layers: ['service_canada'], radius_km: 50, channels: ['in_person', 'outreach'] },
      population_total: 4200,
      population_covered: 3000,
      coverage_share: 3000 / 4200,
      population_unlocated: 300,
      points_used: 2,
    });
    expect(result['by_province']).toEqual([
      {
        province: 'QC',
        population_total: 500,
        population_covered: 0,
        population_uncovered: 500,
        coverage_share: 0,
        population_unlocated: 300,
      },
      {
        province: 'ON',
        population_total: 3000,
        population_covered: 3000,
        population_uncovered: 0,
        coverage_share: 1,
        population_unlocated: 0,
      },
      {
        province: 'MB',
        population_total: 700,
        population_covered: 0,
        population_uncovered: 700,
        coverage_share: 0,
        population_unlocated: 0,
      },
    ]);
    const units = result['units'] as Record<string, unknown>[];
    expect(units[1]).toEqual({
      csd_code: '2400002',
      name: 'Unit 2400002',
      province: 'QC',
      population: 300,
      lat: null,
      lon: null,
      precision: 'none',
      nearest_metres: null,
      nearest_point_id: null,
      covered: null,
    });
    expect(units[4]).toMatchObject({
      csd_code: '3500002',
      nearest_metres: 33_359,
      nearest_point_id: 'service_canada:1',
      covered: true,
    });
  });

  it('--out writes the units as CSV and as GeoJSON points where located', async () => {
    const csv = join(tmp, 'coverage.csv');
    const geojson = join(tmp, 'gaps.geojson');
    const [a, b] = await Promise.all([
      analyze('coverage', '--layer', 'service_canada', '--out', csv),
      analyze('gaps', '--layer', 'service_canada', '--table', 'communities', '--out', geojson),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stderr).toContain('Wrote 6 rows (units) to');
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      'csd_code,name,province,population,lat,lon,precision,nearest_metres,nearest_point_id,covered',
    );
    expect(lines[1]).toBe('2400001,Unit 2400001,QC,500,46,-75,csd,111195,service_canada:1,false');
    expect(lines[2]).toBe('2400002,Unit 2400002,QC,300,,,none,,,');
    const collection = JSON.parse(readFileSync(geojson, 'utf8')) as {
      features: { geometry: unknown; properties: Record<string, unknown> }[];
    };
    expect(
      collection.features.map((f) => [
        f.properties['id'],
        f.properties['population'],
        f.properties['population_source'],
        f.geometry,
      ]),
    ).toEqual([['fn:276', 700, 'csd', { type: 'Point', coordinates: [-97.77, 54.62] }]]);
  });

  it('siting and colocation run end to end', async () => {
    const [siting, colocation] = await Promise.all([
      analyze('siting', '--layer', 'service_canada', '--budget', '2', '--json'),
      analyze('colocation', '--json'),
    ]);
    const sites = JSON.parse(siting.stdout) as {
      sites: { candidate_id: string; population_newly_covered: number }[];
      candidates_considered: number;
    };
    // Uncovered with people: Cross Lake (700, First Nations, CWB 45), reached first by the federal
    // building (the lowest-index candidate among it, the First Nation and its own CSD point);
    // then 2400001 (500), 111 km from Service Canada, reached only by its own CSD point.
    expect(sites.sites.map((s) => [s.candidate_id, s.population_newly_covered])).toEqual([
      ['candidate_site:federal_buildings:k', 700],
      ['csd:2400001', 500],
    ]);
    expect(sites.candidates_considered).toBe(7);
    expect(JSON.parse(colocation.stdout)).toMatchObject({
      points_used: 4,
      parameters: { within_metres: 500 },
    });
  });

  it('rejects bad options with a message naming the option and exit code 1', async () => {
    const results = await Promise.all([
      analyze('coverage', '--radius-km', '0'),
      analyze('siting', '--budget', '101'),
      analyze('coverage', '--layer', 'nope'),
      analyze('access', '--method', 'gravity', '--bands-km', '10,20,30'),
      analyze('coverage', '--out', join(tmp, 'x.txt')),
    ]);
    expect(results.map((r) => r.code)).toEqual([1, 1, 1, 1, 1]);
    expect(results.map((r) => r.stderr.trim())).toEqual([
      'repere: --radius-km must be a number greater than 0 and at most 1000; got 0',
      'repere: --budget must be an integer at least 1 and at most 100; got 101',
      expect.stringMatching(/^repere: --layer "nope" matches no located service point/),
      'repere: --bands-km applies to method e2sfca only; got it with method gravity',
      `repere: --out must name a .csv or .geojson file; got "${join(tmp, 'x.txt')}"`,
    ]);
  });
});
