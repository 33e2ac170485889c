import type { Lang } from '../../domain/bilingual-text.js';
import type { Channel, JurisdictionLevel } from '../../domain/jurisdiction.js';
import { FORMAT_SCHEMA, type ListFormat } from './formats.js';
import {
  CHANNEL_SCHEMA,
  JURISDICTION_SCHEMA,
  LANG_SCHEMA,
  LAT_SCHEMA,
  LON_SCHEMA,
  SERVICE_TYPE_SCHEMA,
  TEXT_QUERY_SCHEMA,
  parseChannels,
  parseJurisdictions,
  parseServiceTypes,
} from './query-params.js';

/** The query string shared by /search and /map/points.geojson, as Fastify hands it over after validation. */
export interface FinderQueryString {
  q?: string;
  lat?: number;
  lon?: number;
  postcode?: string;
  place?: string;
  jurisdiction?: string[];
  channel?: string[];
  service_type?: string[];
  open_now?: boolean;
  lang?: Lang;
  format?: ListFormat;
  limit?: number;
  offset?: number;
}

/** JSON Schema properties of the finder's keywords, origin and filters. */
export const FINDER_FILTER_PROPERTIES = {
  q: TEXT_QUERY_SCHEMA,
  lat: { ...LAT_SCHEMA, description: `${LAT_SCHEMA.description} Origin, with lon.` },
  lon: { ...LON_SCHEMA, description: `${LON_SCHEMA.description} Origin, with lat.` },
  postcode: {
    type: 'string',
    maxLength: 20,
    description: 'Origin: a Canadian postal code (A1A 1A1) or FSA (A1A), located at its FSA centroid.',
  },
  place: {
    type: 'string',
    maxLength: 200,
    description: 'Origin: a place or community name, e.g. "Iqaluit" or "Campbell River, BC".',
  },
  jurisdiction: JURISDICTION_SCHEMA,
  channel: CHANNEL_SCHEMA,
  service_type: SERVICE_TYPE_SCHEMA,
  open_now: {
    type: 'boolean',
    description: 'Only points open at the time of the request (by their published hours).',
  },
  lang: LANG_SCHEMA,
} as const;

/** `format` for the finder lists that answer GeoJSON and CSV too. */
export const FINDER_FORMAT_PROPERTY = { format: FORMAT_SCHEMA } as const;

/** The finder's filters, checked. */
export interface FinderFilters {
  jurisdictionLevels: JurisdictionLevel[];
  channels: Channel[];
  serviceTypes: string[];
}

/** The finder's multi-valued filters, checked (a BadRequestError names the first bad one). */
export function finderFiltersFrom(query: FinderQueryString): FinderFilters {
  return {
    jurisdictionLevels: parseJurisdictions(query.jurisdiction),
    channels: parseChannels(query.channel),
    serviceTypes: parseServiceTypes(query.service_type),
  };
}
