import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makePoint } from '../test-points.js';
import {
  queryPrefixesFrom,
  searchDocumentOf,
  termFrequencySql,
  tokensOf,
  tsqueryFrom,
} from './text-search.js';

const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

/** Every line of every CSV file under data/ (names in many scripts: GeoNames alternate names). */
function bundledLines(): string[] {
  const lines: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.csv')) lines.push(...readFileSync(path, 'utf8').split('\n'));
    }
  };
  walk(DATA_DIR);
  return lines;
}

/** The tokens FTS5 (`unicode61 remove_diacritics 2`, as the SQLite store) makes of each text. */
function fts5Tokens(texts: readonly string[]): string[][] {
  const db = new Database(':memory:');
  db.exec(`
    CREATE VIRTUAL TABLE t USING fts5(x, tokenize = "unicode61 remove_diacritics 2");
    CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
  const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
  db.transaction(() => texts.forEach((text, i) => insert.run(i + 1, text)))();
  const tokens: string[][] = texts.map(() => []);
  for (const [doc, term] of db
    .prepare('SELECT doc, term FROM v ORDER BY doc, offset')
    .raw()
    .iterate() as Iterable<[number, string]>) {
    tokens[doc - 1].push(term);
  }
  db.close();
  return tokens;
}

describe('tokensOf', () => {
  it('cuts and folds exactly like FTS5 unicode61 remove_diacritics 2, on every line of the bundled data', () => {
    // Plus cases the data may lack: decomposed accents, ligatures, other scripts, case pairs.
    const texts = [
      ...bundledLines(),
      'e\u0301cole',
      'Ærø øre ß ẞ straße',
      'Сен-Жером й',
      'ᐃᖃᓗᐃᑦ 한국어 ά Ωμέγα',
      'ﬁne ﬀ ǅemal Ǆ ĳ',
      'x² ½ ⅻ ① ａｂｃ',
      'Việt Nam ǖ Ǻ ǰ',
      "l’emploi d'Iqaluit «Québec» a_b",
      'Οδυσσεύς ſ µ ϑ ẛ İstanbul ᎠᏔᏩ Ⓐ',
    ];
    const expected = fts5Tokens(texts);
    const mismatches = texts
      .map((text, i) => ({ text, fts5: expected[i].join(' '), ours: tokensOf(text).join(' ') }))
      .filter((m) => m.fts5 !== m.ours);
    expect(texts.length).toBeGreaterThan(25_000);
    expect(mismatches).toEqual([]);
  });
});

describe('searchDocumentOf', () => {
  it("keeps the distinct words for matching and each column's words for bm25, and counts them all", () => {
    const point = makePoint({
      name: { en: 'Centre Iqaluit Centre' },
      organization: { id: 'sc', name: { en: 'Service Canada' } },
      address: { city: 'Iqaluit', country: 'CA' },
    });
    expect(searchDocumentOf(point)).toEqual({
      tsvector: "'centre' 'iqaluit' 'service' 'canada'",
      columns: [' centre iqaluit centre', ' service canada', '', ' iqaluit', '', ''],
      tokens: 6,
    });
  });
});

describe('termFrequencySql', () => {
  it("weighs each column as the SQLite store's bm25 does", () => {
    const sql = termFrequencySql('$1');
    expect(sql.match(/\d+\.\d::float8/g)).toEqual([
      '10.0::float8',
      '4.0::float8',
      '1.0::float8',
      '3.0::float8',
      '1.0::float8',
      '2.0::float8',
    ]);
  });
});

describe('queryPrefixesFrom and tsqueryFrom', () => {
  it('folds each word and never lets tsquery syntax through', () => {
    expect(queryPrefixesFrom('Saint-Jérôme "emploi*')).toEqual(['saint', 'jerome', 'emploi']);
    expect(queryPrefixesFrom("'foo' & !bar | baz:* <-> (qux)")).toEqual(['foo', 'bar', 'baz', 'qux']);
    expect(queryPrefixesFrom('  *  ":')).toBeNull();
    expect(tsqueryFrom(['saint', 'jerome'])).toBe("'saint':* & 'jerome':*");
  });

  it('uses at most 16 words', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    expect(queryPrefixesFrom(words.join(' '))).toEqual(words.slice(0, 16));
  });
});
