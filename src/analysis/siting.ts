import type { ProvinceCode } from '../domain/province.js';
import { displayName, type AnalysisInputs } from './analysis-inputs.js';
import { DEFAULT_RADIUS_KM, RADIUS_KM_BOUNDS } from './coverage.js';
import { createNeighbourSearch } from './neighbour-search.js';
import { nearestDistances } from './nearest-distance.js';
import { booleanParameter, choiceParameter, listParameter, numberParameter } from './parameter-checks.js';
import {
  resolvePointSelection,
  type PointSelection,
  type PointSelectionParameters,
} from './point-selection.js';
import { approximateShare, isUnitLocated, populationOf, shareOf } from './population-summary.js';
import { selectPoints, type DistanceKind, type RunOptions } from './run-options.js';
import {
  DEFAULT_INDIGENOUS_WEIGHT,
  DEFAULT_VULNERABLE_CWB_BELOW,
  INDIGENOUS_WEIGHT_BOUNDS,
  isVulnerableUnit,
  meanCwbScore,
  unitWeights,
} from './vulnerability.js';

/** Where a new site could go: a federal office building, a community point, a CSD's representative point. */
export type CandidateKind = 'candidate_site' | 'community' | 'csd';
export const CANDIDATE_KINDS: readonly CandidateKind[] = ['candidate_site', 'community', 'csd'];
export const MAX_BUDGET = 100;

export interface SitingCandidate {
  /** `${kind}:${id}`: `candidate_site:federal_buildings:…`, `community:fn:296`, `csd:6204003`. */
  id: string;
  kind: CandidateKind;
  name: string;
  province: ProvinceCode | null;
  lat: number;
  lon: number;
}

/**
 * The candidate sites of the chosen kinds, in a fixed order (candidate sites, then community
 * points, then located CSDs, each by id): a `candidateCostMatrix` addresses them in this order.
 */
export function sitingCandidates(
  inputs: AnalysisInputs,
  kinds: readonly CandidateKind[] = CANDIDATE_KINDS,
): SitingCandidate[] {
  const out: SitingCandidate[] = [];
  if (kinds.includes('candidate_site')) {
    for (const p of inputs.candidates) {
      out.push({
        id: `candidate_site:${p.id}`,
        kind: 'candidate_site',
        name: displayName(p.name, p.id),
        province: p.province,
        lat: p.lat,
        lon: p.lon,
      });
    }
  }
  if (kinds.includes('community')) {
    for (const c of inputs.communities) {
      out.push({
        id: `community:${c.id}`,
        kind: 'community',
        name: displayName(c.name, c.id),
        province: c.province,
        lat: c.lat,
        lon: c.lon,
      });
    }
  }
  if (kinds.includes('csd')) {
    for (const u of inputs.units) {
      if (u.lat === null || u.lon === null) continue;
      out.push({
        id: `csd:${u.csdCode}`,
        kind: 'csd',
        name: u.name,
        province: u.province,
        lat: u.lat,
        lon: u.lon,
      });
    }
  }
  return out;
}

export interface MaximalCovering {
  /** Chosen candidates, in the order a greedy pass over them adds the most weight. */
  selected: number[];
  /** Weight newly covered by each chosen candidate, in that order. */
  gains: number[];
  /** Replacements made by the swap pass. */
  swaps: { removed: number; added: number; gain: number }[];
  /** True when no candidate added weight before the budget was spent. */
  stoppedEarly: boolean;
}

/** Σ weights[i] over units of `cover` not yet covered (count 0). */
function uncoveredWeight(cover: Int32Array, count: Int32Array, weights: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < cover.length; k++) if (count[cover[k]] === 0) sum += weights[cover[k]];
  return sum;
}

/** The candidate (not in `excluded`) adding the most uncovered weight; ties to the lowest index. */
function bestCandidate(
  covers: readonly Int32Array[],
  count: Int32Array,
  weights: Float64Array,
  excluded: Uint8Array,
): { index: number; gain: number } {
  let index = -1;
  let gain = 0;
  for (let c = 0; c < covers.length; c++) {
    if (excluded[c]) continue;
    const g = uncoveredWeight(covers[c], count, weights);
    if (g > gain) {
      index = c;
      gain = g;
    }
  }
  return { index, gain };
}

// A swap must gain more than rounding noise in sums of up to millions of weights.
const SWAP_EPSILON = 1e-9;

/**
 * Greedy maximal covering (Church & ReVelle 1974, greedy heuristic): adds, up to `budget`,
 * the candidate covering the most not-yet-covered weight (ties: lowest index), then one
 * pass of swap improvement (each chosen site, in turn, is replaced by the best unchosen
 * candidate when that covers strictly more). `covers[c]` lists the units candidate c covers,
 * in increasing order; `weights[i]` is 0 for units already covered.
 * @example greedyMaximalCovering([Int32Array.of(0, 1), Int32Array.of(1)], Float64Array.of(5, 3), 1).selected // [0]
 */
export function greedyMaximalCovering(
  covers: readonly Int32Array[],
  weights: Float64Array,
  budget: number,
  options: { swap?: boolean; onProgress?: (done: number, total: number) => void } = {},
): MaximalCovering {
  const swap = options.swap ?? true;
  const count = new Int32Array(weights.length);
  const chosen = new Uint8Array(covers.length);
  const selected: number[] = [];
  const add = (c: number, delta: 1 | -1): void => {
    for (const i of covers[c]) count[i] += delta;
  };
  const total = budget * (swap ? 2 : 1);
  let stoppedEarly = false;
  while (selected.length < budget) {
    const { index } = bestCandidate(covers, count, weights, chosen);
    if (index < 0) {
      stoppedEarly = true;
      break;
    }
    selected.push(index);
    chosen[index] = 1;
    add(index, 1);
    options.onProgress?.(selected.length, total);
  }
  const swaps: MaximalCovering['swaps'] = [];
  if (swap) {
    for (let p = 0; p < selected.length; p++) {
      const s = selected[p];
      add(s, -1);
      const loss = uncoveredWeight(covers[s], count, weights);
      chosen[s] = 0;
      const best = bestCandidate(covers, count, weights, chosen);
      if (best.index >= 0 && best.index !== s && best.gain > loss + SWAP_EPSILON * Math.max(1, loss)) {
        swaps.push({ removed: s, added: best.index, gain: best.gain - loss });
        selected[p] = best.index;
      }
      chosen[selected[p]] = 1;
      add(selected[p], 1);
      options.onProgress?.(budget + p + 1, total);
    }
  }
  // Report the final set in greedy order, so each site's gain is what it adds to those before it.
  count.fill(0);
  // Only the chosen sites compete now: every other candidate is excluded.
  const excluded = new Uint8Array(covers.length).fill(1);
  for (const c of selected) excluded[c] = 0;
  const ordered: number[] = [];
  const gains: number[] = [];
  for (let k = 0; k < selected.length; k++) {
    const best = bestCandidate(covers, count, weights, excluded);
    // A chosen site that adds nothing once the others are in keeps its place at the end.
    const c = best.index >= 0 ? best.index : selected.find((s) => excluded[s] === 0)!;
    ordered.push(c);
    gains.push(best.index >= 0 ? best.gain : 0);
    excluded[c] = 1;
    add(c, 1);
  }
  return { selected: ordered, gains, swaps, stoppedEarly };
}

/** Public parameters of `runSiting`. */
export interface SitingParameters extends PointSelectionParameters {
  /** Radius S in km a new site covers; default 50. */
  radius_km?: number | undefined;
  /** Sites to add, 1–100; default 10. */
  budget?: number | undefined;
  /** Candidate kinds; default all: candidate_site, community, csd. */
  candidates?: readonly string[] | undefined;
  /** `vulnerability` (default: population × CWB and Indigenous weight) or `population`. */
  weighting?: string | undefined;
  indigenous_weight?: number | undefined;
  /** CWB score under which people count as vulnerable in the report (First Nations and Inuit always do); default 70. */
  vulnerable_cwb_below?: number | undefined;
  /** One pass of swap improvement after the greedy adds; default true. */
  swap?: boolean | undefined;
}

export interface SiteRow {
  order: number;
  candidate_id: string;
  kind: CandidateKind;
  name: string;
  province: ProvinceCode | null;
  lat: number;
  lon: number;
  units_newly_covered: number;
  population_newly_covered: number;
  /** People newly covered in First Nations or Inuit communities or in CSDs with a CWB score below `vulnerable_cwb_below`. */
  vulnerable_population_newly_covered: number;
  /** The objective: newly covered population × weight (= population under `population` weighting). */
  weighted_newly_covered: number;
  /** National coverage share once this site and those before it are added. */
  coverage_share_after: number | null;
}

export interface SitingResult {
  parameters: PointSelection & {
    radius_km: number;
    budget: number;
    candidates: CandidateKind[];
    weighting: 'vulnerability' | 'population';
    indigenous_weight: number;
    vulnerable_cwb_below: number;
    swap: boolean;
    distance: DistanceKind;
  };
  mean_cwb: number | null;
  population_total: number;
  population_covered_before: number;
  population_covered_after: number;
  coverage_share_before: number | null;
  coverage_share_after: number | null;
  vulnerable_population_uncovered_before: number;
  vulnerable_population_covered_by_sites: number;
  population_unlocated: number;
  approximate_share: number;
  points_used: number;
  candidates_considered: number;
  stopped_early: boolean;
  sites: SiteRow[];
  swaps: { removed_id: string; added_id: string; weighted_gain: number }[];
}

/**
 * Where to add up to `budget` sites to cover the most (vulnerability-)weighted population
 * not yet within `radius_km` of a selected point: greedy maximal covering with one swap pass
 * over federal buildings, community points and CSD points (the `repere analyze siting`
 * result). Throws AnalysisParameterError on a bad parameter.
 * @example runSiting(inputs, { layers: ['service_canada'], budget: 10 }).sites[0].population_newly_covered
 */
export function runSiting(
  inputs: AnalysisInputs,
  parameters: SitingParameters = {},
  options: RunOptions = {},
): SitingResult {
  const selection = resolvePointSelection(parameters);
  const radiusKm = numberParameter('radius_km', parameters.radius_km, DEFAULT_RADIUS_KM, RADIUS_KM_BOUNDS);
  const budget = numberParameter('budget', parameters.budget, 10, {
    min: 1,
    max: MAX_BUDGET,
    minInclusive: true,
    integer: true,
  });
  const kinds = listParameter('candidates', parameters.candidates, CANDIDATE_KINDS, CANDIDATE_KINDS);
  const weighting = choiceParameter(
    'weighting',
    parameters.weighting,
    ['vulnerability', 'population'] as const,
    'vulnerability',
  );
  const indigenousWeight = numberParameter(
    'indigenous_weight',
    parameters.indigenous_weight,
    DEFAULT_INDIGENOUS_WEIGHT,
    INDIGENOUS_WEIGHT_BOUNDS,
  );
  const vulnerableBelow = numberParameter(
    'vulnerable_cwb_below',
    parameters.vulnerable_cwb_below,
    DEFAULT_VULNERABLE_CWB_BELOW,
    {
      min: 0,
      max: 100,
      minInclusive: true,
    },
  );
  const swap = booleanParameter('swap', parameters.swap, true);
  const radiusMetres = radiusKm * 1000;
  const selected = selectPoints(inputs, selection, options);
  const units = inputs.units;
  const meanCwb = meanCwbScore(units);
  const vulnerability =
    weighting === 'vulnerability' ? unitWeights(units, { meanCwb, indigenousWeight }) : null;

  // Units still to cover: located, with people, beyond the radius of every selected point.
  const nearest = nearestDistances(units, selected.points, selected.unitSearch);
  const weights = new Float64Array(units.length);
  const targets: number[] = [];
  let populationTotal = 0;
  let coveredBefore = 0;
  let populationUnlocated = 0;
  let vulnerableUncovered = 0;
  units.forEach((unit, i) => {
    const population = populationOf(unit);
    if (!isUnitLocated(unit)) {
      populationUnlocated += population;
      return;
    }
    populationTotal += population;
    if (nearest.metres[i] <= radiusMetres) coveredBefore += population;
    else if (population > 0) {
      weights[i] = population * (vulnerability ? vulnerability[i] : 1);
      targets.push(i);
      if (isVulnerableUnit(unit, vulnerableBelow)) vulnerableUncovered += population;
    }
  });

  // Which targets each candidate covers, by increasing unit index.
  const candidates = sitingCandidates(inputs, kinds);
  const search = createNeighbourSearch(units, candidates, {
    ...(options.candidateCostMatrix ? { costMatrix: options.candidateCostMatrix } : {}),
    ...(options.search ? { search: options.search } : {}),
  });
  const lists: number[][] = candidates.map(() => []);
  for (const i of targets) search.within(i, radiusMetres, (c) => lists[c].push(i));
  const covers = lists.map((list) => Int32Array.from(list));

  const plan = greedyMaximalCovering(covers, weights, budget, {
    swap,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });

  const newlyCovered = new Uint8Array(units.length);
  let coveredAfter = coveredBefore;
  let vulnerableCovered = 0;
  const sites: SiteRow[] = plan.selected.map((c, k) => {
    let unitsNew = 0;
    let population = 0;
    let vulnerable = 0;
    for (const i of covers[c]) {
      if (newlyCovered[i]) continue;
      newlyCovered[i] = 1;
      unitsNew++;
      population += populationOf(units[i]);
      if (isVulnerableUnit(units[i], vulnerableBelow)) vulnerable += populationOf(units[i]);
    }
    coveredAfter += population;
    vulnerableCovered += vulnerable;
    const site = candidates[c];
    return {
      order: k + 1,
      candidate_id: site.id,
      kind: site.kind,
      name: site.name,
      province: site.province,
      lat: site.lat,
      lon: site.lon,
      units_newly_covered: unitsNew,
      population_newly_covered: population,
      vulnerable_population_newly_covered: vulnerable,
      weighted_newly_covered: plan.gains[k],
      coverage_share_after: shareOf(coveredAfter, populationTotal),
    };
  });

  return {
    parameters: {
      ...selection,
      radius_km: radiusKm,
      budget,
      candidates: kinds,
      weighting,
      indigenous_weight: indigenousWeight,
      vulnerable_cwb_below: vulnerableBelow,
      swap,
      distance: selected.distance,
    },
    mean_cwb: meanCwb,
    population_total: populationTotal,
    population_covered_before: coveredBefore,
    population_covered_after: coveredAfter,
    coverage_share_before: shareOf(coveredBefore, populationTotal),
    coverage_share_after: shareOf(coveredAfter, populationTotal),
    vulnerable_population_uncovered_before: vulnerableUncovered,
    vulnerable_population_covered_by_sites: vulnerableCovered,
    population_unlocated: populationUnlocated,
    approximate_share: approximateShare(units),
    points_used: selected.points.length,
    candidates_considered: candidates.length,
    stopped_early: plan.stoppedEarly,
    sites,
    swaps: plan.swaps.map((s) => ({
      removed_id: candidates[s.removed].id,
      added_id: candidates[s.added].id,
      weighted_gain: s.gain,
    })),
  };
}
