import type { ResolvedFilter } from '../point-filter.js';

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
