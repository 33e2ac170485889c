import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ProvinceLocator } from '../../ingest/geocode/province-locator.js';
import { loadCatalogue } from '../../referral/load-catalogue.js';
import { NeedMatcher } from '../../referral/need-matcher.js';
import { loadPartnerships } from '../../referral/partnerships.js';
import type { PartnershipCatalogue } from '../../referral/partnerships.js';
import type { Catalogue } from '../../referral/catalogue.js';
import type { AppDeps } from '../app-deps.js';
import { registerReferralApiRoutes } from './referral-api-routes.js';
import { registerReferralAssets } from './referral-assets.js';
import type { ReferralContext } from './referral-context.js';
import { registerReferralPageRoutes } from './referral-page-routes.js';

/** The bundled data folder (data/catalogue and data/partnerships are in it). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

/** The validated service catalogue and partnerships catalogue. */
export interface ReferralData {
  catalogue: Catalogue;
  partnerships: PartnershipCatalogue;
}

/**
 * Loads and validates the catalogues once: a broken catalogue stops the start-up with a
 * CatalogueError that lists every problem.
 */
export async function loadReferralData(dataDir: string = DEFAULT_DATA_DIR): Promise<ReferralData> {
  const catalogue = await loadCatalogue(join(dataDir, 'catalogue'));
  return { catalogue, partnerships: await loadPartnerships(join(dataDir, 'partnerships'), catalogue) };
}

/**
 * Registers the referral aid: GET /api/v1/referral, GET /api/v1/partnerships, the pages
 * /{lang}/referral, /{lang}/referral/slip and /{lang}/partnerships, and their assets under
 * /assets/referral/.
 */
export async function registerReferralRoutes(app: FastifyInstance, deps: AppDeps, data: ReferralData): Promise<void> {
  const { catalogue, partnerships } = data;
  const boundaries = await deps.store.listBoundaries();
  const ctx: ReferralContext = {
    deps,
    catalogue,
    matcher: new NeedMatcher(catalogue),
    partnerships,
    locator: new ProvinceLocator(boundaries),
    assets: registerReferralAssets(app, deps.basePath),
  };
  registerReferralApiRoutes(app, ctx);
  registerReferralPageRoutes(app, ctx);
}
