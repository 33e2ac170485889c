import type pg from 'pg';
import type { GeocodePrecision } from '../../domain/geocode.js';
import type { ImportOutcome } from '../sqlite/source-rows.js';
import type { SourceInfo, SourceSummary } from '../store.js';

/** Insert or replace a source's registry row; parameters are `sourceRowValues`. */
export const UPSERT_SOURCE_SQL = `
  INSERT INTO source (id, title, licence, attribution, origin, retrieved_at, last_verified, imported_at,
                      records, report_source, rows_read, imported, rejected, duplicates, issue_counts, by_precision,
                      text_tokens)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
  ON CONFLICT (id) DO UPDATE SET
    title = excluded.title, licence = excluded.licence, attribution = excluded.attribution,
    origin = excluded.origin, retrieved_at = excluded.retrieved_at, last_verified = excluded.last_verified,
    imported_at = excluded.imported_at, records = excluded.records, report_source = excluded.report_source,
    rows_read = excluded.rows_read, imported = excluded.imported, rejected = excluded.rejected,
    duplicates = excluded.duplicates, issue_counts = excluded.issue_counts, by_precision = excluded.by_precision,
    text_tokens = excluded.text_tokens`;

/** The parameters of UPSERT_SOURCE_SQL; `textTokens` is the sum of the points' token counts. */
export function sourceRowValues(source: SourceInfo, outcome: ImportOutcome, textTokens: number): unknown[] {
  const { report } = outcome;
  const issueCounts: Record<string, number> = {};
  for (const issue of report.issues) issueCounts[issue.code] = (issueCounts[issue.code] ?? 0) + 1;
  return [
    source.id,
    source.title,
    source.licence,
    source.attribution ?? null,
    source.origin,
    source.retrievedAt,
    source.lastVerified,
    outcome.importedAt,
    outcome.records,
    report.source,
    report.rows_read,
    report.imported,
    report.rejected,
    report.duplicates,
    JSON.stringify(issueCounts),
    JSON.stringify(outcome.byPrecision),
    textTokens,
  ];
}

interface SourceRow {
  id: string;
  title: string;
  licence: string;
  attribution: string | null;
  origin: string;
  retrieved_at: string;
  last_verified: string | null;
  imported_at: Date;
  records: number;
  report_source: string;
  rows_read: number;
  imported: number;
  rejected: number;
  duplicates: number;
  // json columns arrive parsed.
  issue_counts: Record<string, number>;
  by_precision: Record<GeocodePrecision, number>;
}

function summaryFromRow(row: SourceRow): SourceSummary {
  const summary: SourceSummary = {
    id: row.id,
    title: row.title,
    licence: row.licence,
    origin: row.origin,
    retrievedAt: row.retrieved_at,
    lastVerified: row.last_verified,
    // Written from a JS ISO string (millisecond precision), so this gives the same string back.
    importedAt: row.imported_at.toISOString(),
    records: row.records,
    byPrecision: row.by_precision,
    report: {
      source: row.report_source,
      rows_read: row.rows_read,
      imported: row.imported,
      rejected: row.rejected,
      duplicates: row.duplicates,
      issue_counts: row.issue_counts,
    },
  };
  if (row.attribution !== null) summary.attribution = row.attribution;
  return summary;
}

/** Every registered source with its counters, ordered by id. */
export async function listSourceRows(db: pg.Pool | pg.PoolClient): Promise<SourceSummary[]> {
  const { rows } = await db.query<SourceRow>(
    `SELECT id, title, licence, attribution, origin, retrieved_at, last_verified, imported_at, records,
            report_source, rows_read, imported, rejected, duplicates, issue_counts, by_precision
     FROM source ORDER BY id`,
  );
  return rows.map(summaryFromRow);
}
