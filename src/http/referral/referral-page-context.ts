import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../domain/bilingual-text.js';
import type { SafeHtml } from '../pages/html.js';
import { renderPage } from '../pages/layout.js';
import { restOfUrl } from '../pages/page-context.js';
import type { PageContext } from '../pages/page-context.js';
import type { ReferralAssetUrls } from './referral-assets.js';

/** The page context of a referral or partnerships request (the shape the site layout takes). */
export function pageContextOf(request: FastifyRequest, lang: Lang, base: string, assets: ReferralAssetUrls, tileUrl: string): PageContext {
  return {
    lang,
    base,
    rest: restOfUrl(request.url, base),
    origin: `${request.protocol}://${request.host}`,
    assets: assets.site,
    tileUrl,
  };
}

/** A whole page in the site layout, with the referral stylesheet and script in its head. */
export function renderReferralPage(
  ctx: PageContext,
  assets: ReferralAssetUrls,
  options: { title: string; main: SafeHtml; section: 'referral' | 'partnerships'; withMap?: boolean },
): string {
  return renderPage({
    ctx,
    title: options.title,
    main: options.main,
    section: options.section,
    withMap: options.withMap ?? false,
    head: { stylesheets: [assets.css], modules: [assets.js] },
  });
}
