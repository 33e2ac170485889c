import { describe, expect, it } from 'vitest';
import type { Community, Place, PopulationUnit } from '../../domain/reference.js';
import { locateCsds, populationLocatedShare } from './locate-csds.js';
import type { CsdEvidence } from './locate-csds.js';

// In-memory units and evidence, named after real CSDs; load-population-units.test.ts runs the real files.
const unit = (
  csdCode: string,
  name: string,
  population: number | null,
  communityType: PopulationUnit['communityType'] = 'non_indigenous',
): PopulationUnit => ({
  csdCode,
  name,
  province: 'QC',
  population,
  cwb: { score: null, income: null, education: null, housing: null, labourForce: null },
  communityType,
  lat: null,
  lon: null,
  precision: 'none',
  locatedBy: null,
});
const place = (
  name: string,
  csdCode: string,
  lat: number,
  lon: number,
  population: number | null,
): Place => ({
  id: `geonames:${name}`,
  name,
  alternateNames: [],
  province: 'QC',
  lat,
  lon,
  population,
  csdCode,
});
const chisasibi: Community = {
  id: 'fn:1',
  kind: 'first_nation',
  name: { en: 'Cree Nation of Chisasibi' },
  province: 'QC',
  lat: 53.7845,
  lon: -78.9068,
  population: null,
  sourceId: 'isc_first_nations_locations',
};

const units = [
  unit('2466023', 'Montréal', 1_762_949),
  unit('2499810', 'Chisasibi', 4_985, 'first_nations'),
  unit('2419082', 'Saint-Raphaël', 2_458),
  unit('2481017', 'Gatineau', 291_041),
  unit('2499888', 'Baie-James', null),
];
const evidence: CsdEvidence = {
  places: [
    place('Montréal', '2466023', 45.50884, -73.58781, 1_600_000),
    place('Verdun', '2466023', 45.45008, -73.57346, 66_158),
    // A wrong name-based link: this Saint-Raphaël is 407 km from the CSD's own facility.
    place('Saint-Raphaël', '2419082', 46.25011, -76.01605, 1_000),
  ],
  communities: [chisasibi],
  pointSources: [
    {
      sourceId: 'dfrp_federal_offices_2023',
      points: [
        { csdCode: '2481017', lat: 45.43, lon: -75.72 },
        { csdCode: '2481017', lat: 45.47, lon: -75.7 },
      ],
    },
    {
      sourceId: 'odhf_healthcare_facilities_v1.1',
      points: [
        { csdCode: '2419082', lat: 46.792727, lon: -70.751669 },
        { csdCode: '2481017', lat: 45.0, lon: -75.0 },
      ],
    },
  ],
};

describe('locateCsds', () => {
  const located = locateCsds(units, evidence);
  const byCode = (code: string): PopulationUnit | undefined => located.find((u) => u.csdCode === code);

  it('prefers the most populous GeoNames place of the CSD', () => {
    expect(byCode('2466023')).toMatchObject({
      lat: 45.50884,
      lon: -73.58781,
      precision: 'community',
      locatedBy: 'geonames_ca_places',
    });
  });

  it('uses a First Nation point linked by name', () => {
    expect(byCode('2499810')).toMatchObject({
      lat: 53.7845,
      lon: -78.9068,
      precision: 'community',
      locatedBy: 'isc_first_nations_locations',
    });
  });

  it('averages the first point source that has the CSD (DFRP before ODHF)', () => {
    const gatineau = byCode('2481017');
    expect(gatineau).toMatchObject({ precision: 'csd', locatedBy: 'dfrp_federal_offices_2023' });
    expect(gatineau?.lat).toBeCloseTo(45.45, 10);
    expect(gatineau?.lon).toBeCloseTo(-75.71, 10);
  });

  it('drops a GeoNames link over 150 km from every building/facility mean of the CSD', () => {
    expect(byCode('2419082')).toMatchObject({
      lat: 46.792727,
      lon: -70.751669,
      precision: 'csd',
      locatedBy: 'odhf_healthcare_facilities_v1.1',
    });
  });

  it('leaves a CSD that nothing links to unlocated, and does not change its input', () => {
    expect(byCode('2499888')).toMatchObject({ lat: null, lon: null, precision: 'none', locatedBy: null });
    expect(units.every((u) => u.lat === null && u.precision === 'none')).toBe(true);
  });

  it('measures the located share of the population', () => {
    expect(populationLocatedShare(located)).toEqual({ located: 2_061_433, total: 2_061_433, share: 1 });
    expect(populationLocatedShare(units)).toEqual({ located: 0, total: 2_061_433, share: 0 });
    expect(populationLocatedShare([])).toEqual({ located: 0, total: 0, share: 0 });
  });
});
