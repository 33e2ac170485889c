import type { BilingualText } from '../domain/bilingual-text.js';
import { PROVINCES } from '../domain/province.js';
import type { ServicePoint } from '../domain/service-point.js';
import { searchKeywordsFor } from '../domain/service-type.js';

// The searchable text of a point, as both stores index it: the same columns with the same
// weights, so a query ranks points the same way in SQLite (FTS5) and PostGIS.

/**
 * bm25() column weights, in point_fts column order (name, organization, description,
 * address, province, keywords): a word in the name counts most; the province names and
 * service keywords are on every point of a province or type, so they count little.
 */
export const BM25_WEIGHTS = '10.0, 4.0, 1.0, 3.0, 1.0, 2.0';

function bothSides(text: BilingualText | undefined): string {
  if (!text) return '';
  if (text.en && text.fr) return text.en === text.fr ? text.en : `${text.en} ${text.fr}`;
  return text.en ?? text.fr ?? '';
}

/** The province's names in both languages, as indexed; built once per province. */
const PROVINCE_WORDS = new Map<string, string>(
  Object.entries(PROVINCES).map(([code, province]) => [code, bothSides(province.name)]),
);

function provinceWords(code: string): string {
  return PROVINCE_WORDS.get(code) ?? '';
}

/**
 * The searchable text of a point, one string per point_fts column: names and descriptions
 * in both languages, street and city, the province's English and French names, and the
 * service types' words in both languages (so "emploi" finds employment services).
 */
export function ftsColumns(point: ServicePoint): [string, string, string, string, string, string] {
  const { address } = point;
  return [
    bothSides(point.name),
    bothSides(point.organization.name),
    bothSides(point.description),
    [address.street, address.city].filter(Boolean).join(' '),
    address.province ? provinceWords(address.province) : '',
    searchKeywordsFor(point.serviceTypes),
  ];
}
