import type { BilingualText } from './bilingual-text.js';
import type { Channel, JurisdictionLevel } from './jurisdiction.js';
import type { Geocode } from './geocode.js';
import type { Phone } from './phone.js';
import type { ProvinceCode } from './province.js';

/**
 * Where a record came from, kept on every record for audit (DESIGN.md "Provenance").
 * `raw` is the source row as read (header → cell text), so nothing the source said is lost
 * even when a field was normalised or rejected.
 */
export interface Provenance {
  sourceId: string;
  sourceRecordId: string;
  licence: string;
  retrievedAt: string;
  lastVerified: string | null;
  /** 1-based data row in the source file (header not counted). */
  row: number;
  raw: Record<string, string>;
}

/** HSDS `address` (physical), Canadian profile. */
export interface Address {
  street?: string;
  city?: string;
  province?: ProvinceCode;
  postalCode?: string;
  country: 'CA';
}

/**
 * What a record is for: a public government `service_point` (in finder results by default);
 * a `facility` shown as its own map layer but not a government counter (hospitals, arenas);
 * a `candidate_site` used only by siting analysis (federal office buildings).
 */
export type PointRole = 'service_point' | 'facility' | 'candidate_site';
export const POINT_ROLES: readonly PointRole[] = ['service_point', 'facility', 'candidate_site'];

/** Official-language designation of a location (`en`, `fr`, `en+fr`). */
export type OfficialLanguages = 'en' | 'fr' | 'en+fr';

/**
 * A service point: one HSDS `location` with the `organization` that runs it and the
 * `service`s delivered there (`service_at_location`), flattened because every source we
 * ingest publishes one row per point. The HSDS API unflattens it.
 */
export interface ServicePoint {
  /** Stable id: `${sourceId}:${sourceRecordId}`. */
  id: string;
  /** Map/analysis layer, e.g. `service_canada`, `healthcare`, `federal_buildings`. */
  layer: string;
  /** See `PointRole`. */
  role: PointRole;
  name: BilingualText;
  organization: { id: string; name: BilingualText };
  description?: BilingualText;
  jurisdictionLevel: JurisdictionLevel;
  /** `CA`, a province/territory code, or a 7-digit CSD code for a municipality. */
  jurisdictionCode: string;
  channel: Channel;
  /** Service-type taxonomy term ids (see domain/service-type.ts). */
  serviceTypes: string[];
  address: Address;
  phones: Phone[];
  email?: string;
  url?: string;
  /** Languages services are offered in, ISO 639 codes (`en`, `fr`, `iu`, …). */
  languages: string[];
  officialLanguages?: OfficialLanguages;
  /** Published opening hours, as text, exactly as the source gave them. */
  hoursText?: string;
  /** IANA time zone name of the location, for hours and "open now". */
  timeZone?: string;
  /** 7-digit census subdivision code, when known. */
  csdCode?: string;
  geocode: Geocode | null;
  provenance: Provenance;
}
