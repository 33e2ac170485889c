import type { ServicePoint } from '../../domain/service-point.js';
import { REPERE_UUID_NAMESPACE } from '../../domain/stable-uuid.js';
import { uuidV5In } from './point-uuid.mjs';
import { precisionOf } from '../point-precision.js';

/** INSERT for one point; its parameters are `pointRowValues` in the same order. */
export const INSERT_POINT_SQL = `
  INSERT INTO point (id, source_id, layer, role, jurisdiction_level, jurisdiction_code, channel,
                     province, lat, lon, precision, csd_code, modified_at, data, uuid)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * `stableUuid(id)`, the HSDS UUID of a point (/locations/{uuid}), computed faster for imports
 * (point-uuid.mjs); the getPointByUuid tests look points up by stableUuid.
 */
export const pointUuid: (id: string) => string = uuidV5In(REPERE_UUID_NAMESPACE);

/** Where the `data` column (the whole point as JSON) and the UUID are in pointRowValues. */
export const DATA_COLUMN = 13;
export const UUID_COLUMN = 14;

/**
 * The column values of a point, in INSERT_POINT_SQL order. Positional parameters because
 * better-sqlite3 binds them faster than named ones (no property lookups per column).
 * `sourceId` is the importing source; `modifiedAt` is when this version was written.
 */
export function pointRowValues(
  point: ServicePoint,
  sourceId: string,
  modifiedAt: string,
  // The import thread passes null and computes it there, off the main thread.
  uuid: string | null = pointUuid(point.id),
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
  string | null,
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
    uuid,
  ];
}

/** A point from its stored `data` column. */
export function pointFromData(data: string): ServicePoint {
  return JSON.parse(data) as ServicePoint;
}
