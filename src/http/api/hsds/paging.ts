/** HSDS pages: 1-based `page`, `per_page` items each. */
export const HSDS_DEFAULT_PER_PAGE = 20;
export const HSDS_MAX_PER_PAGE = 100;
export const HSDS_MAX_PAGE = 10_000;

export const PAGE_SCHEMA = {
  type: 'integer',
  minimum: 1,
  maximum: HSDS_MAX_PAGE,
  default: 1,
  description: 'Page number, from 1.',
} as const;
export const PER_PAGE_SCHEMA = {
  type: 'integer',
  minimum: 1,
  maximum: HSDS_MAX_PER_PAGE,
  default: HSDS_DEFAULT_PER_PAGE,
  description: `Items per page, at most ${HSDS_MAX_PER_PAGE}.`,
} as const;

/** The paging fields of an HSDS list response (HSDS 3.0 openapi.json, components.schemas.Page). */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  /** Items on this page (contents.length). */
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** Where page `page` of `perPage` items starts (0-based). */
export function pageOffset(page: number, perPage: number): number {
  return (page - 1) * perPage;
}

/**
 * An HSDS page of `contents` (already cut to this page) out of `totalItems`.
 * @example hsdsPage(['g'], 7, 4, 2) // { total_items: 7, total_pages: 4, page_number: 4, size: 1, first_page: false, last_page: true, empty: false, contents: ['g'] }
 */
export function hsdsPage<T>(contents: T[], totalItems: number, page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.ceil(totalItems / perPage);
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** Page `page` of an in-memory list. */
export function sliceOfPage<T>(items: readonly T[], page: number, perPage: number): T[] {
  const start = pageOffset(page, perPage);
  return items.slice(start, start + perPage);
}
