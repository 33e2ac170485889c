import type { PopulationUnit } from '../domain/reference.js';

/** Population counted for a unit: a suppressed (null) count weighs nothing. */
export function populationOf(unit: PopulationUnit): number {
  return unit.population ?? 0;
}

/** True when the unit has a representative point. */
export function isUnitLocated(unit: PopulationUnit): boolean {
  return unit.lat !== null && unit.lon !== null;
}

/**
 * The share of the population whose location is approximate: units placed at a census
 * subdivision level point (`csd`: the mean of federal buildings or health facilities in it)
 * or not placed at all (`none`), over the whole population. `community` (a named place or a
 * First Nations/Inuit community point) counts as located where people live.
 * @example approximateShare(units) // 0.1683 on the bundled data
 */
export function approximateShare(units: readonly PopulationUnit[]): number {
  let total = 0;
  let approximate = 0;
  for (const unit of units) {
    const population = populationOf(unit);
    total += population;
    if (unit.precision === 'csd' || unit.precision === 'none' || !isUnitLocated(unit))
      approximate += population;
  }
  return total > 0 ? approximate / total : 0;
}

/** a / b, or null when b is 0 (a share of nobody). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
