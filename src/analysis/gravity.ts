import type { MaybeLocated } from './analysis-inputs.js';
import { createNeighbourSearch, type SearchOptions } from './neighbour-search.js';

/**
 * Distance decay f(d), 1 at the nearest and falling with distance:
 * power `f(d) = (max(d, d_min) / d_min)^−β` (d_min keeps a point in the same place from
 * counting infinitely); Gaussian `f(d) = exp(−½·(d/σ)²)`.
 */
export type DistanceDecay =
  { kind: 'power'; beta: number; minMetres: number } | { kind: 'gaussian'; sigmaMetres: number };

/** f(d) for a distance in metres. */
export function decayAt(metres: number, decay: DistanceDecay): number {
  if (decay.kind === 'power') return (Math.max(metres, decay.minMetres) / decay.minMetres) ** -decay.beta;
  const r = metres / decay.sigmaMetres;
  return Math.exp(-0.5 * r * r);
}

export interface GravityOptions extends SearchOptions {
  decay: DistanceDecay;
  /** Points farther than this (metres) are ignored; null counts every point (all pairs). */
  maxMetres: number | null;
  /** Supply S_j per point; default 1 each. */
  supply?: readonly number[];
}

/**
 * Gravity (Hansen) accessibility `A_i = Σ_j S_j·f(d_ij)` per unit, NaN when the unit is not
 * located. Inputs are not changed.
 * @example gravityAccess(units, points, { decay: { kind: 'gaussian', sigmaMetres: 25_000 }, maxMetres: null })
 */
export function gravityAccess(
  units: readonly MaybeLocated[],
  points: readonly MaybeLocated[],
  options: GravityOptions,
): Float64Array {
  const search = createNeighbourSearch(units, points, options);
  const reach = options.maxMetres ?? Infinity;
  const access = new Float64Array(units.length);
  for (let i = 0; i < units.length; i++) {
    if (units[i].lat === null || units[i].lon === null) {
      access[i] = Number.NaN;
      continue;
    }
    let sum = 0;
    search.within(i, reach, (j, metres) => {
      sum += (options.supply?.[j] ?? 1) * decayAt(metres, options.decay);
    });
    access[i] = sum;
  }
  return access;
}
