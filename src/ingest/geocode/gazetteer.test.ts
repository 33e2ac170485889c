import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FsaCentroid, Place, PopulationUnit } from '../../domain/reference.js';
import { loadAddressPlaces } from '../reference/load-address-places.js';
import { loadCommunities } from '../reference/load-communities.js';
import { loadFsaCentroids } from '../reference/load-fsa-centroids.js';
import { loadPlaces } from '../reference/load-places.js';
import { loadPopulationUnits } from '../reference/load-population-units.js';
import { Gazetteer } from './gazetteer.js';

// The bundled reference layers (data/*/SOURCE.md); expected points are the files' own values.
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('Gazetteer on the bundled reference layers', () => {
  let gazetteer: Gazetteer;
  beforeAll(async () => {
    const [places, addressPlaces, communities, fsas, units] = await Promise.all([
      loadPlaces(DATA),
      loadAddressPlaces(DATA),
      loadCommunities(DATA),
      loadFsaCentroids(DATA),
      loadPopulationUnits(DATA),
    ]);
    gazetteer = Gazetteer.from({ places, addressPlaces, communities, fsas, units });
  });

  it('answers an urban postal code with its FSA centroid (WorkBC Campbell River, V9W 2P8)', () => {
    const campbellRiver = {
      lat: 50.0059,
      lon: -125.2343,
      precision: 'fsa',
      source: 'fsa_centroid',
      label: 'FSA V9W',
    };
    expect(gazetteer.geocode({ postalCode: 'V9W 2P8', city: 'Campbell River', province: 'BC' })).toEqual(
      campbellRiver,
    );
    expect(gazetteer.geocode({ postalCode: 'v9w2p8' })).toEqual(campbellRiver);
  });

  it('prefers the place to a rural FSA (WorkBC Port Hardy, V0N 2P0: V0N runs from Sechelt to Port Hardy)', () => {
    expect(gazetteer.geocode({ postalCode: 'V0N 2P0', city: 'Port Hardy', province: 'BC' })).toEqual({
      lat: 50.72086,
      lon: -127.49231,
      precision: 'community',
      source: 'gazetteer',
      label: 'Port Hardy, BC',
    });
    expect(gazetteer.geocode({ postalCode: 'V0N 2P0', province: 'BC' })).toEqual({
      lat: 50.5899,
      lon: -126.9517,
      precision: 'fsa',
      source: 'fsa_centroid',
      label: 'FSA V0N',
    });
  });

  it('prefers the place when an urban FSA is more than 25 km away (a PO box elsewhere)', () => {
    expect(gazetteer.geocode({ postalCode: 'V6C 1A1', city: 'Prince George', province: 'BC' })).toMatchObject(
      {
        precision: 'community',
        label: 'Prince George, BC',
      },
    );
  });

  it('ignores a postal code from another province', () => {
    expect(gazetteer.geocode({ postalCode: 'V9W 2P8', province: 'ON' })).toBeNull();
    expect(gazetteer.geocode({ postalCode: 'K1A 0B1', city: 'Iqaluit', province: 'NU' })).toMatchObject({
      label: 'Iqaluit, NU',
    });
    expect(gazetteer.geocode({ postalCode: 'H0H 0H0' })).toBeNull();
    expect(gazetteer.geocode({})).toBeNull();
  });

  it('finds places by folded name: accents, Saint/St, hyphens', () => {
    expect(gazetteer.geocode({ city: 'Iqaluit', province: 'NU' })).toEqual({
      lat: 63.74697,
      lon: -68.51727,
      precision: 'community',
      source: 'gazetteer',
      label: 'Iqaluit, NU',
    });
    const saintJerome = {
      lat: 45.78036,
      lon: -74.00365,
      precision: 'community',
      source: 'gazetteer',
      label: 'Saint-Jérôme, QC',
    };
    expect(gazetteer.geocode({ city: 'Saint-Jérôme', province: 'QC' })).toEqual(saintJerome);
    expect(gazetteer.geocode({ city: 'St-Jerome', province: 'QC' })).toEqual(saintJerome);
    expect(gazetteer.geocode({ city: "St. John's", province: 'NL' })).toMatchObject({
      lat: 47.56494,
      lon: -52.70931,
      label: "St. John's, NL",
    });
    expect(gazetteer.geocode({ city: 'Sault Ste Marie', province: 'ON' })).toMatchObject({
      label: 'Sault Ste. Marie, ON',
    });
    expect(gazetteer.geocode({ city: 'St-Jean-sur-Richelieu', province: 'QC' })).toMatchObject({
      label: 'Saint-Jean-sur-Richelieu, QC',
    });
    expect(gazetteer.geocode({ city: 'Montreal', province: 'QC' })).toMatchObject({ label: 'Montréal, QC' });
    // A GeoNames alternate name.
    expect(gazetteer.geocode({ city: 'Quebec City', province: 'QC' })).toMatchObject({
      lat: 46.81228,
      lon: -71.21454,
      label: 'Québec, QC',
    });
  });

  it('locates Service Canada rows by the community in the office name', () => {
    // "Sept-Îles Service Canada Centre", "Valleyfield Service Canada Centre", "Happy Valley Service Canada Centre".
    expect(gazetteer.geocode({ city: 'Sept-Îles', province: 'QC' })).toEqual({
      lat: 50.20011,
      lon: -66.38208,
      precision: 'community',
      source: 'gazetteer',
      label: 'Sept-Îles, QC',
    });
    expect(gazetteer.geocode({ city: 'Valleyfield', province: 'QC' })).toMatchObject({
      label: 'Salaberry-de-Valleyfield, QC',
    });
    expect(gazetteer.geocode({ city: 'Happy Valley', province: 'NL' })).toMatchObject({
      label: 'Happy Valley-Goose Bay, NL',
    });
    expect(gazetteer.geocode({ city: 'Gatineau-Hull', province: 'QC' })).toMatchObject({
      label: 'Gatineau, QC',
    });
  });

  it('strips designators and splits compound names, keeping the more specific part when they agree', () => {
    expect(gazetteer.geocode({ city: 'Ottawa (Orléans)', province: 'ON' })).toMatchObject({
      lat: 45.45732,
      lon: -75.50433,
      label: 'Orléans, ON',
    });
    expect(gazetteer.geocode({ city: 'Toronto - Scarborough', province: 'ON' })).toMatchObject({
      label: 'Scarborough, ON',
    });
    // Val Caron is in no bundled file: Sudbury (GeoNames "Greater Sudbury", alternate "Sudbury") it is.
    expect(gazetteer.geocode({ city: 'Sudbury - Val Caron', province: 'ON' })).toMatchObject({
      lat: 46.49,
      lon: -80.99001,
      label: 'Greater Sudbury, ON',
    });
    expect(gazetteer.geocode({ city: 'North Vancouver, District of', province: 'BC' })).toMatchObject({
      label: 'North Vancouver, BC',
    });
    expect(gazetteer.geocode({ city: 'Ville de Gatineau', province: 'QC' })).toMatchObject({
      label: 'Gatineau, QC',
    });
  });

  it('uses First Nations and Inuit community points, by band name or traditional name', () => {
    expect(gazetteer.geocode({ city: 'Kasabonika Lake First Nation', province: 'ON' })).toEqual({
      lat: 53.532258,
      lon: -88.608448,
      precision: 'community',
      source: 'community',
      label: 'Kasabonika Lake, ON',
    });
    expect(gazetteer.geocode({ city: 'Salliq', province: 'NU' })).toMatchObject({
      source: 'community',
      label: 'Coral Harbour, NU',
    });
    expect(gazetteer.geocode({ city: 'Cross Lake', province: 'MB' })).toMatchObject({
      label: 'Cross Lake Band of Indians, MB',
    });
  });

  it('uses facility-address places for villages GeoNames lacks, and CSD points last', () => {
    expect(gazetteer.geocode({ city: 'Cheticamp', province: 'NS' })).toMatchObject({
      precision: 'community',
      label: 'Cheticamp, NS',
    });
    // Old Crow is too small for GeoNames; the 2014 library list's community point places it.
    expect(gazetteer.geocode({ city: 'Old Crow', province: 'YT' })).toMatchObject({
      precision: 'community',
      label: 'Old Crow, YT',
    });
    expect(gazetteer.geocode({ city: 'Township of Tiny', province: 'ON' })).toMatchObject({
      precision: 'csd',
      label: 'Tiny, ON',
    });
  });

  it('never guesses across provinces, nor between provinces without one', () => {
    expect(gazetteer.geocode({ city: 'Iqaluit', province: 'ON' })).toBeNull();
    // Lumsden exists in GeoNames only in Saskatchewan; the Service Canada site is Lumsden NL,
    // which only the village points (library list) know: never the Saskatchewan one.
    expect(gazetteer.geocode({ city: 'Lumsden', province: 'NL' })).toMatchObject({ lat: 49.2867583, lon: -53.5925416 });
    expect(gazetteer.geocode({ city: 'Lumsden', province: 'PE' })).toBeNull();
    expect(gazetteer.geocode({ city: 'Moose Jaw' })).toMatchObject({ label: 'Moose Jaw, SK' });
    expect(gazetteer.geocode({ city: 'Windsor' })).toBeNull(); // ON, NS, QC
    // Toronto's "Taylor-Massey" neighbourhood is not Massey, 400 km north: the village point wins.
    expect(gazetteer.geocode({ city: 'Massey', province: 'ON' })).toMatchObject({ lat: 46.21206, lon: -82.07779 });
  });

  it('looks up FSAs', () => {
    expect(gazetteer.lookupFsa('v9w')).toEqual({ fsa: 'V9W', lat: 50.0059, lon: -125.2343, province: 'BC' });
    expect(gazetteer.lookupFsa('H0H')).toBeNull();
    expect(gazetteer.lookupFsa('not an fsa')).toBeNull();
  });

  it('searches postal codes, FSAs and places, population first', () => {
    expect(gazetteer.search('V9W 2P8', 5)).toEqual([
      { label: 'V9W 2P8', lat: 50.0059, lon: -125.2343, precision: 'fsa', kind: 'postal_code' },
    ]);
    expect(gazetteer.search('v9w', 5)).toEqual([
      { label: 'FSA V9W', lat: 50.0059, lon: -125.2343, precision: 'fsa', kind: 'fsa' },
    ]);
    expect(gazetteer.search('quebec', 5)[0]).toEqual({
      label: 'Québec, QC',
      lat: 46.81228,
      lon: -71.21454,
      precision: 'community',
      kind: 'place',
    });
    expect(gazetteer.search('iqaluit', 5)).toEqual([
      { label: 'Iqaluit, NU', lat: 63.74697, lon: -68.51727, precision: 'community', kind: 'place' },
    ]);
    expect(gazetteer.search('st johns', 5)[0]?.label).toBe("St. John's, NL");
    expect(gazetteer.search('montr', 5).map((r) => r.label)).toEqual([
      'Montréal, QC',
      'Montréal-Ouest, QC',
      'Montréal-Est, QC',
      'Montrose, BC',
      'Montrose, AB',
    ]);
    expect(gazetteer.search('sault', 3).map((r) => `${r.label} (${r.kind})`)).toEqual([
      'Sault Ste. Marie, ON (place)',
      'Saulteaux, SK (community)',
      'Saulteau First Nations, BC (community)',
    ]);
    expect(gazetteer.search('montr', 2)).toHaveLength(2);
    expect(gazetteer.search('', 5)).toEqual([]);
    expect(gazetteer.search('quebec', 0)).toEqual([]);
  });
});

describe('Gazetteer rules on small in-memory layers', () => {
  const place = (
    name: string,
    province: 'QC' | 'ON',
    lat: number,
    lon: number,
    population: number | null,
    alternateNames: string[] = [],
  ): Place => ({
    id: `geonames:${name}`,
    name,
    alternateNames,
    province,
    lat,
    lon,
    population,
  });
  const places = [
    place('Saint-Alexandre', 'QC', 45.5001, -75.74935, null),
    place('Saint-Alexandre', 'QC', 45.23, -73.12, 2_600),
    place('Kingston', 'ON', 44.22976, -76.48098, 114_195),
  ];
  const fsas: FsaCentroid[] = [{ fsa: 'K7L', lat: 44.2312, lon: -76.4958, province: 'ON' }];
  const unit: PopulationUnit = {
    csdCode: '3510010',
    name: 'Frontenac Islands',
    province: 'ON',
    population: 1760,
    cwb: { score: null, income: null, education: null, housing: null, labourForce: null },
    communityType: 'non_indigenous',
    lat: 44.2,
    lon: -76.4,
    precision: 'csd',
    locatedBy: 'odhf_healthcare_facilities_v1.1',
  };
  const input = { places, communities: [], fsas, units: [unit] };
  const snapshot = JSON.stringify(input);
  const gazetteer = Gazetteer.from(input);

  it('takes the most populous of same-named places', () => {
    expect(gazetteer.geocode({ city: 'Saint-Alexandre', province: 'QC' })).toMatchObject({
      lat: 45.23,
      lon: -73.12,
    });
  });

  it('keeps an urban FSA when the place is within 25 km', () => {
    expect(gazetteer.geocode({ postalCode: 'K7L 3N6', city: 'Kingston', province: 'ON' })).toMatchObject({
      precision: 'fsa',
      label: 'FSA K7L',
    });
  });

  it('answers a CSD name at csd precision', () => {
    expect(gazetteer.geocode({ city: 'Frontenac Islands', province: 'ON' })).toEqual({
      lat: 44.2,
      lon: -76.4,
      precision: 'csd',
      source: 'csd',
      label: 'Frontenac Islands, ON',
    });
  });

  it('does not change its input', () => {
    expect(JSON.stringify(input)).toBe(snapshot);
  });
});
