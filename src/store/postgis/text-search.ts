import type { ServicePoint } from '../../domain/service-point.js';
import { BM25_WEIGHTS, ftsColumns } from '../text-index.js';

// Text search that answers exactly like the SQLite store (FTS5, `unicode61 remove_diacritics 2`,
// bm25 with per-column weights): same words matched, same scores, same order. The words are
// cut and folded here, in JS, by the rules of that tokenizer (checked token for token against
// FTS5 on every line of the bundled data, text-search.test.ts). Each point stores
// - `search`: a tsvector of its distinct words, GIN-indexed, to find the matches (`'jer':*`);
// - `search_columns`: its six search columns as folded words, each preceded by a space, from
//   which bm25's weighted term frequencies are counted with replace() (fast C string code);
// - `search_tokens`: its word count (bm25's document length).
// PostgreSQL's parser and dictionaries never see the text: answers do not depend on the
// database's locale, and no `unaccent` dictionary is needed.

/** At most this many words of a query are used; the rest are ignored (as in SQLite). */
const MAX_QUERY_TOKENS = 16;

/** The bm25 column weights (name, organization, description, address, province, keywords). */
export const COLUMN_WEIGHTS: readonly number[] = BM25_WEIGHTS.split(',').map(Number);

/** PostgreSQL rejects lexemes longer than 2047 bytes; such "words" are not indexed. */
const MAX_LEXEME_BYTES = 2046;

// A token as FTS5's unicode61 sees one (fts5_tokenize.c): it starts with a letter, digit or
// private-use character, and goes on with those or with one of the combining diacritics of
// sqlite3Fts5UnicodeIsdiacritic (dropped when folding). Every other character, including
// other combining marks (Devanagari vowel signs, Arabic harakat), separates tokens.
const TOKEN =
  /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\u0300-\u0304\u0306-\u030c\u030f\u0311\u031b\u0323-\u0328\u032d-\u032e\u0330-\u0331]*/gu;
// A word of a query, as SQLite's ftsQueryFrom cuts it.
const QUERY_WORD = /[\p{L}\p{N}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/gu;
const MARKS = /\p{M}/gu;
// Every character below U+0080 (control characters included).
const ASCII = /^[^\u0080-\uffff]*$/;
const ASCII_TOKEN = /[a-z0-9]+/g;
// Letters whose case pairs Unicode added after 6.1, which FTS5's tables predate: left as they are.
const NEWER_CASE = /[\u13a0-\u13ff\u1c80-\u1cbf\ua7ab-\ua7ff\uab70-\uabbf]/u;
// Case folding where it differs from lower-casing (FTS5 folds, JS lower-cases).
const FOLD_ONLY: Record<string, string> = {
  ς: 'σ',
  ſ: 's',
  µ: 'μ',
  ϐ: 'β',
  ϑ: 'θ',
  ϕ: 'φ',
  ϖ: 'π',
  ϰ: 'κ',
  ϱ: 'ρ',
  ϵ: 'ε',
  ι: 'ι',
};
const FOLD_ONLY_CHARS = new RegExp(`[${Object.keys(FOLD_ONLY).join('')}]`, 'gu');

/**
 * One token folded like `remove_diacritics 2`: accents off Latin letters (é → e, ô → o), the
 * combining diacritics removed, case folded. Other scripts keep their letters (й stays й).
 */
function fold(token: string): string {
  if (ASCII.test(token)) return token.toLowerCase();
  const bare = token.replace(LATIN, (c) => c.normalize('NFD')).replace(MARKS, '');
  const lower = NEWER_CASE.test(bare)
    ? Array.from(bare, (c) => (NEWER_CASE.test(c) ? c : c.toLowerCase())).join('')
    : bare.toLowerCase();
  return lower.replace(FOLD_ONLY_CHARS, (c) => FOLD_ONLY[c]);
}

/**
 * The tokens of a text, in order, as FTS5's `unicode61 remove_diacritics 2` produces them.
 * @example tokensOf('Saint-Jérôme (Québec)') // ['saint', 'jerome', 'quebec']
 */
export function tokensOf(text: string): string[] {
  // Speed: ASCII text (most of it) needs no Unicode classes and no folding beyond lower case.
  if (ASCII.test(text)) return text.toLowerCase().match(ASCII_TOKEN) ?? [];
  const tokens: string[] = [];
  for (const [token] of text.matchAll(TOKEN)) {
    const folded = fold(token);
    if (folded !== '') tokens.push(folded);
  }
  return tokens;
}

/** Quotes a lexeme for tsvector/tsquery input (tokens are letters and digits, but be safe). */
function quoteLexeme(lexeme: string): string {
  if (!lexeme.includes("'") && !lexeme.includes('\\')) return `'${lexeme}'`;
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** True when a word fits in a lexeme (a UTF-16 unit is at most 3 bytes of UTF-8). */
function fitsLexeme(word: string): boolean {
  return word.length <= MAX_LEXEME_BYTES / 3 || Buffer.byteLength(word) <= MAX_LEXEME_BYTES;
}

/** A column's words and its ` word word` string; the same texts recur (keywords, provinces). */
interface ColumnWords {
  words: string[];
  joined: string;
}
const columnCache = new Map<string, ColumnWords>();
const COLUMN_CACHE_SIZE = 5_000;

function columnWordsOf(text: string): ColumnWords {
  let entry = columnCache.get(text);
  if (entry === undefined) {
    const words = tokensOf(text);
    entry = { words, joined: words.length > 0 ? ` ${words.join(' ')}` : '' };
    // Names and streets are mostly unique: start over rather than grow without bound.
    if (columnCache.size >= COLUMN_CACHE_SIZE) columnCache.clear();
    columnCache.set(text, entry);
  }
  return entry;
}

/** A point's searchable text as stored (see the top of this file). */
export interface SearchDocument {
  /** tsvector input: the distinct words, e.g. `'campbell' 'centre' 'workbc'`. */
  tsvector: string;
  /** One string per search column: ` word word …` (a space before every word), or ''. */
  columns: string[];
  /** Words in all columns (bm25's |D|). */
  tokens: number;
}

/**
 * The searchable text of a point: the words of its six search columns (`ftsColumns`, shared
 * with SQLite) as a tsvector and as one string per column.
 * @example searchDocumentOf(campbellRiver).columns[0] // ' workbc centre campbell river'
 */
export function searchDocumentOf(point: ServicePoint): SearchDocument {
  const lexemes = new Set<string>();
  let tokens = 0;
  const columns = ftsColumns(point).map((text) => {
    const { words, joined } = columnWordsOf(text);
    tokens += words.length;
    for (const word of words) if (fitsLexeme(word)) lexemes.add(word);
    return joined;
  });
  return { tsvector: Array.from(lexemes, quoteLexeme).join(' '), columns, tokens };
}

/**
 * SQL for FTS5's f(q, D) of one prefix: the weighted count of the point's words (table alias
 * `p`) that start with it. `needle` is the placeholder of ` ${prefix}`: a word starts with the
 * prefix exactly where the needle occurs, since every word is preceded by a space and holds none.
 */
export function termFrequencySql(needle: string): string {
  return COLUMN_WEIGHTS.map(
    (weight, i) =>
      `${weight.toFixed(1)}::float8 * ((length(p.search_columns[${i + 1}]) - length(replace(p.search_columns[${i + 1}], ${needle}, ''))) / length(${needle}))`,
  ).join(' + ');
}

/**
 * The folded prefixes of a free-text query, one per word (at most 16), or null when it has
 * no words. Every word is required and matches as a prefix; only letters and digits survive,
 * so nothing typed can be read as tsquery syntax (`&`, `|`, `!`, `:*`, quotes).
 * @example queryPrefixesFrom('Saint-Jérôme "emploi*') // ['saint', 'jerome', 'emploi']
 */
export function queryPrefixesFrom(q: string): string[] | null {
  const words = q.normalize('NFC').match(QUERY_WORD) ?? [];
  const prefixes: string[] = [];
  for (const word of words.slice(0, MAX_QUERY_TOKENS)) {
    // FTS5 cuts a word with other marks inside (Hindi, Arabic) into several tokens, a phrase;
    // here each becomes a required prefix of its own (no adjacency: positions are counts).
    for (const token of tokensOf(word)) if (fitsLexeme(token)) prefixes.push(token);
  }
  return prefixes.length > 0 ? prefixes : null;
}

/** The tsquery (input syntax) that requires every prefix: `'saint':* & 'jerome':*`. */
export function tsqueryFrom(prefixes: readonly string[]): string {
  return prefixes.map((prefix) => `${quoteLexeme(prefix)}:*`).join(' & ');
}
