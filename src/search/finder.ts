import { haversineMetres } from '../domain/distance.js';
import type { Channel, JurisdictionLevel } from '../domain/jurisdiction.js';
import { openStatusAt } from '../domain/open-status.js';
import type { OpenStatus } from '../domain/open-status.js';
import { parseOpeningHours } from '../domain/opening-hours.js';
import type { ServicePoint } from '../domain/service-point.js';
import type { PointFilter, Store } from '../store/store.js';
import type { Origin } from './origin.js';

export interface FinderQuery {
  /** Keywords (French or English, any accents). */
  text?: string;
  origin?: Origin | null;
  jurisdictionLevels?: JurisdictionLevel[];
  channels?: Channel[];
  serviceTypes?: string[];
  layers?: string[];
  openNow?: boolean;
  limit: number;
  offset: number;
  now: Date;
}

export interface FinderHit {
  point: ServicePoint;
  /** Metres from the origin; null without an origin or for unlocated points. */
  distanceMetres: number | null;
  openStatus: OpenStatus;
}

export interface FinderResult {
  hits: FinderHit[];
  /** Matches in all (before paging); with `openNow`, among the candidates examined. */
  total: number;
}

/** How many text matches are ranked by distance; beyond that, text rank alone. */
export const MAX_TEXT_CANDIDATES = 2000;
/** How many nearest points are examined when filtering by "open now". */
export const MAX_NEAREST_CANDIDATES = 2000;

/**
 * The public finder: keywords and/or an origin, with filters. With an origin, results are
 * sorted by great-circle distance (ties by id); keywords alone sort by text rank.
 */
export async function findServicePoints(store: Store, query: FinderQuery): Promise<FinderResult> {
  const filter: PointFilter = { roles: ['service_point'] };
  if (query.jurisdictionLevels?.length) filter.jurisdictionLevels = query.jurisdictionLevels;
  if (query.channels?.length) filter.channels = query.channels;
  if (query.serviceTypes?.length) filter.serviceTypes = query.serviceTypes;
  if (query.layers?.length) filter.layers = query.layers;
  const text = query.text?.trim() ?? '';
  const origin = query.origin ?? null;
  const status = (point: ServicePoint): OpenStatus =>
    openStatusAt(point.hoursText ? parseOpeningHours(point.hoursText) : null, point.timeZone ?? 'America/Toronto', query.now);

  let candidates: FinderHit[];
  let total: number;
  if (text) {
    const needAll = origin !== null || query.openNow === true;
    const { hits, total: matches } = await store.searchText({
      ...filter,
      q: text,
      limit: needAll ? MAX_TEXT_CANDIDATES : query.limit,
      offset: needAll ? 0 : query.offset,
    });
    candidates = hits.map(({ point }) => ({ point, distanceMetres: distanceFrom(origin, point), openStatus: status(point) }));
    total = matches;
    if (origin) candidates.sort(byDistanceThenId);
    if (!needAll) return { hits: candidates, total };
  } else if (origin) {
    const k = query.openNow ? MAX_NEAREST_CANDIDATES : query.offset + query.limit;
    const nearest = await store.findNearest({ ...filter, lat: origin.lat, lon: origin.lon, k });
    candidates = nearest.map(({ point, distanceMetres }) => ({ point, distanceMetres, openStatus: status(point) }));
    // Without "open now", every matching located point is a result; count them once.
    total = query.openNow ? candidates.length : (await store.listPoints({ ...filter, limit: 0, offset: 0 })).total;
  } else {
    return { hits: [], total: 0 };
  }
  if (query.openNow) {
    candidates = candidates.filter((hit) => hit.openStatus.state === 'open');
    total = candidates.length;
  }
  return { hits: candidates.slice(query.offset, query.offset + query.limit), total };
}

function distanceFrom(origin: Origin | null, point: ServicePoint): number | null {
  if (!origin || !point.geocode) return null;
  return haversineMetres(origin.lat, origin.lon, point.geocode.lat, point.geocode.lon);
}

/** Unlocated points sort last; equal distances by id so paging is stable. */
function byDistanceThenId(a: FinderHit, b: FinderHit): number {
  const da = a.distanceMetres ?? Number.POSITIVE_INFINITY;
  const db = b.distanceMetres ?? Number.POSITIVE_INFINITY;
  return da - db || (a.point.id < b.point.id ? -1 : a.point.id > b.point.id ? 1 : 0);
}
