import { readFile } from 'node:fs/promises';
import type { BilingualText } from '../../domain/bilingual-text.js';
import { isJurisdictionLevel } from '../../domain/jurisdiction.js';
import type { JurisdictionLevel } from '../../domain/jurisdiction.js';
import { isProvinceCode } from '../../domain/province.js';
import type { ProvinceCode } from '../../domain/province.js';
import { serviceTypeById } from '../../domain/service-type.js';

/** The catalogue software a portal runs; only `ckan` can be harvested by `harvest ckan`. */
export type PortalApi = 'ckan' | 'socrata' | 'arcgis_hub' | 'opendatasoft' | 'other';
const PORTAL_APIS: readonly PortalApi[] = ['ckan', 'socrata', 'arcgis_hub', 'opendatasoft', 'other'];

/** A query worth running on a portal, and the service types its results get. */
export interface SuggestedQuery {
  q: string;
  serviceTypes: string[];
}

/** The portal's usual licence: recognised on datasets by CKAN id or title, for attribution. */
export interface PortalLicence {
  title: string;
  /** CKAN `license_id` values that mean this licence on this portal. */
  ckanIds: string[];
  url: string | null;
  /** The sentence the licence asks users to display. */
  attribution: string | null;
}

/** One open-data portal of data/portals/portals.json. */
export interface Portal {
  id: string;
  title: BilingualText;
  baseUrl: string;
  api: PortalApi;
  /** False when the catalogue software was inferred, not confirmed from the portal's own API use. */
  apiVerified: boolean;
  /** CKAN organization that stands for this portal on a shared catalogue (Données Québec). */
  organization: string | null;
  jurisdictionLevel: JurisdictionLevel;
  /** `CA`, a province code, or a 7-digit CSD code. */
  jurisdictionCode: string;
  /** Province given to rows that have none (null for federal portals). */
  province: ProvinceCode | null;
  /** Languages of the service points when rows say none (ISO 639-1). */
  languages: string[];
  defaultLicence: PortalLicence | null;
  suggestedQueries: SuggestedQuery[];
}

/** data/portals/portals.json does not describe valid portals. */
export class PortalRegistryError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'PortalRegistryError';
  }
}

/** Reads and validates a portal registry file `{ "portals": [...] }` (snake_case keys). */
export async function loadPortalRegistry(path: string): Promise<Portal[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new PortalRegistryError(path, `cannot be read as JSON (${(error as Error).message})`);
  }
  return portalsFrom(parsed, path);
}

/** Validates an already parsed registry; ids must be unique. */
export function portalsFrom(parsed: unknown, where: string): Portal[] {
  const list = (parsed as { portals?: unknown } | null)?.portals;
  if (!Array.isArray(list)) throw new PortalRegistryError(where, 'expected an object with a "portals" array');
  const seen = new Set<string>();
  return list.map((entry: unknown, i) => {
    const portal = validatePortal(entry, `${where} portals[${i}]`);
    if (seen.has(portal.id)) throw new PortalRegistryError(`${where} portals[${i}]`, `portal id "${portal.id}" is used twice`);
    seen.add(portal.id);
    return portal;
  });
}

/** Checks one registry entry and returns it in the library's (camelCase) shape. */
export function validatePortal(value: unknown, where: string): Portal {
  if (typeof value !== 'object' || value === null) throw new PortalRegistryError(where, 'expected an object');
  const p = value as Record<string, unknown>;
  const text = (key: string): string => {
    const v = p[key];
    if (typeof v !== 'string' || v.trim() === '') throw new PortalRegistryError(where, `"${key}" must be a non-empty string`);
    return v;
  };
  const id = text('id');
  if (!/^[a-z0-9][a-z0-9_]*$/.test(id)) throw new PortalRegistryError(where, `id "${id}" must be lower-case letters, digits or "_"`);
  const title = p['title'] as Record<string, unknown> | undefined;
  if (typeof title?.['en'] !== 'string' || typeof title['fr'] !== 'string') {
    throw new PortalRegistryError(where, '"title" must have both "en" and "fr"');
  }
  const baseUrl = text('base_url');
  if (!/^https?:\/\/[^/]+/.test(baseUrl) || /\/api\/3/.test(baseUrl) || baseUrl.endsWith('/')) {
    throw new PortalRegistryError(where, `"base_url" must be an http(s) URL without a trailing "/" or "/api/3", got "${baseUrl}"`);
  }
  const api = text('api');
  if (!(PORTAL_APIS as readonly string[]).includes(api)) {
    throw new PortalRegistryError(where, `"api" must be one of ${PORTAL_APIS.join(', ')}, got "${api}"`);
  }
  if (typeof p['api_verified'] !== 'boolean') throw new PortalRegistryError(where, '"api_verified" must be true or false');
  const level = text('jurisdiction_level');
  if (!isJurisdictionLevel(level)) throw new PortalRegistryError(where, `unknown jurisdiction_level "${level}"`);
  const code = text('jurisdiction_code');
  if (code !== 'CA' && !isProvinceCode(code) && !/^\d{7}$/.test(code)) {
    throw new PortalRegistryError(where, `"jurisdiction_code" must be CA, a province code or a 7-digit CSD code, got "${code}"`);
  }
  const province = p['province'] ?? null;
  if (province !== null && (typeof province !== 'string' || !isProvinceCode(province))) {
    throw new PortalRegistryError(where, `"province" must be a province code or null, got "${String(province)}"`);
  }
  const languages = p['languages'];
  if (!Array.isArray(languages) || !languages.every((l) => typeof l === 'string' && /^[a-z]{2,3}$/.test(l))) {
    throw new PortalRegistryError(where, '"languages" must be an array of ISO 639 codes');
  }
  const organization = p['organization'] ?? null;
  if (organization !== null && typeof organization !== 'string') throw new PortalRegistryError(where, '"organization" must be a string or null');
  return {
    id,
    title: { en: title['en'], fr: title['fr'] },
    baseUrl,
    api: api as PortalApi,
    apiVerified: p['api_verified'],
    organization,
    jurisdictionLevel: level,
    jurisdictionCode: code,
    province: province as ProvinceCode | null,
    languages: languages as string[],
    defaultLicence: licenceFrom(p['default_licence'], `${where}.default_licence`),
    suggestedQueries: queriesFrom(p['suggested_queries'], `${where}.suggested_queries`),
  };
}

function licenceFrom(value: unknown, where: string): PortalLicence | null {
  if (value === null || value === undefined) return null;
  const l = value as Record<string, unknown>;
  if (typeof l['title'] !== 'string' || l['title'] === '') throw new PortalRegistryError(where, '"title" must be a non-empty string');
  const ids = l['ckan_ids'] ?? [];
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw new PortalRegistryError(where, '"ckan_ids" must be an array of strings');
  for (const key of ['url', 'attribution']) {
    if (l[key] !== undefined && l[key] !== null && typeof l[key] !== 'string') throw new PortalRegistryError(where, `"${key}" must be a string or null`);
  }
  return {
    title: l['title'],
    ckanIds: ids as string[],
    url: (l['url'] as string | undefined) ?? null,
    attribution: (l['attribution'] as string | undefined) ?? null,
  };
}

function queriesFrom(value: unknown, where: string): SuggestedQuery[] {
  if (!Array.isArray(value)) throw new PortalRegistryError(where, 'must be an array of { "q", "service_types" }');
  return value.map((entry: unknown, i) => {
    const e = entry as Record<string, unknown> | null;
    if (typeof e?.['q'] !== 'string' || e['q'].trim() === '') throw new PortalRegistryError(`${where}[${i}]`, '"q" must be a non-empty string');
    const types = e['service_types'] ?? [];
    if (!Array.isArray(types)) throw new PortalRegistryError(`${where}[${i}]`, '"service_types" must be an array');
    for (const t of types) {
      if (typeof t !== 'string' || !serviceTypeById(t)) {
        throw new PortalRegistryError(`${where}[${i}]`, `unknown service type "${String(t)}" (see src/domain/service-type.ts)`);
      }
    }
    return { q: e['q'], serviceTypes: types as string[] };
  });
}

/**
 * The registry entry a `harvest ckan` argument names: a portal id, or a URL equal to an
 * entry's base URL (ignoring a trailing "/", "/api/3…" and http/https). On a catalogue
 * shared by several entries (Données Québec), the entry whose organization is `organization`
 * wins, else the one without an organization. Null when nothing matches.
 */
export function findPortal(portals: readonly Portal[], idOrUrl: string, organization?: string): Portal | null {
  const byId = portals.find((p) => p.id === idOrUrl);
  if (byId) return byId;
  if (!/^https?:\/\//i.test(idOrUrl)) return null;
  const key = urlKey(idOrUrl);
  const matches = portals.filter((p) => urlKey(p.baseUrl) === key);
  return (
    matches.find((p) => organization !== undefined && p.organization === organization) ??
    matches.find((p) => p.organization === null) ??
    matches[0] ??
    null
  );
}

/** The portal base URL an argument stands for: no trailing "/", no "/api/3/action…". */
export function normaliseBaseUrl(url: string): string {
  return url.trim().replace(/\/api\/3(\/.*)?$/, '').replace(/\/+$/, '');
}

function urlKey(url: string): string {
  return normaliseBaseUrl(url).replace(/^https?:\/\//i, '').toLowerCase();
}
