// The OpenAPI document generated from the route schemas, on an empty in-memory store (no
// dataset is needed to describe the API).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { buildApp } from '../app.js';

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[] }
    >
  >;
}

let store: SqliteStore;
let app: FastifyInstance;
let doc: OpenApiDocument;
beforeAll(async () => {
  store = SqliteStore.open(':memory:');
  app = await buildApp({ store, rateLimitPerMinute: 0 });
  const response = await app.inject({ url: '/api/v1/openapi.json' });
  expect(response.statusCode).toBe(200);
  doc = response.json<OpenApiDocument>();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const parametersOf = (
  path: string,
): Record<string, { in: string; required?: boolean; schema: Record<string, unknown> }> =>
  Object.fromEntries((doc.paths[path]?.['get']?.parameters ?? []).map((p) => [p.name, p]));

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3 document titled Repère API', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.info.title).toBe('Repère API');
  });

  it('lists every API path, and nothing outside /api', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/v1',
        '/api/v1/health',
        '/api/v1/services',
        '/api/v1/services/{id}',
        '/api/v1/organizations',
        '/api/v1/organizations/{id}',
        '/api/v1/service_at_locations',
        '/api/v1/service_at_locations/{id}',
        '/api/v1/locations/{id}',
        '/api/v1/taxonomy_terms',
        '/api/v1/taxonomy_terms/{id}',
        '/api/v1/search',
        '/api/v1/nearby',
        '/api/v1/geocode',
        '/api/v1/map/points.geojson',
        '/api/v1/map/boundaries.geojson',
        '/api/v1/map/communities.geojson',
        '/api/v1/openapi.json',
        '/api/v1/referral',
        '/api/v1/partnerships',
        '/api/v1/analysis/coverage',
        '/api/v1/analysis/access',
        '/api/v1/analysis/gaps',
        '/api/v1/analysis/colocation',
        '/api/v1/analysis/siting',
      ].sort(),
    );
  });

  it('documents the parameters with their bounds', () => {
    const search = parametersOf('/api/v1/search');
    expect(Object.keys(search).sort()).toEqual(
      [
        'q',
        'lat',
        'lon',
        'postcode',
        'place',
        'jurisdiction',
        'channel',
        'service_type',
        'open_now',
        'lang',
        'format',
        'limit',
        'offset',
      ].sort(),
    );
    expect(search['lat'].schema).toMatchObject({ type: 'number', minimum: 41, maximum: 84 });
    expect(search['limit'].schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(search['q'].schema).toMatchObject({ maxLength: 200 });
    expect(search['jurisdiction'].schema).toMatchObject({ type: 'array', maxItems: 20 });
    const nearby = parametersOf('/api/v1/nearby');
    expect(nearby['k'].schema).toMatchObject({ minimum: 1, maximum: 50 });
    expect(nearby['lat'].required).toBe(true);
    const sal = parametersOf('/api/v1/service_at_locations');
    expect(sal['per_page'].schema).toMatchObject({ maximum: 100 });
    expect(sal['page'].schema).toMatchObject({ minimum: 1, maximum: 10_000 });
    expect(sal['proximity'].schema).toMatchObject({ maximum: 500_000 });
    expect(parametersOf('/api/v1/locations/{id}')['id']).toMatchObject({
      in: 'path',
      required: true,
      schema: { format: 'uuid' },
    });
    expect(parametersOf('/api/v1/map/points.geojson')['limit'].schema).toMatchObject({ maximum: 5000 });
  });

  it('documents the analysis parameters by their result names, bounded, behind the session cookie', () => {
    const siting = parametersOf('/api/v1/analysis/siting');
    expect(Object.keys(siting).sort()).toEqual(
      [
        'layers',
        'jurisdiction_levels',
        'channels',
        'format',
        'radius_km',
        'budget',
        'candidates',
        'weighting',
        'indigenous_weight',
        'vulnerable_cwb_below',
        'swap',
        'table',
      ].sort(),
    );
    expect(siting['radius_km'].schema).toMatchObject({ type: 'number', exclusiveMinimum: 0, maximum: 1000 });
    expect(siting['budget'].schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(siting['table'].schema).toMatchObject({ enum: ['sites', 'swaps'] });
    expect(parametersOf('/api/v1/analysis/access')['method'].schema).toMatchObject({
      enum: ['2sfca', 'e2sfca', 'gravity'],
    });
    const operation = doc.paths['/api/v1/analysis/coverage']?.['get'] as { security?: unknown };
    expect(operation.security).toEqual([{ session: [] }]);
    expect((doc as unknown as { components: unknown }).components).toMatchObject({
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'repere_session' } },
    });
  });
});
