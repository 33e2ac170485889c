import type { GeocodePrecision } from '../../domain/geocode.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { stableUuid } from '../../domain/stable-uuid.js';

/** INSERT for one point; its parameters are `pointRowValues` in the same order. */
export const INSERT_POINT_SQL = `
  INSERT INTO point (id, source_id, layer, role, jurisdiction_level, jurisdiction_code, channel,
                     province, lat, lon, precision, csd_code, modified_at, data, uuid)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The precision recorded for a point: `none` when it has no coordinates. */
export function precisionOf(point: ServicePoint): GeocodePrecision {
  return point.geocode?.precision ?? 'none';
}

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
    stableUuid(point.id),
  ];
}

/** A point from its stored `data` column. */
export function pointFromData(data: string): ServicePoint {
  return JSON.parse(data) as ServicePoint;
}
