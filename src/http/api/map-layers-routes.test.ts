// GeoJSON layers for the map bundle (src/web/), on the bundled default dataset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../../domain/province.js';
import { MARKUP_NAME, MARKUP_POINT, buildTestApp, type TestApp } from './test-app.js';

interface Collection<P> {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: string; coordinates: unknown }; properties: P }[];
}
interface MapPoint {
  id: string;
  name: string;
  name_lang: string;
  jurisdiction_level: string;
  channel: string;
  precision: string;
  address: string | null;
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function layer<P>(url: string): Promise<{ body: Collection<P>; headers: Record<string, unknown> }> {
  const response = await t.app.inject({ url });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
  return { body: response.json<Collection<P>>(), headers: response.headers };
}

describe('GET /api/v1/map/points.geojson', () => {
  it('gives every located service point, with exactly the properties the map reads', async () => {
    const { body } = await layer<MapPoint>('/api/v1/map/points.geojson');
    let located = 0;
    for await (const point of t.store.streamPoints({ roles: ['service_point'] }))
      if (point.geocode) located += 1;
    expect(body.features).toHaveLength(located);
    expect(located).toBe(2684);
    for (const feature of body.features) {
      expect(Object.keys(feature.properties)).toEqual([
        'id',
        'name',
        'name_lang',
        'jurisdiction_level',
        'channel',
        'precision',
        'address',
      ]);
      expect(feature.geometry.type).toBe('Point');
    }
    const campbellRiver = body.features.find((f) => f.properties.id === 'workbc:p1');
    expect(campbellRiver).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-125.2434889, 50.0240613] },
      properties: {
        id: 'workbc:p1',
        name: 'WorkBC Centre - Campbell River',
        name_lang: 'en',
        jurisdiction_level: 'provincial',
        channel: 'in_person',
        precision: 'building',
        address: '920 Alder Street, Campbell River, BC V9W 2P8',
      },
    });
  });

  it('names in the language asked, saying which language a name is actually in', async () => {
    const { body } = await layer<MapPoint>('/api/v1/map/points.geojson?lang=fr&jurisdiction=indigenous');
    expect(body.features).toHaveLength(53);
    const iqaluit = body.features.find((f) => f.properties.id === 'inuit_community_offices:IN14')!;
    expect([iqaluit.properties.name, iqaluit.properties.name_lang]).toEqual([
      'Bureau communautaire de Iqaluit',
      'fr',
    ]);
    const { body: all } = await layer<MapPoint>('/api/v1/map/points.geojson?lang=fr&q=iqaluit');
    const serviceCanada = all.features.find((f) => f.properties.id === 'service_canada:4936')!;
    // The scraped Service Canada list has English names only: the English one, marked as such.
    expect([serviceCanada.properties.name, serviceCanada.properties.name_lang]).toEqual([
      'Iqaluit Service Canada Centre',
      'en',
    ]);
  });

  it('takes the finder filters and origin, nearest first, and a limit', async () => {
    const { body } = await layer<MapPoint>(
      '/api/v1/map/points.geojson?postcode=V9W%202P8&limit=5&channel=in_person&jurisdiction=provincial',
    );
    expect(body.features).toHaveLength(5);
    expect(body.features[0].properties.id).toBe('workbc:p1');
    for (const f of body.features)
      expect([f.properties.jurisdiction_level, f.properties.channel]).toEqual(['provincial', 'in_person']);
  });

  it('keeps markup in names exactly as stored', async () => {
    const { body } = await layer<MapPoint>('/api/v1/map/points.geojson?q=onerror');
    expect(body.features.map((f) => f.properties)).toEqual([
      {
        id: MARKUP_POINT.id,
        name: MARKUP_NAME,
        name_lang: 'en',
        jurisdiction_level: 'federal',
        channel: 'in_person',
        precision: 'building',
        address: '1 <i>Main</i> Street, Nowhere, NU',
      },
    ]);
  });
});

describe('reference layers', () => {
  it('boundaries: the 13 provinces and territories, named in lang, cached for a day', async () => {
    const { body, headers } = await layer<{ province: string; name: string }>(
      '/api/v1/map/boundaries.geojson?lang=fr',
    );
    expect(body.features.map((f) => f.properties.province).sort()).toEqual([...PROVINCE_CODES].sort());
    expect(body.features.find((f) => f.properties.province === 'BC')!.properties).toEqual({
      province: 'BC',
      name: 'Colombie-Britannique',
    });
    for (const f of body.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    expect(headers['cache-control']).toBe('public, max-age=86400');
    expect(headers['vary']).toBe('Accept-Language');
    const { body: en } = await layer<{ province: string; name: string }>('/api/v1/map/boundaries.geojson');
    expect(en.features.find((f) => f.properties.province === 'BC')!.properties.name).toBe('British Columbia');
  });

  it('communities: every First Nation and Inuit community point, cached for a day', async () => {
    const { body, headers } = await layer<{ id: string; name: string; kind: string }>(
      '/api/v1/map/communities.geojson',
    );
    expect(body.features).toHaveLength(689);
    expect(body.features.filter((f) => f.properties.kind === 'inuit')).toHaveLength(53);
    for (const f of body.features) expect(Object.keys(f.properties)).toEqual(['id', 'name', 'kind']);
    expect(headers['cache-control']).toBe('public, max-age=86400');
  });
});
