import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANGS } from '../../domain/bilingual-text.js';
import type { Lang } from '../../domain/bilingual-text.js';
import { SERVICE_TYPES } from '../../domain/service-type.js';
import type { ServiceType } from '../../domain/service-type.js';
import type { Store } from '../../store/store.js';
import type { AppDeps } from '../app-deps.js';
import { langFromAcceptLanguage } from '../i18n/negotiate.js';
import { registerAnalysisAssets } from './analysis-assets.js';
import { registerAnalysisPageRoutes } from './analysis-routes.js';
import { renderLocationPage } from './location-page.js';
import { restOfUrl } from './page-context.js';
import type { PageContext } from './page-context.js';
import { renderSearchPage } from './search-page.js';
import { registerSignInRoutes } from './signin-routes.js';
import { sendHtml } from './send-html.js';
import { renderSourcesPage } from './sources-page.js';
import { sourceQuality } from '../../quality/index.js';
import { registerStaticAssets } from './static-assets.js';
import type { AssetUrls } from './static-assets.js';
import { renderNotFoundPage, renderServerErrorPage } from './status-pages.js';

/** How long the list of service types offered in the form is kept before it is counted again. */
const SERVICE_TYPES_TTL_MS = 10 * 60 * 1000;

/**
 * Server-rendered pages under /en and /fr (home and search, location detail, sources, sign-in,
 * the analysts' page, 404), the language redirect at /, and static assets under /assets.
 */
export async function registerPageRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const base = deps.basePath;
  const assets = await registerStaticAssets(app, base);
  const analysisAssets = registerAnalysisAssets(app, base);
  const serviceTypes = cachedServiceTypes(deps.store);

  app.get('/', async (request, reply) => {
    const lang = langFromAcceptLanguage(request.headers['accept-language']);
    return reply.header('Vary', 'Accept-Language').redirect(`${base}/${lang}/`, 302);
  });

  for (const lang of LANGS) {
    await app.register(
      async (scope) => {
        const contextOf = (request: FastifyRequest): PageContext =>
          pageContext(request, lang, base, assets, deps.tileUrl);

        scope.setNotFoundHandler(async (request, reply) =>
          sendHtml(reply, lang, renderNotFoundPage(contextOf(request), 'page'), 404),
        );
        scope.setErrorHandler(async (error, request, reply) => {
          request.log.error(error);
          return sendHtml(reply, lang, renderServerErrorPage(contextOf(request)), 500);
        });

        const search = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
          const params = new URL(request.url, 'http://localhost').searchParams;
          const page = await renderSearchPage(
            contextOf(request),
            { store: deps.store, places: deps.places, now: deps.now, serviceTypes: await serviceTypes() },
            params,
          );
          return sendHtml(reply, lang, page);
        };
        scope.get('/', search);
        scope.get('/search', search);

        scope.get('/sources', async (request, reply) =>
          sendHtml(
            reply,
            lang,
            renderSourcesPage(contextOf(request), await sourceQuality(deps.store, { now: deps.now(), municipal: true })),
          ),
        );

        registerSignInRoutes(scope, deps, lang, contextOf, analysisAssets.css);
        registerAnalysisPageRoutes(scope, deps, lang, contextOf, analysisAssets);

        scope.get<{ Params: { id: string } }>('/locations/:id', async (request, reply) => {
          const ctx = contextOf(request);
          const page = await renderLocationPage(ctx, deps, request.params.id);
          return page === null
            ? sendHtml(reply, lang, renderNotFoundPage(ctx, 'location'), 404)
            : sendHtml(reply, lang, page);
        });
      },
      { prefix: `${base}/${lang}` },
    );
  }
}

function pageContext(
  request: FastifyRequest,
  lang: Lang,
  base: string,
  assets: AssetUrls,
  tileUrl: string,
): PageContext {
  return {
    lang,
    base,
    rest: restOfUrl(request.url, base),
    origin: `${request.protocol}://${request.host}`,
    assets,
    tileUrl,
  };
}

/**
 * The service types offered in the form: those that have public service points (the others,
 * such as federal office buildings or hospitals, would always find nothing). All of them when
 * the store is still empty. Counted again every few minutes, as sources may be re-imported.
 */
function cachedServiceTypes(store: Store): () => Promise<readonly ServiceType[]> {
  let cached: { at: number; types: readonly ServiceType[] } | null = null;
  return async () => {
    if (cached && Date.now() - cached.at < SERVICE_TYPES_TTL_MS) return cached.types;
    const counts = await Promise.all(
      SERVICE_TYPES.map(async (type) => {
        const { total } = await store.listPoints({
          serviceTypes: [type.id],
          roles: ['service_point'],
          limit: 0,
          offset: 0,
        });
        return total;
      }),
    );
    const offered = SERVICE_TYPES.filter((_type, i) => counts[i]! > 0);
    cached = { at: Date.now(), types: offered.length > 0 ? offered : SERVICE_TYPES };
    return cached.types;
  };
}
