import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';

/** JSON API under /api/v1 (HSDS-compatible lists, finder, geocode, map layers, OpenAPI). */
export async function registerApiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/v1/health', async () => {
    const sources = await deps.store.listSources();
    return { status: 'ok', sources: sources.length, records: sources.reduce((n, s) => n + s.records, 0) };
  });
}
