import type { FastifyInstance } from 'fastify';
import { registerApiRoutes } from './api/index.js';
import type { AppDeps } from './app-deps.js';
import { registerOgcRoutes } from './ogc/index.js';
import { registerPageRoutes } from './pages/index.js';
import { DEFAULT_DATA_DIR, loadReferralData, registerReferralRoutes } from './referral/index.js';
import { partnershipsForPoint } from '../referral/partnerships.js';

/** Registers every route module; each module owns its paths. */
export async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const referral = await loadReferralData(DEFAULT_DATA_DIR);
  // Location pages link to the partnerships a point takes part in.
  deps.partnershipsForPoint = (pointId) => partnershipsForPoint(referral.partnerships, pointId);
  await registerApiRoutes(app, deps);
  await registerPageRoutes(app, deps);
  await registerOgcRoutes(app, deps);
  await registerReferralRoutes(app, deps, referral);
}
