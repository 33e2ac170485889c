import type { ServicePoint } from '../domain/service-point.js';
import type { PointFilter } from './store.js';

/** Roles shown when a filter names none: candidate sites are not public. */
export const DEFAULT_ROLES: readonly ServicePoint['role'][] = ['service_point'];

/** A PointFilter with defaults applied; null means "no filter on this attribute". */
export interface ResolvedFilter {
  jurisdictionLevels: readonly string[] | null;
  channels: readonly string[] | null;
  layers: readonly string[] | null;
  serviceTypes: readonly string[] | null;
  sourceIds: readonly string[] | null;
  roles: readonly string[] | null;
}

function listOrNull(values: readonly string[] | undefined): readonly string[] | null {
  return values && values.length > 0 ? values : null;
}

/** Applies the defaults once: empty arrays mean no filter, absent roles mean service points only. */
export function resolveFilter(filter: PointFilter): ResolvedFilter {
  return {
    jurisdictionLevels: listOrNull(filter.jurisdictionLevels),
    channels: listOrNull(filter.channels),
    layers: listOrNull(filter.layers),
    serviceTypes: listOrNull(filter.serviceTypes),
    sourceIds: listOrNull(filter.sourceIds),
    roles: listOrNull(filter.roles ?? DEFAULT_ROLES),
  };
}
