import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCommunities } from './load-communities.js';

// The bundled ISC files (data/isc_first_nations_locations, data/isc_inuit_communities).
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('loadCommunities', () => {
  it('reads 636 First Nations and 53 Inuit communities', async () => {
    const communities = await loadCommunities(DATA);
    expect(communities).toHaveLength(689);
    expect(communities.filter((c) => c.kind === 'first_nation')).toHaveLength(636);
    expect(new Set(communities.map((c) => c.id)).size).toBe(689);
  });

  it('gives each First Nation the province its point is in, or nearest to on the coast', async () => {
    const communities = await loadCommunities(DATA);
    expect(communities.find((c) => c.id === 'fn:296')).toEqual({
      id: 'fn:296',
      kind: 'first_nation',
      name: { en: "God's Lake First Nation", fr: "God's Lake First Nation" },
      alternateNames: [],
      province: 'MB',
      lat: 54.547376,
      lon: -94.50183,
      population: null,
      sourceId: 'isc_first_nations_locations',
    });
    const byProvince = (code: string): number =>
      communities.filter((c) => c.kind === 'first_nation' && c.province === code).length;
    expect([
      byProvince('BC'),
      byProvince('ON'),
      byProvince('SK'),
      byProvince('MB'),
      byProvince('QC'),
    ]).toEqual([200, 138, 70, 63, 40]);
    // Akwesasne's band point is on the Quebec side of the tripoint; Ucluelet's is 0.7 km off BC's 1:50m coast.
    expect(communities.find((c) => c.name.en === 'Mohawks of Akwesasne')?.province).toBe('QC');
    expect(communities.find((c) => c.name.en === 'Ucluelet First Nation')?.province).toBe('BC');
    expect(communities.filter((c) => c.kind === 'first_nation' && c.province === null)).toEqual([]);
  });

  it('keeps the Inuit traditional name as an alternate name, and Killiniq without a province', async () => {
    const communities = await loadCommunities(DATA);
    expect(communities.find((c) => c.id === 'inuit:IN22')).toEqual({
      id: 'inuit:IN22',
      kind: 'inuit',
      name: { en: 'Coral Harbour', fr: 'Coral Harbour' },
      alternateNames: ['Salliq'],
      province: 'NU',
      lat: 64.13373896399997,
      lon: -83.16689326,
      population: 834,
      region: 'Nunavut',
      sourceId: 'isc_inuit_communities',
    });
    expect(communities.find((c) => c.name.en === 'Cape Dorset')?.alternateNames).toEqual(['Kinngait']);
    expect(communities.find((c) => c.name.en === 'Iqaluit')?.alternateNames).toEqual([]);
    const killiniq = communities.find((c) => c.name.en === 'Killiniq');
    expect(killiniq).toMatchObject({ province: null, population: 0 });
    expect(killiniq).not.toHaveProperty('region');
  });
});
