import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AnalysisParameterError } from '../../analysis/analysis-parameter-error.js';
import { tableToCsv, tableToGeoJson } from '../../analysis/result-tables.js';
import type { AppDeps } from '../app-deps.js';
import { BadRequestError, type ApiErrorBody } from '../http-errors.js';
import {
  analysisParameterNames,
  analysisParametersFrom,
  analysisQuerySchema,
  rejectUnknownParameters,
} from './analysis-params.js';
import { ANALYSIS_KINDS, ANALYSIS_TABLES, type AnalysisKind } from './analysis-service.js';
import { GEOJSON_TYPE, requestFormat } from './formats.js';

const SUMMARIES: Readonly<Record<AnalysisKind, string>> = {
  coverage: 'Nearest point and population within a radius, nationally and by province',
  access: 'Spatial accessibility per census subdivision: 2SFCA, enhanced 2SFCA or gravity',
  gaps: 'Communities beyond a radius, ranked by population weighted by low well-being and Indigenous type',
  colocation:
    'Points of different orders of government close together, single-order communities, sites to share',
  siting: 'Where to add sites to cover the most (vulnerable) people: greedy maximal covering with swaps',
};

/** The 401 of the analysis API: it is for signed-in analysts (DESIGN.md "Safety"). */
async function requireAnalyst(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  if (await deps.auth.signedIn(request)) return undefined;
  const body: ApiErrorBody = {
    error: {
      status: 401,
      code: 'unauthorized',
      message: `The analysis API is for signed-in analysts: sign in at ${deps.basePath}/en/signin (${deps.basePath}/fr/signin), then call it from the same browser session.`,
    },
  };
  return reply.code(401).header('cache-control', 'no-store').send(body);
}

/**
 * GET /analysis/{coverage|access|gaps|colocation|siting}: `repere analyze <kind> --json` over
 * HTTP for signed-in analysts, the same parameters by the same names; `format=csv|geojson`
 * (or Accept) answers one of the result's tables (`table=`) as a download.
 */
export function registerAnalysisRoutes(api: FastifyInstance, deps: AppDeps): void {
  for (const kind of ANALYSIS_KINDS) {
    const allowed = analysisParameterNames(kind);
    api.get<{ Querystring: Record<string, unknown> }>(
      `/analysis/${kind}`,
      {
        schema: {
          tags: ['analysis'],
          summary: SUMMARIES[kind],
          description: `Signed-in analysts only (401 otherwise). The JSON is the result of \`repere analyze ${kind} --json\`: the parameters applied, totals and tables. Tables: ${ANALYSIS_TABLES[kind].join(', ')}.`,
          security: [{ session: [] }],
          querystring: analysisQuerySchema(kind),
        },
        // Before the query is validated: a visitor learns nothing about the parameters.
        onRequest: (request, reply) => requireAnalyst(deps, request, reply),
      },
      async (request, reply) => {
        rejectUnknownParameters(request.url, allowed);
        const parameters = analysisParametersFrom(kind, request.query);
        let result;
        try {
          result = await deps.analysis.run(kind, parameters);
        } catch (error) {
          if (error instanceof AnalysisParameterError)
            throw new BadRequestError(error.parameter, error.message);
          throw error;
        }
        // Results are for the analyst who asked: no shared cache keeps them.
        reply.header('cache-control', 'private, no-store');
        const format = requestFormat(request);
        if (format === 'json')
          return reply.type('application/json; charset=utf-8').send(JSON.stringify(result));
        const name = (request.query['table'] as string | undefined) ?? ANALYSIS_TABLES[kind][0];
        const table = deps.analysis.tables(kind, result).find((t) => t.name === name)!;
        const filename = `repere-${kind}-${table.name}.${format}`;
        reply.header('content-disposition', `attachment; filename="${filename}"`);
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(tableToCsv(table));
        return reply.type(`${GEOJSON_TYPE}; charset=utf-8`).send(JSON.stringify(tableToGeoJson(table)));
      },
    );
  }
}
