import { describe, expect, it } from 'vitest';
import { urlWithLocation } from './location-url.js';

describe('urlWithLocation', () => {
  it('sets lat/lon to 3 decimals and drops q, postcode and place, keeping other filters', () => {
    expect(
      urlWithLocation(
        'https://repere.example/en/map?q=campbell&postcode=V9W+2P8&place=Campbell+River&level=provincial#results',
        49.28273,
        -123.12074,
      ),
    ).toBe('https://repere.example/en/map?level=provincial&lat=49.283&lon=-123.121#results');
  });

  it('replaces an earlier position rather than adding a second one', () => {
    expect(urlWithLocation('https://repere.example/fr/carte?lat=1&lon=2', 63.746693, -68.516967)).toBe(
      'https://repere.example/fr/carte?lat=63.747&lon=-68.517',
    );
  });

  it('writes no trailing zeros and no negative zero', () => {
    expect(urlWithLocation('https://repere.example/en/map', 45.5, -0.0001)).toBe(
      'https://repere.example/en/map?lat=45.5&lon=0',
    );
  });

  it('refuses positions outside the globe', () => {
    expect(() => urlWithLocation('https://repere.example/', 91, 0)).toThrow(
      'expected a latitude in [-90, 90] degrees, found 91',
    );
    expect(() => urlWithLocation('https://repere.example/', 0, Number.NaN)).toThrow(
      'expected a longitude in [-180, 180] degrees, found NaN',
    );
  });
});
