import { describe, expect, it } from 'vitest';
import { hsdsPage, sliceOfPage } from './paging.js';

describe('hsdsPage', () => {
  it('fills the HSDS paging fields: 7 items, 2 per page, page 4 is the last with one item', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(hsdsPage(sliceOfPage(items, 4, 2), items.length, 4, 2)).toEqual({
      total_items: 7,
      total_pages: 4,
      page_number: 4,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
      contents: ['g'],
    });
    expect(hsdsPage(sliceOfPage(items, 1, 2), items.length, 1, 2)).toMatchObject({
      size: 2,
      first_page: true,
      last_page: false,
      contents: ['a', 'b'],
    });
  });

  it('an empty list has no pages; its first page is also its last', () => {
    expect(hsdsPage([], 0, 1, 20)).toEqual({
      total_items: 0,
      total_pages: 0,
      page_number: 1,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
      contents: [],
    });
  });

  it('a page past the end is empty', () => {
    expect(hsdsPage(sliceOfPage(['a'], 3, 1), 1, 3, 1)).toMatchObject({
      total_pages: 1,
      last_page: true,
      empty: true,
    });
  });
});
