import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../domain/bilingual-text.js';
import {
  CHANNELS,
  JURISDICTION_LEVELS,
  type Channel,
  type JurisdictionLevel,
} from '../../domain/jurisdiction.js';
import { SERVICE_TYPES } from '../../domain/service-type.js';
import { BadRequestError } from '../http-errors.js';

// JSON Schema fragments for query strings. Fastify validates them (types, bounds, lengths)
// and coerces strings to numbers, booleans and one-element arrays; values whose meaning is
// checked by the handler (lists of codes, dates) are plain strings here, so the error can
// say which values are allowed and what was found.

/** Longest free-text query accepted (characters). */
export const MAX_QUERY_LENGTH = 200;
/** Most values one multi-valued filter takes (after splitting comma lists). */
const MAX_LIST_VALUES = 20;

/** Canada's latitudes and longitudes, generously: the finder answers for Canadian places only. */
export const LAT_SCHEMA = {
  type: 'number',
  minimum: 41,
  maximum: 84,
  description: 'Latitude in decimal degrees (WGS84), within Canada: 41 to 84.',
} as const;
export const LON_SCHEMA = {
  type: 'number',
  minimum: -142,
  maximum: -52,
  description: 'Longitude in decimal degrees (WGS84), within Canada: -142 to -52.',
} as const;

export const LANG_SCHEMA = {
  type: 'string',
  enum: ['en', 'fr'],
  description: 'Language of names and labels; default from Accept-Language, else English.',
} as const;

export const TEXT_QUERY_SCHEMA = {
  type: 'string',
  maxLength: MAX_QUERY_LENGTH,
  description: 'Keywords in French or English; accents and case do not matter.',
} as const;

/** A filter that takes several values, repeated (`?a=x&a=y`) or comma-separated (`?a=x,y`). */
export function listSchema(description: string, values: readonly string[]): Record<string, unknown> {
  return {
    type: 'array',
    items: { type: 'string', maxLength: 200 },
    maxItems: MAX_LIST_VALUES,
    description: `${description} One or more of: ${values.join(', ')}. Repeat the parameter or separate values with commas.`,
  };
}

export const JURISDICTION_SCHEMA = listSchema('Order of government.', JURISDICTION_LEVELS);
export const CHANNEL_SCHEMA = listSchema('How the service is delivered.', CHANNELS);
export const SERVICE_TYPE_SCHEMA = listSchema(
  'Service type (taxonomy term code, see /api/v1/taxonomy_terms).',
  SERVICE_TYPES.map((t) => t.id),
);

/**
 * The values of a multi-valued parameter: repeated and comma-separated forms merged,
 * trimmed, de-duplicated; each must be one of `allowed`.
 * @example parseList(['federal,municipal', 'federal'], JURISDICTION_LEVELS, 'jurisdiction') // ['federal', 'municipal']
 */
export function parseList<T extends string>(
  raw: readonly string[] | undefined,
  allowed: readonly T[],
  parameter: string,
): T[] {
  const values: T[] = [];
  for (const value of (raw ?? []).flatMap((v) => v.split(','))) {
    const trimmed = value.trim();
    if (trimmed === '') continue;
    if (!(allowed as readonly string[]).includes(trimmed)) {
      throw new BadRequestError(
        parameter,
        `"${parameter}" must be one or more of ${allowed.join(', ')}; got "${trimmed.slice(0, 50)}".`,
      );
    }
    if (!values.includes(trimmed as T)) values.push(trimmed as T);
  }
  if (values.length > MAX_LIST_VALUES) {
    throw new BadRequestError(parameter, `"${parameter}" takes at most ${MAX_LIST_VALUES} values.`);
  }
  return values;
}

/** `jurisdiction`: orders of government. */
export function parseJurisdictions(raw: readonly string[] | undefined): JurisdictionLevel[] {
  return parseList(raw, JURISDICTION_LEVELS, 'jurisdiction');
}

/** `channel`: delivery channels. */
export function parseChannels(raw: readonly string[] | undefined): Channel[] {
  return parseList(raw, CHANNELS, 'channel');
}

/** `service_type`: taxonomy codes (domain/service-type.ts). */
export function parseServiceTypes(raw: readonly string[] | undefined): string[] {
  return parseList(
    raw,
    SERVICE_TYPES.map((t) => t.id),
    'service_type',
  );
}

// ISO 8601 calendar date, optionally with a time and an offset (a time without an offset is UTC).
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time as a UTC ISO string, or a BadRequestError naming `parameter`.
 * @example parseIsoDateTime('2024-02-06', 'modified_after') // '2024-02-06T00:00:00.000Z'
 */
export function parseIsoDateTime(text: string, parameter: string): string {
  const trimmed = text.trim();
  const hasOffset = /(?:Z|[+-]\d{2}:\d{2})$/i.test(trimmed) && trimmed.length > 10;
  const time = ISO_DATE_TIME.test(trimmed)
    ? Date.parse(hasOffset || trimmed.length === 10 ? trimmed : `${trimmed.replace(' ', 'T')}Z`)
    : Number.NaN;
  if (Number.isNaN(time)) {
    throw new BadRequestError(
      parameter,
      `"${parameter}" must be an ISO 8601 date or date-time, e.g. 2024-02-06 or 2024-02-06T12:00:00Z; got "${trimmed.slice(0, 50)}".`,
    );
  }
  return new Date(time).toISOString();
}

/**
 * The response language: `?lang=` when given, else the preferred of English and French in
 * Accept-Language (by q-value, then order), else English.
 * @example langOf({ query: {}, headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' } }) // 'fr'
 */
export function langOf(request: Pick<FastifyRequest, 'query' | 'headers'>): Lang {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'en' || asked === 'fr') return asked;
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'en';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'en' && primary !== 'fr') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (best === null || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'en';
}
