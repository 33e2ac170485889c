import { html } from './html.js';
import type { HtmlValue, SafeHtml } from './html.js';

/** A column of a sortable table. */
export interface TableColumn<Row> {
  /** The sort key in URLs (a column of the result table, e.g. `population`). */
  key: string;
  label: string;
  cell: (row: Row) => HtmlValue;
  /** The value sorted on; null sorts last whatever the direction. Absent: the column is not sortable. */
  sortValue?: (row: Row) => number | string | null;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** The first click sorts descending (largest first), as for populations. */
  descendingFirst?: boolean;
  /** The cell names its row (`<th scope="row">`). */
  rowHeader?: boolean;
}

/** Which column a table is sorted on, and which way. */
export interface SortState {
  column: string;
  descending: boolean;
}

/**
 * The rows sorted by a column (a new array; ties keep their order, nulls go last). A sort on
 * a column that is not sortable leaves the order as it is.
 * @example sortRows(rows, columns, { column: 'population', descending: true })
 */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  sort: SortState,
): Row[] {
  const value = columns.find((c) => c.key === sort.column)?.sortValue;
  if (!value) return [...rows];
  const keyed = rows.map((row, index) => ({ row, index, value: value(row) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
    }
    const order =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : String(a.value).localeCompare(String(b.value), 'fr-CA', { sensitivity: 'base' });
    return (sort.descending ? -order : order) || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/** The sort a table is asked for, when its column exists and is sortable; else its default. */
export function sortOf<Row>(
  asked: { column: string | null; order: string | null },
  columns: readonly TableColumn<Row>[],
  fallback: SortState,
): SortState {
  const column = columns.find((c) => c.key === asked.column && c.sortValue);
  if (!column) return fallback;
  const descending =
    asked.order === 'desc' ? true : asked.order === 'asc' ? false : column.descendingFirst === true;
  return { column: column.key, descending };
}

export interface SortableTableOptions<Row> {
  /** The table's id, also the fragment sort links come back to. */
  id: string;
  caption: HtmlValue;
  columns: readonly TableColumn<Row>[];
  /** The rows to show, sorted already. */
  rows: readonly Row[];
  sort: SortState | null;
  /** The page URL that sorts this table another way (the fragment is added here). */
  hrefFor: (sort: SortState) => string;
}

/**
 * A data table whose sortable column headers are links to the same page sorted by that column
 * (server-side: works without JavaScript); the sorted column's header has `aria-sort`, and a
 * second activation reverses the order.
 */
export function sortableTable<Row>(options: SortableTableOptions<Row>): SafeHtml {
  const { id, columns, rows, sort } = options;
  const numeric = (column: TableColumn<Row>): SafeHtml | '' => (column.numeric ? html` class="numeric"` : '');
  const header = (column: TableColumn<Row>): SafeHtml => {
    if (!column.sortValue) return html`<th scope="col"${numeric(column)}>${column.label}</th>`;
    const sorted = sort !== null && sort.column === column.key;
    const next: SortState = {
      column: column.key,
      descending: sorted ? !sort.descending : column.descendingFirst === true,
    };
    const ariaSort = sorted ? html` aria-sort="${sort.descending ? 'descending' : 'ascending'}"` : '';
    const arrow = sorted
      ? html` <span class="sort-arrow" aria-hidden="true">${sort.descending ? '▼' : '▲'}</span>`
      : '';
    return html`<th scope="col"${numeric(column)}${ariaSort}><a class="sort-link" href="${`${options.hrefFor(next)}#${id}`}">${column.label}${arrow}</a></th>`;
  };
  const cell = (column: TableColumn<Row>, row: Row): SafeHtml =>
    column.rowHeader
      ? html`<th scope="row"${numeric(column)}>${column.cell(row)}</th>`
      : html`<td${numeric(column)}>${column.cell(row)}</td>`;
  // A focusable, named region: wide tables scroll sideways on phones, also with the keyboard.
  return html`<div class="table-scroll" role="region" aria-labelledby="${`${id}-caption`}" tabindex="0">
<table class="data-table" id="${id}">
<caption id="${`${id}-caption`}">${options.caption}</caption>
<thead><tr>${columns.map(header)}</tr></thead>
<tbody>
${rows.map(
  (row) => html`<tr>${columns.map((column) => cell(column, row))}</tr>
`,
)}</tbody>
</table>
</div>`;
}
