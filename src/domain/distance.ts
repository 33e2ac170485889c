/** Mean Earth radius used for great-circle distances (IUGG), in metres. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle (haversine) distance between two WGS84 points, in metres. */
export function haversineMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function kmToMetres(km: number): number {
  return km * 1000;
}

export function metresToKm(metres: number): number {
  return metres / 1000;
}
