import type Database from 'better-sqlite3';
import type { GeocodePrecision } from '../../domain/geocode.js';
import type { ImportReport } from '../../domain/row-issue.js';
import type { SourceInfo, SourceSummary } from '../store.js';

/** Insert or replace a source's registry row; parameters are `sourceRowValues`. */
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

/** What one import wrote, besides the source's own description. */
export interface ImportOutcome {
  importedAt: string;
  records: number;
  byPrecision: Record<GeocodePrecision, number>;
  report: ImportReport;
}

/** The parameters of UPSERT_SOURCE_SQL. */
export function sourceRowValues(source: SourceInfo, outcome: ImportOutcome): unknown[] {
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
  imported_at: string;
  records: number;
  report_source: string;
  rows_read: number;
  imported: number;
  rejected: number;
  duplicates: number;
  issue_counts: string;
  by_precision: string;
}

function summaryFromRow(row: SourceRow): SourceSummary {
  const summary: SourceSummary = {
    id: row.id,
    title: row.title,
    licence: row.licence,
    origin: row.origin,
    retrievedAt: row.retrieved_at,
    lastVerified: row.last_verified,
    importedAt: row.imported_at,
    records: row.records,
    byPrecision: JSON.parse(row.by_precision) as Record<GeocodePrecision, number>,
    report: {
      source: row.report_source,
      rows_read: row.rows_read,
      imported: row.imported,
      rejected: row.rejected,
      duplicates: row.duplicates,
      issue_counts: JSON.parse(row.issue_counts) as Record<string, number>,
    },
  };
  if (row.attribution !== null) summary.attribution = row.attribution;
  return summary;
}

/** Every registered source with its counters, ordered by id. */
export function listSourceRows(db: Database.Database): SourceSummary[] {
  const rows = db.prepare('SELECT * FROM source ORDER BY id').all() as SourceRow[];
  return rows.map(summaryFromRow);
}
