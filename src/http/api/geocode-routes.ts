import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { MAX_QUERY_LENGTH } from './query-params.js';

const GEOCODE_DEFAULT_LIMIT = 5;
const GEOCODE_MAX_LIMIT = 20;

/**
 * GET /geocode: a postal code, FSA or place name located by the offline gazetteer. Never
 * 404: text that names nothing gives an empty `results`.
 */
export async function registerGeocodeRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  api.get<{ Querystring: { q: string; limit: number } }>(
    '/geocode',
    {
      schema: {
        tags: ['geocode'],
        summary: 'Locate a postal code, FSA or place name with the offline gazetteer',
        description:
          'A postal code or FSA gives its FSA centroid (precision fsa); a name gives places and First Nations/Inuit communities whose name starts with the text, exact names first, then by population.',
        querystring: {
          type: 'object',
          required: ['q'],
          properties: {
            q: {
              type: 'string',
              minLength: 1,
              maxLength: MAX_QUERY_LENGTH,
              description: 'Postal code, FSA or place name.',
            },
            limit: {
              type: 'integer',
              minimum: 1,
              maximum: GEOCODE_MAX_LIMIT,
              default: GEOCODE_DEFAULT_LIMIT,
            },
          },
        },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      const results = deps.places
        .search(q, limit)
        .map(({ label, lat, lon, precision, kind }) => ({ label, lat, lon, precision, kind }));
      return { query: q, results };
    },
  );
}
