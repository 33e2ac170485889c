import { describe, expect, it } from 'vitest';
import { tableToCsv, tableToGeoJson, type ResultTable } from './result-tables.js';

const units: ResultTable = {
  name: 'units',
  columns: ['csd_code', 'name', 'lat', 'lon', 'codes', 'covered'],
  rows: [
    {
      csd_code: '2466023',
      name: 'Montréal, "centre"',
      lat: 45.5,
      lon: -73.6,
      codes: ['a', 'b'],
      covered: true,
    },
    { csd_code: '1001101', name: 'Division No. 1, Subd. V', lat: null, lon: null, codes: [], covered: null },
  ],
  geometry: { kind: 'point', lat: 'lat', lon: 'lon' },
};

describe('result tables', () => {
  it('write RFC 4180 CSV: quoted cells, empty nulls, lists joined by ;', () => {
    expect(tableToCsv(units)).toBe(
      'csd_code,name,lat,lon,codes,covered\r\n2466023,"Montréal, ""centre""",45.5,-73.6,a;b,true\r\n1001101,"Division No. 1, Subd. V",,,,\r\n',
    );
  });

  it('write GeoJSON points where located and null geometry elsewhere', () => {
    const collection = tableToGeoJson(units);
    expect(collection.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [-73.6, 45.5] },
      null,
    ]);
    expect(collection.features[1].properties).toEqual({
      csd_code: '1001101',
      name: 'Division No. 1, Subd. V',
      lat: null,
      lon: null,
      codes: [],
      covered: null,
    });
  });

  it('write pairs as lines', () => {
    const pairs: ResultTable = {
      name: 'pairs',
      columns: ['a_lat', 'a_lon', 'b_lat', 'b_lon'],
      rows: [{ a_lat: 1, a_lon: 2, b_lat: 3, b_lon: 4 }],
      geometry: { kind: 'line', from: ['a_lat', 'a_lon'], to: ['b_lat', 'b_lon'] },
    };
    expect(tableToGeoJson(pairs).features[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [2, 1],
        [4, 3],
      ],
    });
  });
});
