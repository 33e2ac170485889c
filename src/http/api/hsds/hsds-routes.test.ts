// The HSDS 3.0 API on the bundled default dataset, validated against the Open Referral schemas
// in ../shared/specs/hsds-3.0 (tag v3.0 of openreferral/specification, CC BY-SA 4.0).
import { readFileSync } from 'node:fs';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_TYPES } from '../../../domain/service-type.js';
import { isUuid, stableUuid } from '../../../domain/stable-uuid.js';
import { MARKUP_NAME, MARKUP_POINT, buildTestApp, getJson, type TestApp } from '../test-app.js';
import type { HsdsPage } from './paging.js';
import { hsdsSpecDir } from '../../../../test/support/shared-specs.js';

const SPEC_DIR = `${hsdsSpecDir()}/schema`;
const readSchema = (path: string): AnySchemaObject =>
  JSON.parse(readFileSync(`${SPEC_DIR}/${path}`, 'utf8')) as AnySchemaObject;

/** HSDS 3.0 openapi.json components.schemas.Page: the paging fields of every list, in order. */
const PAGE_FIELDS = [
  'total_items',
  'total_pages',
  'page_number',
  'size',
  'first_page',
  'last_page',
  'empty',
  'contents',
];

/**
 * Validators of the compiled HSDS schemas. `strict: false`: they carry non-standard keywords
 * (datapackage_metadata, constraints, core, example…); `format: csv` (in those) is accepted.
 * A list response is validated as HSDS openapi.json describes it: Page, with `contents`
 * items of the `*_list.json` schema.
 */
function hsdsValidators(): Record<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('csv', true);
  ajv.addSchema(readSchema('metadata.json'), 'metadata.json');
  ajv.addSchema(readSchema('taxonomy.json'), 'taxonomy.json');
  const compiled = (name: string): ValidateFunction => ajv.compile(readSchema(`compiled/${name}.json`));
  const openapi = readSchema('openapi.json') as { components: { schemas: { Page: AnySchemaObject } } };
  const pageOf = (itemSchema: string): ValidateFunction => {
    ajv.addSchema(readSchema(`compiled/${itemSchema}.json`), itemSchema);
    return ajv.compile({
      allOf: [openapi.components.schemas.Page],
      required: PAGE_FIELDS,
      properties: { contents: { type: 'array', items: { $ref: itemSchema } } },
    });
  };
  const serviceAtLocation = readSchema('compiled/service_at_location.json');
  ajv.addSchema(readSchema('taxonomy_term.json'), 'taxonomy_term.json');
  return {
    service_page: pageOf('service_list'),
    organization_page: pageOf('organization_list'),
    service_at_location_page: pageOf('service_at_location_list'),
    taxonomy_term_page: ajv.compile({
      allOf: [openapi.components.schemas.Page],
      required: PAGE_FIELDS,
      properties: { contents: { type: 'array', items: { $ref: 'taxonomy_term.json' } } },
    }),
    service: compiled('service'),
    organization: compiled('organization'),
    service_at_location: ajv.compile(serviceAtLocation),
    // HSDS 3.0 has no compiled location: the nested one of service_at_location is the full form.
    location: ajv.compile((serviceAtLocation['properties'] as Record<string, AnySchemaObject>)['location']),
    taxonomy_term: ajv.getSchema('taxonomy_term.json')!,
  };
}

let t: TestApp;
let v: Record<string, ValidateFunction>;
beforeAll(async () => {
  t = await buildTestApp();
  v = hsdsValidators();
});
afterAll(async () => {
  await t.close();
});

function expectValid(validate: ValidateFunction, data: unknown): void {
  const ok = validate(data);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

type Obj = Record<string, unknown>;

async function page(url: string, headers = {}): Promise<HsdsPage<Obj>> {
  const { status, body } = await getJson<HsdsPage<Obj>>(t.app, url, headers);
  expect(status).toBe(200);
  expect(Object.keys(body)).toEqual(PAGE_FIELDS);
  return body;
}

async function one(url: string, headers = {}): Promise<Obj> {
  const { status, body } = await getJson<Obj>(t.app, url, headers);
  expect(status).toBe(200);
  return body;
}

/** Every page of a list, checking the paging fields of each, and each against `validate` when given. */
async function allPages(url: string, perPage: number, validate?: ValidateFunction): Promise<Obj[]> {
  const first = await page(`${url}${url.includes('?') ? '&' : '?'}per_page=${perPage}`);
  if (validate) expectValid(validate, first);
  const items = [...first.contents];
  for (let n = 2; n <= first.total_pages; n++) {
    const next = await page(`${url}${url.includes('?') ? '&' : '?'}per_page=${perPage}&page=${n}`);
    expect(next).toMatchObject({
      total_items: first.total_items,
      total_pages: first.total_pages,
      page_number: n,
    });
    expect(next.first_page).toBe(false);
    expect(next.last_page).toBe(n === first.total_pages);
    if (validate) expectValid(validate, next);
    items.push(...next.contents);
  }
  expect(items).toHaveLength(first.total_items);
  return items;
}

const WORKBC_ORG = stableUuid('organization:workbc');
const WORKBC_EMPLOYMENT = stableUuid('service:workbc:employment');
const CAMPBELL_RIVER_LOCATION = stableUuid('workbc:p1');
const CAMPBELL_RIVER_EMPLOYMENT = stableUuid('sal:workbc:p1:employment');

describe('HSDS lists validate against the compiled schemas', () => {
  it('the validators do reject what HSDS forbids (not vacuous)', () => {
    const page = {
      total_items: 1,
      total_pages: 1,
      page_number: 1,
      size: 1,
      first_page: true,
      last_page: true,
      empty: false,
    };
    expect(v['service_page']({ ...page, contents: [{ id: 'workbc:p1', name: 'x', status: 'active' }] })).toBe(
      false,
    );
    expect(
      v['service_page']({ ...page, contents: [{ id: stableUuid('x'), name: 'x', status: 'open' }] }),
    ).toBe(false);
    expect(
      v['service_page']({ ...page, contents: [{ id: stableUuid('x'), name: 'x', status: 'active' }] }),
    ).toBe(true);
    expect(v['service_page']({ ...page, total_pages: '1', contents: [] })).toBe(false);
    expect(
      v['location']({
        id: stableUuid('x'),
        location_type: 'physical',
        phones: [{ id: stableUuid('y'), number: '1', extension: '204' }],
      }),
    ).toBe(false);
    expect(v['organization']({ id: stableUuid('x'), name: 'x' })).toBe(false);
  });

  it('/services: every service, page by page; total_pages = ceil(total_items / per_page)', async () => {
    const first = await page('/api/v1/services?per_page=100');
    expect(first).toMatchObject({
      total_items: 172,
      total_pages: 2,
      page_number: 1,
      size: 100,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const services = await allPages('/api/v1/services', 100, v['service_page']);
    expect(new Set(services.map((s) => s['id'])).size).toBe(services.length);
    expect(services.every((s) => isUuid(String(s['id'])))).toBe(true);
  });

  it('/organizations: every organization', async () => {
    const organizations = await allPages('/api/v1/organizations', 100, v['organization_page']);
    expect(organizations).toHaveLength(150);
    // Candidate sites (federal office buildings) are not published: their organizations neither.
    expect(organizations.map((o) => o['name'])).not.toContain('Public Services and Procurement Canada');
  });

  it('/service_at_locations: pages, the proximity page and the full form', async () => {
    const plain = await page('/api/v1/service_at_locations?per_page=100&page=37');
    // One per (point, service type) over 9,914 published points (service points and facilities, the markup fixture included).
    expect(plain.total_items).toBe(11753);
    expect(plain.total_pages).toBe(Math.ceil(11753 / 100));
    expectValid(v['service_at_location_page'], plain);
    expectValid(
      v['service_at_location_page'],
      await page('/api/v1/service_at_locations?postcode=V9W%202P8&per_page=100'),
    );
    const full = await page('/api/v1/service_at_locations?postcode=V9W%202P8&per_page=50&full=true');
    expectValid(v['service_at_location_page'], full);
    for (const sal of full.contents) expectValid(v['service_at_location'], sal);
  });

  it('/taxonomy_terms: the 14 service types', async () => {
    const terms = await page('/api/v1/taxonomy_terms?per_page=100');
    expect(terms.total_items).toBe(SERVICE_TYPES.length);
    expect(terms.contents.map((term) => term['code'])).toEqual(SERVICE_TYPES.map((type) => type.id));
    expectValid(v['taxonomy_term_page'], terms);
  });
});

describe('HSDS objects validate and carry the Canadian profile', () => {
  it('/services/{id}: WorkBC employment services, nested, named in the language asked', async () => {
    const en = await one(`/api/v1/services/${WORKBC_EMPLOYMENT}`);
    expectValid(v['service'], en);
    expect(en).toMatchObject({
      id: WORKBC_EMPLOYMENT,
      organization_id: WORKBC_ORG,
      name: 'Employment services — WorkBC',
      name_fr: "Services d'emploi — WorkBC",
      status: 'active',
      service_type: 'employment',
      location_count: 102,
      service_at_locations_total: 102,
      service_at_locations_url: `/api/v1/service_at_locations?service_id=${WORKBC_EMPLOYMENT}`,
      organization: {
        id: WORKBC_ORG,
        name: 'WorkBC',
        description: "102 locations in Repère's open data (provincial; BC).",
      },
    });
    expect(en['attributes']).toEqual([
      expect.objectContaining({
        link_id: WORKBC_EMPLOYMENT,
        link_entity: 'service',
        taxonomy_term_id: stableUuid('taxonomy_term:employment'),
        taxonomy_term: expect.objectContaining({ code: 'employment', name: 'Employment services' }),
      }),
    ]);
    const nested = en['service_at_locations'] as Obj[];
    expect(nested).toHaveLength(100);
    expect(nested[0]).toMatchObject({
      id: CAMPBELL_RIVER_EMPLOYMENT,
      location_id: CAMPBELL_RIVER_LOCATION,
      location: { name: 'WorkBC Centre - Campbell River' },
    });

    const fr = await one(`/api/v1/services/${WORKBC_EMPLOYMENT}`, { 'accept-language': 'fr-CA' });
    expectValid(v['service'], fr);
    expect(fr).toMatchObject({ name: "Services d'emploi — WorkBC", name_en: 'Employment services — WorkBC' });
    expect(await one(`/api/v1/services/${WORKBC_EMPLOYMENT}?lang=fr`)).toEqual(fr);
  });

  it('/organizations/{id}: WorkBC with its services and first 100 locations', async () => {
    const org = await one(`/api/v1/organizations/${WORKBC_ORG}`);
    expectValid(v['organization'], org);
    expect(org).toMatchObject({
      id: WORKBC_ORG,
      name: 'WorkBC',
      name_fr: 'WorkBC',
      jurisdiction_levels: ['provincial'],
      provinces: ['BC'],
      location_count: 102,
      locations_total: 102,
    });
    expect((org['services'] as Obj[]).map((s) => s['name'])).toEqual(['Employment services — WorkBC']);
    expect(org['locations']).toHaveLength(100);
    // WorkBC pages are on two hosts (workbc.ca, www.workbc.ca): no single website.
    expect(org).not.toHaveProperty('website');
    const serviceCanada = await one(`/api/v1/organizations/${stableUuid('organization:service-canada')}`);
    expectValid(v['organization'], serviceCanada);
    expect(serviceCanada).toMatchObject({ website: 'https://www.servicecanada.gc.ca', location_count: 595 });
  });

  it('/locations/{id}: WorkBC Campbell River with address, phones, e-mail, languages and weekly schedules', async () => {
    const location = await one(`/api/v1/locations/${CAMPBELL_RIVER_LOCATION}`);
    expectValid(v['location'], location);
    expect(location).toEqual({
      id: CAMPBELL_RIVER_LOCATION,
      location_type: 'physical',
      organization_id: WORKBC_ORG,
      name: 'WorkBC Centre - Campbell River',
      url: 'https://workbc.ca/WorkBC-Centres/Vancouver-Island-Coast/Campbell-River.aspx',
      latitude: 50.0240613,
      longitude: -125.2434889,
      external_identifier: 'workbc:p1',
      external_identifier_type: 'repere_id',
      jurisdiction_level: 'provincial',
      jurisdiction_code: 'BC',
      channel: 'in_person',
      location_precision: 'building',
      time_zone: 'America/Vancouver',
      official_languages: 'en',
      languages: [
        {
          id: stableUuid('language:workbc:p1:en'),
          location_id: CAMPBELL_RIVER_LOCATION,
          name: 'English',
          code: 'en',
        },
      ],
      addresses: [
        {
          id: stableUuid('address:workbc:p1'),
          location_id: CAMPBELL_RIVER_LOCATION,
          address_1: '920 Alder Street',
          city: 'Campbell River',
          state_province: 'BC',
          postal_code: 'V9W 2P8',
          country: 'CA',
          address_type: 'physical',
        },
      ],
      contacts: [
        {
          id: stableUuid('contact:workbc:p1'),
          location_id: CAMPBELL_RIVER_LOCATION,
          email: 'centre-campbellriver@workbc.ca',
        },
      ],
      phones: [
        {
          id: stableUuid('phone:workbc:p1:0'),
          location_id: CAMPBELL_RIVER_LOCATION,
          number: '250-286-3441',
          type: 'voice',
          e164: '+12502863441',
        },
        {
          id: stableUuid('phone:workbc:p1:1'),
          location_id: CAMPBELL_RIVER_LOCATION,
          number: '250-286-3447',
          type: 'fax',
          e164: '+12502863447',
        },
      ],
      schedules: [
        {
          id: stableUuid('schedule:workbc:p1:0'),
          location_id: CAMPBELL_RIVER_LOCATION,
          freq: 'WEEKLY',
          byday: 'MO,TU,TH,FR',
          opens_at: '08:30',
          closes_at: '16:30',
          description: 'Monday, Tuesday, Thursday and Friday, 8:30 a.m. to 4:30 p.m.',
          notes: 'Closed on holidays',
        },
        {
          id: stableUuid('schedule:workbc:p1:1'),
          location_id: CAMPBELL_RIVER_LOCATION,
          freq: 'WEEKLY',
          byday: 'WE',
          opens_at: '08:30',
          closes_at: '18:00',
          description: 'Wednesday, 8:30 a.m. to 6 p.m.',
          notes: 'Closed on holidays',
        },
      ],
    });
    const fr = await one(`/api/v1/locations/${CAMPBELL_RIVER_LOCATION}?lang=fr`);
    expectValid(v['location'], fr);
    expect((fr['schedules'] as Obj[]).map((s) => [s['description'], s['notes']])).toEqual([
      ['lundi, mardi, jeudi et vendredi, 8 h 30 à 16 h 30', 'Fermé les jours fériés'],
      ['mercredi, 8 h 30 à 18 h', 'Fermé les jours fériés'],
    ]);
    expect((fr['languages'] as Obj[])[0]['name']).toBe('anglais');
  });

  it('/locations/{id}: a bilingual record gives the other language as name_fr / name_en', async () => {
    const iqaluit = stableUuid('inuit_community_offices:IN14');
    const en = await one(`/api/v1/locations/${iqaluit}`);
    expect([en['name'], en['name_fr']]).toEqual([
      'Iqaluit community office',
      'Bureau communautaire de Iqaluit',
    ]);
    const fr = await one(`/api/v1/locations/${iqaluit}?lang=fr`);
    expect([fr['name'], fr['name_en']]).toEqual([
      'Bureau communautaire de Iqaluit',
      'Iqaluit community office',
    ]);
    expectValid(v['location'], fr);
    expect((fr['languages'] as Obj[]).map((l) => l['name'])).toEqual(['inuktitut', 'anglais']);
  });

  it('/service_at_locations/{id}: WorkBC Campbell River employment, with its full location', async () => {
    const sal = await one(`/api/v1/service_at_locations/${CAMPBELL_RIVER_EMPLOYMENT}`);
    expectValid(v['service_at_location'], sal);
    expect(sal).toMatchObject({
      id: CAMPBELL_RIVER_EMPLOYMENT,
      service_id: WORKBC_EMPLOYMENT,
      location_id: CAMPBELL_RIVER_LOCATION,
      location: {
        name: 'WorkBC Centre - Campbell River',
        addresses: [expect.objectContaining({ city: 'Campbell River' })],
      },
      service: { name: 'Employment services — WorkBC' },
    });
  });

  it('/taxonomy_terms/{id}: by UUID or by code', async () => {
    const byUuid = await one(`/api/v1/taxonomy_terms/${stableUuid('taxonomy_term:passport')}?lang=fr`);
    expectValid(v['taxonomy_term'], byUuid);
    expect(byUuid).toMatchObject({
      code: 'passport',
      name: 'Passeports',
      name_en: 'Passports',
      language: 'fr',
    });
    expect(await one('/api/v1/taxonomy_terms/passport?lang=fr')).toEqual(byUuid);
  });

  it('returns markup exactly as stored', async () => {
    const location = await one(`/api/v1/locations/${stableUuid(MARKUP_POINT.id)}`);
    expectValid(v['location'], location);
    expect(location['name']).toBe(MARKUP_NAME);
    expect(location['name_fr']).toBe(MARKUP_POINT.name.fr);
    const orgs = await page('/api/v1/organizations?search=markup');
    expect(orgs.contents.map((o) => o['name'])).toEqual(['<b>Markup</b> & Co']);
  });
});

describe('HSDS query parameters', () => {
  it('postcode + proximity: nearest first, within the radius (default 50 km), distance as an extension', async () => {
    const near = await page('/api/v1/service_at_locations?postcode=V9W%202P8&per_page=100');
    expect(near.contents[0]).toMatchObject({ id: CAMPBELL_RIVER_EMPLOYMENT, distance_metres: 0 });
    const distances = near.contents.map((sal) => sal['distance_metres'] as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(50_000);
    expect(near.total_items).toBe(48);
    const close = await page('/api/v1/service_at_locations?postcode=V9W%202P8&proximity=1000&per_page=100');
    expect(close.total_items).toBeLessThan(near.total_items);
    expect(close.contents.every((sal) => (sal['distance_metres'] as number) <= 1000)).toBe(true);
    const services = await page('/api/v1/services?postcode=V9W%202P8&proximity=1000');
    expect(services.contents[0]['id']).toBe(WORKBC_EMPLOYMENT);
  });

  it('taxonomy_term_id (UUID or code), organization_id and service_id filter every item', async () => {
    const byCode = await page('/api/v1/service_at_locations?taxonomy_term_id=passport&per_page=100');
    const byUuid = await page(
      `/api/v1/service_at_locations?taxonomy_term_id=${stableUuid('taxonomy_term:passport')}&per_page=100`,
    );
    expect(byUuid).toEqual(byCode);
    expect(byCode.total_items).toBe(37);
    expect(byCode.contents.every((sal) => (sal['service'] as Obj)['service_type'] === 'passport')).toBe(true);

    const workbc = await allPages(
      `/api/v1/service_at_locations?organization_id=${WORKBC_ORG}`,
      100,
      v['service_at_location_page'],
    );
    expect(workbc).toHaveLength(102);
    expect(workbc.every((sal) => (sal['service'] as Obj)['organization_id'] === WORKBC_ORG)).toBe(true);
    const byService = await page(`/api/v1/service_at_locations?service_id=${WORKBC_EMPLOYMENT}&per_page=1`);
    expect(byService.total_items).toBe(102);

    const services = await page(`/api/v1/services?organization_id=${WORKBC_ORG}`);
    expect(services.contents.map((s) => s['id'])).toEqual([WORKBC_EMPLOYMENT]);
    const employment = await allPages('/api/v1/services?taxonomy_term_id=employment', 100);
    expect(employment.every((s) => s['service_type'] === 'employment')).toBe(true);
  });

  it('modified_after: on or after the import time keeps everything, after it nothing', async () => {
    const sources = await t.store.listSources();
    const oldest = sources.map((s) => s.importedAt).sort()[0];
    expect((await page(`/api/v1/services?modified_after=${oldest}`)).total_items).toBe(172);
    const empty = await page('/api/v1/services?modified_after=2999-01-01');
    expect(empty).toEqual({
      total_items: 0,
      total_pages: 0,
      page_number: 1,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
      contents: [],
    });
    expect((await page('/api/v1/service_at_locations?modified_after=2999-01-01T00:00:00Z')).total_items).toBe(
      0,
    );
  });

  it('search: services by type words in either language, organizations by name, places by full text', async () => {
    const emploi = await allPages('/api/v1/services?search=emploi', 100, v['service_page']);
    expect(emploi.map((s) => s['name'])).toContain('Employment services — WorkBC');
    expect(emploi.every((s) => ['employment', 'benefits'].includes(String(s['service_type'])))).toBe(true);
    const quebec = await page('/api/v1/organizations?search=quebec&lang=fr');
    expect(quebec.contents.map((o) => o['name_en'] ?? o['name'])).toContain('Province of Québec');
    const iqaluit = await page('/api/v1/service_at_locations?search=iqaluit');
    expect(iqaluit.contents.map((sal) => (sal['location'] as Obj)['external_identifier'])).toEqual(
      expect.arrayContaining(['inuit_community_offices:IN14', 'service_canada:4936']),
    );
  });

  it('a page past the end is empty and says so', async () => {
    const past = await page('/api/v1/taxonomy_terms?per_page=5&page=4');
    expect(past).toMatchObject({
      total_items: 14,
      total_pages: 3,
      page_number: 4,
      size: 0,
      last_page: true,
      empty: true,
    });
  });

  it('/service_at_locations answers GeoJSON and CSV with the HSDS ids as extra columns', async () => {
    const geo = await t.app.inject({
      url: '/api/v1/service_at_locations?postcode=V9W%202P8&per_page=3&format=geojson',
    });
    expect(geo.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(geo.headers['x-total-count']).toBe('48');
    const features = geo.json<{ features: { id: string; properties: Obj }[] }>().features;
    expect(features[0]).toMatchObject({
      id: 'workbc:p1',
      properties: {
        service_at_location_id: CAMPBELL_RIVER_EMPLOYMENT,
        service_id: WORKBC_EMPLOYMENT,
        location_id: CAMPBELL_RIVER_LOCATION,
        distance_metres: 0,
      },
    });
    const csv = await t.app.inject({
      url: '/api/v1/service_at_locations?per_page=3',
      headers: { accept: 'text/csv' },
    });
    expect(csv.headers['content-disposition']).toBe('attachment; filename="repere-service-at-locations.csv"');
    expect(csv.body.split('\r\n')[0]).toMatch(
      /,service_at_location_id,service_id,location_id,organization_id,hsds_service_type$/,
    );
  });
});

describe('HSDS aggregation cache', () => {
  it('is rebuilt when a source is re-imported', async () => {
    const before = await page('/api/v1/organizations?search=markup');
    expect(before.total_items).toBe(1);
    const renamed = { ...MARKUP_POINT, organization: { id: 'test-markup-org', name: { en: 'Renamed Co' } } };
    const source = (await t.store.listSources()).find((s) => s.id === 'test-markup')!;
    await t.store.replaceSource(source, [renamed], () => ({
      source: 'test-app.ts',
      rows_read: 1,
      imported: 1,
      rejected: 0,
      duplicates: 0,
      issues: [],
    }));
    expect((await page('/api/v1/organizations?search=markup')).total_items).toBe(0);
    expect((await page('/api/v1/organizations?search=renamed')).contents.map((o) => o['name'])).toEqual([
      'Renamed Co',
    ]);
  });
});
