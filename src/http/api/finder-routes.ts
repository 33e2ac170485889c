import type { FastifyInstance } from 'fastify';
import type { Lang } from '../../domain/bilingual-text.js';
import type { Origin } from '../../search/origin.js';
import type { AppDeps } from '../app-deps.js';
import { openStatusOf, findPoints } from './find-points.js';
import { toFinderItem } from './finder-item.js';
import {
  FINDER_FILTER_PROPERTIES,
  FINDER_FORMAT_PROPERTY,
  finderFiltersFrom,
  type FinderFilters,
  type FinderQueryString,
} from './finder-params.js';
import { requestFormat, sendExport, type ListFormat } from './formats.js';
import type { OriginResolver } from './origin-resolver.js';
import {
  CHANNEL_SCHEMA,
  JURISDICTION_SCHEMA,
  LANG_SCHEMA,
  LAT_SCHEMA,
  LON_SCHEMA,
  SERVICE_TYPE_SCHEMA,
  langOf,
} from './query-params.js';

/** Results per page of /search: default and maximum. */
const SEARCH_DEFAULT_LIMIT = 20;
const SEARCH_MAX_LIMIT = 100;
/** Deepest offset /search pages to. */
const SEARCH_MAX_OFFSET = 10_000;
/** Points /nearby returns: default and maximum. */
const NEARBY_DEFAULT_K = 10;
const NEARBY_MAX_K = 50;

interface NearbyQueryString {
  lat: number;
  lon: number;
  k?: number;
  jurisdiction?: string[];
  channel?: string[];
  service_type?: string[];
  lang?: Lang;
  format?: ListFormat;
}

/** The origin as echoed in responses. */
function originJson(origin: Origin | null): Origin | null {
  return (
    origin && {
      lat: origin.lat,
      lon: origin.lon,
      label: origin.label,
      precision: origin.precision,
      kind: origin.kind,
    }
  );
}

function filtersJson(filters: FinderFilters): Record<string, string[]> {
  return {
    jurisdiction: filters.jurisdictionLevels,
    channel: filters.channels,
    service_type: filters.serviceTypes,
  };
}

/** GET /search (the public finder) and GET /nearby (k nearest points to a coordinate). */
export async function registerFinderRoutes(
  api: FastifyInstance,
  deps: AppDeps,
  origins: OriginResolver,
): Promise<void> {
  api.get<{ Querystring: FinderQueryString & { limit: number; offset: number } }>(
    '/search',
    {
      schema: {
        tags: ['finder'],
        summary: 'Find service points by keywords and/or distance from an origin, with filters',
        description:
          'With an origin (lat/lon, postcode or place) results are sorted by great-circle distance; with keywords only, by text rank; with neither, the filters list points in id order.',
        querystring: {
          type: 'object',
          properties: {
            ...FINDER_FILTER_PROPERTIES,
            ...FINDER_FORMAT_PROPERTY,
            limit: { type: 'integer', minimum: 1, maximum: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT },
            offset: { type: 'integer', minimum: 0, maximum: SEARCH_MAX_OFFSET, default: 0 },
          },
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const filters = finderFiltersFrom(query);
      const origin = await origins.fromParams(query);
      const lang = langOf(request);
      const text = query.q?.trim() ?? '';
      const { hits, total } = await findPoints(deps.store, {
        ...filters,
        text,
        origin,
        openNow: query.open_now === true,
        limit: query.limit,
        offset: query.offset,
        now: deps.now(),
      });
      const format = requestFormat(request);
      if (format !== 'json') {
        return sendExport(
          reply,
          format,
          hits.map(({ point, distanceMetres }) => ({ point, distanceMetres })),
          'repere-search',
        );
      }
      return {
        query: {
          q: text || null,
          lat: query.lat ?? null,
          lon: query.lon ?? null,
          postcode: query.postcode ?? null,
          place: query.place ?? null,
          ...filtersJson(filters),
          open_now: query.open_now === true,
          lang,
          origin: originJson(origin),
        },
        total,
        limit: query.limit,
        offset: query.offset,
        results: hits.map((hit) => toFinderItem(hit.point, hit.distanceMetres, hit.openStatus, lang)),
      };
    },
  );

  api.get<{ Querystring: NearbyQueryString & { k: number } }>(
    '/nearby',
    {
      schema: {
        tags: ['finder'],
        summary: 'The k service points nearest to a coordinate, with great-circle distances in metres',
        querystring: {
          type: 'object',
          required: ['lat', 'lon'],
          properties: {
            lat: LAT_SCHEMA,
            lon: LON_SCHEMA,
            k: { type: 'integer', minimum: 1, maximum: NEARBY_MAX_K, default: NEARBY_DEFAULT_K },
            jurisdiction: JURISDICTION_SCHEMA,
            channel: CHANNEL_SCHEMA,
            service_type: SERVICE_TYPE_SCHEMA,
            lang: LANG_SCHEMA,
            ...FINDER_FORMAT_PROPERTY,
          },
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const filters = finderFiltersFrom(query);
      const lang = langOf(request);
      const nearest = await deps.store.findNearest({
        ...filters,
        roles: ['service_point'],
        lat: query.lat,
        lon: query.lon,
        k: query.k,
      });
      const format = requestFormat(request);
      if (format !== 'json') return sendExport(reply, format, nearest, 'repere-nearby');
      const now = deps.now();
      return {
        query: { lat: query.lat, lon: query.lon, k: query.k, ...filtersJson(filters), lang },
        results: nearest.map(({ point, distanceMetres }) =>
          toFinderItem(point, distanceMetres, openStatusOf(point, now), lang),
        ),
      };
    },
  );
}
