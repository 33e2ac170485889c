import { csvCell } from '../export/write-csv.js';
import type { AccessResult } from './access.js';
import type { ColocationResult } from './colocation.js';
import type { CoverageResult } from './coverage.js';
import type { SitingResult } from './siting.js';
import { UNIT_COLUMNS } from './unit-row.js';
import type { GapResult } from './vulnerability.js';

/** A value in a result table; lists are written `a;b` in CSV. */
export type Cell = string | number | boolean | null | readonly string[];

/** Where a row is on the map: a point from two columns, a line between two pairs of columns, or nowhere. */
export type TableGeometry =
  | { kind: 'point'; lat: string; lon: string }
  | { kind: 'line'; from: readonly [string, string]; to: readonly [string, string] }
  | null;

/** One table of a result, for CSV and GeoJSON downloads (CLI `--out`, API `format=`). */
export interface ResultTable {
  name: string;
  columns: readonly string[];
  rows: readonly object[];
  geometry: TableGeometry;
}

const POINT: TableGeometry = { kind: 'point', lat: 'lat', lon: 'lon' };

function table<T extends object>(
  name: string,
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
  geometry: TableGeometry,
): ResultTable {
  return { name, columns, rows, geometry };
}

/** Tables of a coverage result; the first (`units`) is the default download. */
export function coverageTables(result: CoverageResult): ResultTable[] {
  return [
    table('units', result.units, [...UNIT_COLUMNS, 'nearest_metres', 'nearest_point_id', 'covered'], POINT),
    table(
      'by_province',
      result.by_province,
      [
        'province',
        'population_total',
        'population_covered',
        'population_uncovered',
        'coverage_share',
        'population_unlocated',
      ],
      null,
    ),
  ];
}

/** Tables of an access result: `units`, `points`. */
export function accessTables(result: AccessResult): ResultTable[] {
  return [
    table('units', result.units, [...UNIT_COLUMNS, 'access', 'access_raw'], POINT),
    table(
      'points',
      result.points,
      ['id', 'name', 'layer', 'jurisdiction_level', 'lat', 'lon', 'supply', 'demand', 'ratio'],
      POINT,
    ),
  ];
}

/** Tables of a gaps result: `units` (ranked CSDs), `communities` (ranked community points). */
export function gapTables(result: GapResult): ResultTable[] {
  return [
    table(
      'units',
      result.units,
      [
        'rank',
        'csd_code',
        'name',
        'province',
        'community_type',
        'population',
        'cwb_score',
        'cwb_missing',
        'weight',
        'weighted_population',
        'nearest_metres',
        'nearest_point_id',
        'lat',
        'lon',
        'precision',
      ],
      POINT,
    ),
    table(
      'communities',
      result.communities,
      [
        'rank',
        'id',
        'kind',
        'name',
        'province',
        'population',
        'population_source',
        'csd_codes',
        'cwb_score',
        'cwb_missing',
        'weight',
        'weighted_population',
        'nearest_metres',
        'nearest_point_id',
        'lat',
        'lon',
      ],
      POINT,
    ),
  ];
}

/** Tables of a co-location result: `pairs`, `single_order_units`, `partnerships`. */
export function colocationTables(result: ColocationResult): ResultTable[] {
  return [
    table(
      'pairs',
      result.pairs,
      [
        'a_id',
        'a_name',
        'a_level',
        'a_layer',
        'a_lat',
        'a_lon',
        'b_id',
        'b_name',
        'b_level',
        'b_layer',
        'b_lat',
        'b_lon',
        'metres',
      ],
      { kind: 'line', from: ['a_lat', 'a_lon'], to: ['b_lat', 'b_lon'] },
    ),
    table(
      'single_order_units',
      result.single_order_units,
      [
        'csd_code',
        'name',
        'province',
        'community_type',
        'population',
        'cwb_score',
        'order',
        'lat',
        'lon',
        'precision',
      ],
      POINT,
    ),
    table(
      'partnerships',
      result.partnerships,
      [
        'outreach_id',
        'outreach_name',
        'outreach_level',
        'outreach_lat',
        'outreach_lon',
        'host_id',
        'host_name',
        'host_level',
        'host_lat',
        'host_lon',
        'metres',
      ],
      { kind: 'line', from: ['outreach_lat', 'outreach_lon'], to: ['host_lat', 'host_lon'] },
    ),
  ];
}

/** Tables of a siting result: `sites`, `swaps`. */
export function sitingTables(result: SitingResult): ResultTable[] {
  return [
    table(
      'sites',
      result.sites,
      [
        'order',
        'candidate_id',
        'kind',
        'name',
        'province',
        'lat',
        'lon',
        'units_newly_covered',
        'population_newly_covered',
        'vulnerable_population_newly_covered',
        'weighted_newly_covered',
        'coverage_share_after',
      ],
      POINT,
    ),
    table('swaps', result.swaps, ['removed_id', 'added_id', 'weighted_gain'], null),
  ];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

/**
 * The table as RFC 4180 CSV (CRLF line ends, header first); nulls are empty cells, lists are
 * joined with `;`.
 */
export function tableToCsv(t: ResultTable): string {
  const lines = [t.columns.map(csvCell).join(',')];
  for (const row of t.rows) {
    const record = row as Record<string, unknown>;
    lines.push(t.columns.map((c) => csvCell(cellText(record[c]))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

type Geometry =
  { type: 'Point'; coordinates: [number, number] } | { type: 'LineString'; coordinates: [number, number][] };

/**
 * The table as a GeoJSON FeatureCollection (RFC 7946): a Point (or LineString) per located row,
 * `geometry: null` for rows without a location; every column is a property.
 */
export function tableToGeoJson(t: ResultTable): {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: Geometry | null; properties: Record<string, unknown> }[];
} {
  const at = (
    record: Record<string, unknown>,
    [lat, lon]: readonly [string, string],
  ): [number, number] | null => {
    const y = record[lat];
    const x = record[lon];
    return typeof y === 'number' && typeof x === 'number' ? [x, y] : null;
  };
  return {
    type: 'FeatureCollection',
    features: t.rows.map((row) => {
      const record = row as Record<string, unknown>;
      let geometry: Geometry | null = null;
      if (t.geometry?.kind === 'point') {
        const c = at(record, [t.geometry.lat, t.geometry.lon]);
        if (c) geometry = { type: 'Point', coordinates: c };
      } else if (t.geometry?.kind === 'line') {
        const a = at(record, t.geometry.from);
        const b = at(record, t.geometry.to);
        if (a && b) geometry = { type: 'LineString', coordinates: [a, b] };
      }
      const properties: Record<string, unknown> = {};
      for (const c of t.columns) properties[c] = record[c] ?? null;
      return { type: 'Feature' as const, geometry, properties };
    }),
  };
}
