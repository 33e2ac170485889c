import type { GeocodePrecision } from '../domain/geocode.js';
import type { ServicePoint } from '../domain/service-point.js';

/** The precision recorded for a point: `none` when it has no coordinates. */
export function precisionOf(point: ServicePoint): GeocodePrecision {
  return point.geocode?.precision ?? 'none';
}
