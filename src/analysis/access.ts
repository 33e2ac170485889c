import { displayName, type AnalysisInputs } from './analysis-inputs.js';
import { AnalysisParameterError } from './analysis-parameter-error.js';
import { DEFAULT_RADIUS_KM, RADIUS_KM_BOUNDS } from './coverage.js';
import { gravityAccess, type DistanceDecay } from './gravity.js';
import {
  booleanParameter,
  choiceParameter,
  numberListParameter,
  numberParameter,
  optionalNumberParameter,
} from './parameter-checks.js';
import {
  resolvePointSelection,
  type PointSelection,
  type PointSelectionParameters,
} from './point-selection.js';
import { approximateShare, isUnitLocated, populationOf } from './population-summary.js';
import { normaliseToPopulationMean, populationWeightedMean } from './population-weighted-mean.js';
import { selectPoints, type DistanceKind, type RunOptions } from './run-options.js';
import { E2SFCA_WEIGHTS, equalBandBounds, twoStepFca, type CatchmentBands } from './two-step-fca.js';
import { unitRowOf, type UnitRow } from './unit-row.js';

export type AccessMethod = '2sfca' | 'e2sfca' | 'gravity';
export const ACCESS_METHODS: readonly AccessMethod[] = ['2sfca', 'e2sfca', 'gravity'];

/** Public parameters of `runAccess`; each applies to the methods named. */
export interface AccessParameters extends PointSelectionParameters {
  /** Default `e2sfca`. */
  method?: string | undefined;
  /** 2sfca, e2sfca: catchment size d0 in km, default 50 (or the last of `bands_km`). */
  catchment_km?: number | undefined;
  /** e2sfca: upper bounds of the distance bands in km, increasing; default thirds of d0. */
  bands_km?: readonly number[] | undefined;
  /** e2sfca: weight of each band, in [0, 1]; default 1, 0.68, 0.22. */
  band_weights?: readonly number[] | undefined;
  /** gravity: `power` (default) or `gaussian`. */
  decay?: string | undefined;
  /** gravity, power: exponent β, default 1. */
  beta?: number | undefined;
  /** gravity, power: distance below which f = 1, km, default 1. */
  min_km?: number | undefined;
  /** gravity, gaussian: σ in km, default 25. */
  sigma_km?: number | undefined;
  /** gravity: ignore points beyond this many km; default none (every point counts). */
  max_km?: number | undefined;
  /** Divide by the population-weighted mean so that the average resident scores 1; default false. */
  normalise?: boolean | undefined;
}

/** The parameters as applied, echoed in the result (only those of the method). */
export interface AccessParametersUsed extends PointSelection {
  method: AccessMethod;
  catchment_km?: number;
  bands_km?: number[];
  band_weights?: number[];
  decay?: 'power' | 'gaussian';
  beta?: number;
  min_km?: number;
  sigma_km?: number;
  max_km?: number | null;
  supply: 'one_per_point';
  normalise: boolean;
  distance: DistanceKind;
}

export interface AccessUnitRow extends UnitRow {
  /** Normalised when `normalise`, else equal to `access_raw`; null when not located. */
  access: number | null;
  /** 2SFCA/E2SFCA: supply per person; gravity: Σ S_j·f(d_ij). */
  access_raw: number | null;
}

export interface AccessPointRow {
  id: string;
  name: string;
  layer: string;
  jurisdiction_level: string;
  lat: number;
  lon: number;
  supply: number;
  /** Weighted population in the catchment (2SFCA/E2SFCA); null for gravity. */
  demand: number | null;
  /** Supply per weighted person, R_j; null when no one is in the catchment or for gravity. */
  ratio: number | null;
}

export interface AccessResult {
  parameters: AccessParametersUsed;
  population_total: number;
  population_unlocated: number;
  approximate_share: number;
  points_used: number;
  /** Population-weighted mean of `access_raw` over located units. */
  population_weighted_mean: number | null;
  /** Located population whose access is 0 (no point in reach). */
  population_without_access: number;
  /** Points with no population in their catchment (their supply reaches no one). */
  points_without_demand: number;
  units: AccessUnitRow[];
  points: AccessPointRow[];
}

const CATCHMENT_KM_BOUNDS = RADIUS_KM_BOUNDS;
const WEIGHT_BOUNDS = { min: 0, max: 1, minInclusive: true } as const;
const MAX_BANDS = 10;

/** Rejects parameters that do not apply to what was chosen, rather than silently ignoring them. */
function rejectGiven(
  parameters: AccessParameters,
  names: (keyof AccessParameters)[],
  appliesTo: string,
  chosen: string,
): void {
  for (const name of names) {
    if (parameters[name] !== undefined && parameters[name] !== null) {
      throw new AnalysisParameterError(name, `applies to ${appliesTo} only; got it with ${chosen}`);
    }
  }
}

/** Catchment bands from the parameters (validated). */
function resolveBands(
  parameters: AccessParameters,
  method: '2sfca' | 'e2sfca',
): { catchmentKm: number; bandsKm: number[]; weights: number[] } {
  const bandsKm = numberListParameter('bands_km', parameters.bands_km, CATCHMENT_KM_BOUNDS);
  const fallbackCatchment = bandsKm ? bandsKm[bandsKm.length - 1] : DEFAULT_RADIUS_KM;
  const catchmentKm = numberParameter(
    'catchment_km',
    parameters.catchment_km,
    fallbackCatchment,
    CATCHMENT_KM_BOUNDS,
  );
  if (method === '2sfca') return { catchmentKm, bandsKm: [catchmentKm], weights: [1] };
  const weights = numberListParameter('band_weights', parameters.band_weights, WEIGHT_BOUNDS);
  if (bandsKm && bandsKm.length > MAX_BANDS)
    throw new AnalysisParameterError(
      'bands_km',
      `must hold at most ${MAX_BANDS} bands; got ${bandsKm.length}`,
    );
  if (weights && weights.length > MAX_BANDS)
    throw new AnalysisParameterError(
      'band_weights',
      `must hold at most ${MAX_BANDS} weights; got ${weights.length}`,
    );
  if (!bandsKm) {
    const w = weights ?? [...E2SFCA_WEIGHTS];
    return { catchmentKm, bandsKm: equalBandBounds(catchmentKm, w.length), weights: w };
  }
  for (let b = 1; b < bandsKm.length; b++) {
    if (!(bandsKm[b] > bandsKm[b - 1])) {
      throw new AnalysisParameterError('bands_km', `must be strictly increasing; got ${bandsKm.join(', ')}`);
    }
  }
  if (catchmentKm !== bandsKm[bandsKm.length - 1]) {
    throw new AnalysisParameterError(
      'catchment_km',
      `must equal the last of bands_km (${bandsKm[bandsKm.length - 1]}) when both are given; got ${catchmentKm}`,
    );
  }
  const w = weights ?? (bandsKm.length === E2SFCA_WEIGHTS.length ? [...E2SFCA_WEIGHTS] : null);
  if (!w || w.length !== bandsKm.length) {
    throw new AnalysisParameterError(
      'band_weights',
      `must give one weight per band (${bandsKm.length}); got ${w ? w.length : 'none (the default 1, 0.68, 0.22 fits three bands only)'}`,
    );
  }
  return { catchmentKm, bandsKm, weights: w };
}

/**
 * Spatial accessibility of every census subdivision to the selected points: 2SFCA, E2SFCA
 * (default) or gravity, optionally normalised to a population-weighted mean of 1 (the
 * `repere analyze access` result). Throws AnalysisParameterError on a bad parameter.
 * @example runAccess(inputs, { layers: ['service_canada'], method: 'e2sfca', catchment_km: 50 }).units[0].access
 */
export function runAccess(
  inputs: AnalysisInputs,
  parameters: AccessParameters = {},
  options: RunOptions = {},
): AccessResult {
  const selection = resolvePointSelection(parameters);
  const method = choiceParameter('method', parameters.method, ACCESS_METHODS, 'e2sfca');
  const chosen = `method ${method}`;
  if (method === 'gravity') rejectGiven(parameters, ['catchment_km'], 'methods 2sfca and e2sfca', chosen);
  if (method !== 'e2sfca') rejectGiven(parameters, ['bands_km', 'band_weights'], 'method e2sfca', chosen);
  if (method !== 'gravity')
    rejectGiven(parameters, ['decay', 'beta', 'min_km', 'sigma_km', 'max_km'], 'method gravity', chosen);
  const normalise = booleanParameter('normalise', parameters.normalise, false);
  const selected = selectPoints(inputs, selection, options);
  const common = {
    ...selection,
    method,
    supply: 'one_per_point' as const,
    normalise,
    distance: selected.distance,
  };

  let used: AccessParametersUsed;
  let raw: Float64Array;
  let demand: Float64Array | null = null;
  let ratio: Float64Array | null = null;
  if (method === 'gravity') {
    const decayKind = choiceParameter('decay', parameters.decay, ['power', 'gaussian'] as const, 'power');
    if (decayKind === 'power') rejectGiven(parameters, ['sigma_km'], 'decay gaussian', 'decay power');
    else rejectGiven(parameters, ['beta', 'min_km'], 'decay power', 'decay gaussian');
    const maxKm = optionalNumberParameter('max_km', parameters.max_km, { min: 0, max: 5000 });
    let decay: DistanceDecay;
    if (decayKind === 'power') {
      const beta = numberParameter('beta', parameters.beta, 1, { min: 0, max: 5 });
      const minKm = numberParameter('min_km', parameters.min_km, 1, { min: 0, max: 100 });
      decay = { kind: 'power', beta, minMetres: minKm * 1000 };
      used = { ...common, decay: decayKind, beta, min_km: minKm, max_km: maxKm };
    } else {
      const sigmaKm = numberParameter('sigma_km', parameters.sigma_km, 25, { min: 0, max: 1000 });
      decay = { kind: 'gaussian', sigmaMetres: sigmaKm * 1000 };
      used = { ...common, decay: decayKind, sigma_km: sigmaKm, max_km: maxKm };
    }
    raw = gravityAccess(inputs.units, selected.points, {
      ...selected.unitSearch,
      decay,
      maxMetres: maxKm === null ? null : maxKm * 1000,
    });
  } else {
    const { catchmentKm, bandsKm, weights } = resolveBands(parameters, method);
    const bands: CatchmentBands = { upperMetres: bandsKm.map((km) => km * 1000), weights };
    const result = twoStepFca(inputs.units, selected.points, { ...selected.unitSearch, bands });
    raw = result.access;
    demand = result.demand;
    ratio = result.ratio;
    used = { ...common, catchment_km: catchmentKm, bands_km: bandsKm, band_weights: weights };
  }

  const reported = normalise ? normaliseToPopulationMean(inputs.units, raw) : raw;
  let populationTotal = 0;
  let populationUnlocated = 0;
  let withoutAccess = 0;
  inputs.units.forEach((unit, i) => {
    const population = populationOf(unit);
    if (!isUnitLocated(unit)) {
      populationUnlocated += population;
      return;
    }
    populationTotal += population;
    if (raw[i] === 0) withoutAccess += population;
  });
  const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);
  return {
    parameters: used,
    population_total: populationTotal,
    population_unlocated: populationUnlocated,
    approximate_share: approximateShare(inputs.units),
    points_used: selected.points.length,
    population_weighted_mean: populationWeightedMean(inputs.units, raw),
    population_without_access: withoutAccess,
    points_without_demand: demand ? demand.filter((d) => !(d > 0)).length : 0,
    units: inputs.units.map((unit, i) => {
      // Filled in place, not spread: the spread copy per census subdivision dominated the run.
      const row = unitRowOf(unit) as AccessUnitRow;
      row.access = finite(reported[i]);
      row.access_raw = finite(raw[i]);
      return row;
    }),
    points: selected.points.map((point, j) => ({
      id: point.id,
      name: displayName(point.name, point.id),
      layer: point.layer,
      jurisdiction_level: point.jurisdictionLevel,
      lat: point.lat,
      lon: point.lon,
      supply: 1,
      demand: demand ? demand[j] : null,
      ratio: ratio ? finite(ratio[j]) : null,
    })),
  };
}
