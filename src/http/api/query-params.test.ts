import { describe, expect, it } from 'vitest';
import { JURISDICTION_LEVELS } from '../../domain/jurisdiction.js';
import { BadRequestError } from '../http-errors.js';
import { langOf, parseIsoDateTime, parseList } from './query-params.js';

describe('parseList', () => {
  it('merges repeated and comma-separated values, trimmed and de-duplicated, in order', () => {
    expect(parseList(['federal, municipal', 'federal', ''], JURISDICTION_LEVELS, 'jurisdiction')).toEqual([
      'federal',
      'municipal',
    ]);
    expect(parseList(undefined, JURISDICTION_LEVELS, 'jurisdiction')).toEqual([]);
  });

  it('rejects a value outside the list, naming the parameter and the values allowed', () => {
    const error = (() => {
      try {
        parseList(['federal,galactic'], JURISDICTION_LEVELS, 'jurisdiction');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).parameter).toBe('jurisdiction');
    expect((error as BadRequestError).message).toBe(
      '"jurisdiction" must be one or more of federal, provincial, territorial, municipal, indigenous, other; got "galactic".',
    );
  });
});

describe('parseIsoDateTime', () => {
  it.each([
    ['2024-02-06', '2024-02-06T00:00:00.000Z'],
    ['2024-02-06T12:00:00Z', '2024-02-06T12:00:00.000Z'],
    ['2024-02-06T12:00', '2024-02-06T12:00:00.000Z'],
    ['2024-02-06T12:00:00-05:00', '2024-02-06T17:00:00.000Z'],
    ['2024-02-06T12:00:00.250+01:00', '2024-02-06T11:00:00.250Z'],
  ])('reads %s as %s (UTC when no offset is given)', (text, iso) => {
    expect(parseIsoDateTime(text, 'modified_after')).toBe(iso);
  });

  it.each(['yesterday', '06/02/2024', '2024-13-01', '2024-02-06T25:00', ''])('rejects "%s"', (text) => {
    expect(() => parseIsoDateTime(text, 'modified_after')).toThrow(BadRequestError);
  });
});

describe('langOf', () => {
  const request = (lang: unknown, acceptLanguage?: string) => ({
    query: lang === undefined ? {} : { lang },
    headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
  });

  it('prefers ?lang=, then Accept-Language by q-value, then English', () => {
    expect(langOf(request('fr', 'en'))).toBe('fr');
    expect(langOf(request(undefined, 'fr-CA,fr;q=0.9,en;q=0.8'))).toBe('fr');
    expect(langOf(request(undefined, 'de-DE,en;q=0.5,fr;q=0.7'))).toBe('fr');
    expect(langOf(request(undefined, 'en-CA, fr-CA'))).toBe('en');
    expect(langOf(request(undefined, 'de, es'))).toBe('en');
    expect(langOf(request(undefined, 'fr;q=0'))).toBe('en');
    expect(langOf(request(undefined))).toBe('en');
  });
});
