import { GEOCODE_PRECISIONS, type GeocodePrecision } from '../domain/geocode.js';
import type { ServicePoint } from '../domain/service-point.js';

/** The precision recorded for a point: `none` when it has no coordinates. */
export function precisionOf(point: ServicePoint): GeocodePrecision {
  return point.geocode?.precision ?? 'none';
}

/** A count per geocode precision, all zero: what an import tallies its points into. */
export function emptyPrecisionCounts(): Record<GeocodePrecision, number> {
  return Object.fromEntries(GEOCODE_PRECISIONS.map((p) => [p, 0])) as Record<GeocodePrecision, number>;
}
