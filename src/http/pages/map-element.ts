import type { Lang } from '../../domain/bilingual-text.js';
import { JURISDICTION_LEVELS } from '../../domain/jurisdiction.js';
import { t } from '../i18n/messages.js';
import type { MessageKey } from '../i18n/messages.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { pagePath } from './page-context.js';
import type { PageContext } from './page-context.js';

/** Where the map opens and what it draws. */
export interface MapView {
  /** Query string of the points layer (no "?", no `lang`): the page's own search. */
  pointsQuery: string;
  center: { lat: number; lon: number };
  zoom: number;
  /** west, south, east, north: when set the map fits it (it wins over center/zoom). */
  bounds?: [number, number, number, number] | null;
  labelKey: MessageKey;
}

const MESSAGE_KEYS: ReadonlyArray<[string, MessageKey]> = [
  ['useMyLocation', 'map.useMyLocation'],
  ['communities', 'map.communities'],
  ['detail', 'map.detail'],
  ['approximate', 'map.approximate'],
  ['locating', 'map.locating'],
  ['locationDenied', 'map.locationDenied'],
  ...JURISDICTION_LEVELS.map((level): [string, MessageKey] => [level, `level.${level}`]),
];

/** The map's messages in one language, from the catalogue (the `data-messages` JSON). */
export function mapMessages(lang: Lang): Record<string, string> {
  return Object.fromEntries(MESSAGE_KEYS.map(([name, key]) => [name, t(lang, key)]));
}

/**
 * The map element of the contract with the map bundle (src/web/map-config.ts reads it). It is
 * `hidden` until the bundle starts, so that without JavaScript no empty region is announced;
 * the list of results stays the content, the map an enhancement after it.
 */
export function mapElement(ctx: PageContext, view: MapView): SafeHtml {
  const { lang, base } = ctx;
  const points = `${base}/api/v1/map/points.geojson?${view.pointsQuery ? `${view.pointsQuery}&` : ''}lang=${lang}`;
  const round = (degrees: number): number => Math.round(degrees * 1e5) / 1e5;
  return html`<div id="map" class="map" role="region" aria-label="${t(lang, view.labelKey)}" hidden data-lang="${lang}" data-points-url="${points}" data-boundaries-url="${base}/api/v1/map/boundaries.geojson?lang=${lang}" data-communities-url="${base}/api/v1/map/communities.geojson?lang=${lang}" data-detail-base="${pagePath(ctx, lang, '/locations/')}" data-tile-url="${ctx.tileUrl}" data-center="${round(view.center.lon)},${round(view.center.lat)}" data-zoom="${view.zoom}"${view.bounds ? html` data-bounds="${view.bounds.map(round).join(',')}"` : ''} data-messages="${JSON.stringify(mapMessages(lang))}"></div>`;
}

/**
 * The box around an origin and the points listed, padded a little; null when it is a single
 * spot (the center and zoom then apply).
 */
export function boundsAround(
  spots: ReadonlyArray<{ lat: number; lon: number }>,
): [number, number, number, number] | null {
  if (spots.length < 2) return null;
  const lats = spots.map((s) => s.lat);
  const lons = spots.map((s) => s.lon);
  const [south, north, west, east] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lons),
    Math.max(...lons),
  ];
  if (north - south < 1e-4 && east - west < 1e-4) return null;
  const padLat = Math.max((north - south) * 0.1, 0.005);
  const padLon = Math.max((east - west) * 0.1, 0.005);
  return [
    Math.max(west - padLon, -180),
    Math.max(south - padLat, -90),
    Math.min(east + padLon, 180),
    Math.min(north + padLat, 90),
  ];
}
