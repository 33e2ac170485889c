/** Query parameters that name a place some other way; they would contradict `lat`/`lon`. */
const PLACE_PARAMETERS = ['q', 'postcode', 'place'] as const;

/**
 * Decimals kept of the device position: 3 decimals is about 110 m, close enough to rank the
 * nearest service points, and the URL (which ends up in history and server logs) does not
 * pinpoint a home.
 */
export const LOCATION_DECIMALS = 3;

/**
 * The page URL with `lat` and `lon` (degrees, WGS84) set and `q`/`postcode`/`place` removed,
 * so the server renders the list around the position. Other filters and the fragment are kept.
 * @example urlWithLocation('https://x.ca/en/map?q=ottawa&level=federal', 45.4215, -75.6972)
 * // 'https://x.ca/en/map?level=federal&lat=45.422&lon=-75.697'
 */
export function urlWithLocation(href: string, latitude: number, longitude: number): string {
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw new RangeError(`expected a latitude in [-90, 90] degrees, found ${latitude}`);
  }
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw new RangeError(`expected a longitude in [-180, 180] degrees, found ${longitude}`);
  }
  const url = new URL(href);
  for (const name of PLACE_PARAMETERS) url.searchParams.delete(name);
  url.searchParams.set('lat', roundDegrees(latitude));
  url.searchParams.set('lon', roundDegrees(longitude));
  return url.href;
}

function roundDegrees(degrees: number): string {
  // `Number(...)` drops trailing zeros and turns -0 into 0.
  return String(Number(degrees.toFixed(LOCATION_DECIMALS)) || 0);
}
