import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFsaCentroids } from './load-fsa-centroids.js';

// The bundled 2011 FSA centroids (data/fsa_centroids_2011/SOURCE.md).
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('loadFsaCentroids', () => {
  it('reads 1,644 of the 1,645 FSAs: H0H (Santa Claus, no coordinates) is skipped', async () => {
    const fsas = await loadFsaCentroids(DATA);
    expect(fsas).toHaveLength(1644);
    expect(fsas.some((f) => f.fsa === 'H0H')).toBe(false);
    expect(new Set(fsas.map((f) => f.fsa)).size).toBe(1644);
    expect(fsas.find((f) => f.fsa === 'V9W')).toEqual({
      fsa: 'V9W',
      lat: 50.0059,
      lon: -125.2343,
      province: 'BC',
    });
    expect(fsas.find((f) => f.fsa === 'T0A')).toEqual({
      fsa: 'T0A',
      lat: 53.9225,
      lon: -111.0585,
      province: 'AB',
    });
    expect(fsas.find((f) => f.fsa === 'X0A')).toEqual({
      fsa: 'X0A',
      lat: 70.4643,
      lon: -68.4789,
      province: 'NU',
    });
    expect(fsas.filter((f) => f.province === 'ON')).toHaveLength(525);
  });
});
