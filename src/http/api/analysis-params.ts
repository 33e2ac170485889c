import { ACCESS_METHODS } from '../../analysis/access.js';
import { RADIUS_KM_BOUNDS } from '../../analysis/coverage.js';
import { CANDIDATE_KINDS, MAX_BUDGET } from '../../analysis/siting.js';
import { CHANNELS, JURISDICTION_LEVELS } from '../../domain/jurisdiction.js';
import { BadRequestError } from '../http-errors.js';
import { ANALYSIS_TABLES, type AnalysisKind, type AnalysisTypes } from './analysis-service.js';
import { FORMAT_SCHEMA } from './formats.js';

// Query parameters of /api/v1/analysis/*: the names of each result's `parameters` (the CLI's
// options in snake_case). The schemas give types (Fastify coerces the query string) and the
// documented bounds; the analysis functions check every value again and name the parameter
// in their AnalysisParameterError, which the routes turn into a 400.

/** Most values a list parameter takes. */
const MAX_LIST_VALUES = 20;

function list(description: string): Record<string, unknown> {
  return {
    type: 'array',
    items: { type: 'string', maxLength: 100 },
    maxItems: MAX_LIST_VALUES,
    description: `${description} Repeat the parameter or separate values with commas.`,
  };
}

const number = (description: string): Record<string, unknown> => ({ type: 'number', description });

const SELECTION_PROPERTIES = {
  layers: list('Service points of these layers or source ids (default: all), e.g. service_canada.'),
  jurisdiction_levels: list(`Only these orders of government: ${JURISDICTION_LEVELS.join(', ')}.`),
  channels: list(`Only these channels: ${CHANNELS.join(', ')} (default in_person, outreach).`),
  format: FORMAT_SCHEMA,
};

const RADIUS_KM = {
  type: 'number',
  exclusiveMinimum: RADIUS_KM_BOUNDS.min,
  maximum: RADIUS_KM_BOUNDS.max,
  description: `Radius S in km, greater than ${RADIUS_KM_BOUNDS.min} and at most ${RADIUS_KM_BOUNDS.max} (default 50, Service Canada's in-person standard).`,
};

const INDIGENOUS_WEIGHT = number('Weight of First Nations and Inuit communities, 1 to 10 (default 1.5).');

const KIND_PROPERTIES: { readonly [K in AnalysisKind]: Record<string, unknown> } = {
  coverage: { radius_km: RADIUS_KM },
  access: {
    method: { type: 'string', enum: [...ACCESS_METHODS], description: 'Default e2sfca.' },
    catchment_km: number('2sfca, e2sfca: catchment size d0 in km, at most 1000 (default 50).'),
    bands_km: list('e2sfca: upper bounds of the distance bands in km, increasing (default thirds of d0).'),
    band_weights: list('e2sfca: weight of each band, 0 to 1 (default 1, 0.68, 0.22).'),
    decay: {
      type: 'string',
      enum: ['power', 'gaussian'],
      description: 'gravity: distance decay (default power).',
    },
    beta: number('gravity, power: exponent, at most 5 (default 1).'),
    min_km: number('gravity, power: distance under which the weight is 1, km, at most 100 (default 1).'),
    sigma_km: number('gravity, gaussian: σ in km, at most 1000 (default 25).'),
    max_km: number('gravity: ignore points farther than this, km, at most 5000 (default none).'),
    normalise: { type: 'boolean', description: 'Divide by the population-weighted mean, so the mean is 1.' },
  },
  gaps: {
    radius_km: RADIUS_KM,
    indigenous_weight: INDIGENOUS_WEIGHT,
    limit: { type: 'integer', minimum: 1, maximum: 100_000, description: 'Rows per ranking (default all).' },
  },
  colocation: {
    within_metres: number('Co-location distance in metres, at most 10,000 (default 500).'),
    radius_km: RADIUS_KM,
    share_km: number(
      'Outreach site to office distance counted as one community, km, at most 100 (default 5).',
    ),
  },
  siting: {
    radius_km: RADIUS_KM,
    budget: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_BUDGET,
      description: `Sites to add, 1 to ${MAX_BUDGET} (default 10).`,
    },
    candidates: list(`Candidate kinds: ${CANDIDATE_KINDS.join(', ')} (default all).`),
    weighting: {
      type: 'string',
      enum: ['vulnerability', 'population'],
      description: 'Default vulnerability.',
    },
    indigenous_weight: INDIGENOUS_WEIGHT,
    vulnerable_cwb_below: number('CWB score under which people count as vulnerable, 0 to 100 (default 70).'),
    swap: { type: 'boolean', description: 'One pass of swap improvement (default true).' },
  },
};

/** The querystring schema of /analysis/{kind}. */
export function analysisQuerySchema(kind: AnalysisKind): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      ...SELECTION_PROPERTIES,
      ...KIND_PROPERTIES[kind],
      table: {
        type: 'string',
        enum: [...ANALYSIS_TABLES[kind]],
        description: `With format=csv or geojson: the table to download (default ${ANALYSIS_TABLES[kind][0]}).`,
      },
    },
  };
}

/** Every parameter /analysis/{kind} takes. */
export function analysisParameterNames(kind: AnalysisKind): Set<string> {
  return new Set(Object.keys((analysisQuerySchema(kind) as { properties: object }).properties));
}

/**
 * Refuses a query parameter the analysis does not take (400 naming it): a misspelt `radius`
 * would otherwise silently give the default radius.
 */
export function rejectUnknownParameters(url: string, allowed: ReadonlySet<string>): void {
  for (const name of new URL(url, 'http://localhost').searchParams.keys()) {
    if (!allowed.has(name)) {
      throw new BadRequestError(
        name.slice(0, 50),
        `"${name.slice(0, 50)}" is not a parameter of this analysis; it takes ${[...allowed].sort().join(', ')}.`,
      );
    }
  }
}

/** Comma-separated and repeated values merged, trimmed; empty gives undefined (the default). */
function splitValues(raw: unknown, parameter: string): string[] | undefined {
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (values.length > MAX_LIST_VALUES) {
    throw new BadRequestError(parameter, `"${parameter}" takes at most ${MAX_LIST_VALUES} values.`);
  }
  return values.length > 0 ? values : undefined;
}

function numbers(raw: unknown, parameter: string): number[] | undefined {
  return splitValues(raw, parameter)?.map((text) => {
    const value = Number(text);
    if (!Number.isFinite(value)) {
      throw new BadRequestError(
        parameter,
        `"${parameter}" must be a list of numbers; got "${text.slice(0, 50)}".`,
      );
    }
    return value;
  });
}

type Query = Readonly<Record<string, unknown>>;

const num = (q: Query, name: string): number | undefined => q[name] as number | undefined;
const str = (q: Query, name: string): string | undefined => q[name] as string | undefined;
const bool = (q: Query, name: string): boolean | undefined => q[name] as boolean | undefined;

/** The parameters of an analysis from its (schema-validated) query. */
export function analysisParametersFrom<K extends AnalysisKind>(
  kind: K,
  query: Query,
): AnalysisTypes[K]['parameters'] {
  const selection = {
    layers: splitValues(query['layers'], 'layers'),
    jurisdiction_levels: splitValues(query['jurisdiction_levels'], 'jurisdiction_levels'),
    channels: splitValues(query['channels'], 'channels'),
  };
  const byKind: { [P in AnalysisKind]: () => AnalysisTypes[P]['parameters'] } = {
    coverage: () => ({ ...selection, radius_km: num(query, 'radius_km') }),
    access: () => ({
      ...selection,
      method: str(query, 'method'),
      catchment_km: num(query, 'catchment_km'),
      bands_km: numbers(query['bands_km'], 'bands_km'),
      band_weights: numbers(query['band_weights'], 'band_weights'),
      decay: str(query, 'decay'),
      beta: num(query, 'beta'),
      min_km: num(query, 'min_km'),
      sigma_km: num(query, 'sigma_km'),
      max_km: num(query, 'max_km'),
      normalise: bool(query, 'normalise'),
    }),
    gaps: () => ({
      ...selection,
      radius_km: num(query, 'radius_km'),
      indigenous_weight: num(query, 'indigenous_weight'),
      limit: num(query, 'limit'),
    }),
    colocation: () => ({
      ...selection,
      within_metres: num(query, 'within_metres'),
      radius_km: num(query, 'radius_km'),
      share_km: num(query, 'share_km'),
    }),
    siting: () => ({
      ...selection,
      radius_km: num(query, 'radius_km'),
      budget: num(query, 'budget'),
      candidates: splitValues(query['candidates'], 'candidates'),
      weighting: str(query, 'weighting'),
      indigenous_weight: num(query, 'indigenous_weight'),
      vulnerable_cwb_below: num(query, 'vulnerable_cwb_below'),
      swap: bool(query, 'swap'),
    }),
  };
  return byKind[kind]() as AnalysisTypes[K]['parameters'];
}
