import type { FastifyInstance, FastifyReply } from 'fastify';
import { pickText, type Lang } from '../../domain/bilingual-text.js';
import type { Address, ServicePoint } from '../../domain/service-point.js';
import type { Store } from '../../store/store.js';
import type { AppDeps } from '../app-deps.js';
import { findPoints } from './find-points.js';
import { FINDER_FILTER_PROPERTIES, finderFiltersFrom, type FinderQueryString } from './finder-params.js';
import { sendFeatureCollection } from './formats.js';
import type { OriginResolver } from './origin-resolver.js';
import { LANG_SCHEMA, langOf } from './query-params.js';

/** Most features /map/points.geojson returns. */
export const MAP_MAX_POINTS = 5_000;
/** Reference layers change only when the dataset is rebuilt: a day in caches. */
const REFERENCE_CACHE_CONTROL = 'public, max-age=86400';

/** The properties of one map point, exactly: the map bundle's contract (src/web/popup.ts reads them). */
export interface MapPointProperties {
  id: string;
  /** In the language asked for, else the other one (see name_lang). */
  name: string;
  /** The language `name` is actually in. */
  name_lang: Lang;
  jurisdiction_level: string;
  channel: string;
  precision: string;
  /** One line, e.g. "920 Alder Street, Campbell River, BC V9W 2P8"; null when nothing is known. */
  address: string | null;
}

/** The address on one line, Canada Post order; null when it has no part. */
export function addressLine(address: Address): string | null {
  const region = [address.province, address.postalCode].filter(Boolean).join(' ');
  const parts = [address.street, address.city, region].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : null;
}

function mapPointFeature(point: ServicePoint, lang: Lang): unknown {
  const geocode = point.geocode!;
  const name = pickText(point.name, lang) ??
    pickText(point.organization.name, lang) ?? { text: point.id, lang };
  const properties: MapPointProperties = {
    id: point.id,
    name: name.text,
    name_lang: name.lang,
    jurisdiction_level: point.jurisdictionLevel,
    channel: point.channel,
    precision: geocode.precision,
    address: addressLine(point.address),
  };
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [geocode.lon, geocode.lat] },
    properties,
  };
}

/**
 * Serialised reference layers, per language, rebuilt when the dataset is (its build time
 * in meta changes): the boundaries are 400 KB of coordinates, not worth re-encoding per request.
 */
class LayerCache {
  readonly #entries = new Map<string, string>();

  async get(store: Store, key: string, build: () => Promise<string>): Promise<string> {
    const version = (await store.getMeta('default_dataset_built_at')) ?? '';
    const cacheKey = `${key}\u0000${version}`;
    let body = this.#entries.get(cacheKey);
    if (body === undefined) {
      body = await build();
      for (const old of this.#entries.keys()) if (old.startsWith(`${key}\u0000`)) this.#entries.delete(old);
      this.#entries.set(cacheKey, body);
    }
    return body;
  }
}

function sendReferenceLayer(reply: FastifyReply, body: string): FastifyReply {
  return reply
    .type('application/geo+json; charset=utf-8')
    .header('cache-control', REFERENCE_CACHE_CONTROL)
    .header('vary', 'Accept-Language')
    .send(body);
}

/** GeoJSON layers for the map bundle: points (finder filters), boundaries, communities. */
export async function registerMapLayerRoutes(
  api: FastifyInstance,
  deps: AppDeps,
  origins: OriginResolver,
): Promise<void> {
  const cache = new LayerCache();

  api.get<{ Querystring: FinderQueryString & { limit: number } }>(
    '/map/points.geojson',
    {
      schema: {
        tags: ['map'],
        summary: 'Located service points as GeoJSON for the map, with the finder filters',
        description: `Properties: id, name, name_lang, jurisdiction_level, channel, precision, address. At most ${MAP_MAX_POINTS} features; points without a location are left out.`,
        querystring: {
          type: 'object',
          properties: {
            ...FINDER_FILTER_PROPERTIES,
            limit: { type: 'integer', minimum: 1, maximum: MAP_MAX_POINTS, default: MAP_MAX_POINTS },
          },
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const filters = finderFiltersFrom(query);
      const origin = await origins.fromParams(query);
      const lang = langOf(request);
      const { hits } = await findPoints(deps.store, {
        ...filters,
        text: query.q?.trim() ?? '',
        origin,
        openNow: query.open_now === true,
        limit: query.limit,
        offset: 0,
        now: deps.now(),
      });
      const features = hits
        .filter((hit) => hit.point.geocode !== null)
        .map((hit) => mapPointFeature(hit.point, lang));
      return sendFeatureCollection(reply.header('vary', 'Accept-Language'), features);
    },
  );

  api.get<{ Querystring: { lang?: Lang } }>(
    '/map/boundaries.geojson',
    {
      schema: {
        tags: ['map'],
        summary: 'The 13 provinces and territories as GeoJSON polygons (Natural Earth 1:50m)',
        description: 'Properties: province (two-letter code), name (in lang).',
        querystring: { type: 'object', properties: { lang: LANG_SCHEMA } },
      },
    },
    async (request, reply) => {
      const lang = langOf(request);
      const body = await cache.get(deps.store, `boundaries:${lang}`, async () => {
        const boundaries = await deps.store.listBoundaries();
        const features = boundaries.map((b) => ({
          type: 'Feature',
          geometry: b.geometry,
          properties: { province: b.province, name: pickText(b.name, lang)?.text ?? b.province },
        }));
        return JSON.stringify({ type: 'FeatureCollection', features });
      });
      return sendReferenceLayer(reply, body);
    },
  );

  api.get<{ Querystring: { lang?: Lang } }>(
    '/map/communities.geojson',
    {
      schema: {
        tags: ['map'],
        summary: 'First Nations and Inuit community points as GeoJSON',
        description: 'Properties: id, name (in lang, else the other language), kind (first_nation or inuit).',
        querystring: { type: 'object', properties: { lang: LANG_SCHEMA } },
      },
    },
    async (request, reply) => {
      const lang = langOf(request);
      const body = await cache.get(deps.store, `communities:${lang}`, async () => {
        const communities = await deps.store.listCommunities();
        const features = communities.map((c) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
          properties: { id: c.id, name: pickText(c.name, lang)?.text ?? c.id, kind: c.kind },
        }));
        return JSON.stringify({ type: 'FeatureCollection', features });
      });
      return sendReferenceLayer(reply, body);
    },
  );
}
