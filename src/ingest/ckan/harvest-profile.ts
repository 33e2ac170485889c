import { createHash } from 'node:crypto';
import type { BilingualText } from '../../domain/bilingual-text.js';
import type { JurisdictionLevel } from '../../domain/jurisdiction.js';
import type { ProvinceCode } from '../../domain/province.js';
import { foldText } from '../../domain/text.js';
import { validateProfile } from '../profile/load-profiles.js';
import type { SourceProfile } from '../profile/source-profile.js';
import type { CkanPackage, CkanResource } from './ckan-types.js';
import type { PortalLicence } from './portal-registry.js';
import type { HarvestFormat } from './resource-format.js';

/** Map layer of every harvested record (finder and map filters can show or hide them together). */
export const HARVEST_LAYER = 'harvested';

/** What the portal (registry entry or command-line options) says about the records it publishes. */
export interface HarvestTarget {
  /** Portal base URL, without a trailing "/". */
  baseUrl: string;
  portalId: string | null;
  jurisdictionLevel: JurisdictionLevel;
  /** `CA`, a province code, a CSD code, or `province` (each row's own province). */
  jurisdictionCode: string;
  province: ProvinceCode | null;
  /** Languages of service when a row says none; the first is the language of the portal's text. */
  languages: string[];
  defaultLicence: PortalLicence | null;
  serviceTypes: string[];
}

/**
 * The source id of one harvested resource: stable across runs and machines, since it
 * depends only on the portal host, the dataset name and the resource id.
 * @example harvestSourceId('https://open.canada.ca/data', 'service-canada-offices', '1b2c…') // 'ckan_3f9a0c1d2e4b'
 */
export function harvestSourceId(baseUrl: string, datasetName: string, resourceId: string): string {
  const host = new URL(baseUrl).host.toLowerCase();
  const digest = createHash('sha256').update(`${host}\n${datasetName}\n${resourceId}`).digest('hex');
  return `ckan_${digest.slice(0, 12)}`;
}

// CKAN's own "no licence" values.
const NO_LICENCE = new Set(['', 'notspecified', 'license not specified', 'licence non specifiee', 'other']);

/**
 * The licence of a dataset as the portal states it: its `license_title`, else its
 * `license_id`; `unclear` when it states none (or only "not specified"/"other").
 * @example licenceOfPackage({ id: 'x', name: 'x', license_id: '2', license_title: 'Open Government Licence - British Columbia' }) // 'Open Government Licence - British Columbia'
 */
export function licenceOfPackage(pkg: Pick<CkanPackage, 'license_id' | 'license_title'>): string {
  for (const value of [pkg.license_title, pkg.license_id]) {
    const text = (value ?? '').trim();
    if (text && !NO_LICENCE.has(foldText(text))) return text;
  }
  return 'unclear';
}

/** True when the dataset is under the portal's usual licence (same CKAN id or same title). */
export function isPortalLicence(pkg: Pick<CkanPackage, 'license_id' | 'license_title'>, licence: PortalLicence | null): licence is PortalLicence {
  if (!licence) return false;
  const byId = Boolean(pkg.license_id && licence.ckanIds.includes(pkg.license_id));
  const byTitle = Boolean(pkg.license_title && foldText(pkg.license_title) === foldText(licence.title));
  return byId || byTitle;
}

/** Where a harvested source came from, as a link a person can open: the resource's page. */
export function resourcePageUrl(baseUrl: string, pkg: CkanPackage, resource: CkanResource): string {
  return `${baseUrl}/dataset/${encodeURIComponent(pkg.name)}/resource/${encodeURIComponent(resource.id)}`;
}

export interface HarvestProfile {
  profile: SourceProfile;
  /** Hash of everything in the profile but the retrieval date: a change forces a re-import. */
  fingerprint: string;
}

/**
 * The source profile of one harvested resource: a service-point layer `harvested`, in-person
 * channel, the portal's order of government, the dataset's licence and organization, columns
 * mapped by the usual header synonyms. `retrievedAt` is the harvest date (YYYY-MM-DD).
 */
export function profileForResource(
  target: HarvestTarget,
  pkg: CkanPackage,
  resource: CkanResource,
  format: HarvestFormat,
  file: string,
  retrievedAt: string,
): HarvestProfile {
  const textLanguage: 'en' | 'fr' = target.languages[0] === 'fr' ? 'fr' : 'en';
  const resourceName = (resource.name ?? '').trim() || resource.id;
  const datasetTitle = titleOf(pkg.title_translated, pkg.title ?? pkg.name, textLanguage);
  const title: BilingualText = {};
  for (const lang of ['en', 'fr'] as const) {
    const base = datasetTitle[lang];
    if (base) title[lang] = `${base} — ${resourceName}`;
  }
  const org = pkg.organization;
  const orgName = titleOf(org?.title_translated, org?.title ?? org?.name ?? new URL(target.baseUrl).host, textLanguage);
  const defaults: Record<string, unknown> = {
    layer: HARVEST_LAYER,
    role: 'service_point',
    jurisdictionLevel: target.jurisdictionLevel,
    jurisdictionCode: target.jurisdictionCode,
    channel: 'in_person',
    serviceTypes: target.serviceTypes,
    organization: { id: org?.name ? `ckan:${org.name}` : `ckan:${new URL(target.baseUrl).host}`, name: orgName },
    languages: target.languages,
    // Open-data facility lists with coordinates are almost always address-geocoded points.
    coordinatePrecision: 'building',
  };
  // A French-language portal's text is French; otherwise the name column's header decides (withTextLanguage).
  if (textLanguage === 'fr') defaults['textLanguage'] = 'fr';
  if (target.province) defaults['province'] = target.province;
  const licence = licenceOfPackage(pkg);
  const described: Record<string, unknown> = {
    id: harvestSourceId(target.baseUrl, pkg.name, resource.id),
    title,
    format,
    licence,
    defaults,
  };
  const portalLicence = isPortalLicence(pkg, target.defaultLicence) ? target.defaultLicence : null;
  // The portal's attribution sentence belongs to its usual licence only.
  if (portalLicence?.attribution) described['attribution'] = portalLicence.attribution;
  const licenceUrl = pkg.license_url?.trim() || portalLicence?.url;
  if (licence !== 'unclear' && licenceUrl) described['licenceUrl'] = licenceUrl;
  const fingerprint = createHash('sha256').update(JSON.stringify(described)).digest('hex').slice(0, 16);
  const profile = validateProfile({ ...described, file, retrievedAt, lastVerified: null }, `harvest profile of ${resource.id}`);
  return { profile, fingerprint };
}

/** Bilingual title from ckanext-fluent's `{ en, fr }`, else the plain title in the portal's language. */
function titleOf(translated: { en?: string; fr?: string } | null | undefined, plain: string, lang: 'en' | 'fr'): BilingualText {
  const out: BilingualText = {};
  if (translated?.en?.trim()) out.en = translated.en.trim();
  if (translated?.fr?.trim()) out.fr = translated.fr.trim();
  if (!out.en && !out.fr) out[lang] = plain.trim();
  return out;
}
