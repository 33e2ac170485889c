import type { ServicePoint } from '../../domain/service-point.js';
import type { PointFilter } from '../store.js';

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

/** SQL conditions on the `point` table aliased `p`, to be joined with AND, and their parameters. */
export interface FilterSql {
  conditions: string[];
  params: string[];
}

// Each list is bound as one JSON array and expanded by json_each, so the SQL text depends
// only on which filters are present, not on how many values each has: the statement cache
// then holds at most 2^6 variants per query shape.
const IN_LIST = 'IN (SELECT value FROM json_each(?))';

/** The WHERE conditions for a filter on the `point` table aliased `p`. */
export function filterSql(filter: ResolvedFilter): FilterSql {
  const conditions: string[] = [];
  const params: string[] = [];
  const add = (condition: string, values: readonly string[] | null): void => {
    if (values === null) return;
    conditions.push(condition);
    params.push(JSON.stringify(values));
  };
  add(`p.jurisdiction_level ${IN_LIST}`, filter.jurisdictionLevels);
  add(`p.channel ${IN_LIST}`, filter.channels);
  add(`p.layer ${IN_LIST}`, filter.layers);
  add(`p.source_id ${IN_LIST}`, filter.sourceIds);
  add(`p.role ${IN_LIST}`, filter.roles);
  // Through the (service_type, point_id) index: selective types touch only their points.
  add(`p.id IN (SELECT point_id FROM point_service_type WHERE service_type ${IN_LIST})`, filter.serviceTypes);
  return { conditions, params };
}
