import { stableUuid } from '../domain/stable-uuid.js';

// The HSDS ids of Repère's records. HSDS 3.0 requires UUIDs (`format: uuid`); each is a
// name-based UUID of our own ids (stable-uuid.ts), so the same record keeps the same HSDS
// id across imports, and the names below must never change.

/** A location is one service point: `stableUuid(point.id)`, the UUID the store indexes. */
export function locationUuid(pointId: string): string {
  return stableUuid(pointId);
}

export function organizationUuid(organizationId: string): string {
  return stableUuid(`organization:${organizationId}`);
}

/** A service is one service type offered by one organization. */
export function serviceUuid(organizationId: string, serviceTypeId: string): string {
  return stableUuid(`service:${organizationId}:${serviceTypeId}`);
}

export function serviceAtLocationUuid(pointId: string, serviceTypeId: string): string {
  return stableUuid(`sal:${pointId}:${serviceTypeId}`);
}

export function taxonomyTermUuid(serviceTypeId: string): string {
  return stableUuid(`taxonomy_term:${serviceTypeId}`);
}

/** The one taxonomy Repère's terms belong to (domain/service-type.ts). */
export const TAXONOMY_UUID = stableUuid('taxonomy:repere_service_types');

export function addressUuid(pointId: string): string {
  return stableUuid(`address:${pointId}`);
}

/** `index` is the phone's 0-based position in the point's list. */
export function phoneUuid(pointId: string, index: number): string {
  return stableUuid(`phone:${pointId}:${index}`);
}

/** `index` is the schedule's 0-based position among the point's schedules. */
export function scheduleUuid(pointId: string, index: number): string {
  return stableUuid(`schedule:${pointId}:${index}`);
}

export function languageUuid(pointId: string, code: string): string {
  return stableUuid(`language:${pointId}:${code}`);
}

export function contactUuid(pointId: string): string {
  return stableUuid(`contact:${pointId}`);
}

/** The attribute linking a service to its taxonomy term. */
export function serviceAttributeUuid(organizationId: string, serviceTypeId: string): string {
  return stableUuid(`attribute:service:${organizationId}:${serviceTypeId}`);
}

/** The taxonomy of Repère's Canadian-profile attribute terms (profile-terms.ts). */
export const PROFILE_TAXONOMY_UUID = stableUuid('taxonomy:repere_canadian_profile');

/** A Canadian-profile term, e.g. `jurisdiction_level` (profile-terms.ts). */
export function profileTermUuid(code: string): string {
  return stableUuid(`taxonomy_term:repere_canadian_profile:${code}`);
}

/**
 * The attribute carrying one Canadian-profile value of one record: `entity` is the HSDS
 * table (`location`, `organization`, `service`), `key` our id of the record.
 */
export function profileAttributeUuid(entity: string, key: string, code: string): string {
  return stableUuid(`attribute:${entity}:${key}:${code}`);
}

/** The organization_identifier row that keeps Repère's own organization id. */
export function organizationIdentifierUuid(organizationId: string): string {
  return stableUuid(`organization_identifier:${organizationId}`);
}
