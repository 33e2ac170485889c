import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedSource, SourceRow } from '../source-row.js';
import { openGeoJson } from './index.js';

// points.geojson: Nova Scotia Works rows 12–17 (test/fixtures/ingest/README.md).
const POINTS = fileURLToPath(new URL('../../../test/fixtures/ingest/points.geojson', import.meta.url));

async function readAll(source: OpenedSource): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'repere-geojson-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tempJson(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const feature = (properties: unknown, geometry: unknown): unknown => ({
  type: 'Feature',
  properties,
  geometry,
});

describe('openGeoJson on points.geojson', () => {
  it('reports headers in first-seen order and what it detected', async () => {
    const source = await openGeoJson(POINTS);
    expect(source.detected).toEqual({ format: 'geojson', encoding: 'utf-8', bom: false });
    expect(source.headers).toEqual([
      'OBJECTID',
      'region',
      'centre_name',
      'street_address',
      'suite',
      'po_box',
      'city_town',
      'province_code',
      'postal_code',
      'phone',
      'toll_free',
      'fax',
      'fax2',
      'email',
      'website',
    ]);
  });

  it('turns properties into text fields and Points into geometry', async () => {
    const rows = await readAll(await openGeoJson(POINTS));
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]).toEqual({
      row: 1,
      fields: {
        OBJECTID: '1',
        region: 'HRM',
        centre_name: 'TEAM Work (main office)',
        street_address: '7051 Bayers Road',
        suite: '501',
        po_box: '',
        city_town: 'Halifax',
        province_code: 'NS',
        postal_code: 'B3L 2C1',
        phone: '902 422-8900',
        toll_free: '',
        fax: '902-420-3992',
        fax2: '',
        email: 'reception@teamworkbridge.org',
        website: 'https://teamworkcooperative.ca',
      },
      geometry: { lon: -63.625915, lat: 44.654245 },
    });
    expect(rows[5].fields.city_town).toBe('Dartmouth');
    expect(rows[5].geometry).toEqual({ lon: -63.577587, lat: 44.671308 });
  });

  it('keeps the feature with null geometry, with geometry null', async () => {
    const rows = await readAll(await openGeoJson(POINTS));
    expect(rows[2].fields.centre_name).toBe('Job Junction (itinerant office - call for office hours)');
    expect(rows[2].fields.OBJECTID).toBe('3');
    expect(rows[2].geometry).toBeNull();
  });

  it('gives fresh objects on every iteration', async () => {
    const source = await openGeoJson(POINTS);
    const first = await readAll(source);
    first[0].fields.centre_name = 'changed';
    const second = await readAll(source);
    expect(second[0].fields.centre_name).toBe('TEAM Work (main office)');
  });
});

describe('openGeoJson on other shapes', () => {
  it('takes the first point of a MultiPoint and nulls other geometries', async () => {
    const path = await tempJson('shapes.geojson', {
      type: 'FeatureCollection',
      features: [
        feature(
          { name: 'Multi' },
          {
            type: 'MultiPoint',
            coordinates: [
              [-63.6, 44.6],
              [-60.2, 46.1],
            ],
          },
        ),
        feature(
          { name: 'Area' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [-63, 44],
                [-62, 44],
                [-62, 45],
                [-63, 44],
              ],
            ],
          },
        ),
        feature(
          { name: 'Line' },
          {
            type: 'LineString',
            coordinates: [
              [-63, 44],
              [-62, 45],
            ],
          },
        ),
        feature({ name: 'Bad point' }, { type: 'Point', coordinates: ['-63', '44'] }),
        feature({ name: 'Empty multi' }, { type: 'MultiPoint', coordinates: [] }),
      ],
    });
    const rows = await readAll(await openGeoJson(path));
    expect(rows.map((r) => [r.fields.name, r.geometry])).toEqual([
      ['Multi', { lon: -63.6, lat: 44.6 }],
      ['Area', null],
      ['Line', null],
      ['Bad point', null],
      ['Empty multi', null],
    ]);
  });

  it('unions property names in first-seen order and fills the missing ones with ""', async () => {
    const path = await tempJson('union.geojson', {
      type: 'FeatureCollection',
      features: [
        feature({ nom: 'Bibliothèque Benny', ville: 'Montréal' }, null),
        feature({ nom: 'Bibliothèque Marc-Favreau', accessible: true, étages: 2, tags: ['a', 'b'] }, null),
        feature(null, null),
      ],
    });
    const source = await openGeoJson(path);
    expect(source.headers).toEqual(['nom', 'ville', 'accessible', 'étages', 'tags']);
    const rows = await readAll(source);
    expect(rows[0].fields).toEqual({
      nom: 'Bibliothèque Benny',
      ville: 'Montréal',
      accessible: '',
      étages: '',
      tags: '',
    });
    expect(rows[1].fields).toEqual({
      nom: 'Bibliothèque Marc-Favreau',
      ville: '',
      accessible: 'true',
      étages: '2',
      tags: '["a","b"]',
    });
    expect(rows[2]).toEqual({
      row: 3,
      fields: { nom: '', ville: '', accessible: '', étages: '', tags: '' },
      geometry: null,
    });
  });

  it('reads a BOM, and windows-1252 when the bytes are not UTF-8', async () => {
    const bom = join(dir, 'bom.geojson');
    await writeFile(
      bom,
      `\uFEFF${JSON.stringify({ type: 'FeatureCollection', features: [feature({ nom: 'Sœurs' }, null)] })}`,
    );
    const bomSource = await openGeoJson(bom);
    expect(bomSource.detected).toEqual({ format: 'geojson', encoding: 'utf-8', bom: true });
    expect((await readAll(bomSource))[0].fields.nom).toBe('Sœurs');

    const cp1252 = join(dir, 'cp1252.geojson');
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"nom":"l_Île des S_urs"},"geometry":null}]}';
    const bytes = Buffer.from(text, 'latin1');
    bytes[bytes.indexOf('_')] = 0x92;
    bytes[bytes.lastIndexOf('_')] = 0x9c;
    await writeFile(cp1252, bytes);
    const cpSource = await openGeoJson(cp1252);
    expect(cpSource.detected.encoding).toBe('windows-1252');
    expect((await readAll(cpSource))[0].fields.nom).toBe('l’Île des Sœurs');
  });
});

describe('openGeoJson errors', () => {
  it('names the file and line of invalid JSON', async () => {
    const path = await tempJson(
      'broken.geojson',
      '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature",}\n  ]\n}\n',
    );
    await expect(openGeoJson(path)).rejects.toThrow(
      new RegExp(
        `^${escape(path)}: line 4: not valid JSON \\(.+\\)\\. Fix the file or re-export it as GeoJSON\\.$`,
      ),
    );
  });

  it('refuses a single Feature, a FeatureCollection without features, and a bad feature', async () => {
    const single = await tempJson('single.geojson', feature({ name: 'x' }, null));
    await expect(openGeoJson(single)).rejects.toThrow(
      `${single}: expected a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": [...]}), found "type": "Feature". Export the layer as a FeatureCollection.`,
    );
    const noFeatures = await tempJson('nofeatures.geojson', { type: 'FeatureCollection' });
    await expect(openGeoJson(noFeatures)).rejects.toThrow(
      `${noFeatures}: expected a GeoJSON FeatureCollection`,
    );
    const array = await tempJson('array.geojson', []);
    await expect(openGeoJson(array)).rejects.toThrow(
      `${array}: expected a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": [...]}), found an array.`,
    );
    const badFeature = await tempJson('badfeature.geojson', {
      type: 'FeatureCollection',
      features: [feature({}, null), 42],
    });
    await expect(openGeoJson(badFeature)).rejects.toThrow(
      `${badFeature}: feature 2: expected an object with "type": "Feature", found a number.`,
    );
  });

  it('refuses coordinates that are not WGS84', async () => {
    const path = await tempJson('mercator.geojson', {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
      features: [],
    });
    await expect(openGeoJson(path)).rejects.toThrow(
      `${path}: coordinates are in urn:ogc:def:crs:EPSG::3857, not WGS84`,
    );
    const wgs84 = await tempJson('crs84.geojson', {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [],
    });
    expect((await openGeoJson(wgs84)).headers).toEqual([]);
  });

  it('says which file is missing', async () => {
    const path = join(dir, 'nope.geojson');
    await expect(openGeoJson(path)).rejects.toThrow(`${path}: cannot open the GeoJSON file (no such file)`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
