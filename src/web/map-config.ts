import { JURISDICTION_LEVELS, type JurisdictionLevel } from '../domain/jurisdiction.js';
import { unitsLayerFrom, type UnitsLayerConfig } from './units-layer.js';

/** Languages the pages are served in. */
export type PageLang = 'en' | 'fr';

/** Keys of the `data-messages` JSON the server renders on the map element. */
export type MessageKey =
  | 'useMyLocation'
  | 'communities'
  | 'detail'
  | 'approximate'
  | 'locating'
  | 'locationDenied'
  | JurisdictionLevel;

export type MapMessages = Readonly<Record<MessageKey, string>>;

/** Where the map opens: a bounding box, or a centre and zoom. */
export type InitialView =
  | { kind: 'bounds'; bounds: [west: number, south: number, east: number, north: number] }
  | { kind: 'center'; center: [lon: number, lat: number]; zoom: number };

/** Everything the map needs, read once from the server-rendered element. */
export interface MapConfig {
  lang: PageLang;
  /** Absolute URLs of the GeoJSON the map draws. */
  pointsUrl: string;
  boundariesUrl: string;
  communitiesUrl: string | null;
  /** Prefix of a location's detail page; the id is appended URI-encoded. */
  detailBase: string;
  /** Raster tile URL template (`{z}/{x}/{y}`) kept verbatim, or null for the offline style only. */
  tileUrl: string | null;
  /** Plain-text credit for the raster tiles (never HTML). */
  tileAttribution: string | null;
  view: InitialView;
  messages: MapMessages;
  /** Census subdivisions as proportional symbols, with their legend (analysis page), or null. */
  units: UnitsLayerConfig | null;
}

/** Thrown when the element lacks an attribute the server contract requires. */
export class MapConfigError extends Error {
  override name = 'MapConfigError';
}

const ENGLISH: MapMessages = {
  useMyLocation: 'Use my location',
  communities: 'First Nations and Inuit communities',
  detail: 'Details',
  approximate: 'Approximate location',
  locating: 'Locating…',
  locationDenied: 'Your location could not be found.',
  federal: 'Federal',
  provincial: 'Provincial',
  territorial: 'Territorial',
  municipal: 'Municipal',
  indigenous: 'Indigenous',
  other: 'Other',
};

const FRENCH: MapMessages = {
  useMyLocation: 'Utiliser ma position',
  communities: 'Communautés des Premières Nations et inuites',
  detail: 'Détails',
  approximate: 'Emplacement approximatif',
  locating: 'Localisation en cours…',
  locationDenied: 'Votre position n’a pas pu être trouvée.',
  federal: 'Fédéral',
  provincial: 'Provincial',
  territorial: 'Territorial',
  municipal: 'Municipal',
  indigenous: 'Autochtone',
  other: 'Autre',
};

const MESSAGE_KEYS: readonly MessageKey[] = [
  'useMyLocation',
  'communities',
  'detail',
  'approximate',
  'locating',
  'locationDenied',
  ...JURISDICTION_LEVELS,
];

/** Canada, whole, when the server gives no usable view. */
export const DEFAULT_VIEW: InitialView = { kind: 'center', center: [-96, 60], zoom: 2.5 };

/**
 * Reads the map element's `data-*` attributes (its `dataset`) into a MapConfig; URLs are
 * resolved against `baseUrl` (the page's `document.baseURI`). Optional: `data-units-url` and
 * `data-units-legend` (JSON, see UnitsLayerConfig) add census subdivisions as proportional symbols.
 * @example mapConfigFromDataset(element.dataset, document.baseURI)
 */
export function mapConfigFromDataset(
  dataset: Readonly<Record<string, string | undefined>>,
  baseUrl: string,
): MapConfig {
  const lang: PageLang = dataset['lang'] === 'fr' ? 'fr' : 'en';
  const communities = nonEmpty(dataset['communitiesUrl']);
  const units = nonEmpty(dataset['unitsUrl']);
  const tileUrl = nonEmpty(dataset['tileUrl']);
  return {
    lang,
    pointsUrl: requiredHttpUrl(dataset, 'pointsUrl', baseUrl),
    boundariesUrl: requiredHttpUrl(dataset, 'boundariesUrl', baseUrl),
    communitiesUrl: communities === null ? null : requiredHttpUrl(dataset, 'communitiesUrl', baseUrl),
    detailBase: detailBaseFrom(dataset['detailBase'], baseUrl),
    tileUrl,
    tileAttribution: tileUrl === null ? null : (nonEmpty(dataset['tileAttribution']) ?? hostOf(tileUrl)),
    view: viewFrom(dataset['bounds'], dataset['center'], dataset['zoom']),
    messages: messagesFrom(dataset['messages'], lang),
    units: unitsLayerFrom(
      units === null ? null : requiredHttpUrl(dataset, 'unitsUrl', baseUrl),
      dataset['unitsLegend'],
    ),
  };
}

/** The built-in messages of a language, used for any key the server leaves out. */
export function defaultMessages(lang: PageLang): MapMessages {
  return lang === 'fr' ? FRENCH : ENGLISH;
}

function messagesFrom(json: string | undefined, lang: PageLang): MapMessages {
  const messages: Record<MessageKey, string> = { ...defaultMessages(lang) };
  let parsed: unknown = null;
  try {
    parsed = json === undefined ? null : JSON.parse(json);
  } catch {
    // A broken attribute must not cost the user the map: the built-in wording is used instead.
    console.warn('Repère map: data-messages is not valid JSON; using the built-in messages.');
  }
  if (typeof parsed === 'object' && parsed !== null) {
    const record = parsed as Record<string, unknown>;
    for (const key of MESSAGE_KEYS) {
      const value = record[key];
      if (typeof value === 'string' && value.trim() !== '') messages[key] = value;
    }
  }
  return messages;
}

function viewFrom(
  bounds: string | undefined,
  center: string | undefined,
  zoom: string | undefined,
): InitialView {
  const box = numbersFrom(bounds, 4);
  if (box !== null) {
    const [west, south, east, north] = box as [number, number, number, number];
    if (isLon(west) && isLon(east) && isLat(south) && isLat(north) && south < north) {
      return { kind: 'bounds', bounds: [west, south, east, north] };
    }
  }
  const lonLat = numbersFrom(center, 2);
  const z = Number(zoom);
  if (lonLat !== null && isLon(lonLat[0]!) && isLat(lonLat[1]!) && Number.isFinite(z) && z >= 0 && z <= 22) {
    return { kind: 'center', center: [lonLat[0]!, lonLat[1]!], zoom: z };
  }
  return DEFAULT_VIEW;
}

function numbersFrom(text: string | undefined, count: number): number[] | null {
  if (text === undefined) return null;
  const parts = text.split(',').map((part) => Number(part.trim()));
  return parts.length === count && parts.every(Number.isFinite) ? parts : null;
}

const isLon = (value: number): boolean => value >= -180 && value <= 180;
const isLat = (value: number): boolean => value >= -90 && value <= 90;

function requiredHttpUrl(
  dataset: Readonly<Record<string, string | undefined>>,
  key: string,
  baseUrl: string,
): string {
  const attribute = `data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  const value = nonEmpty(dataset[key]);
  if (value === null) {
    throw new MapConfigError(
      `expected ${attribute} on the map element, found none: the server must render it`,
    );
  }
  const url = httpUrl(value, baseUrl);
  if (url === null) {
    throw new MapConfigError(`expected ${attribute} to be an http(s) URL, found ${JSON.stringify(value)}`);
  }
  return url.href;
}

function detailBaseFrom(value: string | undefined, baseUrl: string): string {
  const base = nonEmpty(value);
  if (base === null) throw new MapConfigError('expected data-detail-base on the map element, found none');
  if (httpUrl(base, baseUrl) === null) {
    throw new MapConfigError(
      `expected data-detail-base to be an http(s) path, found ${JSON.stringify(base)}`,
    );
  }
  // Kept as written (usually a path such as /en/locations/) so links stay relative to the site.
  return base;
}

function httpUrl(value: string, baseUrl: string): URL | null {
  try {
    const url = new URL(value, baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function hostOf(template: string): string | null {
  // Not parsed with URL(): it would percent-encode the `{z}/{x}/{y}` placeholders.
  const match = /^https?:\/\/([^/]+)/.exec(template);
  return match?.[1] ?? null;
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
