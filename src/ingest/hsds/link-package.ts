import { hsdsTable, type HsdsTableName } from '../../hsds/hsds-tables.js';
import type { HsdsPackageIssue } from './hsds-issue.js';
import type { HsdsPackage, HsdsRow } from './read-package.js';

/** A row's cells by column name. */
export type Cells = Record<string, string>;

/** One service offered at a location: the service_at_location row and its service (null when it has none). */
export interface LinkedService {
  sal: Cells;
  service: Cells | null;
}

/** An attribute of a location, its organization or one of its services, with its taxonomy term when known. */
export interface LinkedAttribute {
  entity: 'location' | 'organization' | 'service';
  cells: Cells;
  term: Cells | null;
}

/** A location with every row that refers to it, directly or through its services-at-location. */
export interface LinkedLocation {
  /** Data row in the location table. */
  row: number;
  location: Cells;
  /** The location's organization, else its first service's. */
  organization: Cells | null;
  organizationIdentifiers: Cells[];
  services: LinkedService[];
  addresses: Cells[];
  /** Phones of the location, of its services-at-location and of its contacts, in table order. */
  phones: Cells[];
  contacts: Cells[];
  /** Schedules of the location, then of its services-at-location. */
  schedules: Cells[];
  languages: Cells[];
  accessibility: Cells[];
  attributes: LinkedAttribute[];
}

type Index = Map<string, Cells>;

/** Valid rows of each table (non-empty, unique id), and the rows grouped by a column. */
class Tables {
  readonly #byId = new Map<HsdsTableName, Index>();
  readonly #valid = new Map<HsdsTableName, HsdsRow[]>();

  constructor(pkg: HsdsPackage, issues: HsdsPackageIssue[]) {
    for (const [name, table] of pkg.tables) {
      const index: Index = new Map();
      const first = new Map<string, number>();
      const valid: HsdsRow[] = [];
      for (const row of table.rows) {
        const id = (row.fields['id'] ?? '').trim();
        if (id === '') {
          issues.push(
            issue(
              name,
              row.row,
              'id',
              'missing_id',
              `the row has no id; HSDS requires one, so nothing can refer to it and it is left out`,
            ),
          );
          continue;
        }
        const seen = first.get(id);
        if (seen !== undefined) {
          issues.push(
            issue(
              name,
              row.row,
              'id',
              'duplicate_id',
              `id "${id}" is already used by row ${seen} of ${table.path}; this row is left out`,
            ),
          );
          continue;
        }
        first.set(id, row.row);
        index.set(id, row.fields);
        valid.push(row);
      }
      this.#byId.set(name, index);
      this.#valid.set(name, valid);
    }
  }

  has(name: HsdsTableName): boolean {
    return this.#byId.has(name);
  }

  rows(name: HsdsTableName): readonly HsdsRow[] {
    return this.#valid.get(name) ?? [];
  }

  get(name: HsdsTableName, id: string | undefined): Cells | null {
    return id ? (this.#byId.get(name)?.get(id.trim()) ?? null) : null;
  }

  /** Rows of `name` grouped by the value of `column` (empty values left out). */
  groupBy(name: HsdsTableName, column: string): Map<string, Cells[]> {
    const groups = new Map<string, Cells[]>();
    for (const { fields } of this.rows(name)) {
      const key = (fields[column] ?? '').trim();
      if (!key) continue;
      const list = groups.get(key);
      if (list) list.push(fields);
      else groups.set(key, [fields]);
    }
    return groups;
  }
}

function issue(
  table: string,
  row: number,
  field: string | null,
  code: HsdsPackageIssue['code'],
  message: string,
): HsdsPackageIssue {
  return { table, row, field, code, severity: 'warning', message };
}

/**
 * Every foreign key of the HSDS descriptor whose tables are both in the package, checked row
 * by row: a value that matches no id of the referenced table is reported (table, row, column)
 * and, since it matches nothing, ignored by every join.
 */
function foreignKeyIssues(pkg: HsdsPackage, tables: Tables): HsdsPackageIssue[] {
  const issues: HsdsPackageIssue[] = [];
  for (const [name, table] of pkg.tables) {
    for (const key of hsdsTable(name).foreignKeys) {
      const target = key.reference.resource as HsdsTableName;
      if (!tables.has(target)) continue;
      const targetPath = pkg.tables.get(target)?.path ?? target;
      for (const { row, fields } of tables.rows(name)) {
        const value = (fields[key.fields] ?? '').trim();
        if (value === '' || tables.get(target, value)) continue;
        issues.push(
          issue(
            table.name,
            row,
            key.fields,
            'broken_foreign_key',
            `${key.fields} "${value}" matches no ${target} id in ${targetPath}; the reference is ignored`,
          ),
        );
      }
    }
  }
  return issues;
}

/**
 * Joins a package's tables around its locations: location ← address, phone, contact,
 * schedule, language, accessibility, service_at_location → service → organization, and the
 * attributes of each (with their taxonomy terms). Reports rows without an id, repeated ids
 * and broken foreign keys as package issues; locations come back in file order.
 */
export function linkPackage(pkg: HsdsPackage): { locations: LinkedLocation[]; issues: HsdsPackageIssue[] } {
  const issues: HsdsPackageIssue[] = [];
  const tables = new Tables(pkg, issues);
  issues.push(...foreignKeyIssues(pkg, tables));

  const salsByLocation = tables.groupBy('service_at_location', 'location_id');
  const addressesByLocation = tables.groupBy('address', 'location_id');
  const contactsByLocation = tables.groupBy('contact', 'location_id');
  const contactsBySal = tables.groupBy('contact', 'service_at_location_id');
  const phonesByLocation = tables.groupBy('phone', 'location_id');
  const phonesBySal = tables.groupBy('phone', 'service_at_location_id');
  const phonesByContact = tables.groupBy('phone', 'contact_id');
  const schedulesByLocation = tables.groupBy('schedule', 'location_id');
  const schedulesBySal = tables.groupBy('schedule', 'service_at_location_id');
  const languagesByLocation = tables.groupBy('language', 'location_id');
  const accessibilityByLocation = tables.groupBy('accessibility', 'location_id');
  const attributesByLink = tables.groupBy('attribute', 'link_id');
  const identifiersByOrganization = tables.groupBy('organization_identifier', 'organization_id');

  // Phones keep their table order whichever way they reach a location.
  const phoneOrder = new Map(tables.rows('phone').map(({ fields }, i) => [fields, i]));

  const attributesOf = (entity: LinkedAttribute['entity'], id: string | undefined): LinkedAttribute[] =>
    (attributesByLink.get((id ?? '').trim()) ?? []).map((cells) => ({
      entity,
      cells,
      term: tables.get('taxonomy_term', cells['taxonomy_term_id']),
    }));

  const locations = tables.rows('location').map(({ row, fields: location }): LinkedLocation => {
    const id = location['id'].trim();
    const sals = salsByLocation.get(id) ?? [];
    const services = sals.map((sal) => ({ sal, service: tables.get('service', sal['service_id']) }));
    const organization =
      tables.get('organization', location['organization_id']) ??
      services
        .map(({ service }) => tables.get('organization', service?.['organization_id']))
        .find((o) => o !== null) ??
      null;
    const salIds = sals.map((sal) => sal['id'].trim());
    const contacts = [
      ...(contactsByLocation.get(id) ?? []),
      ...salIds.flatMap((s) => contactsBySal.get(s) ?? []),
    ];
    const phoneSet = new Set<Cells>([
      ...(phonesByLocation.get(id) ?? []),
      ...salIds.flatMap((s) => phonesBySal.get(s) ?? []),
      ...contacts.flatMap((c) => phonesByContact.get(c['id'].trim()) ?? []),
    ]);
    const orgId = organization?.['id'];
    return {
      row,
      location,
      organization,
      organizationIdentifiers: orgId ? (identifiersByOrganization.get(orgId.trim()) ?? []) : [],
      services,
      addresses: addressesByLocation.get(id) ?? [],
      phones: [...phoneSet].sort((a, b) => (phoneOrder.get(a) ?? 0) - (phoneOrder.get(b) ?? 0)),
      contacts,
      schedules: [
        ...(schedulesByLocation.get(id) ?? []),
        ...salIds.flatMap((s) => schedulesBySal.get(s) ?? []),
      ],
      languages: languagesByLocation.get(id) ?? [],
      accessibility: accessibilityByLocation.get(id) ?? [],
      attributes: [
        ...attributesOf('location', id),
        ...attributesOf('organization', orgId),
        ...services.flatMap(({ service }) => attributesOf('service', service?.['id'])),
      ],
    };
  });
  return { locations, issues };
}
