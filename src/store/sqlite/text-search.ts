/** INSERT of one point's searchable text; parameters: rid, then `ftsColumns(point)`. */
export const INSERT_FTS_SQL = `
  INSERT INTO point_fts (rowid, name, organization, description, address, province, keywords)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

/** At most this many words of a query are used; the rest are ignored. */
const MAX_QUERY_TOKENS = 16;

// A word as FTS5's unicode61 tokenizer sees one: letters, digits and combining marks; every
// other character (spaces, punctuation, quotes, `*`, `:`, `^`, `+`, `-`…) separates words.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

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
