import { isAtLeastAsPrecise } from '../domain/geocode.js';
import { normalisePostalCode } from '../domain/postal-code.js';
import { POINT_ROLES } from '../domain/service-point.js';
import type { Origin } from './origin.js';
import type { Store } from '../store/store.js';

/** Points examined around the FSA centroid for ones that publish the same full postal code. */
const NEIGHBOURS_EXAMINED = 400;
/** An urban FSA is a few km across; a point 30 km away with the same code is a data error. */
const SEARCH_RADIUS_METRES = 30_000;

/**
 * A full postal code is only known to the offline gazetteer by its FSA centroid, which can be
 * kilometres off and ties every FSA-located point at 0 m. When records located at their
 * building or street publish that exact postal code, their position is a far better estimate
 * of where the code is: the origin moves to them (median, so one misplaced record cannot drag
 * it) with `postal_code` precision. Other origins are returned unchanged.
 * @example await refinePostalOrigin(store, { label: 'V9W 2P8', kind: 'postal_code', precision: 'fsa', … })
 * // at WorkBC Campbell River (920 Alder St., V9W 2P8) instead of the V9W centroid
 */
export async function refinePostalOrigin(store: Store, origin: Origin): Promise<Origin> {
  if (origin.kind !== 'postal_code') return origin;
  const code = normalisePostalCode(origin.label);
  if (!code) return origin;
  const nearest = await store.findNearest({
    lat: origin.lat,
    lon: origin.lon,
    k: NEIGHBOURS_EXAMINED,
    maxDistanceMetres: SEARCH_RADIUS_METRES,
    roles: POINT_ROLES,
  });
  const matches = nearest
    .map(({ point }) => point)
    .filter(
      (point) =>
        point.geocode !== null &&
        isAtLeastAsPrecise(point.geocode.precision, 'street') &&
        point.address.postalCode !== undefined &&
        normalisePostalCode(point.address.postalCode) === code,
    );
  if (matches.length === 0) return origin;
  return {
    ...origin,
    lat: median(matches.map((point) => point.geocode!.lat)),
    lon: median(matches.map((point) => point.geocode!.lon)),
    precision: 'postal_code',
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
