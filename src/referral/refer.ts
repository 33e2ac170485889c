import type { Lang } from '../domain/bilingual-text.js';
import type { JurisdictionLevel } from '../domain/jurisdiction.js';
import type { ProvinceCode } from '../domain/province.js';
import type { PlaceSearch } from '../search/origin.js';
import type { NearestHit, Store } from '../store/store.js';
import { bodyFor, levelIn } from './catalogue.js';
import type { Body, Catalogue, CatalogueService, PointSelector } from './catalogue.js';
import { NeedMatcher } from './need-matcher.js';
import type { MatchSource, NeedMatch } from './need-matcher.js';
import { resolveLocation } from './referral-location.js';
import type { LocationInput, ProvinceFinder, ReferralLocation } from './referral-location.js';

/** The line the caller reached: which order of government the agent answers for. */
export type CalledLine = 'federal' | 'provincial' | 'municipal';
export const CALLED_LINES: readonly CalledLine[] = ['federal', 'provincial', 'municipal'];

/** Nearest in-person points listed per service. */
export const POINTS_PER_SERVICE = 3;
// Points fetched before keeping those of the right organization and province: enough that the
// k nearest of one organization are among them in every province of the bundled data.
const CANDIDATES_FETCHED = 100;
// What a fallback point must offer to be worth suggesting: a government counter, not a
// library branch or an arena of the same order of government.
const COUNTER_SERVICE_TYPES = [
  'government_services',
  'identity_documents',
  'benefits',
  'passport',
  'employment',
  'business',
  'municipal_office',
  'indigenous_services',
];

/**
 * Where the nearest points come from: `body`, the body's own points; `same_order`, it has none
 * in Repère, so the nearest counters of the same order of government (in the same province for
 * all but federal bodies), which may not offer this service; `none`, neither exists.
 */
export type PointsBasis = 'body' | 'same_order' | 'none';

export interface NearestPoints {
  hits: NearestHit[];
  basis: PointsBasis;
}

/** One service of the answer: who handles it where the caller is, and where to go. */
export interface ServiceReferral {
  service: CatalogueService;
  via: MatchSource;
  /** Who handles it there; null for a provincial service when the province is unknown. */
  body: Body | null;
  /** The order of government that handles it there (`territorial` in YT, NT, NU). */
  level: JurisdictionLevel;
  /** null when the location has no point (province only, or none given). */
  nearest: NearestPoints | null;
}

/** The caller reached the wrong order of government for a service: who to send them to. */
export interface WrongDoorHint {
  service: CatalogueService;
  calledLine: CalledLine;
  level: JurisdictionLevel;
  body: Body | null;
}

export interface Referral {
  query: string;
  location: ReferralLocation | null;
  match: NeedMatch;
  services: ServiceReferral[];
  wrongDoor: WrongDoorHint[];
  calledLine: CalledLine | null;
  catalogueVersion: string;
}

export interface ReferOptions {
  /** The need, free text in French or English. */
  text: string;
  location?: LocationInput | null;
  store: Store;
  places: PlaceSearch;
  catalogue: Catalogue;
  /** Built from `catalogue` when absent; pass one to reuse it across requests. */
  matcher?: NeedMatcher;
  calledLine?: CalledLine | null;
  /** Settles postal codes starting with X (NWT or Nunavut) and places without a province. */
  locator?: ProvinceFinder | null;
  lang?: Lang;
  /** Nearest points per service (default 3). */
  pointsPerService?: number;
}

/**
 * Answers a caller's need: the matching services, who handles each where the caller is (the
 * province from the postal code's first letter or the place), their contacts as the catalogue
 * has them, the nearest in-person points of that body from the store, and "wrong door" hints
 * when the need belongs to another order of government than the line the caller reached.
 * Throws LocationError when the location cannot be read.
 * @example await refer({ text: 'lost wallet', location: { postcode: 'E3B 1A1' }, store, places, catalogue })
 */
export async function refer(options: ReferOptions): Promise<Referral> {
  const { text, store, catalogue } = options;
  const matcher = options.matcher ?? new NeedMatcher(catalogue);
  const match = matcher.matchNeed(text, options.lang ?? 'en');
  const location = resolveLocation(options.location, options.places, options.locator ?? null);
  const province = location?.province ?? null;
  const k = options.pointsPerService ?? POINTS_PER_SERVICE;
  const services = await Promise.all(
    match.services.map(async ({ service, via }): Promise<ServiceReferral> => {
      const body = bodyFor(service, province);
      const level = levelIn(service, body, province);
      const nearest = location && location.lat !== null && location.lon !== null
        ? await nearestPoints(store, { lat: location.lat, lon: location.lon }, body, level, province, k)
        : null;
      return { service, via, body, level, nearest };
    }),
  );
  const calledLine = options.calledLine ?? null;
  return {
    query: text,
    location,
    match,
    services,
    wrongDoor: calledLine ? wrongDoorHints(services, calledLine) : [],
    calledLine,
    catalogueVersion: catalogue.version,
  };
}

/**
 * The services of a referral that another order of government handles than the line the
 * caller reached (a territorial service counts as the provincial line's; Indigenous
 * organizations are never the federal, provincial or municipal line's).
 * @example wrongDoorHints(referral.services, 'federal') // the health card, driver's licence… with their provincial bodies
 */
export function wrongDoorHints(services: readonly ServiceReferral[], calledLine: CalledLine): WrongDoorHint[] {
  return services
    .filter(({ level }) => lineOf(level) !== calledLine)
    .map(({ service, level, body }) => ({ service, calledLine, level, body }));
}

function lineOf(level: JurisdictionLevel): CalledLine | 'indigenous' | 'other' {
  return level === 'territorial' ? 'provincial' : level;
}

async function nearestPoints(
  store: Store,
  origin: { lat: number; lon: number },
  body: Body | null,
  level: JurisdictionLevel,
  province: ProvinceCode | null,
  k: number,
): Promise<NearestPoints> {
  // A provincial, municipal or Indigenous body serves its own province only.
  const inProvince = level !== 'federal' ? province : null;
  if (body?.points) {
    const hits = await selectNearest(store, origin, body.points, inProvince, k);
    if (hits.length > 0) return { hits, basis: 'body' };
  }
  if (level !== 'federal' && !province) return { hits: [], basis: 'none' };
  const sameOrder: PointSelector = {
    levels: level === 'provincial' || level === 'territorial' ? ['provincial', 'territorial'] : [level],
    service_types: COUNTER_SERVICE_TYPES,
  };
  const hits = await selectNearest(store, origin, sameOrder, inProvince, k);
  return { hits, basis: hits.length > 0 ? 'same_order' : 'none' };
}

async function selectNearest(
  store: Store,
  origin: { lat: number; lon: number },
  selector: PointSelector,
  province: ProvinceCode | null,
  k: number,
): Promise<NearestHit[]> {
  const postFiltered = selector.organizations !== undefined || province !== null;
  const hits = await store.findNearest({
    lat: origin.lat,
    lon: origin.lon,
    k: postFiltered ? CANDIDATES_FETCHED : k,
    roles: ['service_point'],
    channels: selector.channels ?? ['in_person'],
    ...(selector.layers ? { layers: selector.layers } : {}),
    ...(selector.service_types ? { serviceTypes: selector.service_types } : {}),
    ...(selector.levels ? { jurisdictionLevels: selector.levels } : {}),
  });
  return hits
    .filter(({ point }) => !selector.organizations || selector.organizations.includes(point.organization.id))
    .filter(({ point }) => !province || point.address.province === province || point.jurisdictionCode === province)
    .slice(0, k);
}
