import { describe, expect, it } from 'vitest';
import { restOfUrl, togglePath } from './page-context.js';
import {
  MAX_PAGE,
  activeOptionCount,
  mapPointsQuery,
  queryStringOf,
  searchFormFrom,
} from './search-query.js';

const form = (query: string) => searchFormFrom(new URLSearchParams(query));

describe('searchFormFrom', () => {
  it('reads the one box, filters and page; drops unknown values', () => {
    expect(
      form(
        'q=+V9W++2P8+&jurisdiction=municipal&jurisdiction=bogus&channel=outreach&service_type=passport&open_now=true&page=3',
      ),
    ).toEqual({
      q: 'V9W 2P8',
      near: '',
      position: null,
      badPosition: false,
      jurisdictions: ['municipal'],
      channels: ['outreach'],
      type: 'passport',
      openNow: true,
      page: 3,
      submitted: true,
    });
    expect(form('service_type=nope&page=-4').type).toBe('');
    expect(form('page=abc').page).toBe(1);
    expect(form(`page=${MAX_PAGE + 50}`).page).toBe(MAX_PAGE);
    expect(form('q=' + 'x'.repeat(500)).q).toHaveLength(200);
  });

  it('knows a submitted form from a first visit, and a position from a broken one', () => {
    expect(form('').submitted).toBe(false);
    expect(form('jurisdiction=federal').submitted).toBe(false);
    expect(form('q=').submitted).toBe(true);
    expect(form('near=Iqaluit').submitted).toBe(true);
    expect(form('lat=49.283&lon=-123.121')).toMatchObject({
      position: { lat: 49.283, lon: -123.121 },
      submitted: true,
    });
    expect(form('lat=91&lon=0')).toMatchObject({ position: null, badPosition: true });
    expect(form('lat=49')).toMatchObject({ position: null, badPosition: true });
    expect(form('lat=&lon=')).toMatchObject({ position: null, badPosition: true });
  });

  it('counts the options set under "More options"', () => {
    expect(
      activeOptionCount(
        form('q=x&near=y&jurisdiction=federal&channel=phone&service_type=library&open_now=true'),
      ),
    ).toBe(5);
  });
});

describe('queryStringOf / mapPointsQuery', () => {
  it('writes the canonical query, for paging and without filters', () => {
    const f = form('page=2&q=emploi&jurisdiction=provincial&jurisdiction=federal&open_now=1');
    expect(queryStringOf(f)).toBe(
      'q=emploi&jurisdiction=federal&jurisdiction=provincial&open_now=true&page=2',
    );
    expect(queryStringOf(f, { page: 1 })).toBe(
      'q=emploi&jurisdiction=federal&jurisdiction=provincial&open_now=true',
    );
    expect(queryStringOf(f, { page: 1, withoutFilters: true })).toBe('q=emploi');
  });

  it('gives the map the resolved origin and keywords in the API’s own parameters', () => {
    const f = form('q=V9W+2P8&service_type=employment&channel=in_person&page=4');
    expect(mapPointsQuery(f, { text: '', origin: { lat: 50.0240613, lon: -125.2434889 } })).toBe(
      'lat=50.024061&lon=-125.243489&channel=in_person&service_type=employment',
    );
    expect(mapPointsQuery(form('q=emploi'), { text: 'emploi', origin: null })).toBe('q=emploi');
  });
});

describe('restOfUrl / togglePath', () => {
  it('keeps the path after the language and the query', () => {
    expect(restOfUrl('/en', '')).toBe('/');
    expect(restOfUrl('/en/', '')).toBe('/');
    expect(restOfUrl('/fr?q=x', '')).toBe('/?q=x');
    expect(restOfUrl('/en/search?q=x&page=2', '')).toBe('/search?q=x&page=2');
    expect(restOfUrl('/repere/fr/locations/workbc%3Ap1', '/repere')).toBe('/locations/workbc%3Ap1');
    const ctx = {
      lang: 'en',
      base: '',
      rest: '/search?q=x',
      origin: 'http://x',
      tileUrl: '',
      assets: { siteCss: '', mapJs: '', mapCss: '' },
    } as const;
    expect(togglePath(ctx)).toBe('/fr/search?q=x');
    expect(togglePath({ ...ctx, lang: 'fr', base: '/repere' })).toBe('/repere/en/search?q=x');
  });
});
