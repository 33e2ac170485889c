import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PopulationUnit } from '../../domain/reference.js';
import { linkCommunitiesToCsds } from './community-csd-links.js';
import { loadCommunities } from './load-communities.js';
import { loadCwbUnits } from './load-population-units.js';

// The bundled ISC community points and CWB 2021 CSD list.
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('linkCommunitiesToCsds on the real ISC and CWB files', () => {
  it('links 343 of 689 communities to 450 CSDs by name within the province', async () => {
    const [communities, units] = await Promise.all([loadCommunities(DATA), loadCwbUnits(DATA)]);
    const links = linkCommunitiesToCsds(communities, units);
    expect(links.size).toBe(343);
    expect(new Set([...links.values()].flat()).size).toBe(450);
    const nameOf = (code: string): string | undefined => units.find((u) => u.csdCode === code)?.name;
    const linked = (name: string): (string | undefined)[] =>
      (links.get(communities.find((c) => c.name.en === name)?.id ?? '') ?? []).map(nameOf);
    expect(linked("God's Lake First Nation")).toEqual(["God's Lake 23"]);
    expect(linked('Cross Lake Band of Indians')).toEqual([
      'Cross Lake 19',
      'Cross Lake 19A',
      'Cross Lake 19E',
    ]);
    expect(linked('Cree Nation of Chisasibi')).toEqual(['Chisasibi']);
    expect(linked('Première Nation des Innus de Nutashkuan')).toEqual(['Nutashkuan']);
    // Inuit: a Nunavik village is two CSDs of one name (the village and its Category I lands).
    expect(linked('Coral Harbour')).toEqual(['Coral Harbour']);
    expect(linked('Kuujjuaq')).toEqual(['Kuujjuaq', 'Kuujjuaq']);
    // Band names that are not reserve names stay unlinked rather than guessed.
    expect(linked('Moose Cree First Nation')).toEqual([]);
    expect(linked('Westbank First Nation')).toEqual([]);
  });

  it('keeps a csdCode the community already has, and links only within the province', () => {
    const unit = (csdCode: string, name: string, province: 'MB' | 'SK'): PopulationUnit => ({
      csdCode,
      name,
      province,
      population: 100,
      cwb: { score: null, income: null, education: null, housing: null, labourForce: null },
      communityType: 'first_nations',
      lat: null,
      lon: null,
      precision: 'none',
      locatedBy: null,
    });
    const units = [unit('4622051', 'Cross Lake 19', 'MB'), unit('4718000', 'Sandy Bay 5', 'SK')];
    const base = { kind: 'first_nation' as const, lat: 54, lon: -97, population: null, sourceId: 'test' };
    const links = linkCommunitiesToCsds(
      [
        { ...base, id: 'fn:1', name: { en: 'Cross Lake Band of Indians' }, province: 'MB' },
        { ...base, id: 'fn:2', name: { en: 'Sandy Bay' }, province: 'MB' },
        { ...base, id: 'fn:3', name: { en: 'Anything' }, province: 'MB', csdCode: '4600000' },
      ],
      units,
    );
    expect([...links]).toEqual([
      ['fn:1', ['4622051']],
      ['fn:3', ['4600000']],
    ]);
  });
});
