// Reading where the caller is, against a small stand-in gazetteer (the real one is exercised
// in refer.test.ts): FSA centroids of E3B and X0A, and the places below, as Gazetteer.search
// returns them for the bundled data.
import { describe, expect, it } from 'vitest';
import type { PlaceSearch } from '../../src/search/origin.js';
import { LocationError, resolveLocation } from '../../src/referral/referral-location.js';
import type { ProvinceFinder } from '../../src/referral/referral-location.js';

type Result = ReturnType<PlaceSearch['search']>[number];
const FSAS: Record<string, { lat: number; lon: number }> = { E3B: { lat: 45.9535, lon: -66.6704 }, X0A: { lat: 70.4643, lon: -68.4789 } };
const PLACES: Result[] = [
  { label: 'Fredericton, NB', lat: 45.94541, lon: -66.66558, precision: 'community', kind: 'place' },
  { label: 'Québec, QC', lat: 46.81228, lon: -71.21454, precision: 'community', kind: 'place' },
  { label: 'Iqaluit, NU', lat: 63.74697, lon: -68.51727, precision: 'community', kind: 'place' },
];
const gazetteer: PlaceSearch = {
  search(text) {
    const code = text.trim().toUpperCase();
    const fsa = FSAS[code.slice(0, 3)];
    if (fsa && /^[A-Z]\d[A-Z](\s?\d[A-Z]\d)?$/.test(code)) {
      return [{ label: code.length > 3 ? code : `FSA ${code}`, ...fsa, precision: 'fsa', kind: code.length > 3 ? 'postal_code' : 'fsa' }];
    }
    const name = text.replace(/,.*$/, '').trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    return PLACES.filter((p) => p.label.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').startsWith(name));
  },
};
// Stands in for the province polygons: X0A's centroid (Baffin Island) is in Nunavut.
const locator: ProvinceFinder = { provinceNear: (lat) => (lat > 60 ? 'NU' : null) };

describe('resolveLocation', () => {
  it('takes the province from the postal code’s first letter and the point from its FSA', () => {
    expect(resolveLocation({ postcode: 'e3b1a1' }, gazetteer)).toEqual({
      lat: 45.9535,
      lon: -66.6704,
      province: 'NB',
      provinces: ['NB'],
      precision: 'fsa',
      label: 'E3B 1A1',
      kind: 'postal_code',
    });
    expect(resolveLocation({ postcode: 'E3B' }, gazetteer)).toMatchObject({ province: 'NB', label: 'E3B', kind: 'fsa' });
  });

  it('knows the province of a valid code whose FSA the gazetteer lacks, without a point', () => {
    expect(resolveLocation({ postcode: 'H2X 1Y4' }, gazetteer)).toEqual({
      lat: null,
      lon: null,
      province: 'QC',
      provinces: ['QC'],
      precision: 'province',
      label: 'H2X 1Y4',
      kind: 'postal_code',
    });
  });

  it('settles X codes (NWT or Nunavut) with the polygons, the province parameter, or not at all', () => {
    expect(resolveLocation({ postcode: 'X0A 0H0' }, gazetteer, locator)).toMatchObject({ province: 'NU', provinces: ['NT', 'NU'] });
    expect(resolveLocation({ postcode: 'X0A 0H0', province: 'NT' }, gazetteer)).toMatchObject({ province: 'NT', provinces: ['NT'] });
    expect(resolveLocation({ postcode: 'X0A 0H0' }, gazetteer)).toMatchObject({ province: null, provinces: ['NT', 'NU'] });
  });

  it('locates a place and reads its province from the gazetteer label', () => {
    expect(resolveLocation({ place: 'Fredericton' }, gazetteer)).toEqual({
      lat: 45.94541,
      lon: -66.66558,
      province: 'NB',
      provinces: ['NB'],
      precision: 'community',
      label: 'Fredericton, NB',
      kind: 'place',
    });
  });

  it('reads one search box: code, province (with the point of its namesake city) or place', () => {
    expect(resolveLocation('E3B 1A1', gazetteer)).toMatchObject({ province: 'NB', kind: 'postal_code' });
    expect(resolveLocation('NB', gazetteer)).toEqual({ lat: null, lon: null, province: 'NB', provinces: ['NB'], precision: 'province', label: 'NB', kind: 'province' });
    expect(resolveLocation('Nouveau-Brunswick', gazetteer)).toMatchObject({ province: 'NB', kind: 'province', lat: null });
    expect(resolveLocation('Québec', gazetteer)).toMatchObject({ province: 'QC', label: 'Québec, QC', lat: 46.81228, kind: 'place' });
    expect(resolveLocation('Iqaluit', gazetteer)).toMatchObject({ province: 'NU', kind: 'place' });
    expect(resolveLocation('  ', gazetteer)).toBeNull();
    expect(resolveLocation({}, gazetteer)).toBeNull();
    expect(resolveLocation(null, gazetteer)).toBeNull();
  });

  it('names the parameter it cannot read', () => {
    const problem = (run: () => unknown): [string, string] => {
      try {
        run();
      } catch (error) {
        if (error instanceof LocationError) return [error.parameter, error.message];
        throw error;
      }
      throw new Error('expected a LocationError');
    };
    expect(problem(() => resolveLocation({ postcode: 'D3B 1A1' }, gazetteer))).toEqual([
      'postcode',
      '"postcode" must be a Canadian postal code (E3B 1A1) or its first three characters (E3B); got "D3B 1A1".',
    ]);
    expect(problem(() => resolveLocation({ postcode: 'E3B 1A1', province: 'ON' }, gazetteer))).toEqual([
      'province',
      '"province" ON does not match postal code E3B 1A1, which is in NB.',
    ]);
    expect(problem(() => resolveLocation({ province: 'Atlantis' }, gazetteer))[0]).toBe('province');
    expect(problem(() => resolveLocation({ place: 'Nowhereville' }, gazetteer))).toEqual([
      'place',
      '"place": no place named "Nowhereville" in the gazetteer; try a postal code, an FSA or a province.',
    ]);
    expect(problem(() => resolveLocation('Nowhereville', gazetteer))[0]).toBe('where');
  });
});
