import { createNeighbourSearch, type SearchOptions } from './neighbour-search.js';
import type { MaybeLocated } from './analysis-inputs.js';
import type { PopulatedPlace } from './population-weighted-mean.js';

/** E2SFCA step weights (Luo & Qi 2009): 1, 0.68, 0.22 for the inner, middle and outer third of the catchment. */
export const E2SFCA_WEIGHTS: readonly number[] = [1, 0.68, 0.22];

/**
 * Distance bands of a catchment: band b covers (upperMetres[b-1], upperMetres[b]] and weighs
 * `weights[b]`; the last upper bound is the catchment size d0. Plain 2SFCA is one band of weight 1.
 */
export interface CatchmentBands {
  upperMetres: readonly number[];
  weights: readonly number[];
}

/** Upper bounds of `count` equal bands of a catchment of `size` (any unit); the last is exactly `size`. */
export function equalBandBounds(size: number, count: number): number[] {
  return Array.from({ length: count }, (_, b) => (b === count - 1 ? size : (size * (b + 1)) / count));
}

/** Bands for a catchment of `catchmentMetres` cut into equal parts, one per weight (E2SFCA default: thirds). */
export function equalBands(
  catchmentMetres: number,
  weights: readonly number[] = E2SFCA_WEIGHTS,
): CatchmentBands {
  return { upperMetres: equalBandBounds(catchmentMetres, weights.length), weights: [...weights] };
}

/** The band of a distance (its index), or -1 beyond the catchment. */
export function bandIndex(metres: number, bands: CatchmentBands): number {
  for (let b = 0; b < bands.upperMetres.length; b++) if (metres <= bands.upperMetres[b]) return b;
  return -1;
}

/** The weight W(d) of a distance under the bands (0 beyond the catchment). */
export function bandWeight(metres: number, bands: CatchmentBands): number {
  const b = bandIndex(metres, bands);
  return b < 0 ? 0 : bands.weights[b];
}

// Pairs found in step 1 are kept for step 2 (point index and band, 5 bytes each) up to this
// many; past it step 2 searches again rather than hold more memory.
const MAX_KEPT_PAIRS = 32_000_000;

/** Unit → (point, band) pairs in compressed rows: unit i has pairs offsets[i] … offsets[i + 1] − 1. */
class PairRows {
  offsets: Int32Array;
  points = new Int32Array(1024);
  bands = new Uint8Array(1024);
  count = 0;
  overflowed = false;

  constructor(units: number) {
    this.offsets = new Int32Array(units + 1);
  }

  add(point: number, band: number): void {
    if (this.overflowed) return;
    if (this.count === this.points.length) {
      if (this.count >= MAX_KEPT_PAIRS) {
        this.overflowed = true;
        return;
      }
      const points = new Int32Array(this.points.length * 2);
      points.set(this.points);
      this.points = points;
      const bands = new Uint8Array(this.bands.length * 2);
      bands.set(this.bands);
      this.bands = bands;
    }
    this.points[this.count] = point;
    this.bands[this.count] = band;
    this.count++;
  }
}

export interface TwoStepFcaOptions extends SearchOptions {
  bands: CatchmentBands;
  /** Supply S_j per point; default 1 each. */
  supply?: readonly number[];
}

export interface TwoStepFcaResult {
  /** A_i per unit; NaN when the unit is not located. */
  access: Float64Array;
  /** Weighted demand `Σ_k W(d_kj)·P_k` per point. */
  demand: Float64Array;
  /** R_j = S_j / demand_j per point; NaN when no one lives in its catchment. */
  ratio: Float64Array;
}

/**
 * Two-step floating catchment area (Luo & Wang 2003; enhanced with step weights, Luo & Qi 2009):
 * `R_j = S_j / Σ_{k: d_kj ≤ d0} W(d_kj)·P_k`, then `A_i = Σ_{j: d_ij ≤ d0} W(d_ij)·R_j`, in supply
 * per person. A point with no demand adds nothing. When every point has demand,
 * `Σ_i P_i·A_i = Σ_j S_j` (supply is conserved). Inputs are not changed.
 * @example twoStepFca(units, points, { bands: equalBands(30_000) }).access
 */
export function twoStepFca(
  units: readonly PopulatedPlace[],
  points: readonly MaybeLocated[],
  options: TwoStepFcaOptions,
): TwoStepFcaResult {
  const { bands } = options;
  const catchment = bands.upperMetres[bands.upperMetres.length - 1];
  const search = createNeighbourSearch(units, points, options);
  const weights = bands.weights;
  // Step 1, unit by unit so that each demand sums its units in index order on every path.
  const demand = new Float64Array(points.length);
  const pairs = new PairRows(units.length);
  for (let i = 0; i < units.length; i++) {
    pairs.offsets[i] = pairs.count;
    const population = units[i].population ?? 0;
    search.within(i, catchment, (j, metres) => {
      const b = bandIndex(metres, bands);
      pairs.add(j, b);
      if (population > 0) demand[j] += weights[b] * population;
    });
  }
  pairs.offsets[units.length] = pairs.count;
  const ratio = new Float64Array(points.length);
  for (let j = 0; j < points.length; j++) {
    ratio[j] = demand[j] > 0 ? (options.supply?.[j] ?? 1) / demand[j] : Number.NaN;
  }
  // Step 2, over the pairs of step 1 (or a second search when there were too many to keep).
  const access = new Float64Array(units.length);
  for (let i = 0; i < units.length; i++) {
    if (units[i].lat === null || units[i].lon === null) {
      access[i] = Number.NaN;
      continue;
    }
    let sum = 0;
    if (!pairs.overflowed) {
      for (let k = pairs.offsets[i]; k < pairs.offsets[i + 1]; k++) {
        const j = pairs.points[k];
        if (demand[j] > 0) sum += weights[pairs.bands[k]] * ratio[j];
      }
    } else {
      search.within(i, catchment, (j, metres) => {
        if (demand[j] > 0) sum += bandWeight(metres, bands) * ratio[j];
      });
    }
    access[i] = sum;
  }
  return { access, demand, ratio };
}
