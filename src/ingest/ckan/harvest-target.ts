import { isJurisdictionLevel } from '../../domain/jurisdiction.js';
import type { JurisdictionLevel } from '../../domain/jurisdiction.js';
import { isProvinceCode } from '../../domain/province.js';
import { serviceTypeById } from '../../domain/service-type.js';
import type { HarvestTarget } from './harvest-profile.js';
import { findPortal, normaliseBaseUrl } from './portal-registry.js';
import type { Portal } from './portal-registry.js';

/** The named portal does not run CKAN (e.g. Nova Scotia's Socrata portal): `harvest ckan` refuses it. */
export class NotCkanPortalError extends Error {
  constructor(portal: Portal) {
    super(
      `${portal.title.en} (${portal.baseUrl}) runs ${portal.api === 'socrata' ? 'Socrata' : portal.api}, not CKAN, so "harvest ckan" cannot read it. ` +
        'Download the dataset file from the portal and load it with "repere import", or harvest a CKAN portal of data/portals/portals.json.',
    );
    this.name = 'NotCkanPortalError';
  }
}

/** What the command line may add to, or override in, a registry entry. */
export interface TargetOverrides {
  organization?: string;
  jurisdictionLevel?: string;
  jurisdictionCode?: string;
  serviceTypes?: string[];
  query: string;
}

/**
 * Resolves `harvest ckan <portal>`: a registry id or a URL. A registry entry gives the order of
 * government, province, languages and licence; a URL that is not in the registry needs the
 * order of government from the options. Service types come from the options, else from the
 * entry's suggested query equal to `query`, else none.
 */
export function resolveHarvestTarget(portals: readonly Portal[], idOrUrl: string, overrides: TargetOverrides): { target: HarvestTarget; portal: Portal | null; organization: string | undefined } {
  const portal = findPortal(portals, idOrUrl, overrides.organization);
  if (portal && portal.api !== 'ckan') throw new NotCkanPortalError(portal);
  if (!portal && !/^https?:\/\//i.test(idOrUrl)) {
    throw new Error(`"${idOrUrl}" is neither a portal id of the registry (${portals.map((p) => p.id).join(', ')}) nor an http(s) URL`);
  }
  const levelText = overrides.jurisdictionLevel ?? portal?.jurisdictionLevel;
  if (levelText === undefined) {
    throw new Error(
      `${idOrUrl} is not in the portal registry; say whose service points it publishes with --jurisdiction <level> ` +
        '(federal, provincial, territorial, municipal, indigenous, other), or add the portal to data/portals/portals.json',
    );
  }
  if (!isJurisdictionLevel(levelText)) throw new Error(`--jurisdiction "${levelText}" is not an order of government`);
  const level: JurisdictionLevel = levelText;
  const code = overrides.jurisdictionCode ?? (overrides.jurisdictionLevel === undefined ? portal?.jurisdictionCode : undefined) ?? defaultCode(level);
  if (code !== 'CA' && code !== 'province' && !isProvinceCode(code) && !/^\d{7}$/.test(code)) {
    throw new Error(`--jurisdiction-code must be CA, a province code, a 7-digit CSD code or "province", got "${code}"`);
  }
  for (const id of overrides.serviceTypes ?? []) {
    if (!serviceTypeById(id)) throw new Error(`--service-type "${id}" is not a service type (see src/domain/service-type.ts)`);
  }
  const suggested = portal?.suggestedQueries.find((s) => s.q.toLowerCase() === overrides.query.trim().toLowerCase());
  const target: HarvestTarget = {
    baseUrl: portal?.baseUrl ?? normaliseBaseUrl(idOrUrl),
    portalId: portal?.id ?? null,
    jurisdictionLevel: level,
    jurisdictionCode: code,
    province: portal?.province ?? (isProvinceCode(code) ? code : null),
    languages: portal?.languages ?? [],
    defaultLicence: portal?.defaultLicence ?? null,
    serviceTypes: overrides.serviceTypes ?? suggested?.serviceTypes ?? [],
  };
  return { target, portal, organization: overrides.organization ?? portal?.organization ?? undefined };
}

function defaultCode(level: JurisdictionLevel): string {
  return level === 'federal' ? 'CA' : 'province';
}
