import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';

/** Server-rendered pages under /en and /fr, and static assets under /assets. */
export async function registerPageRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/', async (_request, reply) => {
    const sources = await deps.store.listSources();
    const records = sources.reduce((n, s) => n + s.records, 0);
    reply.type('text/html; charset=utf-8');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Repère</title></head>
<body><main>
<h1>Repère</h1>
<p>${records} government service points from ${sources.length} open-data sources.</p>
<p lang="fr">${records} points de service gouvernementaux provenant de ${sources.length} sources de données ouvertes.</p>
</main></body></html>`;
  });
}
