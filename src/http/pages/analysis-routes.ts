import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AnalysisParameterError } from '../../analysis/analysis-parameter-error.js';
import type { Lang } from '../../domain/bilingual-text.js';
import type { AnalysisService } from '../api/analysis-service.js';
import type { AppDeps } from '../app-deps.js';
import { problemText } from './analysis-form.js';
import { renderAnalysisPage, type AnalysisPageView } from './analysis-page.js';
import { analysisPageQueryFrom, pageParameters, type AnalysisPageQuery } from './analysis-query.js';
import type { PageContext } from './page-context.js';
import { sendPrivateHtml } from './send-html.js';

/** Runs the page's analyses, or says which parameter is wrong (in the page's language). */
async function outcomeOf(
  service: AnalysisService,
  query: AnalysisPageQuery,
  lang: Lang,
): Promise<AnalysisPageView['outcome']> {
  const parameters = pageParameters(query);
  try {
    // Coverage first: it checks the selection and the radius the others share.
    const coverage = await service.run('coverage', parameters.coverage);
    const gaps = await service.run('gaps', parameters.gaps);
    const colocation = await service.run('colocation', parameters.colocation);
    const siting = await service.run('siting', parameters.siting);
    const access = query.metric === 'access' ? await service.run('access', parameters.access) : null;
    return { results: { coverage, gaps, colocation, siting, access }, problem: null };
  } catch (error) {
    if (!(error instanceof AnalysisParameterError)) throw error;
    return {
      results: null,
      problem: { parameter: error.parameter, message: problemText(lang, error.parameter, error.reason) },
    };
  }
}

/**
 * GET /{lang}/analysis for signed-in analysts; anyone else is sent to sign in (303), and comes
 * back to the same analysis afterwards. A bad parameter answers 400 with the form and its error.
 */
export function registerAnalysisPageRoutes(
  scope: FastifyInstance,
  deps: AppDeps,
  lang: Lang,
  contextOf: (request: FastifyRequest) => PageContext,
  assets: { css: string; js: string },
): void {
  scope.get('/analysis', async (request, reply) => {
    const signedIn = await deps.auth.signedIn(request);
    if (!signedIn) {
      const signIn = `${deps.basePath}/${lang}/signin?next=${encodeURIComponent(request.url)}`;
      return reply.header('Cache-Control', 'no-store').redirect(signIn, 303);
    }
    const params = new URL(request.url, 'http://localhost').searchParams;
    const query = analysisPageQueryFrom(params);
    const [layers, outcome] = [await deps.analysis.layers(), await outcomeOf(deps.analysis, query, lang)];
    const page = renderAnalysisPage(contextOf(request), {
      query,
      params,
      signedIn,
      layers,
      outcome,
      partnershipsOf: deps.partnershipsForPoint,
      assets,
    });
    return sendPrivateHtml(reply, lang, page, outcome.problem ? 400 : 200);
  });
}
