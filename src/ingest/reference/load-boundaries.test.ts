import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBoundaries, loadCanadaOutline } from './load-boundaries.js';

// The bundled Natural Earth 1:50m file (data/provinces_territories_ne50m/SOURCE.md).
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('loadBoundaries', () => {
  it('reads the 13 provinces and territories with both names', async () => {
    const boundaries = await loadBoundaries(DATA);
    expect(boundaries.map((b) => b.province)).toEqual([
      'AB',
      'BC',
      'MB',
      'NB',
      'NL',
      'NS',
      'NT',
      'NU',
      'ON',
      'PE',
      'QC',
      'SK',
      'YT',
    ]);
    const qc = boundaries.find((b) => b.province === 'QC');
    expect(qc?.name).toEqual({ en: 'Quebec', fr: 'Québec' });
    expect(qc?.geometry.type).toBe('MultiPolygon');
    expect(boundaries.find((b) => b.province === 'PE')?.name).toEqual({
      en: 'Prince Edward Island',
      fr: 'Île-du-Prince-Édouard',
    });
    const nu = boundaries.find((b) => b.province === 'NU');
    expect(nu?.geometry.type === 'MultiPolygon' ? nu.geometry.coordinates.length : 0).toBe(91);
    const sk = boundaries.find((b) => b.province === 'SK');
    expect(sk?.geometry.type === 'Polygon' ? sk.geometry.coordinates[0]?.length : 0).toBe(103);
  });

  it('says which feature is wrong when a pruid is not a province code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'repere-boundaries-'));
    try {
      await mkdir(join(dir, 'provinces_territories_ne50m'));
      const feature = {
        type: 'Feature',
        properties: { pruid: '99' },
        geometry: { type: 'Polygon', coordinates: [] },
      };
      await writeFile(
        join(dir, 'provinces_territories_ne50m', 'canada_provinces_ne_50m.geojson'),
        JSON.stringify({ type: 'FeatureCollection', features: [feature] }),
      );
      await expect(loadBoundaries(dir)).rejects.toThrow(
        'feature 1 has pruid "99", expected a 2-digit province code',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('loadCanadaOutline', () => {
  it('reads the Canada and USA outlines', async () => {
    const { canada, usa } = await loadCanadaOutline(DATA);
    expect(canada.type).toBe('MultiPolygon');
    expect(usa.type).toBe('MultiPolygon');
    expect(canada.type === 'MultiPolygon' ? canada.coordinates.length : 0).toBe(141);
    expect(usa.type === 'MultiPolygon' ? usa.coordinates.length : 0).toBe(121);
  });
});
