import { PROVINCE_CODES, type ProvinceCode } from '../domain/province.js';
import type { PopulationUnit } from '../domain/reference.js';
import type { AnalysisInputs } from './analysis-inputs.js';
import { nearestDistances } from './nearest-distance.js';
import { numberParameter } from './parameter-checks.js';
import {
  resolvePointSelection,
  type PointSelection,
  type PointSelectionParameters,
} from './point-selection.js';
import { approximateShare, isUnitLocated, populationOf, shareOf } from './population-summary.js';
import { roundedMetres, selectPoints, type DistanceKind, type RunOptions } from './run-options.js';
import { unitRowOf, type UnitRow } from './unit-row.js';

/** Service Canada's in-person standard: a point of service within 50 km. */
export const DEFAULT_RADIUS_KM = 50;
/** Bounds of every radius parameter, in km. */
export const RADIUS_KM_BOUNDS = { min: 0, max: 1000 } as const;

/** Population totals of a set of units against a radius. Unlocated units are counted apart, never as uncovered. */
export interface CoverageTotals {
  /** Population of located units (= covered + uncovered). */
  population_total: number;
  population_covered: number;
  population_uncovered: number;
  /** population_covered / population_total; null when no one is located. */
  coverage_share: number | null;
  population_unlocated: number;
}

export interface CoverageByProvince extends CoverageTotals {
  province: ProvinceCode | null;
}

/** Per-unit flags and totals, nationally and by province (SGC order, then units without a province). */
export interface CoverageSummary extends CoverageTotals {
  /** 1 covered, 0 not covered, -1 not located. */
  covered: Int8Array;
  by_province: CoverageByProvince[];
}

/**
 * Coverage share `Σ P_i·[D_i ≤ S] / Σ P_i` over located units, given each unit's nearest
 * distance `nearestMetres[i]` (NaN: no point reachable) and the radius S in metres, nationally
 * and by province. Unlocated units go to `population_unlocated`.
 * @example summariseCoverage(units, nearestDistances(units, points).metres, 50_000).coverage_share
 */
export function summariseCoverage(
  units: readonly PopulationUnit[],
  nearestMetres: Float64Array,
  radiusMetres: number,
): CoverageSummary {
  const covered = new Int8Array(units.length);
  const totals = new Map<ProvinceCode | null, { located: number; covered: number; unlocated: number }>();
  units.forEach((unit, i) => {
    const population = populationOf(unit);
    let row = totals.get(unit.province);
    if (!row) totals.set(unit.province, (row = { located: 0, covered: 0, unlocated: 0 }));
    if (!isUnitLocated(unit)) {
      covered[i] = -1;
      row.unlocated += population;
      return;
    }
    row.located += population;
    if (nearestMetres[i] <= radiusMetres) {
      covered[i] = 1;
      row.covered += population;
    }
  });
  const toTotals = (row: { located: number; covered: number; unlocated: number }): CoverageTotals => ({
    population_total: row.located,
    population_covered: row.covered,
    population_uncovered: row.located - row.covered,
    coverage_share: shareOf(row.covered, row.located),
    population_unlocated: row.unlocated,
  });
  const national = { located: 0, covered: 0, unlocated: 0 };
  for (const row of totals.values()) {
    national.located += row.located;
    national.covered += row.covered;
    national.unlocated += row.unlocated;
  }
  const order: (ProvinceCode | null)[] = [...PROVINCE_CODES, null];
  const byProvince = order
    .filter((p) => totals.has(p))
    .map((province) => ({ province, ...toTotals(totals.get(province)!) }));
  return { ...toTotals(national), covered, by_province: byProvince };
}

/** Public parameters of `runCoverage` (API query, CLI options). */
export interface CoverageParameters extends PointSelectionParameters {
  /** Radius S in km; default 50. */
  radius_km?: number | undefined;
}

export interface CoverageUnitRow extends UnitRow {
  /** Whole metres; null when the unit is not located or no point is reachable. */
  nearest_metres: number | null;
  nearest_point_id: string | null;
  /** null when the unit is not located. */
  covered: boolean | null;
}

export interface CoverageResult extends CoverageTotals {
  parameters: PointSelection & { radius_km: number; distance: DistanceKind };
  approximate_share: number;
  points_used: number;
  by_province: CoverageByProvince[];
  units: CoverageUnitRow[];
}

/**
 * Nearest service point and coverage within `radius_km` for every census subdivision,
 * nationally and by province (the `repere analyze coverage` result). Throws
 * AnalysisParameterError on a bad parameter.
 * @example runCoverage(inputs, { layers: ['service_canada'], radius_km: 50 }).coverage_share
 */
export function runCoverage(
  inputs: AnalysisInputs,
  parameters: CoverageParameters = {},
  options: RunOptions = {},
): CoverageResult {
  const selection = resolvePointSelection(parameters);
  const radiusKm = numberParameter('radius_km', parameters.radius_km, DEFAULT_RADIUS_KM, RADIUS_KM_BOUNDS);
  const selected = selectPoints(inputs, selection, options);
  const nearest = nearestDistances(inputs.units, selected.points, selected.unitSearch);
  const { covered, by_province, ...totals } = summariseCoverage(
    inputs.units,
    nearest.metres,
    radiusKm * 1000,
  );
  return {
    parameters: { ...selection, radius_km: radiusKm, distance: selected.distance },
    ...totals,
    approximate_share: approximateShare(inputs.units),
    points_used: selected.points.length,
    by_province,
    units: inputs.units.map((unit, i): CoverageUnitRow => {
      const j = nearest.pointIndex[i];
      // Filled in place rather than spread: this runs once per census subdivision and the
      // spread copy was the bulk of the coverage time (bench/README.md "analysis").
      const row = unitRowOf(unit) as CoverageUnitRow;
      row.nearest_metres = roundedMetres(nearest.metres[i]);
      row.nearest_point_id = j >= 0 ? selected.points[j].id : null;
      row.covered = covered[i] === -1 ? null : covered[i] === 1;
      return row;
    }),
  };
}
