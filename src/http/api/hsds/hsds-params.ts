import type { Lang } from '../../../domain/bilingual-text.js';
import { SERVICE_TYPES, type ServiceType } from '../../../domain/service-type.js';
import type { Origin } from '../../../search/origin.js';
import { BadRequestError } from '../../http-errors.js';
import type { OriginResolver } from '../origin-resolver.js';
import { LANG_SCHEMA, TEXT_QUERY_SCHEMA, parseIsoDateTime } from '../query-params.js';
import type { ServiceAtLocationEntry } from '../../../hsds/hsds-catalogue.js';
import { taxonomyTermUuid } from '../../../hsds/hsds-ids.js';
import { PAGE_SCHEMA, PER_PAGE_SCHEMA } from './paging.js';

/** Largest `proximity`, in metres. */
export const MAX_PROXIMITY_METRES = 500_000;
/** `proximity` when a postcode comes without one, in metres. */
export const DEFAULT_PROXIMITY_METRES = 50_000;

/** The HSDS query parameters Repère takes, as Fastify hands them over after validation. */
export interface HsdsQueryString {
  search?: string;
  page: number;
  per_page: number;
  lang?: Lang;
  postcode?: string;
  proximity?: number;
  taxonomy_term_id?: string;
  organization_id?: string;
  service_id?: string;
  modified_after?: string;
}

const UUID_SCHEMA = { type: 'string', format: 'uuid' } as const;

/** `search`, `page`, `per_page`, `lang`: every HSDS list. */
export const HSDS_PAGING_PROPERTIES = {
  search: { ...TEXT_QUERY_SCHEMA, description: 'Full-text search (French or English, accents ignored).' },
  page: PAGE_SCHEMA,
  per_page: PER_PAGE_SCHEMA,
  lang: LANG_SCHEMA,
} as const;

/** `postcode` and `proximity`. */
export const HSDS_PROXIMITY_PROPERTIES = {
  postcode: {
    type: 'string',
    maxLength: 20,
    description:
      'Canadian postal code or FSA: only results within `proximity` of its FSA centroid, nearest first.',
  },
  proximity: {
    type: 'integer',
    minimum: 1,
    maximum: MAX_PROXIMITY_METRES,
    description: `Metres from the postcode's centroid (default ${DEFAULT_PROXIMITY_METRES} with a postcode; at most ${MAX_PROXIMITY_METRES}).`,
  },
} as const;

/** `taxonomy_term_id`, `organization_id`, `modified_after`. */
export const HSDS_FILTER_PROPERTIES = {
  taxonomy_term_id: {
    type: 'string',
    maxLength: 100,
    description: 'A taxonomy term UUID, or its code (e.g. employment); see /api/v1/taxonomy_terms.',
  },
  organization_id: { ...UUID_SCHEMA, description: 'An organization UUID.' },
  modified_after: {
    type: 'string',
    maxLength: 40,
    description: 'ISO 8601 date or date-time: only records imported on or after it.',
  },
} as const;

/** `service_id`: a Repère extension to page through one service's locations. */
export const SERVICE_ID_PROPERTY = {
  service_id: { ...UUID_SCHEMA, description: 'A service UUID (Repère extension).' },
} as const;

/** A path `{id}` that must be a UUID (the HSDS ids). */
export const UUID_PARAMS_SCHEMA = {
  type: 'object',
  required: ['id'],
  properties: { id: { ...UUID_SCHEMA, description: 'The HSDS id (a UUID).' } },
} as const;

/** The filters of an HSDS list, checked. */
export interface HsdsFilters {
  serviceType: ServiceType | null;
  organizationUuid: string | null;
  serviceUuid: string | null;
  /** UTC ISO 8601. */
  modifiedAfter: string | null;
}

/** The service type a taxonomy term UUID or code names, or undefined. */
export function serviceTypeOfTerm(idOrCode: string): ServiceType | undefined {
  const key = idOrCode.trim().toLowerCase();
  return SERVICE_TYPES.find((t) => t.id === key || taxonomyTermUuid(t.id) === key);
}

/** The HSDS filters of a list, checked (a BadRequestError names the bad one). */
export function hsdsFiltersFrom(query: HsdsQueryString): HsdsFilters {
  let serviceType: ServiceType | null = null;
  if (query.taxonomy_term_id !== undefined) {
    serviceType = serviceTypeOfTerm(query.taxonomy_term_id) ?? null;
    if (!serviceType) {
      throw new BadRequestError(
        'taxonomy_term_id',
        `"taxonomy_term_id" must be a taxonomy term UUID or code listed by /api/v1/taxonomy_terms; got "${query.taxonomy_term_id.slice(0, 100)}".`,
      );
    }
  }
  return {
    serviceType,
    organizationUuid: query.organization_id?.toLowerCase() ?? null,
    serviceUuid: query.service_id?.toLowerCase() ?? null,
    modifiedAfter:
      query.modified_after === undefined ? null : parseIsoDateTime(query.modified_after, 'modified_after'),
  };
}

/** Whether a service-at-location passes the filters (HSDS: modified on or after). */
export function salPasses(sal: ServiceAtLocationEntry, filters: HsdsFilters): boolean {
  return (
    (filters.serviceType === null || sal.service.typeId === filters.serviceType.id) &&
    (filters.organizationUuid === null || sal.service.organization.uuid === filters.organizationUuid) &&
    (filters.serviceUuid === null || sal.service.uuid === filters.serviceUuid) &&
    (filters.modifiedAfter === null || sal.modifiedAt >= filters.modifiedAfter)
  );
}

/** The origin and radius of a proximity query, or null without a postcode. */
export async function proximityFrom(
  query: Pick<HsdsQueryString, 'postcode' | 'proximity'>,
  origins: OriginResolver,
): Promise<{ origin: Origin; radiusMetres: number } | null> {
  if (query.postcode === undefined || query.postcode.trim() === '') {
    if (query.proximity !== undefined) {
      throw new BadRequestError('proximity', '"proximity" needs a "postcode" to measure from.');
    }
    return null;
  }
  return {
    origin: await origins.fromPostcode(query.postcode, 'postcode'),
    radiusMetres: query.proximity ?? DEFAULT_PROXIMITY_METRES,
  };
}
