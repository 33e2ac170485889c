import type { BilingualText } from '../../domain/bilingual-text.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { SERVICE_TYPES, type ServiceType } from '../../domain/service-type.js';
import type { OrganizationEntry, ServiceAtLocationEntry, ServiceEntry } from '../../hsds/hsds-catalogue.js';
import {
  organizationIdentifierUuid,
  PROFILE_TAXONOMY_UUID,
  profileAttributeUuid,
  profileTermUuid,
  serviceAttributeUuid,
  TAXONOMY_UUID,
  taxonomyTermUuid,
} from '../../hsds/hsds-ids.js';
import { hsdsColumns, type HsdsTableName } from '../../hsds/hsds-tables.js';
import {
  PROFILE_LINK_TYPE,
  PROFILE_TAXONOMY,
  PROFILE_TAXONOMY_NAME,
  PROFILE_TERMS,
  REPERE_ORGANIZATION_ID_TYPE,
  type ProfileEntity,
  type ProfileTermCode,
} from '../../hsds/profile-terms.js';
import {
  hsdsOrganizationSummary,
  hsdsServiceSummary,
  hsdsTaxonomyTerm,
  TAXONOMY_NAME,
} from '../../hsds/to-hsds.js';
import { hsdsLocation, type HsdsObject } from '../../hsds/to-hsds-location.js';

// Repère records as rows of the HSDS 3.0 tables. The values are those of the JSON API
// (src/hsds/to-hsds*.ts, in English with the French fallback), so the package and the API
// give every record the same UUIDs and text; what HSDS has no column for goes into
// Canadian-profile attributes (src/hsds/profile-terms.ts). README.md in this folder says where
// each field goes.

/** One CSV row: column → cell text ("" when unknown). */
export type Row = Record<string, string>;

/** Rows per table, in the order they are to be written. */
export type TableRows = Partial<Record<HsdsTableName, Row[]>>;

/** The package's text language: English, else French (the other is in `*_en`/`*_fr` attributes). */
const LANG = 'en';

/** The cells of `object` for the columns of `table`; numbers as JavaScript prints them. */
export function rowFor(table: HsdsTableName, object: HsdsObject): Row {
  const row: Row = {};
  for (const column of hsdsColumns(table)) {
    const value = object[column];
    row[column] = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  }
  return row;
}

/**
 * Table Schema `time` is ISO 8601 `hh:mm:ss`; Repère's schedules hold local "HH:MM" (the JSON
 * API sends those as HSDS examples do).
 */
function withSeconds(time: unknown): string {
  return typeof time === 'string' && /^\d\d:\d\d$/.test(time)
    ? `${time}:00`
    : typeof time === 'string'
      ? time
      : '';
}

/** Profile attribute rows for one record, in PROFILE_TERMS order; absent values give no row. */
export function profileAttributes(
  entity: ProfileEntity,
  key: string,
  linkId: string,
  values: Partial<Record<ProfileTermCode, string | null | undefined>>,
): Row[] {
  const rows: Row[] = [];
  for (const term of PROFILE_TERMS) {
    const value = values[term.code];
    if (value === undefined || value === null || value === '') continue;
    rows.push(
      rowFor('attribute', {
        id: profileAttributeUuid(entity, key, term.code),
        link_id: linkId,
        taxonomy_term_id: profileTermUuid(term.code),
        link_type: PROFILE_LINK_TYPE,
        link_entity: entity,
        value,
      }),
    );
  }
  return rows;
}

function bilingualValues(
  prefix: 'name' | 'description',
  text: BilingualText | undefined,
): Record<string, string | undefined> {
  return { [`${prefix}_en`]: text?.en, [`${prefix}_fr`]: text?.fr };
}

/**
 * Every row one service point contributes: its location with address, phones, contact
 * (e-mail), schedules and languages, its services-at-location (`sals`, from the catalogue)
 * and its profile attributes.
 */
export function pointRows(point: ServicePoint, sals: readonly ServiceAtLocationEntry[]): TableRows {
  const location = hsdsLocation(point, LANG);
  const list = (field: string): HsdsObject[] => (location[field] as HsdsObject[] | undefined) ?? [];
  const { provenance, geocode } = point;
  return {
    location: [rowFor('location', location)],
    address: list('addresses').map((address) => rowFor('address', address)),
    phone: list('phones').map((phone) => rowFor('phone', phone)),
    contact: list('contacts').map((contact) => rowFor('contact', contact)),
    schedule: list('schedules').map((schedule) =>
      rowFor('schedule', {
        ...schedule,
        opens_at: withSeconds(schedule['opens_at']),
        closes_at: withSeconds(schedule['closes_at']),
      }),
    ),
    language: list('languages').map((language) => rowFor('language', language)),
    service_at_location: sals.map((sal) =>
      rowFor('service_at_location', {
        id: sal.uuid,
        service_id: sal.service.uuid,
        location_id: sal.locationUuid,
      }),
    ),
    attribute: profileAttributes('location', point.id, String(location['id']), {
      ...bilingualValues('name', point.name),
      ...bilingualValues('description', point.description),
      layer: point.layer,
      role: point.role,
      jurisdiction_level: point.jurisdictionLevel,
      jurisdiction_code: point.jurisdictionCode,
      channel: point.channel,
      official_languages: point.officialLanguages,
      time_zone: point.timeZone,
      csd_code: point.csdCode,
      hours_text: point.hoursText,
      geocode_precision: geocode?.precision ?? 'none',
      geocode_source: geocode?.source,
      geocode_label: geocode?.label,
      source_id: provenance.sourceId,
      source_record_id: provenance.sourceRecordId,
      licence: provenance.licence,
      retrieved_at: provenance.retrievedAt,
      last_verified: provenance.lastVerified,
    }),
  };
}

/** An organization, the identifier row that keeps Repère's id for it, and its names. */
export function organizationRows(org: OrganizationEntry): TableRows {
  return {
    organization: [rowFor('organization', hsdsOrganizationSummary(org, LANG))],
    organization_identifier: [
      rowFor('organization_identifier', {
        id: organizationIdentifierUuid(org.id),
        organization_id: org.uuid,
        identifier_type: REPERE_ORGANIZATION_ID_TYPE,
        identifier: org.id,
      }),
    ],
    attribute: profileAttributes('organization', org.id, org.uuid, bilingualValues('name', org.name)),
  };
}

/**
 * A service (one service type of one organization) with the attribute linking it to its
 * taxonomy term and its names. `lastModified` is an ISO 8601 date-time or null.
 */
export function serviceRows(service: ServiceEntry, lastModified: string | null): TableRows {
  const summary = hsdsServiceSummary(service, LANG, false);
  const french = hsdsServiceSummary(service, 'fr', false);
  const row = rowFor('service', { ...summary, last_modified: lastModified ?? '' });
  const key = `${service.organization.id}:${service.typeId}`;
  return {
    service: [row],
    attribute: [
      rowFor('attribute', {
        id: serviceAttributeUuid(service.organization.id, service.typeId),
        link_id: service.uuid,
        taxonomy_term_id: taxonomyTermUuid(service.typeId),
        link_type: 'service_type',
        link_entity: 'service',
        value: service.typeId,
      }),
      ...profileAttributes('service', key, service.uuid, {
        name_en: String(summary['name']),
        name_fr: String(french['name']),
      }),
    ],
  };
}

/**
 * The two taxonomies (service types, Canadian profile) and their terms: every service type
 * of domain/service-type.ts, then any other type id a record uses (`extraTypeIds`, named by
 * its id so the service's attribute still resolves), then the profile terms.
 */
export function taxonomyRows(extraTypeIds: readonly string[]): TableRows {
  const serviceTypeTaxonomy = {
    id: TAXONOMY_UUID,
    name: TAXONOMY_NAME,
    description:
      "Repère's service types: what a service point offers (government services, employment, health …).",
  };
  const unknownType = (id: string): ServiceType => ({
    id,
    name: { en: id, fr: id },
    description: { en: `Service type "${id}" (not in Repère's taxonomy)`, fr: `Type de service « ${id} »` },
    keywords: { en: [], fr: [] },
  });
  return {
    taxonomy: [rowFor('taxonomy', serviceTypeTaxonomy), rowFor('taxonomy', PROFILE_TAXONOMY)],
    taxonomy_term: [
      ...[...SERVICE_TYPES, ...extraTypeIds.map(unknownType)].map((type) =>
        rowFor('taxonomy_term', hsdsTaxonomyTerm(type, LANG)),
      ),
      ...PROFILE_TERMS.map((term) =>
        rowFor('taxonomy_term', {
          id: profileTermUuid(term.code),
          code: term.code,
          name: term.name,
          description: term.description,
          taxonomy: PROFILE_TAXONOMY_NAME,
          language: LANG,
          taxonomy_id: PROFILE_TAXONOMY_UUID,
        }),
      ),
    ],
  };
}

/**
 * A Table Schema `datetime` (`YYYY-MM-DDThh:mm:ssZ`, UTC) from a date or date-time text;
 * null when the text is not a date.
 * @example datetimeOf('2024-02-06') // '2024-02-06T00:00:00Z'
 */
export function datetimeOf(text: string): string | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
