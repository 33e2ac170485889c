import { haversineMetres } from '../../domain/distance.js';
import { normalisePostalCode } from '../../domain/postal-code.js';
import { POINT_ROLES } from '../../domain/service-point.js';
import type { Store } from '../../store/store.js';

/** Records of one postal code further apart than this (from their centroid) do not locate it. */
const MAX_SPREAD_METRES = 1_000;

/**
 * Full postal codes (A1A 1A1) located by the records that carry them: the centroid of every
 * record with that postal code and a building- or street-precision location, when they agree
 * (all within MAX_SPREAD_METRES of it). The offline gazetteer knows only FSA centroids, which
 * can be kilometres from the address; an urban postal code is about one block face.
 */
export class PostalCodeLocator {
  readonly #points: ReadonlyMap<string, { lat: number; lon: number }>;

  private constructor(points: ReadonlyMap<string, { lat: number; lon: number }>) {
    this.#points = points;
  }

  /** Reads every record once (candidate sites too: their addresses are as good as any). */
  static async build(store: Store): Promise<PostalCodeLocator> {
    const byCode = new Map<string, { lat: number; lon: number }[]>();
    for await (const point of store.streamPoints({ roles: POINT_ROLES })) {
      const { geocode } = point;
      const code = point.address.postalCode ? normalisePostalCode(point.address.postalCode) : null;
      if (!code || !geocode || (geocode.precision !== 'building' && geocode.precision !== 'street')) continue;
      const list = byCode.get(code);
      if (list) list.push({ lat: geocode.lat, lon: geocode.lon });
      else byCode.set(code, [{ lat: geocode.lat, lon: geocode.lon }]);
    }
    const located = new Map<string, { lat: number; lon: number }>();
    for (const [code, points] of byCode) {
      const lat = points.reduce((sum, p) => sum + p.lat, 0) / points.length;
      const lon = points.reduce((sum, p) => sum + p.lon, 0) / points.length;
      if (points.every((p) => haversineMetres(lat, lon, p.lat, p.lon) <= MAX_SPREAD_METRES)) {
        located.set(code, { lat, lon });
      }
    }
    return new PostalCodeLocator(located);
  }

  /** The location of a canonical postal code ("V9W 2P8"), or null when no record locates it. */
  locate(postalCode: string): { lat: number; lon: number } | null {
    return this.#points.get(postalCode) ?? null;
  }
}
