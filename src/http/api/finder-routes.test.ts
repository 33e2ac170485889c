// /search and /nearby on the bundled default dataset (data/, built by test-app.ts).
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCES } from '../../domain/province.js';
import { foldText } from '../../domain/text.js';
import { EXPORT_COLUMNS } from '../../export/export-columns.js';
import type { FinderItem } from './finder-item.js';
import { MARKUP_NAME, MARKUP_POINT, buildTestApp, getJson, type TestApp } from './test-app.js';

interface SearchBody {
  query: Record<string, unknown> & {
    origin: { lat: number; lon: number; label: string; precision: string; kind: string } | null;
  };
  total: number;
  limit: number;
  offset: number;
  results: FinderItem[];
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const search = async (qs: string, headers = {}): Promise<SearchBody> => {
  const { status, body } = await getJson<SearchBody>(t.app, `/api/v1/search?${qs}`, headers);
  expect(status).toBe(200);
  return body;
};
const idsOf = (body: { results: { id: string }[] }): string[] => body.results.map((r) => r.id);

describe('GET /api/v1/nearby', () => {
  it("finds Iqaluit's own offices nearest to Iqaluit's coordinates, nearest first with distances", async () => {
    const { status, body } = await getJson<{ query: unknown; results: FinderItem[] }>(
      t.app,
      '/api/v1/nearby?lat=63.7467&lon=-68.5170&k=5',
    );
    expect(status).toBe(200);
    expect(body.results).toHaveLength(5);
    const [first, second] = body.results;
    expect(first.id).toBe('inuit_community_offices:IN14');
    expect(first.address.city).toBe('Iqaluit');
    expect(first.name).toEqual({ en: 'Iqaluit community office', fr: 'Bureau communautaire de Iqaluit' });
    expect(first.distance_metres).toBe(2);
    expect(second.id).toBe('service_canada:4936');
    expect(second.name.en).toBe('Iqaluit Service Canada Centre');
    const distances = body.results.map((r) => r.distance_metres!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(body.query).toEqual({
      lat: 63.7467,
      lon: -68.517,
      k: 5,
      jurisdiction: [],
      channel: [],
      service_type: [],
      lang: 'en',
    });
  });

  it('applies the jurisdiction and channel filters to every result, and k', async () => {
    const { body } = await getJson<{ results: FinderItem[] }>(
      t.app,
      '/api/v1/nearby?lat=45.5017&lon=-73.5673&k=50&jurisdiction=federal&jurisdiction=provincial&channel=in_person',
    );
    expect(body.results).toHaveLength(50);
    for (const r of body.results) {
      expect(['federal', 'provincial']).toContain(r.jurisdiction_level);
      expect(r.channel).toBe('in_person');
    }
  });

  it('answers CSV with a distance_metres column', async () => {
    const response = await t.app.inject({ url: '/api/v1/nearby?lat=63.7467&lon=-68.5170&k=3&format=csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="repere-nearby.csv"');
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => `${r['source_id']}:${r['id']}`)).toEqual([
      'inuit_community_offices:IN14',
      'service_canada:4936',
      expect.any(String),
    ]);
    expect(rows[0]['distance_metres']).toBe('2');
  });
});

describe('GET /api/v1/search', () => {
  it('postcode=V9W 2P8 gives WorkBC Campbell River first, the postal code located by the records that carry it', async () => {
    const body = await search('postcode=V9W%202P8&limit=5');
    expect(body.results[0].id).toBe('workbc:p1');
    expect(body.results[0].name).toEqual({ en: 'WorkBC Centre - Campbell River' });
    expect(body.results[0].distance_metres).toBe(0);
    expect(body.query.origin).toEqual({
      lat: 50.0240613,
      lon: -125.2434889,
      label: 'V9W 2P8',
      precision: 'postal_code',
      kind: 'postal_code',
    });
    // Every service point has a distance from an origin, sorted; the total counts them all.
    const distances = body.results.map((r) => r.distance_metres!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(body.total).toBe((await search('limit=1')).total);
  });

  it('an FSA alone is located at its centroid (data/fsa_centroids_2011)', async () => {
    const body = await search('postcode=v9w&limit=2');
    expect(body.query.origin).toEqual({
      lat: 50.0059,
      lon: -125.2343,
      label: 'FSA V9W',
      precision: 'fsa',
      kind: 'fsa',
    });
    // The Campbell River Service Canada Centre is itself located at that centroid.
    expect(body.results[0].id).toBe('service_canada:5920');
  });

  it('returns the full result shape, with open status in the language asked', async () => {
    const body = await search('postcode=V9W%202P8&limit=1&lang=fr');
    expect(body.results[0]).toEqual({
      id: 'workbc:p1',
      uuid: '3e75b898-88d4-5ab0-97f7-eb977730f6d8',
      name: { en: 'WorkBC Centre - Campbell River' },
      organization: { id: 'workbc', name: { en: 'WorkBC', fr: 'WorkBC' } },
      jurisdiction_level: 'provincial',
      jurisdiction_code: 'BC',
      channel: 'in_person',
      service_types: ['employment'],
      address: {
        street: '920 Alder Street',
        city: 'Campbell River',
        province: 'BC',
        postal_code: 'V9W 2P8',
        country: 'CA',
      },
      phones: [
        { number: '250-286-3441', e164: '+12502863441', extension: null, kind: 'voice' },
        { number: '250-286-3447', e164: '+12502863447', extension: null, kind: 'fax' },
      ],
      email: 'centre-campbellriver@workbc.ca',
      url: 'https://workbc.ca/WorkBC-Centres/Vancouver-Island-Coast/Campbell-River.aspx',
      languages: ['en'],
      location: { lat: 50.0240613, lon: -125.2434889, precision: 'building', source: 'source' },
      distance_metres: 0,
      // Wednesday 9 a.m. in Vancouver (test-app.ts FIXED_NOW); Wednesdays 8:30 a.m. to 6 p.m.
      open_status: { state: 'open', closes_at: '18:00', label: 'Ouvert maintenant · ferme à 18 h' },
      hours_text:
        '8:30 am to 4:30 pm Monday, Tuesday, Thursday, Friday; 8:30 am to 6:00 pm Wednesday; Statutory Holidays - Closed',
      time_zone: 'America/Vancouver',
      source: { id: 'workbc', licence: 'Apache-2.0', last_verified: null },
    });
    expect(body.query['lang']).toBe('fr');
  });

  it('takes the language from Accept-Language when lang is absent', async () => {
    const body = await search('postcode=V9W%202P8&limit=1', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' });
    expect(body.query['lang']).toBe('fr');
    expect(body.results[0].open_status.label).toBe('Ouvert maintenant · ferme à 18 h');
  });

  it('q=quebec finds records whose name, address or province is "Québec", accents ignored', async () => {
    const body = await search('q=quebec&limit=100');
    expect(body.total).toBe(244);
    expect(body.results).toHaveLength(100);
    const names = body.results.map((r) => r.name.fr ?? r.name.en);
    expect(names).toEqual(
      expect.arrayContaining([
        'Grande Bibliothèque - Bibliothèque et Archives nationales du Québec',
        'Sainte-Foy (Québec) Service Canada Centre',
        'La Cité-Limoilou (Québec) Service Canada Centre',
        'Quebec Service Canada Centre - Passport Services',
      ]),
    );
    for (const r of body.results) {
      const province = r.address.province
        ? PROVINCES[r.address.province as keyof typeof PROVINCES]
        : undefined;
      const text = [
        r.name.en,
        r.name.fr,
        r.organization.name.en,
        r.organization.name.fr,
        r.address.street,
        r.address.city,
      ]
        .concat(province ? [province.name.en, province.name.fr] : [])
        .join(' ');
      expect(foldText(text)).toContain('quebec');
    }
  });

  it('q=emploi returns employment centres (French keywords of the service types)', async () => {
    const body = await search('q=emploi&limit=100');
    // Every point of the employment or benefits types (assurance-emploi), and nothing else.
    expect(body.total).toBe(752);
    for (const r of body.results) {
      expect(r.service_types.some((type) => type === 'employment' || type === 'benefits')).toBe(true);
    }
    expect(idsOf(body).slice(0, 3)).toEqual([
      'municipal_facilities:Kingston_point-of-interest.csv:3507',
      'workbc:p101',
      'workbc:p16',
    ]);
    const near = await search('q=emploi&place=Campbell%20River&limit=2');
    expect(idsOf(near)).toEqual(['workbc:p1', 'service_canada:5920']);
    expect(near.query.origin).toEqual({
      lat: 50.01634,
      lon: -125.24459,
      label: 'Campbell River, BC',
      precision: 'community',
      kind: 'place',
    });
  });

  it('holds the jurisdiction and channel filters on every result; repeated and comma forms agree', async () => {
    const comma = await search(
      'postcode=K1A%200A6&jurisdiction=federal,municipal&channel=in_person,outreach&limit=100',
    );
    const repeated = await search(
      'postcode=K1A%200A6&jurisdiction=federal&jurisdiction=municipal&channel=in_person&channel=outreach&limit=100',
    );
    expect(idsOf(repeated)).toEqual(idsOf(comma));
    expect(comma.results).toHaveLength(100);
    expect(comma.query['jurisdiction']).toEqual(['federal', 'municipal']);
    for (const r of comma.results) {
      expect(['federal', 'municipal']).toContain(r.jurisdiction_level);
      expect(['in_person', 'outreach']).toContain(r.channel);
    }
    const levels = new Set(comma.results.map((r) => r.jurisdiction_level));
    expect([...levels].sort()).toEqual(['federal', 'municipal']);
  });

  it('filters by service type', async () => {
    const body = await search('place=Iqaluit&service_type=employment&limit=10');
    expect(body.results).toHaveLength(10);
    for (const r of body.results) expect(r.service_types).toContain('employment');
  });

  it('open_now keeps only points open at the request time', async () => {
    const body = await search('postcode=V9W%202P8&open_now=true&limit=100');
    expect(body.results[0].id).toBe('workbc:p1');
    expect(body.total).toBe(83);
    for (const r of body.results) expect(r.open_status.state).toBe('open');
  });

  it('pages with limit and offset over one stable order', async () => {
    const all = await search('q=library&limit=20');
    const second = await search('q=library&limit=10&offset=10');
    expect(idsOf(second)).toEqual(idsOf(all).slice(10, 20));
    expect(second.total).toBe(all.total);
    expect([second.limit, second.offset]).toEqual([10, 10]);
  });

  it('with filters only, lists service points in id order', async () => {
    const body = await search('jurisdiction=indigenous&limit=100');
    expect(body.total).toBe(53);
    expect(body.results).toHaveLength(53);
    expect(idsOf(body)).toEqual([...idsOf(body)].sort());
    expect(body.query.origin).toBeNull();
  });

  it('returns markup in names exactly as stored (escaping is the renderer’s job)', async () => {
    const body = await search('q=onerror');
    expect(body.total).toBe(1);
    expect(body.results[0].name).toEqual({ en: MARKUP_NAME, fr: '"Bureau" <script>alert(2)</script> & cie' });
    expect(body.results[0].organization.name.en).toBe('<b>Markup</b> & Co');
    expect(body.results[0].address.street).toBe('1 <i>Main</i> Street');
  });
});

describe('finder formats', () => {
  it('format=geojson gives a FeatureCollection in the export layout with distance_metres', async () => {
    const response = await t.app.inject({ url: '/api/v1/search?postcode=V9W%202P8&limit=3&format=geojson' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const collection = response.json<{
      type: string;
      features: { id: string; geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    }>();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.id)).toEqual(idsOf(await search('postcode=V9W%202P8&limit=3')));
    expect(collection.features[0].geometry.coordinates).toEqual([-125.2434889, 50.0240613]);
    expect(collection.features[0].properties).toMatchObject({
      id: 'p1',
      source_id: 'workbc',
      name: 'WorkBC Centre - Campbell River',
      location_precision: 'building',
      distance_metres: 0,
    });
  });

  it('Accept: application/geo+json and text/csv choose the format too', async () => {
    const geo = await t.app.inject({
      url: '/api/v1/search?q=iqaluit',
      headers: { accept: 'application/geo+json' },
    });
    expect(geo.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const csv = await t.app.inject({ url: '/api/v1/search?q=iqaluit', headers: { accept: 'text/csv' } });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const json = await t.app.inject({
      url: '/api/v1/search?q=iqaluit',
      headers: { accept: 'text/csv' },
      query: { format: 'json' },
    });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('format=csv parses back: the export columns, one row per result, markup and quotes intact', async () => {
    const response = await t.app.inject({ url: '/api/v1/search?q=onerror&format=csv' });
    expect(response.headers['content-disposition']).toBe('attachment; filename="repere-search.csv"');
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(1);
    expect(rows[0]['name']).toBe(MARKUP_NAME);
    expect(rows[0]['name_fr']).toBe(MARKUP_POINT.name.fr);
    expect(rows[0]['organization']).toBe('<b>Markup</b> & Co');

    const iqaluit = await t.app.inject({ url: '/api/v1/search?q=iqaluit&format=csv&limit=100' });
    const parsed = parse(iqaluit.body, { columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => `${r['source_id']}:${r['id']}`)).toEqual(
      idsOf(await search('q=iqaluit&limit=100')),
    );
  });
});
