import type pg from 'pg';
import { sourceRowValues, summaryFromRow, type ImportOutcome, type SourceRow } from '../source-row.js';
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
export function pgSourceRowValues(source: SourceInfo, outcome: ImportOutcome, textTokens: number): unknown[] {
  return [...sourceRowValues(source, outcome), textTokens];
}

/** A registry row as PostgreSQL returns it: the json columns parsed, the timestamp a Date. */
type PgSourceRow = Omit<SourceRow, 'imported_at'> & { imported_at: Date };

function decodedRow(row: PgSourceRow): SourceRow {
  // Written from a JS ISO string (millisecond precision), so this gives the same string back.
  return { ...row, imported_at: row.imported_at.toISOString() };
}

/** Every registered source with its counters, ordered by id. */
export async function listSourceRows(db: pg.Pool | pg.PoolClient): Promise<SourceSummary[]> {
  const { rows } = await db.query<PgSourceRow>(
    `SELECT id, title, licence, attribution, origin, retrieved_at, last_verified, imported_at, records,
            report_source, rows_read, imported, rejected, duplicates, issue_counts, by_precision
     FROM source ORDER BY id`,
  );
  return rows.map((row) => summaryFromRow(decodedRow(row)));
}
