import type { BilingualText } from '../../domain/bilingual-text.js';
import { PROVINCES } from '../../domain/province.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { searchKeywordsFor } from '../../domain/service-type.js';

/** INSERT of one point's searchable text; parameters: rid, then `ftsColumns(point)`. */
export const INSERT_FTS_SQL = `
  INSERT INTO point_fts (rowid, name, organization, description, address, province, keywords)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

/**
 * bm25() column weights, in point_fts column order (name, organization, description,
 * address, province, keywords): a word in the name counts most; the province names and
 * service keywords are on every point of a province or type, so they count little.
 */
export const BM25_WEIGHTS = '10.0, 4.0, 1.0, 3.0, 1.0, 2.0';

/** At most this many words of a query are used; the rest are ignored. */
const MAX_QUERY_TOKENS = 16;

// A word as FTS5's unicode61 tokenizer sees one: letters, digits and combining marks; every
// other character (spaces, punctuation, quotes, `*`, `:`, `^`, `+`, `-`…) separates words.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function bothSides(text: BilingualText | undefined): string {
  if (!text) return '';
  if (text.en && text.fr) return text.en === text.fr ? text.en : `${text.en} ${text.fr}`;
  return text.en ?? text.fr ?? '';
}

/**
 * The searchable text of a point, one string per point_fts column: names and descriptions
 * in both languages, street and city, the province's English and French names, and the
 * service types' words in both languages (so "emploi" finds employment services).
 */
export function ftsColumns(point: ServicePoint): [string, string, string, string, string, string] {
  const { address } = point;
  const province = address.province ? PROVINCES[address.province] : undefined;
  return [
    bothSides(point.name),
    bothSides(point.organization.name),
    bothSides(point.description),
    [address.street, address.city].filter(Boolean).join(' '),
    province ? bothSides(province.name) : '',
    searchKeywordsFor(point.serviceTypes),
  ];
}

/**
 * An FTS5 MATCH expression for free text, or null when it has no words. Every word becomes
 * a quoted prefix term (`"jerome"*`), all required; since only letters and digits survive,
 * nothing the user types can be read as FTS5 syntax (`OR`, `NEAR`, `col:`, `"`, `*`, `^`).
 * @example ftsQueryFrom('Saint-Jérôme "emploi*') // '"Saint"* "Jérôme"* "emploi"*'
 */
export function ftsQueryFrom(q: string): string | null {
  const words = q.normalize('NFC').match(WORD);
  if (!words) return null;
  return words
    .slice(0, MAX_QUERY_TOKENS)
    .map((word) => `"${word}"*`)
    .join(' ');
}
