import type { OgcCatalogue, OgcCollection, OgcFeature } from './ogc-collections.js';
import { inBBox, type ItemsQuery } from './ogc-params.js';

// The JSON documents of OGC API – Features Part 1 (landing page, conformance, collections,
// collection, items, feature), built from the in-memory catalogue. Every link is absolute
// (clients such as GDAL follow them as given) and names its media type.

export const GEOJSON = 'application/geo+json';
export const JSON_TYPE = 'application/json';
export const HTML = 'text/html';
export const OPENAPI = 'application/vnd.oai.openapi+json;version=3.0';
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
] as const;

export interface Link {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

/** `base` + `path` with query parameters in the given order (undefined ones left out). */
export function urlOf(
  base: string,
  path: string,
  params: Record<string, string | number | undefined> = {},
): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${base}${path}${query ? `?${query}` : ''}`;
}

/** A path segment for an id (collection ids are plain; community ids hold ":"). */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

/** Self link in the format asked and the alternate in the other one. */
function selfAndAlternate(
  base: string,
  path: string,
  jsonType: string,
  asHtml: boolean,
  params: Record<string, string | number | undefined> = {},
): Link[] {
  const json: Link = {
    href: urlOf(base, path, { ...params, f: 'json' }),
    rel: 'self',
    type: jsonType,
    title: 'This document as JSON',
  };
  const html: Link = {
    href: urlOf(base, path, { ...params, f: 'html' }),
    rel: 'self',
    type: HTML,
    title: 'This document as HTML',
  };
  return asHtml ? [html, { ...json, rel: 'alternate' }] : [json, { ...html, rel: 'alternate' }];
}

export function landingPage(
  base: string,
  asHtml = false,
): { title: string; description: string; links: Link[] } {
  return {
    title: 'Repère — OGC API – Features',
    description:
      'Canadian government service points by layer, First Nations and Inuit communities, and census subdivisions with population, Community Well-Being and access to service points. / Points de service gouvernementaux par couche, communautés des Premières Nations et inuites, et subdivisions de recensement.',
    links: [
      ...selfAndAlternate(base, '', JSON_TYPE, asHtml),
      {
        href: urlOf(base, '/api'),
        rel: 'service-desc',
        type: OPENAPI,
        title: 'The API definition (OpenAPI 3.0)',
      },
      {
        href: urlOf(base, '/conformance', { f: 'json' }),
        rel: 'conformance',
        type: JSON_TYPE,
        title: 'Conformance classes',
      },
      {
        href: urlOf(base, '/collections', { f: 'json' }),
        rel: 'data',
        type: JSON_TYPE,
        title: 'Collections',
      },
    ],
  };
}

export function conformance(): { conformsTo: readonly string[] } {
  return { conformsTo: CONFORMANCE_CLASSES };
}

/** One collection's description (OGC API – Features 7.14). */
export function collectionDocument(
  base: string,
  collection: OgcCollection,
  asHtml = false,
): Record<string, unknown> {
  const path = `/collections/${segment(collection.id)}`;
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    itemType: 'feature',
    crs: [CRS84],
    extent: {
      spatial: { bbox: collection.extent ? [collection.extent] : [], crs: CRS84 },
      temporal: { interval: [[null, null]] },
    },
    links: [
      ...selfAndAlternate(base, path, JSON_TYPE, asHtml),
      {
        href: urlOf(base, `${path}/items`, { f: 'json' }),
        rel: 'items',
        type: GEOJSON,
        title: 'The features as GeoJSON',
      },
      {
        href: urlOf(base, `${path}/items`, { f: 'html' }),
        rel: 'items',
        type: HTML,
        title: 'The features as HTML',
      },
    ],
  };
}

export function collectionsDocument(
  base: string,
  catalogue: OgcCatalogue,
  asHtml = false,
): Record<string, unknown> {
  return {
    links: selfAndAlternate(base, '/collections', JSON_TYPE, asHtml),
    collections: catalogue.collections.map((c) => collectionDocument(base, c)),
  };
}

/** A feature as GeoJSON (RFC 7946), with its links when `base` is given. */
export function featureJson(
  feature: OgcFeature,
  collection: OgcCollection,
  base?: string,
  asHtml = false,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: 'Feature',
    id: feature.id,
    geometry: feature.point ? { type: 'Point', coordinates: feature.point } : null,
    properties: feature.properties,
  };
  if (base !== undefined) {
    const path = `/collections/${segment(collection.id)}`;
    out['links'] = [
      ...selfAndAlternate(base, `${path}/items/${segment(feature.id)}`, GEOJSON, asHtml),
      { href: urlOf(base, path, { f: 'json' }), rel: 'collection', type: JSON_TYPE, title: collection.title },
    ];
  }
  return out;
}

/** The features matching `bbox`, in the collection's order (unlocated features never match a bbox). */
export function matchingFeatures(collection: OgcCollection, query: ItemsQuery): readonly OgcFeature[] {
  const { bbox } = query;
  if (!bbox) return collection.features;
  return collection.features.filter((f) => f.point !== null && inBBox(f.point[0], f.point[1], bbox));
}

export interface ItemsPage {
  features: readonly OgcFeature[];
  numberMatched: number;
  links: Link[];
}

/**
 * One page of a collection's features: `limit` features from `offset`, with `next` when more
 * follow and `prev` when some precede; links keep bbox and datetime.
 */
export function itemsPage(
  base: string,
  collection: OgcCollection,
  query: ItemsQuery,
  asHtml = false,
): ItemsPage {
  const matched = matchingFeatures(collection, query);
  const features = matched.slice(query.offset, query.offset + query.limit);
  const path = `/collections/${segment(collection.id)}/items`;
  const params = (offset: number): Record<string, string | number | undefined> => ({
    bbox: query.bbox ? query.bbox.join(',') : undefined,
    datetime: query.datetime ?? undefined,
    limit: query.limit,
    offset,
  });
  const links: Link[] = [...selfAndAlternate(base, path, GEOJSON, asHtml, params(query.offset))];
  const format = asHtml ? { f: 'html', type: HTML } : { f: 'json', type: GEOJSON };
  if (query.offset + features.length < matched.length) {
    links.push({
      href: urlOf(base, path, { ...params(query.offset + query.limit), f: format.f }),
      rel: 'next',
      type: format.type,
      title: 'Next page',
    });
  }
  if (query.offset > 0) {
    links.push({
      href: urlOf(base, path, { ...params(Math.max(0, query.offset - query.limit)), f: format.f }),
      rel: 'prev',
      type: format.type,
      title: 'Previous page',
    });
  }
  links.push({
    href: urlOf(base, `/collections/${segment(collection.id)}`, { f: 'json' }),
    rel: 'collection',
    type: JSON_TYPE,
    title: collection.title,
  });
  return { features, numberMatched: matched.length, links };
}

/** The GeoJSON FeatureCollection of one page (OGC API – Features 7.15). */
export function featureCollection(
  page: ItemsPage,
  collection: OgcCollection,
  timeStamp: string,
): Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    features: page.features.map((f) => featureJson(f, collection)),
    links: page.links,
    timeStamp,
    numberMatched: page.numberMatched,
    numberReturned: page.features.length,
  };
}
