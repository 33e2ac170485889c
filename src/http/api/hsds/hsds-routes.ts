import type { FastifyInstance } from 'fastify';
import type { Lang } from '../../../domain/bilingual-text.js';
import type { ServicePoint } from '../../../domain/service-point.js';
import { SERVICE_TYPES } from '../../../domain/service-type.js';
import { NotFoundError } from '../../../store/store.js';
import type { AppDeps } from '../../app-deps.js';
import { FORMAT_SCHEMA, requestFormat, sendExport, type ListFormat } from '../formats.js';
import { LANG_SCHEMA, langOf } from '../query-params.js';
import type { OriginResolver } from '../origin-resolver.js';
import { StoreCache } from '../store-cache.js';
import {
  HsdsCatalogue,
  HSDS_ROLES,
  matchesWords,
  queryWordsOf,
  type ServiceAtLocationEntry,
  type ServiceEntry,
} from '../../../hsds/hsds-catalogue.js';
import {
  HSDS_FILTER_PROPERTIES,
  HSDS_PAGING_PROPERTIES,
  HSDS_PROXIMITY_PROPERTIES,
  SERVICE_ID_PROPERTY,
  UUID_PARAMS_SCHEMA,
  hsdsFiltersFrom,
  proximityFrom,
  salPasses,
  serviceTypeOfTerm,
  type HsdsFilters,
  type HsdsQueryString,
} from './hsds-params.js';
import { hsdsPage, sliceOfPage } from './paging.js';
import {
  MAX_NESTED,
  hsdsOrganization,
  hsdsOrganizationSummary,
  hsdsService,
  hsdsServiceAtLocation,
  hsdsServiceSummary,
  hsdsTaxonomyTerm,
} from '../../../hsds/to-hsds.js';
import { hsdsLocation } from '../../../hsds/to-hsds-location.js';

const TAG = ['HSDS'];

/** HSDS 3.0 version served, for GET /api/v1/. */
const HSDS_VERSION = '3.0';

/** The points within `radiusMetres` of `origin`, nearest first (ties by id), as id → metres. */
async function pointsNear(
  deps: AppDeps,
  catalogue: HsdsCatalogue,
  proximity: NonNullable<Awaited<ReturnType<typeof proximityFrom>>>,
  serviceTypeId: string | null,
): Promise<Map<string, number>> {
  const hits = await deps.store.findNearest({
    roles: HSDS_ROLES,
    ...(serviceTypeId ? { serviceTypes: [serviceTypeId] } : {}),
    lat: proximity.origin.lat,
    lon: proximity.origin.lon,
    k: Math.max(1, catalogue.locationCount),
    maxDistanceMetres: proximity.radiusMetres,
  });
  return new Map(hits.map((hit) => [hit.point.id, hit.distanceMetres]));
}

/** The points matching `search`, best first, by the store's full-text index. */
async function pointsMatching(
  deps: AppDeps,
  catalogue: HsdsCatalogue,
  search: string,
): Promise<ServicePoint[]> {
  const { hits } = await deps.store.searchText({
    roles: HSDS_ROLES,
    q: search,
    limit: Math.max(1, catalogue.locationCount),
  });
  return hits.map((hit) => hit.point);
}

interface SalRow {
  sal: ServiceAtLocationEntry;
  distanceMetres: number | null;
}

/**
 * The services-at-location a list asks for, in order: nearest first with a postcode, best
 * text match first with a search, else by point id; filters applied.
 */
async function serviceAtLocationRows(
  deps: AppDeps,
  catalogue: HsdsCatalogue,
  query: HsdsQueryString,
  filters: HsdsFilters,
  origins: OriginResolver,
): Promise<SalRow[]> {
  const proximity = await proximityFrom(query, origins);
  const search = query.search?.trim() ?? '';
  let rows: SalRow[];
  if (proximity) {
    const near = await pointsNear(deps, catalogue, proximity, filters.serviceType?.id ?? null);
    const matching = search
      ? new Set((await pointsMatching(deps, catalogue, search)).map((p) => p.id))
      : null;
    rows = [...near].flatMap(([pointId, distanceMetres]) =>
      matching && !matching.has(pointId)
        ? []
        : catalogue.serviceAtLocationsOf(pointId).map((sal) => ({ sal, distanceMetres })),
    );
  } else if (search) {
    rows = (await pointsMatching(deps, catalogue, search)).flatMap((point) =>
      catalogue.serviceAtLocationsOf(point.id).map((sal) => ({ sal, distanceMetres: null })),
    );
  } else {
    rows = catalogue.serviceAtLocations.map((sal) => ({ sal, distanceMetres: null }));
  }
  return rows.filter((row) => salPasses(row.sal, filters));
}

/**
 * The services a list asks for: by organization then taxonomy order, or nearest first with
 * a postcode (by their nearest location); `search` matches the service's type names and
 * keywords and its organization's name, in either language.
 */
async function serviceRows(
  deps: AppDeps,
  catalogue: HsdsCatalogue,
  query: HsdsQueryString,
  filters: HsdsFilters,
  origins: OriginResolver,
): Promise<ServiceEntry[]> {
  const proximity = await proximityFrom(query, origins);
  let services: readonly ServiceEntry[] = catalogue.services;
  if (proximity) {
    const near = await pointsNear(deps, catalogue, proximity, filters.serviceType?.id ?? null);
    const ordered = new Set<ServiceEntry>();
    for (const pointId of near.keys()) {
      for (const sal of catalogue.serviceAtLocationsOf(pointId)) ordered.add(sal.service);
    }
    services = [...ordered];
  }
  const words = queryWordsOf(query.search ?? '');
  return services.filter(
    (s) =>
      (filters.serviceType === null || s.typeId === filters.serviceType.id) &&
      (filters.organizationUuid === null || s.organization.uuid === filters.organizationUuid) &&
      (filters.modifiedAfter === null || s.lastModified >= filters.modifiedAfter) &&
      matchesWords(s.words, words),
  );
}

/** Reads points by id into a map (for nesting; ids no longer in the store are skipped). */
async function pointsById(deps: AppDeps, ids: readonly string[]): Promise<Map<string, ServicePoint>> {
  const points = await deps.store.getPoints([...new Set(ids)]);
  return new Map(points.map((p) => [p.id, p]));
}

/**
 * The HSDS 3.0 API (Open Referral): organizations, services, services-at-location,
 * locations and taxonomy terms, with HSDS paging. See src/hsds/to-hsds.ts for the model.
 */
export async function registerHsdsRoutes(
  api: FastifyInstance,
  deps: AppDeps,
  origins: OriginResolver,
): Promise<void> {
  const cache = new StoreCache(deps.store, (store, sources) => HsdsCatalogue.build(store, sources));

  api.get(
    '/',
    {
      schema: {
        tags: TAG,
        summary: 'HSDS API root: the HSDS version and where the OpenAPI document is',
        querystring: { type: 'object', properties: {} },
      },
    },
    async (request) => ({
      version: HSDS_VERSION,
      openapi_url: `${request.protocol}://${request.host}${deps.basePath}/api/v1/openapi.json`,
    }),
  );

  api.get<{ Querystring: HsdsQueryString }>(
    '/services',
    {
      schema: {
        tags: TAG,
        summary: 'Services (one per organization and service type), paged',
        querystring: {
          type: 'object',
          properties: { ...HSDS_PAGING_PROPERTIES, ...HSDS_PROXIMITY_PROPERTIES, ...HSDS_FILTER_PROPERTIES },
        },
      },
    },
    async (request) => {
      const { query } = request;
      const lang = langOf(request);
      const filters = hsdsFiltersFrom(query);
      const catalogue = await cache.get();
      const services = await serviceRows(deps, catalogue, query, filters, origins);
      const slice = sliceOfPage(services, query.page, query.per_page);
      return hsdsPage(
        slice.map((s) => hsdsServiceSummary(s, lang)),
        services.length,
        query.page,
        query.per_page,
      );
    },
  );

  api.get<{ Params: { id: string }; Querystring: { lang?: Lang } }>(
    '/services/:id',
    {
      schema: {
        tags: TAG,
        summary: `One service, nested: organization, taxonomy term, and its first ${MAX_NESTED} services-at-location`,
        params: UUID_PARAMS_SCHEMA,
        querystring: { type: 'object', properties: { lang: LANG_SCHEMA } },
      },
    },
    async (request) => {
      const catalogue = await cache.get();
      const service = catalogue.service(request.params.id);
      if (!service) throw new NotFoundError('Service', request.params.id);
      const points = await pointsById(
        deps,
        service.serviceAtLocations.slice(0, MAX_NESTED).map((sal) => sal.pointId),
      );
      return hsdsService(service, points, langOf(request), deps.basePath);
    },
  );

  api.get<{ Querystring: HsdsQueryString }>(
    '/organizations',
    {
      schema: {
        tags: TAG,
        summary: 'Organizations, paged',
        querystring: {
          type: 'object',
          properties: { ...HSDS_PAGING_PROPERTIES, modified_after: HSDS_FILTER_PROPERTIES.modified_after },
        },
      },
    },
    async (request) => {
      const { query } = request;
      const lang = langOf(request);
      const { modifiedAfter } = hsdsFiltersFrom(query);
      const catalogue = await cache.get();
      const words = queryWordsOf(query.search ?? '');
      const organizations = catalogue.organizations.filter(
        (o) => matchesWords(o.words, words) && (modifiedAfter === null || o.lastModified >= modifiedAfter),
      );
      const slice = sliceOfPage(organizations, query.page, query.per_page);
      return hsdsPage(
        slice.map((o) => hsdsOrganizationSummary(o, lang)),
        organizations.length,
        query.page,
        query.per_page,
      );
    },
  );

  api.get<{ Params: { id: string }; Querystring: { lang?: Lang } }>(
    '/organizations/:id',
    {
      schema: {
        tags: TAG,
        summary: `One organization, nested: its services and its first ${MAX_NESTED} locations`,
        params: UUID_PARAMS_SCHEMA,
        querystring: { type: 'object', properties: { lang: LANG_SCHEMA } },
      },
    },
    async (request) => {
      const catalogue = await cache.get();
      const organization = catalogue.organization(request.params.id);
      if (!organization) throw new NotFoundError('Organization', request.params.id);
      const points = await deps.store.getPoints(organization.pointIds.slice(0, MAX_NESTED));
      return hsdsOrganization(organization, points, langOf(request));
    },
  );

  api.get<{ Querystring: HsdsQueryString & { format?: ListFormat; full?: boolean } }>(
    '/service_at_locations',
    {
      schema: {
        tags: TAG,
        summary: 'Services at locations, paged; GeoJSON or CSV with format=',
        querystring: {
          type: 'object',
          properties: {
            ...HSDS_PAGING_PROPERTIES,
            ...HSDS_PROXIMITY_PROPERTIES,
            ...HSDS_FILTER_PROPERTIES,
            ...SERVICE_ID_PROPERTY,
            full: {
              type: 'boolean',
              description: 'Nest the full location (address, phones, schedules, languages).',
            },
            format: FORMAT_SCHEMA,
          },
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const lang = langOf(request);
      const filters = hsdsFiltersFrom(query);
      const catalogue = await cache.get();
      const rows = await serviceAtLocationRows(deps, catalogue, query, filters, origins);
      const slice = sliceOfPage(rows, query.page, query.per_page);
      const points = await pointsById(
        deps,
        slice.map((row) => row.sal.pointId),
      );
      const present = slice.filter((row) => points.has(row.sal.pointId));
      const format = requestFormat(request);
      if (format !== 'json') {
        const items = present.map(({ sal, distanceMetres }) => ({
          point: points.get(sal.pointId)!,
          distanceMetres,
          extra: {
            service_at_location_id: sal.uuid,
            service_id: sal.service.uuid,
            location_id: sal.locationUuid,
            organization_id: sal.service.organization.uuid,
            hsds_service_type: sal.service.typeId,
          },
        }));
        return sendExport(
          reply.header('x-total-count', String(rows.length)),
          format,
          items,
          'repere-service-at-locations',
        );
      }
      return hsdsPage(
        present.map(({ sal, distanceMetres }) =>
          hsdsServiceAtLocation(sal, points.get(sal.pointId)!, lang, {
            full: query.full === true,
            distanceMetres,
          }),
        ),
        rows.length,
        query.page,
        query.per_page,
      );
    },
  );

  api.get<{ Params: { id: string }; Querystring: { lang?: Lang } }>(
    '/service_at_locations/:id',
    {
      schema: {
        tags: TAG,
        summary: 'One service at a location, nested: full location, service, taxonomy term',
        params: UUID_PARAMS_SCHEMA,
        querystring: { type: 'object', properties: { lang: LANG_SCHEMA } },
      },
    },
    async (request) => {
      const catalogue = await cache.get();
      const sal = catalogue.serviceAtLocation(request.params.id);
      const point = sal ? await deps.store.getPoint(sal.pointId) : null;
      if (!sal || !point) throw new NotFoundError('Service at location', request.params.id);
      return hsdsServiceAtLocation(sal, point, langOf(request), { full: true });
    },
  );

  api.get<{ Params: { id: string }; Querystring: { lang?: Lang } }>(
    '/locations/:id',
    {
      schema: {
        tags: TAG,
        summary: 'One location (a service point), nested: address, phones, schedules, languages',
        params: UUID_PARAMS_SCHEMA,
        querystring: { type: 'object', properties: { lang: LANG_SCHEMA } },
      },
    },
    async (request) => {
      const point = await deps.store.getPointByUuid(request.params.id);
      // Candidate sites are analysis inputs, not published locations.
      if (!point || !HSDS_ROLES.includes(point.role)) throw new NotFoundError('Location', request.params.id);
      return hsdsLocation(point, langOf(request));
    },
  );

  api.get<{ Querystring: HsdsQueryString }>(
    '/taxonomy_terms',
    {
      schema: {
        tags: TAG,
        summary: 'The service-type taxonomy terms, paged',
        querystring: { type: 'object', properties: HSDS_PAGING_PROPERTIES },
      },
    },
    async (request) => {
      const { query } = request;
      const lang = langOf(request);
      const words = queryWordsOf(query.search ?? '');
      const terms = SERVICE_TYPES.filter((t) =>
        matchesWords(
          queryWordsOf([t.id, t.name.en, t.name.fr, ...t.keywords.en, ...t.keywords.fr].join(' ')),
          words,
        ),
      );
      const slice = sliceOfPage(terms, query.page, query.per_page);
      return hsdsPage(
        slice.map((t) => hsdsTaxonomyTerm(t, lang)),
        terms.length,
        query.page,
        query.per_page,
      );
    },
  );

  api.get<{ Params: { id: string }; Querystring: { lang?: Lang } }>(
    '/taxonomy_terms/:id',
    {
      schema: {
        tags: TAG,
        summary: 'One taxonomy term, by UUID or code',
        params: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string', maxLength: 100, description: 'The term UUID or its code.' } },
        },
        querystring: { type: 'object', properties: { lang: LANG_SCHEMA } },
      },
    },
    async (request) => {
      const type = serviceTypeOfTerm(request.params.id);
      if (!type) throw new NotFoundError('Taxonomy term', request.params.id);
      return hsdsTaxonomyTerm(type, langOf(request));
    },
  );
}
