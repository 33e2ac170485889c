import type { FastifyInstance } from 'fastify';
import { referralFor } from './referral-context.js';
import type { ReferralContext } from './referral-context.js';
import { referralJson } from './referral-json.js';
import { REFERRAL_QUERY_SCHEMA } from './referral-params.js';
import type { ReferralApiQuery } from './referral-params.js';
import { partnershipFeatures, partnershipsOf } from './partnerships-json.js';

const GEOJSON_TYPE = 'application/geo+json';

interface PartnershipsQuery {
  format?: 'json' | 'geojson';
  lang?: 'en' | 'fr';
  point?: string;
}

/** GET /api/v1/referral (who handles a need where the caller lives) and GET /api/v1/partnerships. */
export function registerReferralApiRoutes(app: FastifyInstance, ctx: ReferralContext): void {
  app.get<{ Querystring: ReferralApiQuery }>(
    '/api/v1/referral',
    {
      schema: {
        tags: ['referral'],
        summary: 'Who handles a caller’s need where they live, how to reach them, and the nearest in-person points',
        description:
          'Matches a free-text need (French or English, synonyms, life events) against the service catalogue (data/catalogue). The province comes from the postal code’s first letter, the place or `province`. `handled_by.last_verified` is the oldest verification date of the contact facts shown, null when any is unverified; `verification` has each fact’s source and status. A need that matches nothing gives an empty `services` and the closest catalogue entries in `suggestions`.',
        querystring: REFERRAL_QUERY_SCHEMA,
      },
    },
    async (request) => {
      const { q, postcode, place, province, called, k } = request.query;
      const lang = request.query.lang ?? 'en';
      const location = postcode || place || province ? { ...(postcode ? { postcode } : {}), ...(place ? { place } : {}), ...(province ? { province } : {}) } : null;
      const referral = await referralFor(ctx, { text: q, location, calledLine: called ?? null, lang, pointsPerService: k });
      return referralJson(referral, lang, ctx.deps.basePath);
    },
  );

  app.get<{ Querystring: PartnershipsQuery }>(
    '/api/v1/partnerships',
    {
      schema: {
        tags: ['referral'],
        summary: 'Service-delivery partnerships between governments, with the source and status of every claim',
        description:
          'The partnerships catalogue (data/partnerships). `format=geojson` gives the Repère points taking part (one feature per point, with `partnership_ids`), for maps and GIS; `point` keeps the partnerships a Repère point takes part in.',
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: ['json', 'geojson'], default: 'json' },
            lang: { type: 'string', enum: ['en', 'fr'], description: 'Language of GeoJSON names; default en.' },
            point: { type: 'string', maxLength: 200, description: 'A Repère point id (source:record).' },
          },
        },
      },
    },
    async (request, reply) => {
      const { format, lang = 'en', point } = request.query;
      const partnerships = partnershipsOf(ctx.partnerships, point);
      if (format === 'geojson') {
        reply.type(GEOJSON_TYPE);
        return partnershipFeatures(ctx.deps.store, partnerships, lang);
      }
      const { version, updated, sources } = ctx.partnerships;
      return { version, updated, sources, partnerships };
    },
  );
}
