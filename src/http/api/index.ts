import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import type { ApiErrorBody } from '../http-errors.js';
import { registerAnalysisRoutes } from './analysis-routes.js';
import { registerFinderRoutes } from './finder-routes.js';
import { registerGeocodeRoutes } from './geocode-routes.js';
import { registerHsdsRoutes } from './hsds/hsds-routes.js';
import { registerMapLayerRoutes } from './map-layers-routes.js';
import { registerOpenApi, registerOpenApiRoute } from './openapi.js';
import { OriginResolver } from './origin-resolver.js';

/** Where the JSON API lives. */
export const API_PREFIX = '/api/v1';

/** JSON API under /api/v1 (HSDS-compatible lists, finder, geocode, map layers, analysis, OpenAPI). */
export async function registerApiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerOpenApi(app);
  const origins = new OriginResolver(deps);
  await app.register(
    async (api) => {
      // One budget per client across the whole API (app.ts registers the limiter with
      // global: false, and not at all when the limit is 0).
      if (api.hasDecorator('rateLimit')) api.addHook('onRequest', api.rateLimit());

      api.setNotFoundHandler((request, reply) => {
        const body: ApiErrorBody = {
          error: {
            status: 404,
            code: 'not_found',
            message: `No API route ${request.method} ${request.url.split('?')[0].slice(0, 200)}: see ${deps.basePath}${API_PREFIX}/openapi.json`,
          },
        };
        return reply.code(404).send(body);
      });

      api.get(
        '/health',
        {
          schema: {
            tags: ['meta'],
            summary: 'Liveness, with the number of sources and records',
            querystring: { type: 'object', properties: {} },
          },
        },
        async () => {
          const sources = await deps.store.listSources();
          return {
            status: 'ok',
            sources: sources.length,
            records: sources.reduce((n, s) => n + s.records, 0),
          };
        },
      );
      await registerHsdsRoutes(api, deps, origins);
      await registerFinderRoutes(api, deps, origins);
      await registerGeocodeRoutes(api, deps);
      await registerMapLayerRoutes(api, deps, origins);
      registerAnalysisRoutes(api, deps);
      registerOpenApiRoute(api);
    },
    { prefix: API_PREFIX },
  );
}
