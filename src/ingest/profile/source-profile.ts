import type { BilingualText } from '../../domain/bilingual-text.js';
import type { GeocodePrecision } from '../../domain/geocode.js';
import type { Channel, JurisdictionLevel } from '../../domain/jurisdiction.js';
import type { PointRole } from '../../domain/service-point.js';
import type { MappingFile } from '../column-mapping.js';

/** Values a profile (or one of its rules) assigns to every record it covers. */
export interface RecordDefaults {
  layer: string;
  role: PointRole;
  jurisdictionLevel: JurisdictionLevel;
  /** `CA`, a province code, or `province` to take the row's province. */
  jurisdictionCode: string;
  channel: Channel;
  serviceTypes: string[];
  organization: { id: string; name: BilingualText };
  /** Languages when the row says none (ISO 639-1). */
  languages: string[];
  /** Precision of the source's own coordinates (they are not all surveyed points). */
  coordinatePrecision: GeocodePrecision;
  /** Province when the row has none (single-province sources). */
  province?: string;
  /** Language the source's own text (names, descriptions) is written in; default `en`. */
  textLanguage?: 'en' | 'fr';
}

/** Sets values on the rows whose raw `field` matches; later rules win. */
export interface ProfileRule {
  when: { field: string; equals?: string; in?: string[]; matches?: string };
  set?: Partial<RecordDefaults>;
  /** Adds service types instead of replacing them. */
  addServiceTypes?: string[];
  /** Leaves the row out of the import, reported as `excluded` with this reason. */
  exclude?: string;
}

/**
 * How to read one source: where it is, its licence, its column mapping, what its records
 * mean (order of government, channel, service types) and source-specific name parsing.
 * Profiles are configuration (data/sources.json), not code.
 */
export interface SourceProfile {
  id: string;
  title: BilingualText;
  /** Path relative to the profile file's folder. */
  file: string;
  format?: 'csv' | 'geojson';
  licence: string;
  licenceUrl?: string;
  attribution?: string;
  retrievedAt: string;
  lastVerified: string | null;
  mapping?: MappingFile;
  defaults: RecordDefaults;
  rules?: ProfileRule[];
  /** Named source-specific transforms (src/ingest/transforms/). */
  transforms?: string[];
  /**
   * Builds the displayed name from the row's name in each language, e.g.
   * `{ "en": "{name} community office", "fr": "Bureau communautaire de {name}" }`.
   */
  nameTemplate?: { en: string; fr: string };
  /**
   * Raw columns that together identify a record (e.g. file + id within that file). The id
   * is their values joined with ":"; when any is empty the record gets a content id instead,
   * so a half-empty key never makes distinct records collide.
   */
  idColumns?: string[];
  /** Raw field holding the official-languages designation or "French services" flag. */
  languagesField?: string;
}
