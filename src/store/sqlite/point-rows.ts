import type { ServicePoint } from '../../domain/service-point.js';
import * as crypto from 'node:crypto';
import { REPERE_UUID_NAMESPACE, stableUuid } from '../../domain/stable-uuid.js';
import { precisionOf } from '../point-precision.js';

/** INSERT for one point; its parameters are `pointRowValues` in the same order. */
export const INSERT_POINT_SQL = `
  INSERT INTO point (id, source_id, layer, role, jurisdiction_level, jurisdiction_code, channel,
                     province, lat, lon, precision, csd_code, modified_at, data, uuid)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Where the `data` column (the whole point as JSON) is in pointRowValues. */
export const DATA_COLUMN = 13;

/**
 * The column values of a point, in INSERT_POINT_SQL order. Positional parameters because
 * better-sqlite3 binds them faster than named ones (no property lookups per column).
 * `sourceId` is the importing source; `modifiedAt` is when this version was written.
 */
export function pointRowValues(
  point: ServicePoint,
  sourceId: string,
  modifiedAt: string,
): [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string | null,
  number | null,
  number | null,
  string,
  string | null,
  string,
  string,
  string,
] {
  const { geocode } = point;
  return [
    point.id,
    sourceId,
    point.layer,
    point.role,
    point.jurisdictionLevel,
    point.jurisdictionCode,
    point.channel,
    point.address.province ?? null,
    geocode ? geocode.lat : null,
    geocode ? geocode.lon : null,
    precisionOf(point),
    point.csdCode ?? null,
    modifiedAt,
    // Stringified once here; the columns above are copies for filtering, never read back.
    JSON.stringify(point),
    // The HSDS id (/locations/{uuid}); derived, so it never needs migrating when data changes.
    pointUuid(point.id),
  ];
}

const NAMESPACE_BYTES = Buffer.from(REPERE_UUID_NAMESPACE.replace(/-/g, ''), 'hex');
// Node ≥ 20.12: a one-shot SHA-1 with no Hash object per call (the engines range starts at 20.0).
const sha1 = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer }).hash;

/**
 * `stableUuid(id)`, computed the same way (SHA-1 of the namespace bytes then the UTF-8 id,
 * version and variant bits set) but with one buffer and a one-shot hash: about twice as
 * fast, and it runs once per imported point. The getPointByUuid tests look points up by stableUuid.
 */
export function pointUuid(id: string): string {
  if (!sha1) return stableUuid(id);
  const input = Buffer.allocUnsafe(16 + Buffer.byteLength(id, 'utf8'));
  NAMESPACE_BYTES.copy(input, 0);
  input.write(id, 16, 'utf8');
  const bytes = sha1('sha1', input, 'buffer').subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A point from its stored `data` column. */
export function pointFromData(data: string): ServicePoint {
  return JSON.parse(data) as ServicePoint;
}
