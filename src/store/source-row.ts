import type { GeocodePrecision } from '../domain/geocode.js';
import type { ImportReport } from '../domain/row-issue.js';
import type { SourceInfo, SourceSummary } from './store.js';

// The source registry row both stores keep: the same columns, written from the same values
// and read back into the same summary. Each store decodes its own column types first
// (SQLite keeps JSON as text, PostgreSQL returns timestamps as Dates).

/** What one import wrote, besides the source's own description. */
export interface ImportOutcome {
  importedAt: string;
  records: number;
  byPrecision: Record<GeocodePrecision, number>;
  report: ImportReport;
}

/**
 * The values of the registry columns, in order: id, title, licence, attribution, origin,
 * retrieved_at, last_verified, imported_at, records, report_source, rows_read, imported,
 * rejected, duplicates, issue_counts and by_precision (both as JSON text).
 */
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

/** A registry row with its columns decoded: the timestamp as an ISO string, the JSON parsed. */
export interface SourceRow {
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
  issue_counts: Record<string, number>;
  by_precision: Record<GeocodePrecision, number>;
}

/** The summary of a source from its decoded registry row. */
export function summaryFromRow(row: SourceRow): SourceSummary {
  const summary: SourceSummary = {
    id: row.id,
    title: row.title,
    licence: row.licence,
    origin: row.origin,
    retrievedAt: row.retrieved_at,
    lastVerified: row.last_verified,
    importedAt: row.imported_at,
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
