/**
 * CKAN portal harvesting: `harvestCkan` reads a portal's Action API and imports each CSV or
 * GeoJSON resource as its own source; the portal registry (data/portals/portals.json) says
 * whose service points each portal publishes.
 */
export { harvestCkan } from './harvest-ckan.js';
export type { HarvestOptions, HarvestReport, ImportCounts, ResourceOutcome, ResourceStatus } from './harvest-ckan.js';
export { HARVEST_LAYER, harvestSourceId, licenceOfPackage } from './harvest-profile.js';
export type { HarvestTarget } from './harvest-profile.js';
export { harvestKey, readHarvestRecord } from './harvest-state.js';
export type { HarvestRecord } from './harvest-state.js';
export { NotCkanPortalError, resolveHarvestTarget } from './harvest-target.js';
export { findPortal, loadPortalRegistry, PortalRegistryError } from './portal-registry.js';
export type { Portal, PortalApi } from './portal-registry.js';
export { CkanApiError } from './ckan-client.js';
