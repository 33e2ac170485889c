import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisInputs } from '../../src/analysis/analysis-inputs.js';
import { runCoverage } from '../../src/analysis/coverage.js';
import { loadAnalysisInputs } from '../../src/analysis/load-inputs.js';
import { runGaps } from '../../src/analysis/vulnerability.js';
import { buildDefaultDataset } from '../../src/ingest/build-default.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

// The bundled dataset (data/, real open data) built as `repere build-default` does; the figures
// are those stated in README.md "Analysis". A change in data/ or in the ingest that moves them
// must update the README too.
let tmp: string;
let store: SqliteStore;
let inputs: AnalysisInputs;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-analysis-bundled-'));
  store = SqliteStore.open(join(tmp, 'default.db'));
  await buildDefaultDataset(store, resolve('data'));
  inputs = await loadAnalysisInputs(store, { layers: ['service_canada'] });
}, 120_000);
afterAll(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('analysis of the bundled data', () => {
  it('national coverage within 50 km of a Service Canada point (in person or outreach)', () => {
    const result = runCoverage(inputs, { layers: ['service_canada'], radius_km: 50 });
    expect(result).toMatchObject({
      points_used: 581,
      population_total: 34_277_488,
      population_covered: 33_964_496,
      population_uncovered: 312_992,
      population_unlocated: 2_714_493,
    });
    expect(result.coverage_share).toBeCloseTo(0.990869, 6);
    // Lower bound, counting every unlocated person as not covered: 91.8%.
    expect(result.population_covered / (result.population_total + result.population_unlocated)).toBeCloseTo(
      0.918158,
      6,
    );
    expect(result.approximate_share).toBeCloseTo(0.168315, 6);
    expect(result.units).toHaveLength(5161);
  });

  it('the most underserved communities', () => {
    const result = runGaps(inputs, { layers: ['service_canada'], radius_km: 50 });
    expect(
      result.units
        .slice(0, 3)
        .map((u) => [u.rank, u.csd_code, u.name, u.province, u.population, u.nearest_metres]),
    ).toEqual([
      [1, '4817095', 'Mackenzie County', 'AB', 12_804, 56_615],
      [2, '5949005', 'Kitimat', 'BC', 8_236, 50_622],
      [3, '3560090', 'Kenora, Unorganized', 'ON', 7_475, 54_932],
    ]);
    expect(result.communities.slice(0, 3).map((c) => [c.id, c.name, c.population])).toEqual([
      ['fn:298', 'St. Theresa Point', 3_417],
      ['fn:430', 'Siksika Nation', 3_576],
      ['fn:297', 'Garden Hill First Nations', 3_054],
    ]);
    expect([result.population_beyond, result.units_beyond, result.communities_beyond]).toEqual([
      312_992, 294, 238,
    ]);
  });
});
