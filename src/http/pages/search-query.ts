import { CHANNELS, JURISDICTION_LEVELS } from '../../domain/jurisdiction.js';
import type { Channel, JurisdictionLevel } from '../../domain/jurisdiction.js';
import { serviceTypeById } from '../../domain/service-type.js';

/**
 * The search form as the URL carries it (a plain GET form, so every state is a link):
 * `q` one box, `near` a place for keyword searches, `lat`/`lon` a position (set by the map's
 * "Use my location"), `jurisdiction` and `channel` repeated checkboxes, `service_type`,
 * `open_now=true`, `page` from 1. The filters have the names the JSON API gives them.
 */
export interface SearchForm {
  q: string;
  near: string;
  /** Degrees WGS84; null when absent. */
  position: { lat: number; lon: number } | null;
  /** True when `lat`/`lon` were given but are not a position on Earth. */
  badPosition: boolean;
  jurisdictions: JurisdictionLevel[];
  channels: Channel[];
  type: string;
  openNow: boolean;
  page: number;
  /** True when the form was submitted (`q` or `near` present, even empty) or a position was given. */
  submitted: boolean;
}

/** Longest `q` or `near` read; the rest is cut (nobody types 200 characters of a place). */
export const MAX_TEXT_LENGTH = 200;
/** Deepest page served: 300 pages of 10 covers every public point of the bundled data. */
export const MAX_PAGE = 300;

/**
 * Reads the search form from a query string; unknown values are dropped, texts are trimmed
 * and bounded, the page is clamped to 1…MAX_PAGE.
 * @example searchFormFrom(new URLSearchParams('q=V9W+2P8&jurisdiction=municipal')).jurisdictions // ['municipal']
 */
export function searchFormFrom(params: URLSearchParams): SearchForm {
  const text = (name: string): string =>
    (params.get(name) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_LENGTH);
  const latText = params.get('lat');
  const lonText = params.get('lon');
  const hasPosition = latText !== null || lonText !== null;
  const lat = Number(latText);
  const lon = Number(lonText);
  const validPosition =
    latText !== null &&
    lonText !== null &&
    latText.trim() !== '' &&
    lonText.trim() !== '' &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180;
  const pageNumber = Number.parseInt(params.get('page') ?? '1', 10);
  const type = text('service_type');
  return {
    q: text('q'),
    near: text('near'),
    position: validPosition ? { lat, lon } : null,
    badPosition: hasPosition && !validPosition,
    jurisdictions: JURISDICTION_LEVELS.filter((level) => params.getAll('jurisdiction').includes(level)),
    channels: CHANNELS.filter((channel) => params.getAll('channel').includes(channel)),
    type: serviceTypeById(type) ? type : '',
    openNow: params.get('open_now') === 'true' || params.get('open_now') === '1',
    page: Number.isFinite(pageNumber) ? Math.min(Math.max(pageNumber, 1), MAX_PAGE) : 1,
    submitted: params.has('q') || params.has('near') || hasPosition,
  };
}

/** How many of the "More options" (near, filters) are set: shown on the collapsed section. */
export function activeOptionCount(form: SearchForm): number {
  return (
    (form.near ? 1 : 0) +
    form.jurisdictions.length +
    form.channels.length +
    (form.type ? 1 : 0) +
    (form.openNow ? 1 : 0)
  );
}

/** True when any filter narrows the results (the near box sorts, it does not filter). */
export function hasFilters(form: SearchForm): boolean {
  return form.jurisdictions.length > 0 || form.channels.length > 0 || form.type !== '' || form.openNow;
}

/**
 * The canonical query string of a form (no leading "?"), in a fixed order, defaults left out.
 * `overrides` changes the page or drops the filters, for paging and "search without filters".
 * @example queryStringOf({ ...form, q: 'emploi', page: 2 }) // 'q=emploi&page=2'
 */
export function queryStringOf(
  form: SearchForm,
  overrides: { page?: number; withoutFilters?: boolean } = {},
): string {
  const params = new URLSearchParams();
  params.set('q', form.q);
  if (form.near) params.set('near', form.near);
  if (form.position) {
    params.set('lat', String(form.position.lat));
    params.set('lon', String(form.position.lon));
  }
  if (!overrides.withoutFilters) {
    for (const level of form.jurisdictions) params.append('jurisdiction', level);
    for (const channel of form.channels) params.append('channel', channel);
    if (form.type) params.set('service_type', form.type);
    if (form.openNow) params.set('open_now', 'true');
  }
  const page = overrides.page ?? form.page;
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

/**
 * The query of the map's points layer (/api/v1/map/points.geojson) for a search: the page's
 * filters, the keywords as `q`, and the origin the page resolved as `lat`/`lon` (the one box
 * is read by the page, not by the API). No paging: the map shows every match.
 * @example mapPointsQuery(form, { text: '', origin: { lat: 50.02, lon: -125.24, … } }) // 'lat=50.02&lon=-125.24'
 */
export function mapPointsQuery(
  form: SearchForm,
  resolved: { text: string; origin: { lat: number; lon: number } | null },
): string {
  const params = new URLSearchParams();
  if (resolved.text) params.set('q', resolved.text);
  if (resolved.origin) {
    params.set('lat', String(Math.round(resolved.origin.lat * 1e6) / 1e6));
    params.set('lon', String(Math.round(resolved.origin.lon * 1e6) / 1e6));
  }
  for (const level of form.jurisdictions) params.append('jurisdiction', level);
  for (const channel of form.channels) params.append('channel', channel);
  if (form.type) params.set('service_type', form.type);
  if (form.openNow) params.set('open_now', 'true');
  return params.toString();
}
