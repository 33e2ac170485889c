/** Per-row problems found by ingest: data, not exceptions (STYLE.md "Errors"). */
export type IssueCode =
  | 'missing_required'
  | 'invalid_coordinates'
  | 'outside_canada'
  | 'swapped_coordinates'
  | 'sign_corrected'
  | 'duplicate'
  | 'likely_duplicate'
  | 'invalid_postal_code'
  | 'invalid_phone'
  | 'invalid_email'
  | 'invalid_url'
  | 'invalid_province'
  | 'province_mismatch'
  | 'geocoded'
  | 'not_located'
  | 'parse_error'
  | 'excluded'
  | 'column_count';

export type IssueSeverity = 'error' | 'warning' | 'info';

export interface RowIssue {
  /** 1-based data row (the header is not counted); 0 for file-level issues. */
  row: number;
  field: string | null;
  code: IssueCode;
  severity: IssueSeverity;
  message: string;
}

/** The import report, exactly the shape the CLI prints with `--json`. */
export interface ImportReport {
  source: string;
  rows_read: number;
  imported: number;
  rejected: number;
  duplicates: number;
  issues: RowIssue[];
}
