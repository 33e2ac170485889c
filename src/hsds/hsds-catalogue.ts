import type { BilingualText } from '../domain/bilingual-text.js';
import type { PointRole } from '../domain/service-point.js';
import { SERVICE_TYPES, serviceTypeById, type ServiceType } from '../domain/service-type.js';
import { foldText } from '../domain/text.js';
import type { PointFilter, SourceSummary, Store } from '../store/store.js';
import { locationUuid, organizationUuid, serviceAtLocationUuid, serviceUuid } from './hsds-ids.js';

/**
 * Points the HSDS API publishes: public service points and facilities (hospitals, arenas).
 * Candidate sites (federal office buildings) feed siting analysis only and are not services.
 */
export const HSDS_ROLES: readonly PointRole[] = ['service_point', 'facility'];

/** An HSDS organization: one `ServicePoint.organization`, aggregated over its points. */
export interface OrganizationEntry {
  uuid: string;
  id: string;
  name: BilingualText;
  locationCount: number;
  jurisdictionLevels: string[];
  /** Province/territory codes of its points' addresses, sorted. */
  provinces: string[];
  /**
   * The origin of its points' web pages when two or more have one and all share it (e.g.
   * https://www.servicecanada.gc.ca); one page alone may be a social-media page.
   */
  website: string | null;
  /** When its newest point was written (its source's import time), ISO 8601. */
  lastModified: string;
  services: ServiceEntry[];
  /** Its points' ids, in id order. */
  pointIds: string[];
  words: readonly string[];
}

/** An HSDS service: one service type offered by one organization. */
export interface ServiceEntry {
  uuid: string;
  organization: OrganizationEntry;
  typeId: string;
  /** The taxonomy entry; undefined for a type id the taxonomy does not know. */
  type: ServiceType | undefined;
  lastModified: string;
  serviceAtLocations: ServiceAtLocationEntry[];
  words: readonly string[];
}

/** An HSDS service_at_location: one service at one point. */
export interface ServiceAtLocationEntry {
  uuid: string;
  pointId: string;
  locationUuid: string;
  service: ServiceEntry;
  modifiedAt: string;
}

/** Sorts service types in taxonomy order, unknown ids last by id. */
function typeOrder(id: string): number {
  const index = SERVICE_TYPES.findIndex((t) => t.id === id);
  return index === -1 ? SERVICE_TYPES.length : index;
}

function wordsOf(texts: readonly (string | undefined)[]): string[] {
  return [...new Set(texts.flatMap((t) => (t ? foldText(t).split(' ') : [])).filter(Boolean))];
}

/**
 * True when every word of the folded query starts a word of `words` (accent- and
 * case-insensitive, prefix match: "emplo" finds "Employment services").
 */
export function matchesWords(words: readonly string[], queryWords: readonly string[]): boolean {
  return queryWords.every((q) => words.some((w) => w.startsWith(q)));
}

/** The folded words of a search query. */
export function queryWordsOf(text: string): string[] {
  return foldText(text).split(' ').filter(Boolean);
}

/**
 * The HSDS view of the store: organizations, services and services-at-location, aggregated
 * from every published point in one pass over `streamPoints`. Holds ids and counters only;
 * the points themselves are read from the store per request.
 */
export class HsdsCatalogue {
  /** Ordered by organization id. */
  readonly organizations: OrganizationEntry[];
  /** Ordered by organization id, then taxonomy order. */
  readonly services: ServiceEntry[];
  /** Ordered by point id, then taxonomy order. */
  readonly serviceAtLocations: ServiceAtLocationEntry[];
  readonly locationCount: number;
  /** How long the build took, in milliseconds. */
  readonly buildMs: number;
  readonly #organizationsByUuid: Map<string, OrganizationEntry>;
  readonly #servicesByUuid: Map<string, ServiceEntry>;
  readonly #salsByUuid: Map<string, ServiceAtLocationEntry>;
  readonly #salsByPointId: Map<string, ServiceAtLocationEntry[]>;

  private constructor(
    organizations: OrganizationEntry[],
    serviceAtLocations: ServiceAtLocationEntry[],
    locationCount: number,
    buildMs: number,
  ) {
    this.organizations = organizations;
    this.services = organizations.flatMap((o) => o.services);
    this.serviceAtLocations = serviceAtLocations;
    this.locationCount = locationCount;
    this.buildMs = buildMs;
    this.#organizationsByUuid = new Map(organizations.map((o) => [o.uuid, o]));
    this.#servicesByUuid = new Map(this.services.map((s) => [s.uuid, s]));
    this.#salsByUuid = new Map(serviceAtLocations.map((s) => [s.uuid, s]));
    this.#salsByPointId = new Map();
    for (const sal of serviceAtLocations) {
      const list = this.#salsByPointId.get(sal.pointId);
      if (list) list.push(sal);
      else this.#salsByPointId.set(sal.pointId, [sal]);
    }
  }

  /**
   * Reads every published point once (`filter`: the HSDS roles unless a caller such as the
   * package export asks for others); `sources` give each point's modification time.
   */
  static async build(
    store: Store,
    sources: readonly SourceSummary[],
    filter: PointFilter = { roles: HSDS_ROLES },
  ): Promise<HsdsCatalogue> {
    const started = performance.now();
    const importedAt = new Map(sources.map((s) => [s.id, s.importedAt]));
    const byOrganization = new Map<
      string,
      {
        entry: OrganizationEntry;
        levels: Set<string>;
        provinces: Set<string>;
        origins: Set<string>;
        pages: number;
      }
    >();
    const byService = new Map<string, ServiceEntry>();
    const serviceAtLocations: ServiceAtLocationEntry[] = [];
    let locationCount = 0;

    for await (const point of store.streamPoints(filter)) {
      locationCount += 1;
      const modifiedAt = importedAt.get(point.provenance.sourceId) ?? '';
      const orgId = point.organization.id;
      let org = byOrganization.get(orgId);
      if (!org) {
        const entry: OrganizationEntry = {
          uuid: organizationUuid(orgId),
          id: orgId,
          name: point.organization.name,
          locationCount: 0,
          jurisdictionLevels: [],
          provinces: [],
          website: null,
          lastModified: modifiedAt,
          services: [],
          pointIds: [],
          words: wordsOf([point.organization.name.en, point.organization.name.fr]),
        };
        org = { entry, levels: new Set(), provinces: new Set(), origins: new Set(), pages: 0 };
        byOrganization.set(orgId, org);
      }
      const { entry } = org;
      entry.locationCount += 1;
      entry.pointIds.push(point.id);
      if (modifiedAt > entry.lastModified) entry.lastModified = modifiedAt;
      org.levels.add(point.jurisdictionLevel);
      if (point.address.province) org.provinces.add(point.address.province);
      if (point.url) {
        org.origins.add(originOf(point.url));
        org.pages += 1;
      }

      const types = [...new Set(point.serviceTypes)].sort(
        (a, b) => typeOrder(a) - typeOrder(b) || a.localeCompare(b),
      );
      for (const typeId of types) {
        const key = `${orgId}\u0000${typeId}`;
        let service = byService.get(key);
        if (!service) {
          const type = serviceTypeById(typeId);
          service = {
            uuid: serviceUuid(orgId, typeId),
            organization: entry,
            typeId,
            type,
            lastModified: modifiedAt,
            serviceAtLocations: [],
            words: wordsOf([
              typeId,
              type?.name.en,
              type?.name.fr,
              ...(type?.keywords.en ?? []),
              ...(type?.keywords.fr ?? []),
              ...entry.words,
            ]),
          };
          byService.set(key, service);
          entry.services.push(service);
        }
        if (modifiedAt > service.lastModified) service.lastModified = modifiedAt;
        const sal: ServiceAtLocationEntry = {
          uuid: serviceAtLocationUuid(point.id, typeId),
          pointId: point.id,
          locationUuid: locationUuid(point.id),
          service,
          modifiedAt,
        };
        service.serviceAtLocations.push(sal);
        serviceAtLocations.push(sal);
      }
    }

    const organizations = [...byOrganization.values()]
      .map(({ entry, levels, provinces, origins, pages }) => {
        entry.jurisdictionLevels = [...levels].sort();
        entry.provinces = [...provinces].sort();
        entry.website = origins.size === 1 && pages >= 2 ? [...origins][0] : null;
        entry.services.sort(
          (a, b) => typeOrder(a.typeId) - typeOrder(b.typeId) || a.typeId.localeCompare(b.typeId),
        );
        return entry;
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return new HsdsCatalogue(organizations, serviceAtLocations, locationCount, performance.now() - started);
  }

  organization(uuid: string): OrganizationEntry | undefined {
    return this.#organizationsByUuid.get(uuid.toLowerCase());
  }

  service(uuid: string): ServiceEntry | undefined {
    return this.#servicesByUuid.get(uuid.toLowerCase());
  }

  serviceAtLocation(uuid: string): ServiceAtLocationEntry | undefined {
    return this.#salsByUuid.get(uuid.toLowerCase());
  }

  /** The services-at-location of one point, in taxonomy order (none for a point with no service type). */
  serviceAtLocationsOf(pointId: string): readonly ServiceAtLocationEntry[] {
    return this.#salsByPointId.get(pointId) ?? [];
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
