// OGC API – Features (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0) under /ogc, in-process
// (app.inject) on the bundled default dataset plus one record whose name is markup
// (src/http/api/test-app.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServicePoint } from '../../src/domain/service-point.js';
import { stableUuid } from '../../src/domain/stable-uuid.js';
import { HSDS_ROLES } from '../../src/hsds/hsds-catalogue.js';
import { buildTestApp, FIXED_NOW, MARKUP_NAME, type TestApp } from '../../src/http/api/test-app.js';

interface Link {
  href: string;
  rel: string;
  type: string;
}
interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, string | number | boolean | null>;
  links?: Link[];
}
interface Items {
  type: 'FeatureCollection';
  features: Feature[];
  links: Link[];
  timeStamp: string;
  numberMatched: number;
  numberReturned: number;
}
interface Collection {
  id: string;
  title: string;
  itemType: string;
  crs: string[];
  extent: { spatial: { bbox: number[][]; crs: string }; temporal: { interval: unknown[][] } };
  links: Link[];
}

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
let t: TestApp;
let points: ServicePoint[];

beforeAll(async () => {
  t = await buildTestApp();
  points = [];
  for await (const point of t.store.streamPoints({ roles: HSDS_ROLES })) points.push(point);
});
afterAll(async () => {
  await t.close();
});

async function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string }> {
  const response = await t.app.inject({ method: 'GET', url, headers: { host: 'repere.test', ...headers } });
  return {
    status: response.statusCode,
    type: String(response.headers['content-type'] ?? ''),
    body: response.body,
  };
}

async function json<T>(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: T }> {
  const response = await get(url, headers);
  return { ...response, body: JSON.parse(response.body) as T };
}

const link = (links: Link[], rel: string, type?: string): Link | undefined =>
  links.find((l) => l.rel === rel && (type === undefined || l.type === type));

describe('landing page, conformance, API definition', () => {
  it('/ogc links to itself, its HTML, the OpenAPI definition, conformance and the collections', async () => {
    const { status, type, body } = await json<{ title: string; links: Link[] }>('/ogc');
    expect([status, type]).toEqual([200, 'application/json; charset=utf-8']);
    expect(body.links.map((l) => [l.rel, l.type, l.href])).toEqual([
      ['self', 'application/json', 'http://repere.test/ogc?f=json'],
      ['alternate', 'text/html', 'http://repere.test/ogc?f=html'],
      ['service-desc', 'application/vnd.oai.openapi+json;version=3.0', 'http://repere.test/ogc/api'],
      ['conformance', 'application/json', 'http://repere.test/ogc/conformance?f=json'],
      ['data', 'application/json', 'http://repere.test/ogc/collections?f=json'],
    ]);
  });

  it('/ogc/conformance declares core, geojson, html and oas30', async () => {
    const { body } = await json<{ conformsTo: string[] }>('/ogc/conformance');
    expect(body.conformsTo).toEqual([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
    ]);
  });

  it("/ogc/api is OpenAPI 3.0 with each collection's items path and the limit bounds", async () => {
    const { type, body } = await json<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { parameters: { limit: { schema: unknown } } };
    }>('/ogc/api');
    expect(type).toBe('application/vnd.oai.openapi+json;version=3.0; charset=utf-8');
    expect(body.openapi).toBe('3.0.3');
    expect(Object.keys(body.paths)).toContain('/collections/workbc/items');
    expect(Object.keys(body.paths)).toContain('/collections/census_subdivisions/items/{featureId}');
    expect(body.components.parameters.limit.schema).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 10000,
      default: 100,
    });
  });
});

describe('collections', () => {
  it('one collection per layer of published points, then communities and census subdivisions', async () => {
    const { body } = await json<{ collections: Collection[]; links: Link[] }>('/ogc/collections');
    const layers = [...new Set(points.map((p) => p.layer))].sort();
    expect(body.collections.map((c) => c.id)).toEqual([...layers, 'communities', 'census_subdivisions']);
    expect(layers).toEqual(
      expect.arrayContaining(['service_canada', 'workbc', 'libraries', 'healthcare', 'test']),
    );
    expect(layers).not.toContain('federal_buildings');
    for (const c of body.collections) {
      expect(c.itemType).toBe('feature');
      expect(c.crs).toEqual([CRS84]);
      expect(c.extent.temporal.interval).toEqual([[null, null]]);
      expect(c.extent.spatial.crs).toBe(CRS84);
      const [[west, south, east, north]] = c.extent.spatial.bbox;
      expect(west).toBeLessThanOrEqual(east);
      expect(south).toBeLessThanOrEqual(north);
      expect(link(c.links, 'items', 'application/geo+json')?.href).toBe(
        `http://repere.test/ogc/collections/${c.id}/items?f=json`,
      );
    }
  });

  it('/collections/{id}: the extent is the bounding box of the located features', async () => {
    const { body } = await json<Collection>('/ogc/collections/workbc');
    const located = points.filter((p) => p.layer === 'workbc' && p.geocode).map((p) => p.geocode!);
    expect(body.extent.spatial.bbox).toEqual([
      [
        Math.min(...located.map((g) => g.lon)),
        Math.min(...located.map((g) => g.lat)),
        Math.max(...located.map((g) => g.lon)),
        Math.max(...located.map((g) => g.lat)),
      ],
    ]);
    expect(body.title).toBe('WorkBC Centres (2021)');
  });

  it('an unknown collection is a 404 OGC exception', async () => {
    const { status, type, body } = await json<{ code: string; description: string }>('/ogc/collections/nope');
    expect([status, type]).toEqual([404, 'application/json; charset=utf-8']);
    expect(body.code).toBe('NotFound');
    expect(body.description).toMatch(/^No collection "nope"; collections: community_centres, healthcare,/);
  });
});

describe('items', () => {
  it('pages of 100 by default, GeoJSON with numberMatched, numberReturned, timeStamp and a next link', async () => {
    const { status, type, body } = await json<Items>('/ogc/collections/healthcare/items');
    expect([status, type]).toEqual([200, 'application/geo+json; charset=utf-8']);
    const healthcare = points.filter((p) => p.layer === 'healthcare');
    expect([body.numberMatched, body.numberReturned, body.features.length]).toEqual([
      healthcare.length,
      100,
      100,
    ]);
    expect(body.timeStamp).toBe(FIXED_NOW.toISOString().replace('.000Z', 'Z'));
    expect(link(body.links, 'next')?.href).toBe(
      'http://repere.test/ogc/collections/healthcare/items?limit=100&offset=100&f=json',
    );
    expect(link(body.links, 'prev')).toBeUndefined();
    expect(body.features[0]).toMatchObject({
      type: 'Feature',
      id: stableUuid(healthcare[0].id),
      properties: { repere_id: healthcare[0].id },
    });
  });

  it('following next links gives every feature once, in order, with prev links back', async () => {
    const expected = points.filter((p) => p.layer === 'libraries');
    const seen: string[] = [];
    let url: string | undefined = '/ogc/collections/libraries/items?limit=250';
    let pages = 0;
    while (url) {
      const { body }: { body: Items } = await json<Items>(url.replace('http://repere.test', ''));
      pages += 1;
      expect(body.numberMatched).toBe(expected.length);
      expect(body.numberReturned).toBe(body.features.length);
      if (pages > 1) expect(link(body.links, 'prev')?.href).toContain(`offset=${(pages - 2) * 250}`);
      seen.push(...body.features.map((f) => f.id));
      url = link(body.links, 'next')?.href;
    }
    expect(pages).toBe(Math.ceil(expected.length / 250));
    expect(new Set(seen).size).toBe(expected.length);
    const located = expected.filter((p) => p.geocode);
    const unlocated = expected.filter((p) => !p.geocode);
    expect(seen).toEqual([...located, ...unlocated].map((p) => stableUuid(p.id)));
  });

  it('bbox keeps the located features inside it (bounds included) and counts them all', async () => {
    const bbox = [-123.3, 49.0, -122.5, 49.4] as const;
    const inside = points.filter(
      (p) =>
        p.layer === 'libraries' &&
        p.geocode &&
        p.geocode.lon >= bbox[0] &&
        p.geocode.lat >= bbox[1] &&
        p.geocode.lon <= bbox[2] &&
        p.geocode.lat <= bbox[3],
    );
    const { body } = await json<Items>(`/ogc/collections/libraries/items?bbox=${bbox.join(',')}&limit=1000`);
    expect(inside.length).toBeGreaterThan(20);
    expect(body.numberMatched).toBe(inside.length);
    expect(body.features.map((f) => f.id)).toEqual(inside.map((p) => stableUuid(p.id)));
    expect(link(body.links, 'self')?.href).toBe(
      `http://repere.test/ogc/collections/libraries/items?bbox=${encodeURIComponent(bbox.join(','))}&limit=1000&offset=0&f=json`,
    );
  });

  it('an offset past the end gives an empty page with a prev link and no next', async () => {
    const { body } = await json<Items>('/ogc/collections/workbc/items?offset=500&limit=10');
    expect([body.numberMatched, body.numberReturned]).toEqual([
      points.filter((p) => p.layer === 'workbc').length,
      0,
    ]);
    expect(link(body.links, 'next')).toBeUndefined();
    expect(link(body.links, 'prev')?.href).toBe(
      'http://repere.test/ogc/collections/workbc/items?limit=10&offset=490&f=json',
    );
  });

  it.each([
    ['bbox=1,2,3', 'Parameter "bbox": expected 4 numbers "west,south,east,north" (CRS84), got 3 values'],
    ['bbox=a,b,c,d', 'Parameter "bbox": "a,b,c,d" is not a list of numbers'],
    ['bbox=-80,50,-70,95', 'Parameter "bbox": latitudes must be between -90 and 90'],
    ['bbox=-80,50,-70,40', 'Parameter "bbox": south (50) is greater than north (40)'],
    ['limit=0', 'Parameter "limit": 0 is out of range; give 1 to 10000'],
    ['limit=10001', 'Parameter "limit": 10001 is out of range; give 1 to 10000'],
    ['limit=ten', 'Parameter "limit": "ten" is not a whole number'],
    ['offset=-1', 'Parameter "offset": "-1" is not a whole number'],
    ['datetime=yesterday', 'Parameter "datetime": "yesterday" is not an RFC 3339 date-time or interval'],
    ['f=xml', 'Parameter "f": "xml" is not a format; use json or html'],
    ['limit=5&limit=6', 'Parameter "limit": given 2 times; give it once'],
    [
      'sort=name',
      'Parameter "sort": unknown parameter; this endpoint takes f, bbox, limit, offset, datetime',
    ],
  ])('?%s is a 400 OGC exception', async (query, description) => {
    const { status, type, body } = await json<{ code: string; description: string }>(
      `/ogc/collections/workbc/items?${query}`,
    );
    expect([status, type, body]).toEqual([
      400,
      'application/json; charset=utf-8',
      { code: 'InvalidParameterValue', description },
    ]);
  });

  it('accepts a datetime (no collection has a time dimension: every feature matches) and a 6-number bbox', async () => {
    const all = await json<Items>('/ogc/collections/workbc/items?datetime=2020-01-01T00:00:00Z/..');
    expect([all.status, all.body.numberMatched]).toEqual([
      200,
      points.filter((p) => p.layer === 'workbc').length,
    ]);
    const box = await json<Items>('/ogc/collections/workbc/items?bbox=-126,49,0,-124,51,100');
    const flat = await json<Items>('/ogc/collections/workbc/items?bbox=-126,49,-124,51');
    expect(box.body.numberMatched).toBe(flat.body.numberMatched);
  });
});

describe('one feature', () => {
  it('/items/{featureId}: a WorkBC centre by its HSDS location UUID, in the export layout', async () => {
    const point = (await t.store.getPoint('workbc:p1'))!;
    const { status, type, body } = await json<Feature>(
      `/ogc/collections/workbc/items/${stableUuid('workbc:p1')}`,
    );
    expect([status, type]).toEqual([200, 'application/geo+json; charset=utf-8']);
    expect(body.geometry).toEqual({ type: 'Point', coordinates: [point.geocode!.lon, point.geocode!.lat] });
    expect(body.properties).toMatchObject({
      repere_id: 'workbc:p1',
      source_record_id: 'p1',
      source_id: 'workbc',
      name: 'WorkBC Centre - Campbell River',
      city: 'Campbell River',
      postal_code: 'V9W 2P8',
      phone: '250-286-3441',
      jurisdiction_level: 'provincial',
      location_precision: 'building',
    });
    expect(body.links?.map((l) => l.rel)).toEqual(['self', 'alternate', 'collection']);
  });

  it('census subdivisions carry population, Community Well-Being and access: Iqaluit (6204003)', async () => {
    const unit = (await t.store.listPopulationUnits()).find((u) => u.csdCode === '6204003')!;
    const { body } = await json<Feature>('/ogc/collections/census_subdivisions/items/6204003');
    expect(body.properties).toMatchObject({
      csd_code: '6204003',
      name: 'Iqaluit',
      province: 'NU',
      population: unit.population,
      community_type: 'inuit',
      cwb_score: unit.cwb.score,
      covered_within_50km: true,
    });
    expect(body.properties['nearest_service_point_metres']).toBeLessThan(5000);
    expect(String(body.properties['nearest_service_point_id'])).toMatch(
      /^(service_canada|inuit_community_offices):/,
    );
  });

  it('communities: every First Nations and Inuit community point', async () => {
    const communities = await t.store.listCommunities();
    const { body } = await json<Items>('/ogc/collections/communities/items?limit=10000');
    expect(body.numberMatched).toBe(communities.length);
    expect(new Set(body.features.map((f) => f.properties['kind']))).toEqual(
      new Set(['first_nation', 'inuit']),
    );
  });

  it('an unknown feature is a 404 OGC exception, and so is an unknown path', async () => {
    const feature = await json<{ code: string; description: string }>('/ogc/collections/workbc/items/nope');
    expect([feature.status, feature.body.code]).toEqual([404, 'NotFound']);
    expect(feature.body.description).toBe(
      'No feature "nope" in collection "workbc"; list them at http://repere.test/ogc/collections/workbc/items',
    );
    const path = await json<{ code: string; description: string }>('/ogc/nowhere');
    expect([path.status, path.body]).toEqual([
      404,
      { code: 'NotFound', description: 'No OGC API resource at /ogc/nowhere; start at /ogc' },
    ]);
  });
});

describe('HTML', () => {
  it("is chosen by f=html or by a browser's Accept, and JSON by GDAL's", async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expect((await get('/ogc/collections', { accept: browser })).type).toBe('text/html; charset=utf-8');
    expect((await get('/ogc/collections?f=html')).type).toBe('text/html; charset=utf-8');
    expect((await get('/ogc/collections?f=json', { accept: browser })).type).toBe(
      'application/json; charset=utf-8',
    );
    expect(
      (await get('/ogc/collections/workbc/items', { accept: 'application/geo+json, application/json' })).type,
    ).toBe('application/geo+json; charset=utf-8');
    expect((await get('/ogc/collections/workbc/items', { accept: '*/*' })).type).toBe(
      'application/geo+json; charset=utf-8',
    );
  });

  it('escapes open data: the markup record is shown as text, never as markup', async () => {
    const items = await get('/ogc/collections/test/items?f=html');
    expect(items.status).toBe(200);
    expect(items.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(items.body).not.toContain(MARKUP_NAME);
    expect(items.body).not.toContain('<script>');
    const feature = await get(`/ogc/collections/test/items/${stableUuid('test-markup:x1')}?f=html`);
    expect(feature.body).toContain('<td>&lt;b&gt;Markup&lt;/b&gt; &amp; Co</td>');
    expect(feature.body).not.toContain('<b>Markup</b>');
  });

  it('pages link to each other and to their JSON', async () => {
    const landing = await get('/ogc?f=html');
    expect(landing.body).toContain(
      '<a href="http://repere.test/ogc/collections?f=json" type="application/json">Collections</a>',
    );
    const items = await get('/ogc/collections/workbc/items?f=html&limit=10');
    expect(items.body).toContain('<p>1–10 / 102</p>');
    expect(items.body).toContain(
      'href="http://repere.test/ogc/collections/workbc/items?limit=10&amp;offset=10&amp;f=html"',
    );
    expect(items.body).toContain(
      '<link rel="alternate" type="application/geo+json" href="http://repere.test/ogc/collections/workbc/items?limit=10&amp;offset=0&amp;f=json">',
    );
    const conformance = await get('/ogc/conformance?f=html');
    expect(conformance.body).toContain(
      '<li>http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html</li>',
    );
  });
});
