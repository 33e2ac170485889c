import { describe, expect, it } from 'vitest';
import { sortOf, sortRows, sortableTable, type TableColumn } from './sortable-table.js';

interface Unit {
  name: string;
  population: number | null;
}

const ROWS: Unit[] = [
  { name: 'Iqaluit', population: 7_429 },
  { name: 'Arviat', population: 2_864 },
  { name: 'École <script>', population: null },
  { name: 'Baker Lake', population: 2_061 },
];
const COLUMNS: TableColumn<Unit>[] = [
  { key: 'name', label: 'Name', cell: (u) => u.name, sortValue: (u) => u.name, rowHeader: true },
  {
    key: 'population',
    label: 'Population',
    cell: (u) => u.population ?? '–',
    sortValue: (u) => u.population,
    numeric: true,
    descendingFirst: true,
  },
  { key: 'note', label: 'Note', cell: () => '' },
];

describe('sortRows', () => {
  it('sorts numbers and text either way, nulls last, without touching the input', () => {
    const copy = structuredClone(ROWS);
    expect(
      sortRows(ROWS, COLUMNS, { column: 'population', descending: true }).map((u) => u.population),
    ).toEqual([7_429, 2_864, 2_061, null]);
    expect(
      sortRows(ROWS, COLUMNS, { column: 'population', descending: false }).map((u) => u.population),
    ).toEqual([2_061, 2_864, 7_429, null]);
    // Accents and case do not matter (French collation): É sorts with E.
    expect(sortRows(ROWS, COLUMNS, { column: 'name', descending: false }).map((u) => u.name)).toEqual([
      'Arviat',
      'Baker Lake',
      'École <script>',
      'Iqaluit',
    ]);
    expect(sortRows(ROWS, COLUMNS, { column: 'note', descending: false })).toEqual(ROWS);
    expect(ROWS).toEqual(copy);
  });
});

describe('sortOf', () => {
  it('takes a sortable column and its order from the query, else the default', () => {
    const fallback = { column: 'name', descending: false };
    expect(sortOf({ column: 'population', order: 'asc' }, COLUMNS, fallback)).toEqual({
      column: 'population',
      descending: false,
    });
    expect(sortOf({ column: 'population', order: null }, COLUMNS, fallback)).toEqual({
      column: 'population',
      descending: true,
    });
    expect(sortOf({ column: 'note', order: 'desc' }, COLUMNS, fallback)).toEqual(fallback);
    expect(sortOf({ column: '<x>', order: 'desc' }, COLUMNS, fallback)).toEqual(fallback);
  });
});

describe('sortableTable', () => {
  const markup = sortableTable({
    id: 'table-units',
    caption: 'Units',
    columns: COLUMNS,
    rows: sortRows(ROWS, COLUMNS, { column: 'population', descending: true }),
    sort: { column: 'population', descending: true },
    hrefFor: (sort) =>
      `/en/analysis?units_sort=${sort.column}&units_order=${sort.descending ? 'desc' : 'asc'}`,
  }).toString();

  it('puts aria-sort on the sorted column only; its link reverses the order, the others use their first order', () => {
    expect(markup.match(/aria-sort="[a-z]+"/g)).toEqual(['aria-sort="descending"']);
    expect(markup).toContain(
      '<th scope="col" class="numeric" aria-sort="descending"><a class="sort-link" href="/en/analysis?units_sort=population&amp;units_order=asc#table-units">Population <span class="sort-arrow" aria-hidden="true">▼</span></a></th>',
    );
    expect(markup).toContain('href="/en/analysis?units_sort=name&amp;units_order=asc#table-units">Name</a>');
    expect(markup).toContain('<th scope="col">Note</th>');
  });

  it('names the table by its caption, in a focusable scrolling region, and escapes the data', () => {
    expect(markup).toContain(
      '<div class="table-scroll" role="region" aria-labelledby="table-units-caption" tabindex="0">',
    );
    expect(markup).toContain('<caption id="table-units-caption">Units</caption>');
    expect(markup).toContain('<th scope="row">École &lt;script&gt;</th><td class="numeric">–</td>');
    expect(markup).not.toContain('<script>');
  });
});
