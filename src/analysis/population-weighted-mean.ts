import type { MaybeLocated } from './analysis-inputs.js';

/** A located place with a population (a census subdivision). */
export interface PopulatedPlace extends MaybeLocated {
  population: number | null;
}

/**
 * `Σ P_i·A_i / Σ P_i` over units whose value is finite (located ones); null when that
 * population is 0.
 * @example populationWeightedMean([{ lat: 0, lon: 0, population: 100 }, { lat: 0, lon: 1, population: 300 }], Float64Array.of(2, 1)) // 1.25
 */
export function populationWeightedMean(
  units: readonly PopulatedPlace[],
  values: Float64Array,
): number | null {
  let weighted = 0;
  let population = 0;
  units.forEach((unit, i) => {
    const p = unit.population ?? 0;
    if (!Number.isFinite(values[i]) || p <= 0) return;
    weighted += p * values[i];
    population += p;
  });
  return population > 0 ? weighted / population : null;
}

/**
 * Values divided by their population-weighted mean, so the mean becomes 1 (1.2 = 20% better
 * access than the average resident); a new array, unchanged when the mean is null or 0.
 */
export function normaliseToPopulationMean(
  units: readonly PopulatedPlace[],
  values: Float64Array,
): Float64Array {
  const mean = populationWeightedMean(units, values);
  if (mean === null || mean === 0) return Float64Array.from(values);
  return values.map((v) => v / mean);
}
