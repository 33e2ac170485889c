import type { FastifyInstance } from 'fastify';
import { registerApiRoutes } from './api/index.js';
import type { AppDeps } from './app-deps.js';
import { registerPageRoutes } from './pages/index.js';

/** Registers every route module; each module owns its paths. */
export async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerApiRoutes(app, deps);
  await registerPageRoutes(app, deps);
}
