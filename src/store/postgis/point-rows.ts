import type { ServicePoint } from '../../domain/service-point.js';
import { stableUuid } from '../../domain/stable-uuid.js';
import { precisionOf } from '../point-precision.js';
import { searchDocumentOf } from './text-search.js';

/** The columns COPY writes, in the order of `pointCopyLine`'s fields. */
export const POINT_COPY_COLUMNS = [
  'id',
  'uuid',
  'source_id',
  'layer',
  'role',
  'jurisdiction_level',
  'jurisdiction_code',
  'channel',
  'province',
  'lat',
  'lon',
  'precision',
  'csd_code',
  'service_types',
  'modified_at',
  'geog',
  'search',
  'search_columns',
  'search_tokens',
  'data',
] as const;

/** COPY … FROM STDIN statement for points (text format: tab-separated, `\N` is NULL). */
export const COPY_POINTS_SQL = `COPY point (${POINT_COPY_COLUMNS.join(', ')}) FROM STDIN`;

// COPY's text format gives backslash, tab, newline and carriage return a meaning; escape
// them. PostgreSQL text cannot hold U+0000, so it is dropped.
const COPY_SPECIAL = /[\\\t\n\r\0]/g;
const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '',
};

/** A value as one field of a COPY text line; null is `\N`. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c]);
}

/** A text[] literal: every element double-quoted, so commas, braces and spaces are data. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

const ewkbBuffer = Buffer.alloc(25);
ewkbBuffer.writeUInt8(1, 0); // little-endian
ewkbBuffer.writeUInt32LE(0x20000001, 1); // Point, with an SRID
ewkbBuffer.writeUInt32LE(4326, 5);

/**
 * A point as hex EWKB (SRID 4326): exact doubles, and parsed faster than WKT on the server.
 * @example pointEwkbHex(45.5, -73.6) // '0101000020E6100000…'
 */
export function pointEwkbHex(lat: number, lon: number): string {
  ewkbBuffer.writeDoubleLE(lon, 9);
  ewkbBuffer.writeDoubleLE(lat, 17);
  return ewkbBuffer.toString('hex');
}

/** What writing one point adds to its source's bm25 statistics. */
export interface PointLine {
  line: string;
  searchTokens: number;
}

/**
 * One point as a line of COPY text (newline included), in POINT_COPY_COLUMNS order.
 * `sourceId` is the importing source; `modifiedAt` is when this version was written.
 */
export function pointCopyLine(point: ServicePoint, sourceId: string, modifiedAt: string): PointLine {
  const { geocode } = point;
  const search = searchDocumentOf(point);
  const fields = [
    copyField(point.id),
    stableUuid(point.id),
    copyField(sourceId),
    copyField(point.layer),
    copyField(point.role),
    copyField(point.jurisdictionLevel),
    copyField(point.jurisdictionCode),
    copyField(point.channel),
    copyField(point.address.province ?? null),
    geocode ? String(geocode.lat) : '\\N',
    geocode ? String(geocode.lon) : '\\N',
    copyField(precisionOf(point)),
    copyField(point.csdCode ?? null),
    copyField(arrayLiteral(point.serviceTypes)),
    modifiedAt,
    geocode ? pointEwkbHex(geocode.lat, geocode.lon) : '\\N',
    copyField(search.tsvector),
    copyField(arrayLiteral(search.columns)),
    String(search.tokens),
    // Stringified once here; the columns above are copies for filtering, never read back.
    copyField(JSON.stringify(point)),
  ];
  return { line: `${fields.join('\t')}\n`, searchTokens: search.tokens };
}
