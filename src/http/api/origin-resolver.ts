import { originFromPlaceText, type Origin } from '../../search/origin.js';
import type { AppDeps } from '../app-deps.js';
import { BadRequestError } from '../http-errors.js';
import { refinePostalOrigin } from '../../search/refine-postal-origin.js';

/** The origin parameters of the finder (lat + lon, postcode, place). */
export interface OriginParams {
  lat?: number;
  lon?: number;
  postcode?: string;
  place?: string;
}

/**
 * Turns origin parameters into an Origin with the offline gazetteer: coordinates as given,
 * a postal code at the records that carry it (refinePostalOrigin) else at its FSA centroid,
 * a place name at the gazetteer's best match. Errors name the parameter at fault.
 */
export class OriginResolver {
  readonly #places: AppDeps['places'];
  readonly #store: AppDeps['store'];

  constructor(deps: Pick<AppDeps, 'store' | 'places'>) {
    this.#places = deps.places;
    this.#store = deps.store;
  }

  /** At most one of lat/lon, postcode, place; null when none is given. */
  async fromParams(params: OriginParams): Promise<Origin | null> {
    const given = [
      params.lat !== undefined || params.lon !== undefined ? 'lat' : null,
      params.postcode !== undefined && params.postcode.trim() !== '' ? 'postcode' : null,
      params.place !== undefined && params.place.trim() !== '' ? 'place' : null,
    ].filter((g) => g !== null);
    if (given.length > 1) {
      throw new BadRequestError(
        given[1],
        `Give one origin: lat and lon, postcode, or place; got ${given.map((g) => (g === 'lat' ? 'lat/lon' : g)).join(' and ')}.`,
      );
    }
    if (given[0] === 'lat') {
      if (params.lat === undefined) throw new BadRequestError('lat', '"lat" is required with "lon".');
      if (params.lon === undefined) throw new BadRequestError('lon', '"lon" is required with "lat".');
      return {
        lat: params.lat,
        lon: params.lon,
        label: `${params.lat}, ${params.lon}`,
        precision: 'building',
        kind: 'coordinates',
      };
    }
    if (given[0] === 'postcode') return this.fromPostcode(params.postcode ?? '', 'postcode');
    if (given[0] === 'place') {
      const origin = originFromPlaceText(params.place ?? '', this.#places);
      if (!origin) {
        throw new BadRequestError(
          'place',
          `"place" is not a place the offline gazetteer knows: "${(params.place ?? '').slice(0, 100)}". ` +
            'Try a city, town or community name, or a postal code in "postcode".',
        );
      }
      return origin;
    }
    return null;
  }

  /** A postal code or FSA as an origin, or a BadRequestError naming `parameter`. */
  async fromPostcode(text: string, parameter: string): Promise<Origin> {
    const [found] = this.#places.search(text, 1);
    if (!found || (found.kind !== 'postal_code' && found.kind !== 'fsa')) {
      throw new BadRequestError(
        parameter,
        `"${parameter}" must be a known Canadian postal code (A1A 1A1) or FSA (A1A); got "${text.slice(0, 20)}".`,
      );
    }
    return refinePostalOrigin(this.#store, { ...found });
  }
}
