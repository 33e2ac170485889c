import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PopulationUnit } from '../../domain/reference.js';
import { loadCwbUnits, loadPopulationUnits } from './load-population-units.js';
import { populationLocatedShare } from './locate-csds.js';

// The bundled CWB 2021 file and every bundled source that links to CSD codes.
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('loadCwbUnits', () => {
  it('reads all 5,161 CSDs of the 2021 census, 36,991,981 people', async () => {
    const units = await loadCwbUnits(DATA);
    expect(units).toHaveLength(5161);
    expect(units.reduce((sum, u) => sum + (u.population ?? 0), 0)).toBe(36_991_981);
    const count = (type: PopulationUnit['communityType']): number =>
      units.filter((u) => u.communityType === type).length;
    expect([count('first_nations'), count('inuit'), count('non_indigenous'), count('other')]).toEqual([
      1066, 75, 4020, 0,
    ]);
    expect(units.every((u) => u.precision === 'none' && u.lat === null)).toBe(true);
  });

  it('keeps suppressed values null, never 0', async () => {
    const units = await loadCwbUnits(DATA);
    expect(units.filter((u) => u.cwb.score === null)).toHaveLength(779);
    expect(units.filter((u) => u.cwb.income === null)).toHaveLength(1546);
    expect(units.filter((u) => u.cwb.score === 0 || u.cwb.income === 0)).toEqual([]);
    // 63 blank populations stay null; 268 CSDs really have nobody (0).
    expect(units.filter((u) => u.population === null)).toHaveLength(63);
    expect(units.filter((u) => u.population === 0)).toHaveLength(268);
    expect(units.find((u) => u.csdCode === '1001101')).toEqual({
      csdCode: '1001101',
      name: 'Division No. 1, Subd. V', // published with a double space
      province: 'NL',
      population: 55,
      cwb: { score: null, income: null, education: null, housing: null, labourForce: null },
      communityType: 'non_indigenous',
      lat: null,
      lon: null,
      precision: 'none',
      locatedBy: null,
    });
    // An overall score published without its components.
    expect(units.find((u) => u.csdCode === '1001105')?.cwb).toEqual({
      score: 73,
      income: null,
      education: null,
      housing: null,
      labourForce: null,
    });
    expect(units.find((u) => u.csdCode === '2406804')).toMatchObject({
      name: 'Listuguj',
      population: null,
      communityType: 'first_nations',
    });
  });
});

describe('loadPopulationUnits', () => {
  let units: PopulationUnit[];
  beforeAll(async () => {
    units = await loadPopulationUnits(DATA);
  });

  it('locates 2,152 of 5,161 CSDs, holding 92.66% of the population (GeoNames alone: 1,077, 82.6%)', () => {
    expect(units).toHaveLength(5161);
    expect(units.filter((u) => u.lat !== null && u.lon !== null)).toHaveLength(2152);
    const share = populationLocatedShare(units);
    console.info(
      `CSDs located: 2152 / 5161; population located: ${share.located} / ${share.total} = ${(share.share * 100).toFixed(2)}%`,
    );
    expect(share).toEqual({ located: 34_277_488, total: 36_991_981, share: 34_277_488 / 36_991_981 });
    const bySource = new Map<string, number>();
    for (const u of units)
      bySource.set(`${u.locatedBy}/${u.precision}`, (bySource.get(`${u.locatedBy}/${u.precision}`) ?? 0) + 1);
    expect(Object.fromEntries(bySource)).toEqual({
      'null/none': 3009,
      'geonames_ca_places/community': 1074,
      'isc_first_nations_locations/community': 384,
      'isc_inuit_communities/community': 39,
      'dfrp_federal_offices_2023/csd': 201,
      'odhf_healthcare_facilities_v1.1/csd': 454,
    });
  });

  it('places real CSDs from the best source', () => {
    const byCode = (code: string): PopulationUnit | undefined => units.find((u) => u.csdCode === code);
    expect(byCode('3520005')).toMatchObject({
      name: 'Toronto',
      lat: 43.70011,
      lon: -79.4163,
      precision: 'community',
      locatedBy: 'geonames_ca_places',
    });
    expect(byCode('6204003')).toMatchObject({
      name: 'Iqaluit',
      communityType: 'inuit',
      lat: 63.74697,
      lon: -68.51727,
      locatedBy: 'geonames_ca_places',
    });
    expect(byCode('4622049')).toMatchObject({
      name: "God's Lake 23",
      lat: 54.547376,
      lon: -94.50183,
      locatedBy: 'isc_first_nations_locations',
    });
    expect(byCode('3543014')).toMatchObject({
      name: 'Bradford West Gwillimbury',
      precision: 'csd',
      locatedBy: 'odhf_healthcare_facilities_v1.1',
    });
    expect(byCode('4617050')).toMatchObject({
      name: 'Dauphin',
      precision: 'csd',
      locatedBy: 'dfrp_federal_offices_2023',
    });
    // GeoNames' name-based link for Saint-Raphaël points at another Saint-Raphaël 407 km away;
    // the consistent one (Bellechasse, next to the CSD's CHSLD) is kept.
    expect(byCode('2419082')).toMatchObject({ lat: 46.796, lon: -70.75576, locatedBy: 'geonames_ca_places' });
    // The most populous unlocated CSD: no bundled source names a place in Parkland County.
    expect(byCode('4811034')).toMatchObject({ population: 32205, lat: null, precision: 'none' });
  });
});
