import type { OgcCatalogue } from './ogc-collections.js';
import { GEOJSON, HTML, JSON_TYPE } from './ogc-documents.js';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET } from './ogc-params.js';

// The OpenAPI 3.0 definition of the OGC API (conformance class "oas30"), served at /ogc/api.
// Collection paths are listed one by one, as clients read them: GDAL's OAPIF driver looks up
// "/collections/<id>/items" literally to learn the `limit` bounds.

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/parameters/${name}` });

const exception = {
  description: 'An OGC API exception',
  content: {
    [JSON_TYPE]: {
      schema: {
        type: 'object',
        required: ['code'],
        properties: { code: { type: 'string' }, description: { type: 'string' } },
      },
    },
  },
};

function responses(type: string, description: string, withNotFound: boolean): Record<string, unknown> {
  return {
    '200': {
      description,
      content: { [type]: { schema: { type: 'object' } }, [HTML]: { schema: { type: 'string' } } },
    },
    '400': exception,
    ...(withNotFound ? { '404': exception } : {}),
  };
}

/** The OpenAPI document for `catalogue`, with `serverUrl` (the /ogc base URL) as its server. */
export function ogcOpenApi(catalogue: OgcCatalogue, serverUrl: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    '/': {
      get: {
        summary: 'Landing page',
        operationId: 'getLandingPage',
        parameters: [ref('f')],
        responses: responses(JSON_TYPE, 'Links to the API', false),
      },
    },
    '/api': {
      get: {
        summary: 'This API definition',
        operationId: 'getApi',
        responses: { '200': { description: 'OpenAPI 3.0' } },
      },
    },
    '/conformance': {
      get: {
        summary: 'Conformance classes',
        operationId: 'getConformance',
        parameters: [ref('f')],
        responses: responses(JSON_TYPE, 'Conformance classes', false),
      },
    },
    '/collections': {
      get: {
        summary: 'Collections',
        operationId: 'getCollections',
        parameters: [ref('f')],
        responses: responses(JSON_TYPE, 'Collections', false),
      },
    },
  };
  for (const { id, title } of catalogue.collections) {
    paths[`/collections/${id}`] = {
      get: {
        summary: `${title}: description`,
        operationId: `describe_${id}`,
        parameters: [ref('f')],
        responses: responses(JSON_TYPE, 'The collection', true),
      },
    };
    paths[`/collections/${id}/items`] = {
      get: {
        summary: `${title}: features`,
        operationId: `items_${id}`,
        parameters: [ref('bbox'), ref('limit'), ref('offset'), ref('datetime'), ref('f')],
        responses: responses(GEOJSON, 'A page of features (GeoJSON FeatureCollection)', true),
      },
    };
    paths[`/collections/${id}/items/{featureId}`] = {
      get: {
        summary: `${title}: one feature`,
        operationId: `item_${id}`,
        parameters: [ref('featureId'), ref('f')],
        responses: responses(GEOJSON, 'A GeoJSON Feature', true),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Repère — OGC API – Features',
      version: '1.0.0',
      description:
        'OGC API – Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) over Repère service points and reference layers.',
      license: { name: 'Each collection keeps its sources’ licences (see the collection descriptions)' },
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      parameters: {
        f: {
          name: 'f',
          in: 'query',
          required: false,
          description: 'Response format; default from Accept, else JSON.',
          schema: { type: 'string', enum: ['json', 'html'] },
        },
        bbox: {
          name: 'bbox',
          in: 'query',
          required: false,
          description: 'west,south,east,north in CRS84 degrees',
          schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
          style: 'form',
          explode: false,
        },
        limit: {
          name: 'limit',
          in: 'query',
          required: false,
          schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
          style: 'form',
          explode: false,
        },
        offset: {
          name: 'offset',
          in: 'query',
          required: false,
          description: 'Features to skip; follow the `next` link rather than building it.',
          schema: { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 },
        },
        datetime: {
          name: 'datetime',
          in: 'query',
          required: false,
          description:
            'RFC 3339 instant or interval; accepted and validated, but no collection has a time dimension, so it selects every feature.',
          schema: { type: 'string' },
        },
        featureId: { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } },
      },
    },
  };
}
