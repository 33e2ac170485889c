import { openStatusAt } from '../../domain/open-status.js';
import { parseOpeningHours } from '../../domain/opening-hours.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { findServicePoints, type FinderHit, type FinderResult } from '../../search/finder.js';
import type { Origin } from '../../search/origin.js';
import type { PointFilter, Store } from '../../store/store.js';
import type { FinderFilters } from './finder-params.js';

/** A finder query as the API reads it: filters checked, origin resolved. */
export interface FindPointsQuery extends FinderFilters {
  text: string;
  origin: Origin | null;
  openNow: boolean;
  limit: number;
  offset: number;
  now: Date;
}

/**
 * The finder for the API: keywords and/or an origin go to `findServicePoints`; with
 * neither, the filters alone list service points in id order (the map's first view, or
 * "every federal in-person point"), so an API client can browse without a place.
 */
export async function findPoints(store: Store, query: FindPointsQuery): Promise<FinderResult> {
  const { text, origin, openNow, limit, offset, now } = query;
  if (text.trim() !== '' || origin !== null) {
    return findServicePoints(store, {
      text,
      origin,
      jurisdictionLevels: query.jurisdictionLevels,
      channels: query.channels,
      serviceTypes: query.serviceTypes,
      openNow,
      limit,
      offset,
      now,
    });
  }
  const filter: PointFilter = {
    roles: ['service_point'],
    jurisdictionLevels: query.jurisdictionLevels,
    channels: query.channels,
    serviceTypes: query.serviceTypes,
  };
  const hit = (point: ServicePoint): FinderHit => ({
    point,
    distanceMetres: null,
    openStatus: openStatusOf(point, now),
  });
  if (!openNow) {
    const { items, total } = await store.listPoints({ ...filter, limit, offset });
    return { hits: items.map(hit), total };
  }
  const open: FinderHit[] = [];
  for await (const point of store.streamPoints(filter)) {
    const candidate = hit(point);
    if (candidate.openStatus.state === 'open') open.push(candidate);
  }
  return { hits: open.slice(offset, offset + limit), total: open.length };
}

/** Open, closed or unknown at `now`, as the finder computes it (Toronto time when a point has no zone). */
export function openStatusOf(point: ServicePoint, now: Date): FinderHit['openStatus'] {
  const hours = point.hoursText ? parseOpeningHours(point.hoursText) : null;
  return openStatusAt(hours, point.timeZone ?? 'America/Toronto', now);
}
