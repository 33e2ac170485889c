import { describe, expect, it } from 'vitest';
import { AnalysisParameterError } from './analysis-parameter-error.js';
import { costMatrixFromRows } from './cost-matrix.js';
import { greedyMaximalCovering, runSiting, sitingCandidates } from './siting.js';
import {
  deepFreeze,
  makeAnalysisPoint,
  makeCommunity,
  makeInputs,
  makeUnit,
  randomInputs,
} from './test-inputs.js';
import { meanCwbScore, unitWeights } from './vulnerability.js';
import { haversineMetres } from '../domain/distance.js';

describe('greedyMaximalCovering on a hand-computed fixture', () => {
  // Units a, b, c, d weigh 5 each, e weighs 1. Candidates: Y1 = {a, b}, Y2 = {c, d}, G = {b, c, e}.
  // Budget 2. Greedy: G (11) first, then Y1 and Y2 tie at 5 → Y1 (lower index): 16 covered.
  // Swap pass: without G, Y1 still covers b, so G's loss is c + e = 6; Y2 would add c + d = 10 > 6
  // → swap G for Y2 (+4). Without Y1 the loss is 10 and nothing adds more → kept. Total 20 (optimal).
  // Reported in greedy order over {Y1, Y2}: tie at 10 → Y1 first.
  const covers = [Int32Array.of(0, 1), Int32Array.of(2, 3), Int32Array.of(1, 2, 4)];
  const weights = Float64Array.of(5, 5, 5, 5, 1);

  it('adds the best candidate each round, then improves by swaps', () => {
    expect(greedyMaximalCovering(covers, weights, 2)).toEqual({
      selected: [0, 1],
      gains: [10, 10],
      swaps: [{ removed: 2, added: 1, gain: 4 }],
      stoppedEarly: false,
    });
  });

  it('without the swap pass keeps the greedy picks', () => {
    expect(greedyMaximalCovering(covers, weights, 2, { swap: false })).toEqual({
      selected: [2, 0],
      gains: [11, 5],
      swaps: [],
      stoppedEarly: false,
    });
  });

  it('stops early when no candidate adds anything', () => {
    const result = greedyMaximalCovering(covers, weights, 5);
    expect(result.selected).toHaveLength(3);
    expect(result.stoppedEarly).toBe(true);
    expect(result.gains.reduce((a, b) => a + b, 0)).toBe(21);
  });
});

// runSiting with travel costs (km) given as matrices. Units: U1 100 people (CWB 80), U2 50
// (First Nations, CWB 40), U3 80 (CWB 60), U4 30 (CWB 60). One existing point covers U4 only.
// Candidates in sitingCandidates order: K1 (building), C1 (community), csd:U1 … csd:U4.
//            K1   C1   csd:U1  csd:U2  csd:U3  csd:U4        existing point
//   U1 100   10   80     0      60      90      90            90
//   U2  50   20   30    60       0      60      90            90
//   U3  80   90   40    90      60       0      45            55
//   U4  30   90   70    90      90      45       0             5
// Within 50 km, population weighting: K1 covers U1+U2 = 150 → first. Then C1, csd:U3 and
// csd:U4 all add U3 = 80 → C1 (lowest index). Swaps: dropping K1 loses U1 (100), csd:U1 adds
// only 100 (not more); dropping C1 loses 80, nothing adds more → none.
// Vulnerable (First Nations, or CWB < 70): U2 (50) via K1; U3 (80) via C1.
// Coverage: before 30/260, after K1 180/260, after C1 260/260.
const KM = 1000;
const sitingInputs = deepFreeze(
  makeInputs({
    units: [
      makeUnit('U1', { population: 100, cwb: 80, lat: 50, lon: -100 }),
      makeUnit('U2', { population: 50, cwb: 40, type: 'first_nations', lat: 50, lon: -100 }),
      makeUnit('U3', { population: 80, cwb: 60, lat: 50, lon: -100 }),
      makeUnit('U4', { population: 30, cwb: 60, lat: 50, lon: -100 }),
    ],
    points: [makeAnalysisPoint('sc:1', 50, -100)],
    candidates: [makeAnalysisPoint('K1', 50, -100, { role: 'candidate_site', layer: 'federal_buildings' })],
    communities: [makeCommunity('C1', 50, -100)],
  }),
);
const candidateMatrix = costMatrixFromRows(
  [
    [10, 80, 0, 60, 90, 90],
    [20, 30, 60, 0, 60, 90],
    [90, 40, 90, 60, 0, 45],
    [90, 70, 90, 90, 45, 0],
  ].map((row) => row.map((km) => km * KM)),
);
const pointMatrix = costMatrixFromRows([[90 * KM], [90 * KM], [55 * KM], [5 * KM]]);

describe('runSiting on a hand-computed fixture', () => {
  it('reports population and vulnerable population newly covered by each added site', () => {
    const result = runSiting(
      sitingInputs,
      { budget: 2, weighting: 'population' },
      { costMatrix: pointMatrix, candidateCostMatrix: candidateMatrix },
    );
    expect(
      result.sites.map((s) => [
        s.order,
        s.candidate_id,
        s.kind,
        s.units_newly_covered,
        s.population_newly_covered,
        s.vulnerable_population_newly_covered,
        s.weighted_newly_covered,
        s.coverage_share_after,
      ]),
    ).toEqual([
      [1, 'candidate_site:K1', 'candidate_site', 2, 150, 50, 150, 180 / 260],
      [2, 'community:C1', 'community', 1, 80, 80, 80, 1],
    ]);
    expect(result).toMatchObject({
      population_total: 260,
      population_covered_before: 30,
      population_covered_after: 260,
      coverage_share_before: 30 / 260,
      coverage_share_after: 1,
      vulnerable_population_uncovered_before: 130,
      vulnerable_population_covered_by_sites: 130,
      candidates_considered: 6,
      stopped_early: false,
      swaps: [],
    });
  });

  it('weighs by vulnerability by default, which moves the first pick from K1 to C1', () => {
    // Mean CWB = (80·100 + 40·50 + 60·80 + 60·30) / 260 = 16,600 / 260 = 63.846…
    // Weighted people: U1 100·(1 + (63.85 − 80)/63.85) = 74.70; U2 50·(1 + 23.85/63.85)·1.5 = 103.01;
    // U3 80·(1 + 3.85/63.85) = 84.82. K1 = U1 + U2 = 177.71 < C1 = U2 + U3 = 187.83 → C1 first.
    const result = runSiting(
      sitingInputs,
      { budget: 1 },
      { costMatrix: pointMatrix, candidateCostMatrix: candidateMatrix },
    );
    const mean = 16_600 / 260;
    const w = (cwb: number, indigenous: number): number => (1 + (mean - cwb) / mean) * indigenous;
    expect(result.parameters).toMatchObject({
      weighting: 'vulnerability',
      indigenous_weight: 1.5,
      vulnerable_cwb_below: 70,
    });
    expect(result.mean_cwb).toBeCloseTo(mean, 12);
    expect(
      result.sites.map((s) => [
        s.candidate_id,
        s.population_newly_covered,
        s.vulnerable_population_newly_covered,
      ]),
    ).toEqual([['community:C1', 130, 130]]);
    expect(result.sites[0].weighted_newly_covered).toBeCloseTo(50 * w(40, 1.5) + 80 * w(60, 1), 10);
  });

  it('lists candidates in a fixed order and honours the chosen kinds', () => {
    expect(sitingCandidates(sitingInputs).map((c) => c.id)).toEqual([
      'candidate_site:K1',
      'community:C1',
      'csd:U1',
      'csd:U2',
      'csd:U3',
      'csd:U4',
    ]);
    expect(sitingCandidates(sitingInputs, ['csd']).map((c) => c.id)).toEqual([
      'csd:U1',
      'csd:U2',
      'csd:U3',
      'csd:U4',
    ]);
  });

  it('validates the budget (1–100) and the candidate kinds', () => {
    for (const [parameters, name] of [
      [{ budget: 0 }, 'budget'],
      [{ budget: 101 }, 'budget'],
      [{ budget: 2.5 }, 'budget'],
      [{ candidates: ['airport'] }, 'candidates'],
      [{ weighting: 'income' }, 'weighting'],
      [{ indigenous_weight: 0.5 }, 'indigenous_weight'],
    ] as const) {
      expect(() => runSiting(sitingInputs, parameters)).toThrow(AnalysisParameterError);
      try {
        runSiting(sitingInputs, parameters);
      } catch (error) {
        expect((error as AnalysisParameterError).parameter).toBe(name);
      }
    }
  });
});

describe('siting invariants', () => {
  it('the first pick covers the most uncovered weighted population of any candidate', () => {
    for (const seed of [21, 22, 23]) {
      const inputs = randomInputs(seed, { units: 500, points: 30, candidates: 40, communities: 20 });
      const result = runSiting(inputs, { radius_km: 150, budget: 3 });
      // Brute force: uncovered = beyond 150 km of every point; weight = population × vulnerability weight.
      const weights = unitWeights(inputs.units, {
        meanCwb: meanCwbScore(inputs.units),
        indigenousWeight: 1.5,
      });
      const uncovered = inputs.units.map(
        (u) =>
          u.lat !== null &&
          u.lon !== null &&
          (u.population ?? 0) > 0 &&
          inputs.points.every(
            (p) => haversineMetres(u.lat as number, u.lon as number, p.lat, p.lon) > 150_000,
          ),
      );
      const gains = sitingCandidates(inputs).map((c) =>
        inputs.units.reduce(
          (sum, u, i) =>
            uncovered[i] && haversineMetres(u.lat as number, u.lon as number, c.lat, c.lon) <= 150_000
              ? sum + (u.population ?? 0) * weights[i]
              : sum,
          0,
        ),
      );
      const best = Math.max(...gains);
      expect(best).toBeGreaterThan(0);
      const first = result.parameters.swap
        ? runSiting(inputs, { radius_km: 150, budget: 1, swap: false }).sites[0]
        : result.sites[0];
      expect(first.weighted_newly_covered).toBeCloseTo(best, 6);
      expect(first.candidate_id).toBe(sitingCandidates(inputs)[gains.indexOf(best)].id);
      // More sites never cover fewer people.
      const shares = result.sites.map((s) => s.coverage_share_after as number);
      expect(shares).toEqual([...shares].sort((a, b) => a - b));
      expect(result.coverage_share_after).toBeGreaterThanOrEqual(result.coverage_share_before as number);
    }
  });
});
