import type { CoverageUnitRow } from './coverage.js';
import { shareOf } from './population-summary.js';
import type { ResultTable } from './result-tables.js';

/** Band limits (km) of the distance distribution; the radius of the analysis is added to them. */
export const DISTANCE_BAND_LIMITS_KM: readonly number[] = [5, 10, 25, 50, 100, 250, 500];
/** Distances (km) at which cumulative coverage is read; the radius is added to them. */
export const CUMULATIVE_DISTANCES_KM: readonly number[] = [
  5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 125, 150, 200, 250, 300, 400, 500, 750, 1000,
];

/** Located population whose nearest point is farther than `from_km` and at most `to_km` (null: no limit). */
export interface DistanceBandRow {
  from_km: number;
  to_km: number | null;
  units: number;
  population: number;
  /** Of the located population. */
  population_share: number | null;
}

/** Located population within `distance_km` of a point. */
export interface CumulativeCoverageRow {
  distance_km: number;
  population_covered: number;
  coverage_share: number | null;
}

type UnitDistance = Pick<CoverageUnitRow, 'population' | 'nearest_metres' | 'covered'>;

/** Sorted, de-duplicated limits with the radius among them. */
function withRadius(limitsKm: readonly number[], radiusKm: number): number[] {
  return [...new Set([...limitsKm, radiusKm])].sort((a, b) => a - b);
}

const located = (units: readonly UnitDistance[]): UnitDistance[] => units.filter((u) => u.covered !== null);
const totalOf = (units: readonly UnitDistance[]): number =>
  units.reduce((n, u) => n + (u.population ?? 0), 0);

/**
 * The population of located units by distance to their nearest point, in bands closed above
 * (a unit at exactly 50 km is in the band ending at 50, as `D ≤ S` counts it covered); the
 * last band is open and holds units with no point at all. Unlocated units are left out.
 * @example distanceBands(runCoverage(inputs).units, 50)[0] // { from_km: 0, to_km: 5, … }
 */
export function distanceBands(
  units: readonly UnitDistance[],
  radiusKm: number,
  limitsKm: readonly number[] = DISTANCE_BAND_LIMITS_KM,
): DistanceBandRow[] {
  const limits = withRadius(limitsKm, radiusKm);
  const rows: DistanceBandRow[] = [...limits, null].map((to, k) => ({
    from_km: k === 0 ? 0 : limits[k - 1],
    to_km: to,
    units: 0,
    population: 0,
    population_share: null,
  }));
  const measured = located(units);
  for (const unit of measured) {
    const km = unit.nearest_metres === null ? Infinity : unit.nearest_metres / 1000;
    let k = limits.findIndex((limit) => km <= limit);
    if (k < 0) k = limits.length;
    rows[k].units += 1;
    rows[k].population += unit.population ?? 0;
  }
  const total = totalOf(measured);
  for (const row of rows) row.population_share = shareOf(row.population, total);
  return rows;
}

/**
 * Share of the located population within each distance of a point: the cumulative coverage
 * curve, equal to the coverage share at the radius.
 * @example cumulativeCoverage(runCoverage(inputs).units, 50).find((r) => r.distance_km === 50)
 */
export function cumulativeCoverage(
  units: readonly UnitDistance[],
  radiusKm: number,
  distancesKm: readonly number[] = CUMULATIVE_DISTANCES_KM,
): CumulativeCoverageRow[] {
  const measured = located(units);
  const total = totalOf(measured);
  return withRadius(distancesKm, radiusKm).map((km) => {
    let covered = 0;
    for (const unit of measured) {
      if (unit.nearest_metres !== null && unit.nearest_metres <= km * 1000) covered += unit.population ?? 0;
    }
    return { distance_km: km, population_covered: covered, coverage_share: shareOf(covered, total) };
  });
}

/** The two tables above, for downloads (`distance_bands`, `cumulative_coverage`). */
export function distanceTables(units: readonly UnitDistance[], radiusKm: number): ResultTable[] {
  return [
    {
      name: 'distance_bands',
      columns: ['from_km', 'to_km', 'units', 'population', 'population_share'],
      rows: distanceBands(units, radiusKm),
      geometry: null,
    },
    {
      name: 'cumulative_coverage',
      columns: ['distance_km', 'population_covered', 'coverage_share'],
      rows: cumulativeCoverage(units, radiusKm),
      geometry: null,
    },
  ];
}
