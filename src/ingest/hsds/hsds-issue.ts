import type { IssueSeverity } from '../../domain/row-issue.js';

/** What can be wrong with a package beyond one location's own values. */
export type HsdsIssueCode =
  | 'broken_foreign_key'
  | 'duplicate_id'
  | 'missing_id'
  | 'extra_column'
  | 'missing_file'
  | 'unreadable_file'
  | 'unsafe_path';

/**
 * A problem found in one table of an HSDS package: like a RowIssue (data, not an exception),
 * with the table it is in. `row` is the 1-based data row of that table's CSV (the header not
 * counted), 0 for the table as a whole.
 */
export interface HsdsPackageIssue {
  table: string;
  row: number;
  field: string | null;
  code: HsdsIssueCode;
  severity: IssueSeverity;
  message: string;
}
