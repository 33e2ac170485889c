import { describe, expect, it } from 'vitest';
import { langFromAcceptLanguage } from './negotiate.js';

describe('langFromAcceptLanguage', () => {
  it.each([
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['fr', 'fr'],
    ['FR-ca', 'fr'],
    ['en-CA,en;q=0.9,fr;q=0.8', 'en'],
    ['en;q=0.5,fr;q=0.8', 'fr'],
    ['fr;q=0.5,en;q=0.8', 'en'],
    ['de-DE,de;q=0.9,fr;q=0.7', 'fr'],
    ['de-DE,de;q=0.9', 'en'],
    ['fr;q=0,en;q=0.1', 'en'],
    ['en,fr', 'en'],
    ['fr,en', 'fr'],
    ['*', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    ['fr;q=abc', 'fr'],
  ])('%j → %s', (header, expected) => {
    expect(langFromAcceptLanguage(header)).toBe(expected);
  });
});
