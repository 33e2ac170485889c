import type { AccessParameters } from '../../analysis/access.js';
import type { PointSelectionParameters } from '../../analysis/point-selection.js';
import type { AnalysisKind } from '../api/analysis-service.js';

/** What the map colours and the main table measures: distance to the nearest point, or an accessibility score. */
export type Metric = 'distance' | 'access';
export const METRICS: readonly Metric[] = ['distance', 'access'];

/** The tables of the analysis page that sort (each by its own `<table>_sort` and `<table>_order`). */
export const SORTABLE_TABLES = ['units', 'underserved', 'communities', 'partnerships', 'pairs'] as const;
export type SortableTable = (typeof SORTABLE_TABLES)[number];

/**
 * The analysis page's GET form as submitted, values as typed (a number field may hold text:
 * the analysis then says what is wrong with it, naming the parameter). Parameter names are the
 * API's, so the page's downloads pass them on unchanged.
 */
export interface AnalysisPageQuery {
  metric: Metric;
  layers: string[];
  jurisdictionLevels: string[];
  channels: string[];
  radiusKm: string;
  method: string;
  budget: string;
  sorts: Readonly<Record<SortableTable, { column: string | null; order: string | null }>>;
}

/** Longest value kept from a text field; more is not a number anyone typed. */
const MAX_FIELD_LENGTH = 40;
const MAX_LIST_VALUES = 20;

function listOf(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().slice(0, 100))
    .filter((v) => v !== '');
  return [...new Set(values)].slice(0, MAX_LIST_VALUES);
}

const field = (params: URLSearchParams, name: string): string =>
  (params.get(name) ?? '').trim().slice(0, MAX_FIELD_LENGTH);

/** Reads the page's query string. */
export function analysisPageQueryFrom(params: URLSearchParams): AnalysisPageQuery {
  const metric = params.get('metric');
  const sorts = Object.fromEntries(
    SORTABLE_TABLES.map((table) => [
      table,
      { column: params.get(`${table}_sort`), order: params.get(`${table}_order`) },
    ]),
  ) as Record<SortableTable, { column: string | null; order: string | null }>;
  return {
    metric: metric === 'access' ? 'access' : 'distance',
    layers: listOf(params, 'layers'),
    jurisdictionLevels: listOf(params, 'jurisdiction_levels'),
    channels: listOf(params, 'channels'),
    radiusKm: field(params, 'radius_km'),
    method: field(params, 'method'),
    budget: field(params, 'budget'),
    sorts,
  };
}

/** A typed number, or the text itself when it is not one (the analysis names the parameter in its error); blank is the default. */
function numberOrText(text: string): number | undefined {
  if (text === '') return undefined;
  const value = Number(text.replace(',', '.'));
  return (Number.isFinite(value) ? value : text) as number;
}

function selectionOf(query: AnalysisPageQuery): PointSelectionParameters {
  return { layers: query.layers, jurisdiction_levels: query.jurisdictionLevels, channels: query.channels };
}

/** The parameters each analysis of the page runs with. */
export function pageParameters(query: AnalysisPageQuery): {
  coverage: { radius_km: number | undefined } & PointSelectionParameters;
  gaps: { radius_km: number | undefined } & PointSelectionParameters;
  colocation: { radius_km: number | undefined } & PointSelectionParameters;
  siting: { radius_km: number | undefined; budget: number | undefined } & PointSelectionParameters;
  access: AccessParameters;
} {
  const selection = selectionOf(query);
  const radius = numberOrText(query.radiusKm);
  const method = query.method === '' ? undefined : query.method;
  return {
    coverage: { ...selection, radius_km: radius },
    gaps: { ...selection, radius_km: radius },
    colocation: { ...selection, radius_km: radius },
    siting: { ...selection, radius_km: radius, budget: numberOrText(query.budget) },
    // The radius is the catchment of the floating-catchment methods; the page shows scores
    // relative to the population-weighted mean (1 = the average resident's access).
    access: {
      ...selection,
      method,
      ...(method === 'gravity' ? {} : { catchment_km: radius }),
      normalise: true,
    },
  };
}

/**
 * The API URL (under `apiBase`, e.g. `/api/v1`) of one analysis of the page, with the page's
 * parameters and `extra` (format, table): the downloads and the map's layers point there.
 * @example analysisApiUrl('/api/v1', 'coverage', query, { format: 'csv', table: 'units' })
 */
export function analysisApiUrl(
  apiBase: string,
  kind: AnalysisKind,
  query: AnalysisPageQuery,
  extra: Readonly<Record<string, string>> = {},
): string {
  const params = new URLSearchParams();
  for (const layer of query.layers) params.append('layers', layer);
  for (const level of query.jurisdictionLevels) params.append('jurisdiction_levels', level);
  for (const channel of query.channels) params.append('channels', channel);
  // "12,5" typed on a French page is 12.5 for the API too.
  const radius = query.radiusKm === '' ? '' : String(numberOrText(query.radiusKm));
  const budget = query.budget === '' ? '' : String(numberOrText(query.budget));
  if (kind === 'access') {
    if (query.method !== '') params.set('method', query.method);
    if (radius !== '' && query.method !== 'gravity') params.set('catchment_km', radius);
    params.set('normalise', 'true');
  } else if (radius !== '') {
    params.set('radius_km', radius);
  }
  if (kind === 'siting' && budget !== '') params.set('budget', budget);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return `${apiBase}/analysis/${kind}?${params.toString()}`;
}

/**
 * The page's own query string with some values changed (a table's sort); `null` removes one.
 * Sorts of the other tables are kept, so each table keeps its order.
 */
export function pageQueryString(
  params: URLSearchParams,
  changes: Readonly<Record<string, string | null>>,
): string {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  return next.toString();
}
