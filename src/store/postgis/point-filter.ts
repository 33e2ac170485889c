import type { ResolvedFilter } from '../point-filter.js';

/**
 * Numbered query parameters, collected while a statement is built: `add` returns the
 * placeholder (`$3`) for a value, so conditions and their values cannot get out of step.
 */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The WHERE conditions of a filter on the `point` table aliased `p`, to be joined with AND.
 * Each list is one array parameter (`= ANY($n)`), so the SQL text depends only on which
 * filters are present, never on how many values each has.
 */
export function filterConditions(filter: ResolvedFilter, params: Params): string[] {
  const conditions: string[] = [];
  const add = (column: string, values: readonly string[] | null): void => {
    if (values !== null) conditions.push(`p.${column} = ANY(${params.add(values)}::text[])`);
  };
  add('jurisdiction_level', filter.jurisdictionLevels);
  add('channel', filter.channels);
  add('layer', filter.layers);
  add('source_id', filter.sourceIds);
  add('role', filter.roles);
  // Array overlap, served by the GIN index on service_types when it is selective.
  if (filter.serviceTypes !== null)
    conditions.push(`p.service_types && ${params.add(filter.serviceTypes)}::text[]`);
  return conditions;
}

/** `WHERE a AND b`, or nothing. */
export function where(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}
