import { describe, expect, it } from 'vitest';
import { runAccess } from '../../src/analysis/access.js';
import type { AnalysisInputs } from '../../src/analysis/analysis-inputs.js';
import { runColocation } from '../../src/analysis/colocation.js';
import { runCoverage } from '../../src/analysis/coverage.js';
import type { RunOptions } from '../../src/analysis/run-options.js';
import { runSiting } from '../../src/analysis/siting.js';
import { deepFreeze, randomInputs } from '../../src/analysis/test-inputs.js';
import { runGaps } from '../../src/analysis/vulnerability.js';

/** Every analysis with parameters that make each do real work on the random inputs. */
const RUNS: Record<string, (inputs: AnalysisInputs, options: RunOptions) => unknown> = {
  coverage: (inputs, options) => runCoverage(inputs, { radius_km: 120 }, options),
  '2sfca': (inputs, options) => runAccess(inputs, { method: '2sfca', catchment_km: 150 }, options),
  e2sfca: (inputs, options) =>
    runAccess(inputs, { method: 'e2sfca', catchment_km: 150, normalise: true }, options),
  'gravity power': (inputs, options) =>
    runAccess(inputs, { method: 'gravity', beta: 1.5, min_km: 2 }, options),
  'gravity gaussian, cut off': (inputs, options) =>
    runAccess(inputs, { method: 'gravity', decay: 'gaussian', sigma_km: 60, max_km: 200 }, options),
  gaps: (inputs, options) => runGaps(inputs, { layers: ['service_canada'], radius_km: 80 }, options),
  colocation: (inputs, options) =>
    runColocation(inputs, { within_metres: 10_000, radius_km: 100, share_km: 100 }, options),
  siting: (inputs, options) =>
    runSiting(inputs, { layers: ['service_canada'], radius_km: 100, budget: 8 }, options),
};

describe('every analysis', () => {
  const inputs = randomInputs(42, { units: 600, points: 150, candidates: 60, communities: 40 });

  for (const [name, run] of Object.entries(RUNS)) {
    it(`${name}: the spatial-index path equals the brute-force path exactly`, () => {
      expect(run(inputs, {})).toEqual(run(inputs, { search: 'brute' }));
    });

    it(`${name}: never changes its inputs (deep-frozen) and is deterministic`, () => {
      const copy = structuredClone(inputs);
      const frozen = deepFreeze(structuredClone(inputs));
      const first = run(frozen, {});
      expect(frozen).toEqual(copy);
      expect(run(frozen, {})).toEqual(first);
    });
  }
});

describe('the random inputs above exercise every analysis', () => {
  it('give non-empty results', () => {
    const inputs = randomInputs(42, { units: 600, points: 150, candidates: 60, communities: 40 });
    const colocation = runColocation(inputs, { within_metres: 10_000, radius_km: 100, share_km: 100 });
    expect(colocation.pairs.length).toBeGreaterThan(0);
    expect(colocation.partnerships.length).toBeGreaterThan(0);
    expect(runGaps(inputs, { layers: ['service_canada'], radius_km: 80 }).communities.length).toBeGreaterThan(
      0,
    );
    expect(runSiting(inputs, { layers: ['service_canada'], radius_km: 100, budget: 8 }).sites).toHaveLength(
      8,
    );
    const coverage = runCoverage(inputs, { radius_km: 120 });
    expect(coverage.population_covered).toBeGreaterThan(0);
    expect(coverage.population_uncovered).toBeGreaterThan(0);
  });
});
