import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Boundary } from '../../domain/reference.js';
import { openCsv } from '../csv/index.js';
import { loadBoundaries, loadCanadaOutline } from '../reference/load-boundaries.js';
import { loadCommunities } from '../reference/load-communities.js';
import { loadPlaces } from '../reference/load-places.js';
import { ProvinceLocator } from './province-locator.js';

// The bundled real data: Natural Earth 1:50m boundaries and the point layers of data/*/SOURCE.md.
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

async function readPoints(
  file: string,
  lat: string,
  lon: string,
): Promise<{ name: string; lat: number; lon: number }[]> {
  const out: { name: string; lat: number; lon: number }[] = [];
  for await (const { fields } of (await openCsv(`${DATA}/${file}`)).rows()) {
    out.push({
      name: fields['name'] ?? fields['centre_name'] ?? '',
      lat: Number(fields[lat]),
      lon: Number(fields[lon]),
    });
  }
  return out;
}

describe('ProvinceLocator on the Natural Earth 1:50m boundaries', () => {
  let locator: ProvinceLocator;
  beforeAll(async () => {
    locator = new ProvinceLocator(await loadBoundaries(DATA), { outlines: await loadCanadaOutline(DATA) });
  });

  it('finds the province of inland points', () => {
    expect(locator.provinceAt(45.4215, -75.6972)).toBe('ON'); // Ottawa
    expect(locator.provinceAt(45.5017, -73.5673)).toBe('QC'); // Montréal
    expect(locator.provinceAt(60.7212, -135.0568)).toBe('YT'); // Whitehorse
    expect(locator.provinceAt(62.454, -114.3718)).toBe('NT'); // Yellowknife
    expect(locator.provinceAt(63.7467, -68.517)).toBe('NU'); // Iqaluit
    expect(locator.provinceAt(47.3779, -61.8625)).toBe('QC'); // Cap-aux-Meules, Îles-de-la-Madeleine
  });

  it('leaves coastal points that the 1:50m coast cuts off to provinceNear', () => {
    expect(locator.provinceAt(44.6476, -63.5728)).toBeNull(); // Halifax harbour
    expect(locator.provinceNear(44.6476, -63.5728)).toBe('NS');
    expect(locator.provinceAt(49.153, -125.9066)).toBeNull(); // Tofino, 8 km off the polygon
    expect(locator.provinceNear(49.153, -125.9066)).toBe('BC');
    expect(locator.provinceNear(49.153, -125.9066, 5)).toBeNull();
  });

  it('counts real coastal and border points as in Canada', () => {
    expect(locator.isInCanada(44.6476, -63.5728)).toBe(true); // Halifax harbour
    expect(locator.isInCanada(49.2888, -123.1111)).toBe(true); // Vancouver waterfront
    expect(locator.isInCanada(63.7467, -68.517)).toBe(true); // Iqaluit
    expect(locator.isInCanada(49.153, -125.9066)).toBe(true); // Tofino
    expect(locator.isInCanada(47.3779, -61.8625)).toBe(true); // Îles-de-la-Madeleine
    expect(locator.isInCanada(46.51677, -84.33325)).toBe(true); // Sault Ste. Marie (GeoNames), 0.2 km inside the USA outline
    expect(locator.isInCanada(44.999749, -74.645414)).toBe(true); // Akwesasne (ISC)
  });

  it('puts US cities outside Canada, Detroit included although Windsor is across the river', () => {
    expect(locator.isInCanada(47.6062, -122.3321)).toBe(false); // Seattle
    expect(locator.isInCanada(42.33143, -83.04575)).toBe(false); // Detroit
    expect(locator.isInCanada(42.3601, -71.0589)).toBe(false); // Boston
    expect(locator.isInCanada(44.6995, -73.4529)).toBe(false); // Plattsburgh NY
    expect(locator.isInCanada(0, 0)).toBe(false);
    expect(locator.isInCanada(Number.NaN, -75)).toBe(false);
  });

  it('locates every WorkBC centre in BC and every Nova Scotia Works centre in NS', async () => {
    const workbc = await readPoints('workbc_centres_2021/workbc_centres.csv', 'latitude', 'longitude');
    const nsWorks = await readPoints(
      'nova_scotia_works_centres_2021/ns_works_centres.csv',
      'latitude',
      'longitude',
    );
    expect(workbc).toHaveLength(102);
    expect(nsWorks).toHaveLength(54);
    expect(workbc.filter((p) => locator.provinceNear(p.lat, p.lon) !== 'BC')).toEqual([]);
    expect(nsWorks.filter((p) => locator.provinceNear(p.lat, p.lon) !== 'NS')).toEqual([]);
    expect([...workbc, ...nsWorks].filter((p) => !locator.isInCanada(p.lat, p.lon))).toEqual([]);
    // 8 WorkBC centres (Tofino, Ucluelet, Masset…) and 10 NS Works centres sit off the coarse coast.
    expect(workbc.filter((p) => locator.provinceAt(p.lat, p.lon) === null)).toHaveLength(8);
    expect(nsWorks.filter((p) => locator.provinceAt(p.lat, p.lon) === null)).toHaveLength(10);
  });

  it('puts every ISC First Nation and Inuit community point in Canada', async () => {
    const communities = await loadCommunities(DATA);
    expect(communities).toHaveLength(689);
    expect(communities.filter((c) => !locator.isInCanada(c.lat, c.lon)).map((c) => c.id)).toEqual([]);
  });

  it('puts all GeoNames places but one in Canada: Clair NB lies 1.7 km inside the 1:50m USA outline', async () => {
    const places = await loadPlaces(DATA);
    expect(places.filter((p) => !locator.isInCanada(p.lat, p.lon)).map((p) => p.name)).toEqual(['Clair']);
    // Along the Ottawa River and other borders the 1:50m lines misplace a few places.
    const mismatched = places
      .filter((p) => locator.provinceNear(p.lat, p.lon) !== p.province)
      .map((p) => p.name);
    expect(mismatched).toEqual([
      'Clarence-Rockland',
      'Constance Bay',
      'Témiscaming',
      'Creighton',
      'Rockcliffe Park',
      'Aylmer',
      'Hull',
      'Pointe-à-la-Croix',
    ]);
  });
});

describe('ProvinceLocator geometry', () => {
  // A 10°×10° square with a 2°×2° hole, and a MultiPolygon of two 1° squares.
  const square: Boundary = {
    province: 'SK',
    name: { en: 'Square' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [-110, 50],
          [-100, 50],
          [-100, 60],
          [-110, 60],
          [-110, 50],
        ],
        [
          [-106, 54],
          [-106, 56],
          [-104, 56],
          [-104, 54],
          [-106, 54],
        ],
      ],
    },
  };
  const islands: Boundary = {
    province: 'PE',
    name: { en: 'Islands' },
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [-64, 46],
            [-63, 46],
            [-63, 47],
            [-64, 47],
            [-64, 46],
          ],
        ],
        [
          [
            [-62, 46],
            [-61, 46],
            [-61, 47],
            [-62, 47],
            [-62, 46],
          ],
        ],
      ],
    },
  };
  const locator = new ProvinceLocator([square, islands]);

  it('excludes holes and finds every part of a MultiPolygon', () => {
    expect(locator.provinceAt(52, -108)).toBe('SK');
    expect(locator.provinceAt(55, -105)).toBeNull();
    expect(locator.provinceAt(46.5, -63.5)).toBe('PE');
    expect(locator.provinceAt(46.5, -61.5)).toBe('PE');
    expect(locator.provinceAt(46.5, -62.5)).toBeNull();
  });

  it('measures the distance to the nearest edge in km', () => {
    // 0.1° of latitude south of the square is 11.1 km: inside 15 km, outside 10 km.
    expect(locator.provinceNear(49.9, -105, 15)).toBe('SK');
    expect(locator.provinceNear(49.9, -105, 10)).toBeNull();
    // The middle of the hole is 1° of longitude (~64 km at 55°N) from its edges.
    expect(locator.provinceNear(55, -105, 60)).toBeNull();
    expect(locator.provinceNear(55, -105, 70)).toBe('SK');
  });

  it('without national outlines, uses the coast tolerance around the province polygons', () => {
    expect(locator.isInCanada(49.9, -105)).toBe(true);
    expect(new ProvinceLocator([square], { coastToleranceKm: 5 }).isInCanada(49.9, -105)).toBe(false);
  });
});
