// The tables of the HSDS 3.0 tabular data package, as its descriptor (datapackage.json of
// openreferral/specification tag v3.0, CC BY-SA 4.0) lists them: resource names, file paths,
// columns in order with their types and constraints, and foreign keys. Copied here so the
// exporter and the importer need no spec at run time; test/hsds/hsds-tables.test.ts checks
// this copy against ../shared/specs/hsds-3.0/datapackage.json field by field.

/** A column's Table Schema type (https://specs.frictionlessdata.io/table-schema/#types-and-formats). */
export type HsdsFieldType = 'string' | 'number' | 'date' | 'time' | 'datetime';

export interface HsdsField {
  name: string;
  type: HsdsFieldType;
  format?: 'uuid' | 'email' | 'uri';
  required?: true;
  unique?: true;
  enum?: readonly string[];
}

export interface HsdsForeignKey {
  fields: string;
  reference: { resource: string; fields: 'id' };
}

export interface HsdsTable {
  /** Resource name, the HSDS object name (`organization`, `service_at_location` …). */
  name: string;
  /** CSV file name inside the package. */
  path: string;
  /** Columns in descriptor order; every table's primary key is `id`. */
  fields: readonly HsdsField[];
  foreignKeys: readonly HsdsForeignKey[];
}

/** Every HSDS 3.0 table, in descriptor order. */
export const HSDS_TABLES: readonly HsdsTable[] = [
  {
    name: 'organization',
    path: 'organizations.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'name', type: 'string', required: true },
      { name: 'alternate_name', type: 'string' },
      { name: 'description', type: 'string', required: true },
      { name: 'email', type: 'string', format: 'email' },
      { name: 'website', type: 'string', format: 'uri' },
      { name: 'tax_status', type: 'string' },
      { name: 'tax_id', type: 'string' },
      { name: 'year_incorporated', type: 'number' },
      { name: 'legal_status', type: 'string' },
      { name: 'logo', type: 'string' },
      { name: 'uri', type: 'string', format: 'uri' },
      { name: 'parent_organization_id', type: 'string', format: 'uuid' },
    ],
    foreignKeys: [],
  },
  {
    name: 'program',
    path: 'programs.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'organization_id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'name', type: 'string', required: true },
      { name: 'alternate_name', type: 'string' },
      { name: 'description', type: 'string', required: true },
    ],
    foreignKeys: [{ fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } }],
  },
  {
    name: 'service',
    path: 'services.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'organization_id', type: 'string', format: 'uuid', required: true },
      { name: 'program_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string', required: true },
      { name: 'alternate_name', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'url', type: 'string', format: 'uri' },
      { name: 'email', type: 'string', format: 'email' },
      {
        name: 'status',
        type: 'string',
        required: true,
        enum: ['active', 'inactive', 'defunct', 'temporarily closed'],
      },
      { name: 'interpretation_services', type: 'string' },
      { name: 'application_process', type: 'string' },
      { name: 'fees_description', type: 'string' },
      { name: 'wait_time', type: 'string' },
      { name: 'fees', type: 'string' },
      { name: 'accreditations', type: 'string' },
      { name: 'eligibility_description', type: 'string' },
      { name: 'minimum_age', type: 'number' },
      { name: 'maximum_age', type: 'number' },
      { name: 'assured_date', type: 'date' },
      { name: 'assurer_email', type: 'string', format: 'email' },
      { name: 'licenses', type: 'string' },
      { name: 'alert', type: 'string' },
      { name: 'last_modified', type: 'datetime' },
    ],
    foreignKeys: [
      { fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } },
      { fields: 'program_id', reference: { resource: 'program', fields: 'id' } },
    ],
  },
  {
    name: 'attribute',
    path: 'attributes.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'link_id', type: 'string', format: 'uuid', required: true },
      { name: 'taxonomy_term_id', type: 'string', format: 'uuid', required: true },
      { name: 'link_type', type: 'string' },
      { name: 'link_entity', type: 'string', required: true },
      { name: 'value', type: 'string' },
    ],
    foreignKeys: [{ fields: 'taxonomy_term_id', reference: { resource: 'taxonomy_term', fields: 'id' } }],
  },
  {
    name: 'service_at_location',
    path: 'service_at_location.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid', required: true },
      { name: 'location_id', type: 'string', format: 'uuid', required: true },
      { name: 'description', type: 'string' },
    ],
    foreignKeys: [
      { fields: 'service_id', reference: { resource: 'service', fields: 'id' } },
      { fields: 'location_id', reference: { resource: 'location', fields: 'id' } },
    ],
  },
  {
    name: 'location',
    path: 'locations.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'location_type', type: 'string', required: true, enum: ['physical', 'postal', 'virtual'] },
      { name: 'url', type: 'string', format: 'uri' },
      { name: 'organization_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string' },
      { name: 'alternate_name', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'transportation', type: 'string' },
      { name: 'latitude', type: 'number' },
      { name: 'longitude', type: 'number' },
      { name: 'external_identifier', type: 'string' },
      { name: 'external_identifier_type', type: 'string' },
    ],
    foreignKeys: [{ fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } }],
  },
  {
    name: 'phone',
    path: 'phones.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'organization_id', type: 'string', format: 'uuid' },
      { name: 'contact_id', type: 'string', format: 'uuid' },
      { name: 'service_at_location_id', type: 'string', format: 'uuid' },
      { name: 'number', type: 'string', required: true },
      { name: 'extension', type: 'number' },
      { name: 'type', type: 'string' },
      { name: 'description', type: 'string' },
    ],
    foreignKeys: [
      { fields: 'contact_id', reference: { resource: 'contact', fields: 'id' } },
      { fields: 'location_id', reference: { resource: 'location', fields: 'id' } },
      { fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } },
      { fields: 'service_id', reference: { resource: 'service', fields: 'id' } },
      { fields: 'service_at_location_id', reference: { resource: 'service_at_location', fields: 'id' } },
    ],
  },
  {
    name: 'contact',
    path: 'contacts.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'organization_id', type: 'string', format: 'uuid' },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'service_at_location_id', type: 'string', format: 'uuid' },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string' },
      { name: 'title', type: 'string' },
      { name: 'department', type: 'string' },
      { name: 'email', type: 'string', format: 'email' },
    ],
    foreignKeys: [
      { fields: 'location_id', reference: { resource: 'location', fields: 'id' } },
      { fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } },
      { fields: 'service_id', reference: { resource: 'service', fields: 'id' } },
      { fields: 'service_at_location_id', reference: { resource: 'service_at_location', fields: 'id' } },
    ],
  },
  {
    name: 'address',
    path: 'addresses.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'attention', type: 'string' },
      { name: 'address_1', type: 'string', required: true },
      { name: 'address_2', type: 'string' },
      { name: 'city', type: 'string', required: true },
      { name: 'region', type: 'string' },
      { name: 'state_province', type: 'string', required: true },
      { name: 'postal_code', type: 'string', required: true },
      { name: 'country', type: 'string', required: true },
      { name: 'address_type', type: 'string', required: true, enum: ['physical', 'postal', 'virtual'] },
    ],
    foreignKeys: [{ fields: 'location_id', reference: { resource: 'location', fields: 'id' } }],
  },
  {
    name: 'schedule',
    path: 'schedules.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'service_at_location_id', type: 'string', format: 'uuid' },
      { name: 'valid_from', type: 'date' },
      { name: 'valid_to', type: 'date' },
      { name: 'dtstart', type: 'date' },
      { name: 'timezone', type: 'number' },
      { name: 'until', type: 'date' },
      { name: 'count', type: 'number' },
      { name: 'wkst', type: 'string', enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
      { name: 'freq', type: 'string', enum: ['WEEKLY', 'MONTHLY'] },
      { name: 'interval', type: 'number' },
      { name: 'byday', type: 'string' },
      { name: 'byweekno', type: 'string' },
      { name: 'bymonthday', type: 'string' },
      { name: 'byyearday', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'opens_at', type: 'time' },
      { name: 'closes_at', type: 'time' },
      { name: 'schedule_link', type: 'string', format: 'uri' },
      { name: 'attending_type', type: 'string' },
      { name: 'notes', type: 'string' },
    ],
    foreignKeys: [
      { fields: 'location_id', reference: { resource: 'location', fields: 'id' } },
      { fields: 'service_id', reference: { resource: 'service', fields: 'id' } },
      { fields: 'service_at_location_id', reference: { resource: 'service_at_location', fields: 'id' } },
    ],
  },
  {
    name: 'funding',
    path: 'funding.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'organization_id', type: 'string', format: 'uuid' },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'source', type: 'string' },
    ],
    foreignKeys: [
      { fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } },
      { fields: 'service_id', reference: { resource: 'service', fields: 'id' } },
    ],
  },
  {
    name: 'service_area',
    path: 'service_areas.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'extent', type: 'string' },
      { name: 'extent_type', type: 'string' },
      { name: 'uri', type: 'string' },
    ],
    foreignKeys: [{ fields: 'service_id', reference: { resource: 'service', fields: 'id' } }],
  },
  {
    name: 'required_document',
    path: 'required_documents.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'document', type: 'string' },
      { name: 'uri', type: 'string', format: 'uri' },
    ],
    foreignKeys: [{ fields: 'service_id', reference: { resource: 'service', fields: 'id' } }],
  },
  {
    name: 'language',
    path: 'languages.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'phone_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string' },
      { name: 'code', type: 'string' },
      { name: 'note', type: 'string' },
    ],
    foreignKeys: [
      { fields: 'location_id', reference: { resource: 'location', fields: 'id' } },
      { fields: 'phone_id', reference: { resource: 'phone', fields: 'id' } },
      { fields: 'service_id', reference: { resource: 'service', fields: 'id' } },
    ],
  },
  {
    name: 'accessibility',
    path: 'accessibility.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'description', type: 'string' },
      { name: 'details', type: 'string' },
      { name: 'url', type: 'string', format: 'uri' },
    ],
    foreignKeys: [{ fields: 'location_id', reference: { resource: 'location', fields: 'id' } }],
  },
  {
    name: 'taxonomy_term',
    path: 'taxonomy_terms.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'code', type: 'string', unique: true },
      { name: 'name', type: 'string', required: true },
      { name: 'description', type: 'string', required: true },
      { name: 'parent_id', type: 'string', format: 'uuid' },
      { name: 'taxonomy', type: 'string' },
      { name: 'language', type: 'string' },
      { name: 'taxonomy_id', type: 'string', format: 'uuid' },
      { name: 'term_uri', type: 'string', format: 'uri' },
    ],
    foreignKeys: [{ fields: 'taxonomy_id', reference: { resource: 'taxonomy', fields: 'id' } }],
  },
  {
    name: 'metadata',
    path: 'metadata.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'resource_id', type: 'string', format: 'uuid', required: true },
      { name: 'resource_type', type: 'string', required: true },
      { name: 'last_action_date', type: 'date', required: true },
      { name: 'last_action_type', type: 'string', required: true },
      { name: 'field_name', type: 'string', required: true },
      { name: 'previous_value', type: 'string', required: true },
      { name: 'replacement_value', type: 'string', required: true },
      { name: 'updated_by', type: 'string', required: true },
    ],
    foreignKeys: [],
  },
  {
    name: 'meta_table_description',
    path: 'meta_table_descriptions.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'name', type: 'string' },
      { name: 'language', type: 'string' },
      { name: 'character_set', type: 'string' },
    ],
    foreignKeys: [],
  },
  {
    name: 'cost_option',
    path: 'cost_options.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid', required: true },
      { name: 'valid_from', type: 'date' },
      { name: 'valid_to', type: 'date' },
      { name: 'option', type: 'string' },
      { name: 'currency', type: 'string' },
      { name: 'amount', type: 'number' },
      { name: 'amount_description', type: 'string' },
    ],
    foreignKeys: [{ fields: 'service_id', reference: { resource: 'service', fields: 'id' } }],
  },
  {
    name: 'organization_identifier',
    path: 'organization_identifiers.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'organization_id', type: 'string', format: 'uuid', required: true },
      { name: 'identifier_scheme', type: 'string' },
      { name: 'identifier_type', type: 'string', required: true },
      { name: 'identifier', type: 'string', required: true },
    ],
    foreignKeys: [{ fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } }],
  },
  {
    name: 'taxonomy',
    path: 'taxonomies.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'name', type: 'string', required: true },
      { name: 'description', type: 'string', required: true },
      { name: 'uri', type: 'string', format: 'uri' },
      { name: 'version', type: 'string' },
    ],
    foreignKeys: [],
  },
];

/** Names of the HSDS tables Repère writes and reads. */
export type HsdsTableName =
  | 'organization'
  | 'organization_identifier'
  | 'service'
  | 'location'
  | 'service_at_location'
  | 'address'
  | 'phone'
  | 'contact'
  | 'schedule'
  | 'language'
  | 'accessibility'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'attribute';

const BY_NAME = new Map(HSDS_TABLES.map((table) => [table.name, table]));

/**
 * The descriptor entry of one table.
 * @example hsdsTable('phone').fields.map((f) => f.name) // ['id', 'location_id', 'service_id', …]
 */
export function hsdsTable(name: HsdsTableName): HsdsTable {
  const table = BY_NAME.get(name);
  if (!table) throw new Error(`"${name}" is not an HSDS 3.0 table; known: ${[...BY_NAME.keys()].join(', ')}`);
  return table;
}

/** The column names of one table, in descriptor order. */
export function hsdsColumns(name: HsdsTableName): string[] {
  return hsdsTable(name).fields.map((field) => field.name);
}
