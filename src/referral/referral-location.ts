import type { GeocodePrecision } from '../domain/geocode.js';
import { fsaFromPostalCode, normaliseFsa, normalisePostalCode, provincesForFsa } from '../domain/postal-code.js';
import { isProvinceCode, provinceFromText, PROVINCE_CODES } from '../domain/province.js';
import type { ProvinceCode } from '../domain/province.js';
import { foldPlaceName } from '../domain/text.js';
import { originFromPlaceText } from '../search/origin.js';
import type { PlaceSearch } from '../search/origin.js';

/** Where the caller is, as the agent typed it: any one of these, or one free-text box. */
export interface LocationQuery {
  postcode?: string;
  place?: string;
  province?: string;
}

/** A LocationQuery, or one box that takes a postal code, FSA, province or place. */
export type LocationInput = LocationQuery | string;

/** Where the caller is: a point when one is known, and the province that decides who serves them. */
export interface ReferralLocation {
  lat: number | null;
  lon: number | null;
  /** null when the location cannot tell (X0A is in the NWT or Nunavut): see `provinces`. */
  province: ProvinceCode | null;
  /** Every province the location may be in (one when `province` is known). */
  provinces: ProvinceCode[];
  /** How precise the point is; `province` when only the province is known (no point). */
  precision: GeocodePrecision | 'province';
  label: string;
  kind: 'postal_code' | 'fsa' | 'place' | 'community' | 'province';
}

/** The province polygons' lookup (ingest/geocode ProvinceLocator has this shape). */
export interface ProvinceFinder {
  provinceNear(lat: number, lon: number, maxDistanceKm?: number): ProvinceCode | null;
}

/** Thrown when a location parameter cannot be read; `parameter` names it for a 400 answer. */
export class LocationError extends Error {
  constructor(
    readonly parameter: 'postcode' | 'place' | 'province' | 'where',
    message: string,
  ) {
    super(message);
    this.name = 'LocationError';
  }
}

/**
 * Reads where the caller is. A postal code or FSA gives the province from its first letter
 * (Canada Post assigns each letter to one province; X, shared by the NWT and Nunavut, is
 * settled by the FSA centroid's province) and the FSA centroid from the gazetteer; a place
 * gives its gazetteer point and province; a province alone gives no point. Null when nothing
 * was given; a LocationError when something given cannot be read.
 * @example resolveLocation({ postcode: 'E3B 1A1' }, gazetteer) // { province: 'NB', lat: 45.9535, lon: -66.6704, precision: 'fsa', … }
 */
export function resolveLocation(
  input: LocationInput | null | undefined,
  places: PlaceSearch,
  locator: ProvinceFinder | null = null,
): ReferralLocation | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'string') return input.trim() === '' ? null : fromOneBox(input.trim(), places, locator);
  const postcode = input.postcode?.trim() || undefined;
  const place = input.place?.trim() || undefined;
  const provinceText = input.province?.trim() || undefined;
  const province = provinceText ? provinceParameter(provinceText) : null;
  if (postcode) return fromPostcode(postcode, province, places, locator);
  if (place) return fromPlace(place, province, places, locator, 'place');
  return province ? provinceOnly(province) : null;
}

function provinceParameter(text: string): ProvinceCode {
  const code = provinceFromText(text);
  if (!code) {
    throw new LocationError(
      'province',
      `"province" must be a province or territory code (${PROVINCE_CODES.join(', ')}) or name; got "${text.slice(0, 50)}".`,
    );
  }
  return code;
}

function fromPostcode(
  text: string,
  province: ProvinceCode | null,
  places: PlaceSearch,
  locator: ProvinceFinder | null,
): ReferralLocation {
  const postalCode = normalisePostalCode(text);
  const fsa = postalCode ? fsaFromPostalCode(postalCode) : normaliseFsa(text);
  if (!fsa) {
    throw new LocationError(
      'postcode',
      `"postcode" must be a Canadian postal code (E3B 1A1) or its first three characters (E3B); got "${text.slice(0, 50)}".`,
    );
  }
  const provinces = provincesForFsa(fsa);
  if (province && !provinces.includes(province)) {
    throw new LocationError(
      'province',
      `"province" ${province} does not match postal code ${postalCode ?? fsa}, which is in ${provinces.join(' or ')}.`,
    );
  }
  const [found] = places.search(postalCode ?? fsa, 1);
  const point = found && (found.kind === 'postal_code' || found.kind === 'fsa') ? found : null;
  const candidates = province ? [province] : provinces;
  return {
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
    province: candidates.length === 1 ? candidates[0]! : point ? provinceAmong(candidates, point, locator) : null,
    provinces: candidates,
    precision: point ? point.precision : 'province',
    label: postalCode ?? fsa,
    kind: postalCode ? 'postal_code' : 'fsa',
  };
}

function fromPlace(
  text: string,
  province: ProvinceCode | null,
  places: PlaceSearch,
  locator: ProvinceFinder | null,
  parameter: 'place' | 'where',
): ReferralLocation {
  const origin = originFromPlaceText(province ? `${text}, ${province}` : text, places);
  if (!origin || (origin.kind !== 'place' && origin.kind !== 'community')) {
    throw new LocationError(
      parameter,
      `"${parameter}": no place named "${text.slice(0, 50)}" in the gazetteer; try a postal code, an FSA or a province.`,
    );
  }
  // Gazetteer labels end with the province code: "Picton, ON".
  const fromLabel = provinceFromText(origin.label.split(',').at(-1) ?? '');
  const found = fromLabel ?? (locator ? locator.provinceNear(origin.lat, origin.lon) : null);
  return {
    lat: origin.lat,
    lon: origin.lon,
    province: found,
    provinces: found ? [found] : [],
    precision: origin.precision,
    label: origin.label,
    kind: origin.kind,
  };
}

function provinceOnly(province: ProvinceCode): ReferralLocation {
  return { lat: null, lon: null, province, provinces: [province], precision: 'province', label: province, kind: 'province' };
}

/**
 * One search box: a postal code or FSA; else a province or territory (with the point of a
 * place of exactly that name in it: "Québec" is the province, located at Québec City); else
 * a place name.
 */
function fromOneBox(text: string, places: PlaceSearch, locator: ProvinceFinder | null): ReferralLocation {
  if (normalisePostalCode(text) || normaliseFsa(text)) return fromPostcode(text, null, places, locator);
  const province = isProvinceCode(text.toUpperCase()) && text.length === 2 ? (text.toUpperCase() as ProvinceCode) : provinceFromText(text);
  if (province) {
    const [best] = places.search(text, 1);
    const sameName = best && foldPlaceName(best.label.replace(/,.*$/, '')) === foldPlaceName(text);
    if (best && sameName && provinceFromText(best.label.split(',').at(-1) ?? '') === province) {
      return { ...provinceOnly(province), lat: best.lat, lon: best.lon, precision: best.precision, label: best.label, kind: best.kind === 'community' ? 'community' : 'place' };
    }
    return provinceOnly(province);
  }
  return fromPlace(text, null, places, locator, 'where');
}

/** The FSA centroid's province among the candidates (X FSAs), when the polygons say. */
function provinceAmong(
  candidates: readonly ProvinceCode[],
  point: { lat: number; lon: number },
  locator: ProvinceFinder | null,
): ProvinceCode | null {
  const found = locator?.provinceNear(point.lat, point.lon) ?? null;
  return found && candidates.includes(found) ? found : null;
}
