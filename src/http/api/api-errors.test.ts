// Error responses of the JSON API: 400 naming the parameter, 404 for unknown ids and routes,
// 429 past the rate limit; always {"error":{status, code, message, parameter?}}.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../domain/stable-uuid.js';
import { buildApp } from '../app.js';
import type { ApiErrorBody } from '../http-errors.js';
import { buildTestApp, getJson, type TestApp } from './test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function expectError(url: string, status: number, parameter?: string): Promise<ApiErrorBody['error']> {
  const response = await getJson<ApiErrorBody>(t.app, url);
  expect(response.status).toBe(status);
  expect(Object.keys(response.body)).toEqual(['error']);
  const { error } = response.body;
  expect(error.status).toBe(status);
  expect(error.code).toBe(status === 400 ? 'bad_request' : 'not_found');
  expect(error.message.length).toBeGreaterThan(0);
  if (parameter === undefined) expect(error).not.toHaveProperty('parameter');
  else expect(error.parameter).toBe(parameter);
  return error;
}

describe('400: bad parameters are named', () => {
  it.each([
    ['/api/v1/search?lat=999&lon=-75', 'lat'],
    ['/api/v1/search?lat=45&lon=20', 'lon'],
    ['/api/v1/search?lat=45', 'lon'],
    ['/api/v1/search?lat=45.4&lon=-75.7&postcode=K1A%200A6', 'postcode'],
    ['/api/v1/search?jurisdiction=galactic', 'jurisdiction'],
    ['/api/v1/search?jurisdiction=federal,galactic', 'jurisdiction'],
    ['/api/v1/search?channel=teleport', 'channel'],
    ['/api/v1/search?service_type=astrology', 'service_type'],
    ['/api/v1/search?postcode=ZZZ', 'postcode'],
    ['/api/v1/search?place=Atlantis%20Under%20The%20Sea', 'place'],
    [`/api/v1/search?q=${'a'.repeat(201)}`, 'q'],
    ['/api/v1/search?limit=101', 'limit'],
    ['/api/v1/search?offset=-1', 'offset'],
    ['/api/v1/search?open_now=maybe', 'open_now'],
    ['/api/v1/search?format=xml', 'format'],
    ['/api/v1/search?lang=de', 'lang'],
    ['/api/v1/nearby?lat=45&lon=-75&k=0', 'k'],
    ['/api/v1/nearby?lat=45&lon=-75&k=51', 'k'],
    ['/api/v1/nearby?lon=-75', 'lat'],
    ['/api/v1/geocode', 'q'],
    ['/api/v1/services?per_page=1000', 'per_page'],
    ['/api/v1/services?page=0', 'page'],
    ['/api/v1/services?page=10001', 'page'],
    ['/api/v1/services?modified_after=yesterday', 'modified_after'],
    ['/api/v1/services?taxonomy_term_id=astrology', 'taxonomy_term_id'],
    ['/api/v1/services?organization_id=workbc', 'organization_id'],
    ['/api/v1/service_at_locations?postcode=ZZZ', 'postcode'],
    ['/api/v1/service_at_locations?postcode=V9W&proximity=600000', 'proximity'],
    ['/api/v1/service_at_locations?proximity=1000', 'proximity'],
    ['/api/v1/locations/workbc:p1', 'id'],
    ['/api/v1/map/points.geojson?limit=5001', 'limit'],
  ])('%s names "%s"', async (url, parameter) => {
    await expectError(url, 400, parameter);
  });

  it('says what was expected and what was found', async () => {
    expect((await expectError('/api/v1/search?jurisdiction=galactic', 400, 'jurisdiction')).message).toBe(
      '"jurisdiction" must be one or more of federal, provincial, territorial, municipal, indigenous, other; got "galactic".',
    );
    expect((await expectError('/api/v1/search?lat=999&lon=-75', 400, 'lat')).message).toBe(
      '"lat" must be <= 84',
    );
    expect((await expectError('/api/v1/search?format=xml', 400, 'format')).message).toBe(
      '"format" must be one of: json, geojson, csv',
    );
    expect(
      (await expectError('/api/v1/services?modified_after=yesterday', 400, 'modified_after')).message,
    ).toBe(
      '"modified_after" must be an ISO 8601 date or date-time, e.g. 2024-02-06 or 2024-02-06T12:00:00Z; got "yesterday".',
    );
  });
});

describe('404: unknown ids and routes', () => {
  const unknown = stableUuid('nothing:here');
  it.each([
    `/api/v1/services/${unknown}`,
    `/api/v1/organizations/${unknown}`,
    `/api/v1/service_at_locations/${unknown}`,
    `/api/v1/locations/${unknown}`,
    '/api/v1/taxonomy_terms/astrology',
    '/api/v1/no-such-thing',
  ])('%s', async (url) => {
    await expectError(url, 404);
  });

  it('a candidate site (federal office building) is not a published location', async () => {
    const error = await expectError(`/api/v1/locations/${stableUuid('federal_buildings:018053')}`, 404);
    expect(error.message).toBe(`Location "${stableUuid('federal_buildings:018053')}" was not found`);
  });
});

describe('429: the rate limit applies to every /api route', () => {
  it('answers 429 JSON past the limit, with rate-limit headers', async () => {
    const limited = await buildApp({ store: t.store, rateLimitPerMinute: 2 });
    try {
      const urls = ['/api/v1/health', '/api/v1/taxonomy_terms', '/api/v1/geocode?q=V9W'];
      const responses = [];
      for (const url of urls) responses.push(await limited.inject({ url }));
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 429]);
      expect(responses[0].headers['x-ratelimit-limit']).toBe('2');
      expect(responses[2].json<ApiErrorBody>()).toEqual({
        error: { status: 429, code: 'too_many_requests', message: 'Rate limit exceeded, retry in 1 minute' },
      });
      expect(responses[2].headers['retry-after']).toBe('60');
    } finally {
      await limited.close();
    }
  });
});
