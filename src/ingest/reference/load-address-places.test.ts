import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAddressPlaces } from './load-address-places.js';

// ODHF, Nova Scotia Works and WorkBC rows of the bundled data (their own coordinates and city names).
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('loadAddressPlaces', () => {
  it('derives one community point per province and community name', async () => {
    const places = await loadAddressPlaces(DATA);
    expect(places).toHaveLength(2911);
    expect(new Set(places.map((p) => p.id)).size).toBe(2911);
    expect(places.every((p) => p.population === null && p.alternateNames.length === 0)).toBe(true);
  });

  it('keeps the properly cased spelling and averages the facilities near their median', async () => {
    const places = await loadAddressPlaces(DATA);
    // Chéticamp: one Nova Scotia Works office ("Cheticamp") and ODHF facilities.
    const cheticamp = places.find((p) => p.id === 'address:NS|cheticamp');
    expect(cheticamp?.name).toBe('Cheticamp');
    expect(cheticamp?.province).toBe('NS');
    expect(cheticamp?.lat).toBeCloseTo(46.62419, 5);
    expect(cheticamp?.lon).toBeCloseTo(-61.0157, 4);
    // ODHF writes names in lower case; they are title-cased with French particles kept low.
    expect(places.find((p) => p.id === 'address:MB|notre dame de lourdes')?.name).toBe(
      'Notre-Dame-de-Lourdes',
    );
    expect(places.find((p) => p.id === 'address:QC|lascension de notre seigneur')?.name).toBe(
      "L'Ascension-de-Notre-Seigneur",
    );
    // ODHF writes "st johns"; GeoNames' "St. John's" is what the gazetteer answers first anyway.
    expect(places.find((p) => p.id === 'address:NL|saint johns')?.name).toBe('St Johns');
  });

  it('skips names damaged by the lossy ODHF conversion', async () => {
    const places = await loadAddressPlaces(DATA);
    expect(places.filter((p) => p.name.includes('\uFFFD'))).toEqual([]);
  });
});
