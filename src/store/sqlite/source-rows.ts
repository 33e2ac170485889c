import type Database from 'better-sqlite3';
import { summaryFromRow, type SourceRow } from '../source-row.js';
import type { SourceSummary } from '../store.js';

/** Insert or replace a source's registry row; parameters are `sourceRowValues` (../source-row.ts). */
export const UPSERT_SOURCE_SQL = `
  INSERT INTO source (id, title, licence, attribution, origin, retrieved_at, last_verified, imported_at,
                      records, report_source, rows_read, imported, rejected, duplicates, issue_counts, by_precision)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET
    title = excluded.title, licence = excluded.licence, attribution = excluded.attribution,
    origin = excluded.origin, retrieved_at = excluded.retrieved_at, last_verified = excluded.last_verified,
    imported_at = excluded.imported_at, records = excluded.records, report_source = excluded.report_source,
    rows_read = excluded.rows_read, imported = excluded.imported, rejected = excluded.rejected,
    duplicates = excluded.duplicates, issue_counts = excluded.issue_counts, by_precision = excluded.by_precision`;
// An upsert, not INSERT OR REPLACE: REPLACE deletes the row first, which the points'
// foreign key to it would see.

/** A registry row as SQLite returns it: the JSON columns as text. */
type SqliteSourceRow = Omit<SourceRow, 'issue_counts' | 'by_precision'> & {
  issue_counts: string;
  by_precision: string;
};

function decodedRow(row: SqliteSourceRow): SourceRow {
  return {
    ...row,
    issue_counts: JSON.parse(row.issue_counts) as SourceRow['issue_counts'],
    by_precision: JSON.parse(row.by_precision) as SourceRow['by_precision'],
  };
}

/** Every registered source with its counters, ordered by id. */
export function listSourceRows(db: Database.Database): SourceSummary[] {
  const rows = db.prepare('SELECT * FROM source ORDER BY id').all() as SqliteSourceRow[];
  return rows.map((row) => summaryFromRow(decodedRow(row)));
}
