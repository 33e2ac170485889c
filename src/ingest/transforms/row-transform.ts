import type { CanonicalRow } from '../source-row.js';

/** What a source-specific transform returns: the row, plus place names to try when geocoding. */
export interface TransformResult {
  row: CanonicalRow;
  /** Extra place names, most specific first, tried when the row's own city does not match. */
  placeCandidates?: string[];
}

/** A pure, source-specific fix-up applied after column mapping and before normalising. */
export type RowTransform = (row: CanonicalRow, raw: Readonly<Record<string, string>>) => TransformResult;
