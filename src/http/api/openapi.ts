import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

/** The prefix of the routes the OpenAPI document describes; pages and assets are left out. */
const API_PREFIX = '/api/';

/**
 * Registers @fastify/swagger on the root instance, before any route, so it sees every route
 * schema; the document lists only the JSON API. Served by `registerOpenApiRoute`.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Repère API',
        version: '1.0.0',
        description:
          'Canadian government service points, in French and English: an Open Referral HSDS 3.0-compatible API ' +
          '(organizations, services, service_at_locations, locations, taxonomy_terms; all ids are UUIDs), the public ' +
          'finder (search, nearby), an offline geocoder, GeoJSON layers for the map, and the accessibility analyses ' +
          '(signed-in analysts only). Lists take format=geojson|csv ' +
          'where noted. HSDS objects carry Canadian-profile extensions: name_en/name_fr (the other official ' +
          'language), jurisdiction_level, jurisdiction_code, channel, location_precision, time_zone. Errors are ' +
          '{"error":{"status","code","message","parameter"?}}.',
        license: { name: 'MIT' },
      },
      components: {
        securitySchemes: {
          // The session cookie set by signing in at /{lang}/signin (src/http/auth).
          session: { type: 'apiKey', in: 'cookie', name: 'repere_session' },
        },
      },
      tags: [
        { name: 'HSDS', description: 'Open Referral Human Services Data Specification 3.0' },
        { name: 'finder', description: 'The public finder: keywords, distance, filters' },
        { name: 'geocode', description: 'Offline gazetteer: postal codes, FSAs, places, communities' },
        { name: 'map', description: 'GeoJSON layers for the map' },
        {
          name: 'analysis',
          description:
            'Coverage, accessibility, gaps, co-location and siting, as `repere analyze`; for analysts signed in at /en/signin',
        },
        { name: 'meta', description: 'Health and this document' },
      ],
    },
    transform: ({ schema, url }) => ({
      schema: url.startsWith(API_PREFIX) ? schema : { ...schema, hide: true },
      url,
    }),
  });
}

/** GET /openapi.json (under the API prefix): the OpenAPI 3 document generated from the route schemas. */
export function registerOpenApiRoute(api: FastifyInstance): void {
  api.get(
    '/openapi.json',
    {
      schema: {
        tags: ['meta'],
        summary: 'This OpenAPI 3 document',
        querystring: { type: 'object', properties: {} },
      },
    },
    async () => api.swagger(),
  );
}
