import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGES, placeholdersOf, t, tp } from './messages.js';
import type { MessageKey } from './messages.js';

const KEYS = Object.keys(MESSAGES) as MessageKey[];
const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url));

describe('the message catalogue', () => {
  it('has every message in both languages, neither empty nor padded', () => {
    const problems = KEYS.flatMap((key) =>
      (['en', 'fr'] as const).flatMap((lang) => {
        const text = MESSAGES[key][lang];
        if (typeof text !== 'string' || text.trim() === '') return [`${key}: ${lang} is missing or empty`];
        return /^\s|[ \u00a0]$/.test(text) ? [`${key}: ${lang} has spaces around it`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('uses the same placeholders in English and French', () => {
    const mismatches = KEYS.filter(
      (key) => placeholdersOf(MESSAGES[key].en).join() !== placeholdersOf(MESSAGES[key].fr).join(),
    ).map(
      (key) => `${key}: en {${placeholdersOf(MESSAGES[key].en)}} fr {${placeholdersOf(MESSAGES[key].fr)}}`,
    );
    expect(mismatches).toEqual([]);
  });

  it('follows Canadian French typography: no-break space before a colon and inside « », none before ; ! ?', () => {
    const problems = KEYS.flatMap((key) => {
      const fr = MESSAGES[key].fr;
      const found: string[] = [];
      if (/[^\u00a0]:/.test(fr.replace(/https?:|mailto:/g, '')))
        found.push('colon without a no-break space before it');
      if (/\s[;!?]/.test(fr)) found.push('space before ; ! or ?');
      if (/«(?!\u00a0)|(?<!\u00a0)»/.test(fr)) found.push('« » without no-break spaces inside');
      if (/["“”]/.test(fr)) found.push('English quotation marks');
      if (/'/.test(fr)) found.push('straight apostrophe (use ’)');
      return found.map((problem) => `${key}: ${problem}: ${JSON.stringify(fr)}`);
    });
    expect(problems).toEqual([]);
  });

  it('writes English quotes and apostrophes typographically and without a space before a colon', () => {
    const problems = KEYS.filter((key) => /["']|\s:/.test(MESSAGES[key].en)).map(
      (key) => `${key}: ${MESSAGES[key].en}`,
    );
    expect(problems).toEqual([]);
  });

  it('fills placeholders, formats numbers per language, and throws on a missing value', () => {
    expect(t('en', 'paging.status', { page: 2, pages: 1234 })).toBe('Page 2 of 1,234');
    expect(t('fr', 'paging.status', { page: 2, pages: 1234 })).toBe('Page 2 de 1\u00a0234');
    expect(t('fr', 'results.for.other', { query: 'emploi', count: 5 })).toBe(
      '5 résultats pour «\u00a0emploi\u00a0»',
    );
    expect(() => t('en', 'paging.status', { page: 2 })).toThrow(
      'message "paging.status" needs a value for {pages}',
    );
  });

  it('picks the plural form by language: French counts 0 and 1 as singular', () => {
    expect(tp('en', 'sources.records', 1)).toBe('1 record');
    expect(tp('en', 'sources.records', 0)).toBe('0 records');
    expect(tp('fr', 'sources.records', 0)).toBe('0 enregistrement');
    expect(tp('fr', 'sources.records', 1)).toBe('1 enregistrement');
    expect(tp('fr', 'sources.records', 2)).toBe('2 enregistrements');
    expect(tp('en', 'results.near', 12, { place: 'V9W 2P8' })).toBe('12 results near V9W 2P8');
  });

  // The pages name keys as literals ('nav.search'), as families built from data
  // (`level.${level}`), or as plural bases for tp ('results.near' → .one/.other).
  const sources = readdirSync(PAGES_DIR)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => readFileSync(join(PAGES_DIR, name), 'utf8'))
    .join('\n');
  const namespaces = new Set(KEYS.map((key) => key.split('.')[0]!));
  const literals = [...sources.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z_+]+)+)'/g)]
    .map((match) => match[1]!)
    .filter((literal) => namespaces.has(literal.split('.')[0]!) && !/\.(ts|js|css)$/.test(literal));
  const families = [...sources.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z]+)*\.)\$\{/g)].map((match) => match[1]!);
  const pluralBases = new Set(
    KEYS.filter((key) => key.endsWith('.one')).map((key) => key.slice(0, -'.one'.length)),
  );

  it('has every key the pages use (literal keys and plural bases)', () => {
    expect(literals.length).toBeGreaterThan(100);
    const unknown = literals.filter((literal) => !(literal in MESSAGES) && !pluralBases.has(literal));
    expect(unknown).toEqual([]);
    const emptyFamilies = families.filter((prefix) => !KEYS.some((key) => key.startsWith(prefix)));
    expect(emptyFamilies).toEqual([]);
  });

  it('has no message that no page uses', () => {
    const used = new Set(literals);
    const unused = KEYS.filter((key) => {
      if (used.has(key)) return false;
      if (families.some((prefix) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.')))
        return false;
      const base = key.replace(/\.(one|other)$/, '');
      return !(base !== key && used.has(base));
    });
    expect(unused).toEqual([]);
  });
});
