import type { ImportReport, RowIssue } from '../domain/row-issue.js';

/**
 * Accumulates the import report as rows stream by. Every data row ends in exactly one of
 * imported, rejected or duplicates, so `rows_read = imported + rejected + duplicates`.
 */
export class ReportBuilder {
  readonly #source: string;
  readonly #issues: RowIssue[] = [];
  #imported = 0;
  #rejected = 0;
  #duplicates = 0;

  constructor(source: string) {
    this.#source = source;
  }

  add(issues: readonly RowIssue[]): void {
    for (const issue of issues) this.#issues.push(issue);
  }

  imported(): void {
    this.#imported++;
  }

  rejected(): void {
    this.#rejected++;
  }

  duplicate(): void {
    this.#duplicates++;
  }

  /** Counters so far (for progress display). */
  get counts(): { imported: number; rejected: number; duplicates: number } {
    return { imported: this.#imported, rejected: this.#rejected, duplicates: this.#duplicates };
  }

  build(): ImportReport {
    const issues = [...this.#issues].sort((a, b) => a.row - b.row);
    return {
      source: this.#source,
      rows_read: this.#imported + this.#rejected + this.#duplicates,
      imported: this.#imported,
      rejected: this.#rejected,
      duplicates: this.#duplicates,
      issues,
    };
  }
}
