import type { Lang } from '../../domain/bilingual-text.js';
import { CALLED_LINES } from '../../referral/refer.js';
import type { CalledLine } from '../../referral/refer.js';

/** Longest need accepted (characters), as the finder's query. */
export const MAX_NEED_LENGTH = 200;
/** Longest location text accepted (characters). */
export const MAX_WHERE_LENGTH = 100;

/** JSON Schema of GET /api/v1/referral's query string (Fastify validates it and names the bad parameter). */
export const REFERRAL_QUERY_SCHEMA = {
  type: 'object',
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 1, maxLength: MAX_NEED_LENGTH, description: 'The caller’s need, free text in French or English: "lost wallet", "chômage", "baby bonus".' },
    postcode: { type: 'string', maxLength: 20, description: 'Postal code (E3B 1A1) or FSA (E3B). Its first letter gives the province.' },
    place: { type: 'string', maxLength: MAX_WHERE_LENGTH, description: 'Place name (Fredericton, Iqaluit), when there is no postal code.' },
    province: { type: 'string', maxLength: 40, description: 'Province or territory code or name; alone, or to settle X postal codes (NT or NU).' },
    lang: { type: 'string', enum: ['en', 'fr'], description: 'Language of point names and of the nearest points’ page links; default en.' },
    called: { type: 'string', enum: [...CALLED_LINES], description: 'The line the caller reached; services of another order of government get a wrong_door hint.' },
    k: { type: 'integer', minimum: 1, maximum: 10, default: 3, description: 'Nearest in-person points per service.' },
  },
} as const;

export interface ReferralApiQuery {
  q: string;
  postcode?: string;
  place?: string;
  province?: string;
  lang?: Lang;
  called?: CalledLine;
  k: number;
}

/** What the referral page and slip read from their query string (all optional). */
export interface ReferralPageQuery {
  q: string;
  where: string;
  called: CalledLine | null;
  /** A problem with `q` to show in the form. */
  qProblem: 'missing' | 'too_long' | null;
}

/**
 * The page's query string, leniently: repeated parameters keep the first, unknown `called`
 * values are ignored, over-long text is cut and reported.
 */
export function pageQueryOf(query: unknown): ReferralPageQuery {
  const raw = (query ?? {}) as Record<string, unknown>;
  const first = (name: string): string => {
    const value = raw[name];
    const text = Array.isArray(value) ? value[0] : value;
    return typeof text === 'string' ? text.trim() : '';
  };
  const q = first('q');
  const called = first('called');
  return {
    q: q.slice(0, MAX_NEED_LENGTH),
    where: first('where').slice(0, MAX_WHERE_LENGTH),
    called: (CALLED_LINES as readonly string[]).includes(called) ? (called as CalledLine) : null,
    qProblem: q.length > MAX_NEED_LENGTH ? 'too_long' : null,
  };
}

/** The query string of a referral page or slip for the same request. */
export function pageQueryString(query: Pick<ReferralPageQuery, 'q' | 'where' | 'called'>): string {
  const params = new URLSearchParams({ q: query.q });
  if (query.where) params.set('where', query.where);
  if (query.called) params.set('called', query.called);
  return params.toString();
}
