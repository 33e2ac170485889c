import type { ServicePoint } from '../domain/service-point.js';

/**
 * The flat open-data layout Repère exports (CSV columns, GeoJSON properties). Column names
 * are the canonical ingest names, so an export imports back without a mapping file.
 */
export const EXPORT_COLUMNS = [
  'id',
  'source_id',
  'name',
  'name_fr',
  'organization',
  'jurisdiction_level',
  'jurisdiction_code',
  'channel',
  'service_type',
  'layer',
  'role',
  'street',
  'city',
  'province',
  'postal_code',
  'phone',
  'toll_free',
  'fax',
  'email',
  'website',
  'languages',
  'hours',
  'time_zone',
  'csd_code',
  'latitude',
  'longitude',
  'location_precision',
  'location_source',
  'licence',
  'retrieved_at',
  'last_verified',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** One record as export cells (strings; empty when unknown). */
export function pointToExportRow(point: ServicePoint): Record<ExportColumn, string> {
  const phones = (kinds: string[]): string =>
    point.phones
      .filter((p) => kinds.includes(p.kind))
      .map((p) => (p.extension ? `${p.display} ext. ${p.extension}` : p.display))
      .join('; ');
  // `name` holds only the English name and `name_fr` only the French one, so a re-import
  // puts each back in its own language (a French-only record has an empty `name`).
  const name = point.name.en ?? '';
  return {
    id: point.provenance.sourceRecordId,
    source_id: point.provenance.sourceId,
    name,
    name_fr: point.name.fr ?? '',
    organization: point.organization.name.en ?? point.organization.name.fr ?? '',
    jurisdiction_level: point.jurisdictionLevel,
    jurisdiction_code: point.jurisdictionCode,
    channel: point.channel,
    service_type: point.serviceTypes.join(';'),
    layer: point.layer,
    role: point.role,
    street: point.address.street ?? '',
    city: point.address.city ?? '',
    province: point.address.province ?? '',
    postal_code: point.address.postalCode ?? '',
    phone: phones(['voice', 'tty']),
    toll_free: phones(['toll_free']),
    fax: phones(['fax']),
    email: point.email ?? '',
    website: point.url ?? '',
    languages: point.languages.join(';'),
    hours: point.hoursText ?? '',
    time_zone: point.timeZone ?? '',
    csd_code: point.csdCode ?? '',
    latitude: point.geocode ? String(point.geocode.lat) : '',
    longitude: point.geocode ? String(point.geocode.lon) : '',
    location_precision: point.geocode?.precision ?? 'none',
    location_source: point.geocode?.source ?? '',
    licence: point.provenance.licence,
    retrieved_at: point.provenance.retrievedAt,
    last_verified: point.provenance.lastVerified ?? '',
  };
}
