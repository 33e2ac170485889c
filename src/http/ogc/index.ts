import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StoreCache } from '../api/store-cache.js';
import type { AppDeps } from '../app-deps.js';
import { buildOgcCatalogue, type OgcCatalogue, type OgcCollection } from './ogc-collections.js';
import {
  collectionDocument,
  collectionsDocument,
  conformance,
  featureCollection,
  featureJson,
  GEOJSON,
  itemsPage,
  JSON_TYPE,
  landingPage,
  OPENAPI,
  segment,
  urlOf,
  type Link,
} from './ogc-documents.js';
import { OgcError } from './ogc-error.js';
import {
  collectionHtml,
  collectionsHtml,
  conformanceHtml,
  featureHtml,
  itemsHtml,
  landingHtml,
} from './ogc-html.js';
import { ogcOpenApi } from './ogc-openapi.js';
import { checkKnownParameters, fOf, formatOf, itemsQueryOf, type OgcFormat } from './ogc-params.js';

/** Where the OGC API lives. */
export const OGC_PREFIX = '/ogc';

type Query = Record<string, string | string[] | undefined>;

/**
 * Requests per minute per client on /ogc when the app rate-limits (its own budget, apart from
 * /api's): GDAL and QGIS page through a collection 10 features at a time by default, so one
 * layer of 7,000 hospitals is 700 requests.
 */
export const OGC_REQUESTS_PER_MINUTE = 6000;

/** The absolute URL of /ogc as the client reached it (Host and, behind a proxy, X-Forwarded-*). */
function baseUrlOf(request: FastifyRequest, deps: AppDeps): string {
  return `${request.protocol}://${request.host}${deps.basePath}${OGC_PREFIX}`;
}

/** Validates the parameters an endpoint takes and negotiates the format. */
function formatFor(request: FastifyRequest, known: readonly string[]): OgcFormat {
  const query = request.query as Query;
  checkKnownParameters(query, known);
  return formatOf(fOf(query), request.headers.accept);
}

function sendJson(reply: FastifyReply, type: string, body: unknown): FastifyReply {
  return reply.type(`${type}; charset=utf-8`).send(JSON.stringify(body));
}

function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(html);
}

function collectionOf(catalogue: OgcCatalogue, id: string): OgcCollection {
  const collection = catalogue.get(id);
  if (!collection) {
    const known = catalogue.collections.map((c) => c.id).join(', ');
    throw new OgcError(404, 'NotFound', `No collection "${id.slice(0, 100)}"; collections: ${known}`);
  }
  return collection;
}

/**
 * OGC API – Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) under /ogc: landing page,
 * /api, /conformance, /collections, /collections/{id}, /collections/{id}/items (bbox, limit,
 * offset, datetime) and /collections/{id}/items/{featureId}, in JSON and HTML (`f=` or
 * Accept). Errors are OGC exceptions `{ code, description }`; collections are built from the
 * store once and rebuilt when a source changes (StoreCache).
 */
export async function registerOgcRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const cache = new StoreCache<OgcCatalogue>(deps.store, buildOgcCatalogue);
  await app.register(
    async (ogc) => {
      // One budget per client (app.ts registers the limiter with global: false, and not at all
      // when rate limiting is off).
      if (ogc.hasDecorator('rateLimit')) {
        ogc.addHook('onRequest', ogc.rateLimit({ max: OGC_REQUESTS_PER_MINUTE, timeWindow: '1 minute' }));
      }

      ogc.setErrorHandler((error: FastifyError | Error, request, reply) => {
        if (error instanceof OgcError) return reply.status(error.status).send(error.body);
        const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
        if (status < 500) {
          const code =
            status === 429 ? 'TooManyRequests' : status === 404 ? 'NotFound' : 'InvalidParameterValue';
          return reply.status(status).send({ code, description: error.message });
        }
        request.log.error(error);
        return reply
          .status(500)
          .send({ code: 'ServerError', description: 'Internal error / Erreur interne' });
      });
      ogc.setNotFoundHandler((request, reply) =>
        reply.status(404).send({
          code: 'NotFound',
          description: `No OGC API resource at ${request.url.split('?')[0].slice(0, 200)}; start at ${deps.basePath}${OGC_PREFIX}`,
        }),
      );

      ogc.get('/', async (request, reply) => {
        const format = formatFor(request, ['f']);
        const doc = landingPage(baseUrlOf(request, deps), format === 'html');
        return format === 'html' ? sendHtml(reply, landingHtml(doc)) : sendJson(reply, JSON_TYPE, doc);
      });

      ogc.get('/api', async (request, reply) => {
        checkKnownParameters(request.query as Query, ['f']);
        const catalogue = await cache.get();
        return sendJson(reply, OPENAPI, ogcOpenApi(catalogue, baseUrlOf(request, deps)));
      });

      ogc.get('/conformance', async (request, reply) => {
        const format = formatFor(request, ['f']);
        const base = baseUrlOf(request, deps);
        if (format === 'json') return sendJson(reply, JSON_TYPE, conformance());
        const links: Link[] = [
          {
            href: urlOf(base, '/conformance', { f: 'json' }),
            rel: 'alternate',
            type: JSON_TYPE,
            title: 'This document as JSON',
          },
        ];
        return sendHtml(reply, conformanceHtml(links));
      });

      ogc.get('/collections', async (request, reply) => {
        const format = formatFor(request, ['f']);
        const base = baseUrlOf(request, deps);
        const catalogue = await cache.get();
        const doc = collectionsDocument(base, catalogue, format === 'html');
        return format === 'html'
          ? sendHtml(reply, collectionsHtml(base, catalogue, doc['links'] as Link[]))
          : sendJson(reply, JSON_TYPE, doc);
      });

      ogc.get<{ Params: { collectionId: string } }>('/collections/:collectionId', async (request, reply) => {
        const format = formatFor(request, ['f']);
        const base = baseUrlOf(request, deps);
        const collection = collectionOf(await cache.get(), request.params.collectionId);
        const doc = collectionDocument(base, collection, format === 'html');
        return format === 'html'
          ? sendHtml(reply, collectionHtml(collection, doc['links'] as Link[]))
          : sendJson(reply, JSON_TYPE, doc);
      });

      ogc.get<{ Params: { collectionId: string } }>(
        '/collections/:collectionId/items',
        async (request, reply) => {
          const format = formatFor(request, ['f', 'bbox', 'limit', 'offset', 'datetime']);
          const query = itemsQueryOf(request.query as Query);
          const base = baseUrlOf(request, deps);
          const collection = collectionOf(await cache.get(), request.params.collectionId);
          const page = itemsPage(base, collection, query, format === 'html');
          if (format === 'html') return sendHtml(reply, itemsHtml(base, collection, page, query.offset));
          return sendJson(
            reply,
            GEOJSON,
            featureCollection(
              page,
              collection,
              deps
                .now()
                .toISOString()
                .replace(/\.\d{3}Z$/, 'Z'),
            ),
          );
        },
      );

      ogc.get<{ Params: { collectionId: string; featureId: string } }>(
        '/collections/:collectionId/items/:featureId',
        async (request, reply) => {
          const format = formatFor(request, ['f']);
          const base = baseUrlOf(request, deps);
          const collection = collectionOf(await cache.get(), request.params.collectionId);
          const feature = collection.byId.get(request.params.featureId);
          if (!feature) {
            throw new OgcError(
              404,
              'NotFound',
              `No feature "${request.params.featureId.slice(0, 100)}" in collection "${collection.id}"; list them at ${urlOf(base, `/collections/${segment(collection.id)}/items`)}`,
            );
          }
          const doc = featureJson(feature, collection, base, format === 'html');
          return format === 'html'
            ? sendHtml(reply, featureHtml(feature, doc['links'] as Link[]))
            : sendJson(reply, GEOJSON, doc);
        },
      );
    },
    { prefix: OGC_PREFIX },
  );
}
