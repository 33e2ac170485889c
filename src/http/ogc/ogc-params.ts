import { invalidParameter } from './ogc-error.js';

/** What a response is written in: JSON (GeoJSON for features) or HTML. */
export type OgcFormat = 'json' | 'html';

/** `bbox` as west, south, east, north in CRS84 degrees; west > east crosses the antimeridian. */
export type BBox4 = readonly [number, number, number, number];

export interface ItemsQuery {
  bbox: BBox4 | null;
  limit: number;
  offset: number;
  /** Validated but not applied: no collection has a temporal extent. */
  datetime: string | null;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;
/** The largest `offset` accepted: far past any collection, small enough to stay an exact integer. */
export const MAX_OFFSET = 10_000_000;

type Query = Record<string, string | string[] | undefined>;

/** The single value of a query parameter; a repeated parameter is a 400. */
function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw invalidParameter(name, `given ${value.length} times; give it once`);
  return value;
}

/** Rejects parameters the endpoint does not define (OGC API – Features /req/core/query-param-unknown). */
export function checkKnownParameters(query: Query, known: readonly string[]): void {
  const unknown = Object.keys(query).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw invalidParameter(unknown[0], `unknown parameter; this endpoint takes ${known.join(', ')}`);
  }
}

const MEDIA_PREFERENCE: ReadonlyArray<readonly [string, OgcFormat]> = [
  ['application/geo+json', 'json'],
  ['application/json', 'json'],
  ['text/html', 'html'],
];

/**
 * The response format: `f=json|html` wins; else the media type Accept prefers (by q, then
 * order) among GeoJSON, JSON and HTML; else JSON (clients such as GDAL and curl).
 * @example formatOf(undefined, 'text/html,application/xhtml+xml,*\/*;q=0.8') // 'html'
 */
export function formatOf(f: string | undefined, accept: string | undefined): OgcFormat {
  if (f !== undefined) {
    if (f === 'json' || f === 'geojson') return 'json';
    if (f === 'html') return 'html';
    throw invalidParameter('f', `"${f.slice(0, 50)}" is not a format; use json or html`);
  }
  let best: { format: OgcFormat; q: number } | null = null;
  for (const part of (accept ?? '').split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const match = MEDIA_PREFERENCE.find(([media]) => media === type);
    if (!match) continue;
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { format: match[1], q };
  }
  return best?.format ?? 'json';
}

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()))
    throw invalidParameter(name, `"${text.slice(0, 50)}" is not a whole number`);
  const value = Number(text.trim());
  if (value < min || value > max)
    throw invalidParameter(name, `${value} is out of range; give ${min} to ${max}`);
  return value;
}

/**
 * `bbox=west,south,east,north` in CRS84 degrees (4 numbers; 6 with heights, which are
 * ignored since features have none). Latitudes must be ordered and within ±90, longitudes
 * within ±180; west may exceed east across the antimeridian.
 */
export function parseBBox(text: string): BBox4 {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 4 && parts.length !== 6) {
    throw invalidParameter(
      'bbox',
      `expected 4 numbers "west,south,east,north" (CRS84), got ${parts.length} values`,
    );
  }
  const numbers = parts.map(Number);
  if (parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n))) {
    throw invalidParameter('bbox', `"${text.slice(0, 100)}" is not a list of numbers`);
  }
  const [west, south, east, north] =
    parts.length === 4 ? numbers : [numbers[0], numbers[1], numbers[3], numbers[4]];
  if (Math.abs(west) > 180 || Math.abs(east) > 180)
    throw invalidParameter('bbox', 'longitudes must be between -180 and 180');
  if (Math.abs(south) > 90 || Math.abs(north) > 90)
    throw invalidParameter('bbox', 'latitudes must be between -90 and 90');
  if (south > north) throw invalidParameter('bbox', `south (${south}) is greater than north (${north})`);
  return [west, south, east, north];
}

// RFC 3339 date-time (or date), as OGC API – Features `datetime` takes them: one instant, or
// an interval "start/end" where either end may be open ("..") or empty.
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/i;

function checkDatetime(text: string): string {
  const ends = text.split('/');
  const valid =
    ends.length === 1
      ? INSTANT.test(text)
      : ends.length === 2 &&
        ends.every((e) => e === '' || e === '..' || INSTANT.test(e)) &&
        ends.some((e) => INSTANT.test(e));
  if (!valid)
    throw invalidParameter('datetime', `"${text.slice(0, 100)}" is not an RFC 3339 date-time or interval`);
  return text;
}

/** The items parameters, validated; throws OgcError (400) naming the bad parameter. */
export function itemsQueryOf(query: Query): ItemsQuery {
  const bbox = single(query, 'bbox');
  const datetime = single(query, 'datetime');
  return {
    bbox: bbox === undefined ? null : parseBBox(bbox),
    limit: integer('limit', single(query, 'limit'), DEFAULT_LIMIT, 1, MAX_LIMIT),
    offset: integer('offset', single(query, 'offset'), 0, 0, MAX_OFFSET),
    datetime: datetime === undefined ? null : checkDatetime(datetime),
  };
}

/** The `f` parameter, once. */
export function fOf(query: Query): string | undefined {
  return single(query, 'f');
}

/** True when [lon, lat] is inside the box (bounds included), across the antimeridian when west > east. */
export function inBBox(lon: number, lat: number, [west, south, east, north]: BBox4): boolean {
  if (lat < south || lat > north) return false;
  return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}
