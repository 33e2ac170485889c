/**
 * One data row as read from a source file, before any interpretation: header → cell text.
 * Readers (csv/, geojson/) produce these; the column mapping turns them into
 * CanonicalRow; the pipeline normalises and validates those.
 */
export interface SourceRow {
  /** 1-based data row number (the header is not counted; GeoJSON: feature index + 1). */
  row: number;
  fields: Record<string, string>;
  /** Number of cells the record actually had (CSV), so short rows can be reported. */
  cellCount?: number;
  /** Point geometry, when the format carries one (GeoJSON); CSV coordinates stay in fields. */
  geometry?: { lon: number; lat: number } | null;
}

/** Fields of the common open-data layout that the pipeline understands. */
export const CANONICAL_FIELDS = [
  'id',
  'name',
  'name_fr',
  'organization',
  'description',
  'street',
  'street2',
  'city',
  'province',
  'postal_code',
  'phone',
  'toll_free',
  'fax',
  'email',
  'website',
  'latitude',
  'longitude',
  'hours',
  'languages',
  'service_type',
  'jurisdiction_level',
  'channel',
  'csd_code',
  'location_precision',
  'layer',
  'role',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** A row after column mapping: canonical field → raw cell text (not yet normalised). */
export type CanonicalRow = Partial<Record<CanonicalField, string>>;

/** Reading options shared by every format reader. */
export interface ReadOptions {
  /** Force an encoding instead of detecting it. */
  encoding?: 'utf-8' | 'windows-1252';
  /** Force a delimiter instead of detecting it (CSV only). */
  delimiter?: string;
}

/** A source file opened for streaming: headers and detected facts first, then rows. */
export interface OpenedSource {
  /** Header names in file order (GeoJSON: union of property names in first-seen order). */
  headers: string[];
  /** File-level facts detected while opening (encoding, delimiter, BOM). */
  detected: { format: 'csv' | 'geojson'; encoding: string; delimiter?: string; bom: boolean };
  /** The data rows, streamed; each iteration re-reads the file. */
  rows(): AsyncIterable<SourceRow>;
}

/** What every format reader exports from `src/ingest/<format>/index.ts` (STYLE.md). */
export type OpenSource = (path: string, options?: ReadOptions) => Promise<OpenedSource>;
