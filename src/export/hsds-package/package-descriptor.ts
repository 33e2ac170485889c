import { HSDS_TABLES, type HsdsField, type HsdsTable } from '../../hsds/hsds-tables.js';
import type { SourceInfo } from '../../store/store.js';

/** The Frictionless descriptor of a package Repère writes (datapackage.json). */
export interface PackageDescriptor {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  licenses: { name: string; title: string }[];
  /** Frictionless `sources`, one per Repère source, with the fields a re-import restores. */
  sources: PackageSource[];
  resources: PackageResource[];
}

export interface PackageSource {
  title: string;
  path: string;
  id: string;
  licence: string;
  attribution?: string;
  retrieved_at: string;
  last_verified: string | null;
}

export interface PackageResource {
  name: string;
  path: string;
  profile: 'tabular-data-resource';
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  schema: {
    fields: {
      name: string;
      type: string;
      format?: string;
      constraints: { required: boolean; unique: boolean; enum?: readonly string[] };
    }[];
    primaryKey: 'id';
    foreignKeys: HsdsTable['foreignKeys'];
    missingValues?: string[];
  };
}

/** The package's `name` (Frictionless: lower case, `-`, `_`, `.`). */
export const PACKAGE_NAME = 'repere-hsds';

// HSDS requires every part of an address, and open data rarely has them all (no postal code
// for most libraries). As in the JSON API, an unknown part is "" rather than the address
// being dropped; so that "" reads as an empty string and not as a missing value, the address
// table declares no missing values (Table Schema `missingValues: []`). All its columns are
// strings, and its ids are always filled.
const NO_MISSING_VALUES: ReadonlySet<string> = new Set(['address']);

function fieldDescriptor(field: HsdsField): PackageResource['schema']['fields'][number] {
  const out: PackageResource['schema']['fields'][number] = {
    name: field.name,
    type: field.type,
    constraints: { required: field.required === true, unique: field.unique === true },
  };
  if (field.format) out.format = field.format;
  if (field.enum) out.constraints.enum = field.enum;
  return out;
}

/** A Frictionless licence entry: the licence's id when it is one, else `other` with its text. */
function licenceEntry(licence: string): { name: string; title: string } {
  return { name: /^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(licence) ? licence : 'other', title: licence };
}

/**
 * datapackage.json for an HSDS 3.0 package holding every table of the HSDS descriptor, in
 * its order and with its columns and constraints, and the Repère `sources` the records come
 * from (sorted by id).
 */
export function packageDescriptor(sources: readonly SourceInfo[]): PackageDescriptor {
  const sorted = [...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    profile: 'tabular-data-package',
    name: PACKAGE_NAME,
    title:
      'Repère: Canadian government service points / points de service gouvernementaux au Canada (HSDS 3.0)',
    description:
      'Open Referral HSDS 3.0 tabular data package exported by Repère. Text is in English, else French; the other official language, the order of government, the channel, the geocode precision and each record\'s provenance are attributes of the "repere_canadian_profile" taxonomy.',
    licenses: [...new Set(sorted.map((s) => s.licence))].sort().map(licenceEntry),
    sources: sorted.map((s) => {
      const source: PackageSource = {
        title: s.title,
        path: s.origin,
        id: s.id,
        licence: s.licence,
        retrieved_at: s.retrievedAt,
        last_verified: s.lastVerified,
      };
      if (s.attribution) source.attribution = s.attribution;
      return source;
    }),
    resources: HSDS_TABLES.map((table) => {
      const resource: PackageResource = {
        name: table.name,
        path: table.path,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: table.fields.map(fieldDescriptor),
          primaryKey: 'id',
          foreignKeys: table.foreignKeys,
        },
      };
      if (NO_MISSING_VALUES.has(table.name)) resource.schema.missingValues = [];
      return resource;
    }),
  };
}
