/**
 * How precisely a point is known, finest first. `fsa` is a postal Forward Sortation Area
 * centroid; `community` a gazetteer place or First Nations/Inuit community point; `csd` a
 * census subdivision representative point.
 */
export type GeocodePrecision = 'building' | 'street' | 'postal_code' | 'fsa' | 'community' | 'csd' | 'none';
export const GEOCODE_PRECISIONS: readonly GeocodePrecision[] = [
  'building',
  'street',
  'postal_code',
  'fsa',
  'community',
  'csd',
  'none',
];

/** Where a point came from: the source's own coordinates or one of the offline geocoders. */
export type GeocodeSource = 'source' | 'source_swapped' | 'fsa_centroid' | 'gazetteer' | 'community' | 'csd';

export interface Geocode {
  lat: number;
  lon: number;
  precision: GeocodePrecision;
  source: GeocodeSource;
  /** Human-readable label of what the point stands for, e.g. "FSA V9W" or "Campbell River, BC". */
  label?: string;
}

/** True when `a` is at least as precise as `b`. */
export function isAtLeastAsPrecise(a: GeocodePrecision, b: GeocodePrecision): boolean {
  return GEOCODE_PRECISIONS.indexOf(a) <= GEOCODE_PRECISIONS.indexOf(b);
}

/** Approximate locations get a visible note in the finder (community, FSA or CSD level). */
export function isApproximate(precision: GeocodePrecision): boolean {
  return precision === 'fsa' || precision === 'community' || precision === 'csd' || precision === 'none';
}
