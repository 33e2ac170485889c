import { t } from '../i18n/messages.js';
import { html } from './html.js';
import { renderPage } from './layout.js';
import { pagePath } from './page-context.js';
import type { PageContext } from './page-context.js';

/** The 404 page; `what` says whether a page or a service point was not found. */
export function renderNotFoundPage(ctx: PageContext, what: 'page' | 'location'): string {
  const { lang } = ctx;
  const main = html`<h1>${t(lang, 'notFound.title')}</h1>
<p>${t(lang, what === 'location' ? 'notFound.location' : 'notFound.text')}</p>
<p><a href="${pagePath(ctx, lang, '/')}">${t(lang, 'notFound.search')}</a></p>`;
  return renderPage({ ctx, title: t(lang, 'notFound.title'), section: null, main });
}

/** The 500 page: says it is our fault, shows nothing of the error itself. */
export function renderServerErrorPage(ctx: PageContext): string {
  const { lang } = ctx;
  const main = html`<h1>${t(lang, 'serverError.title')}</h1>
<p>${t(lang, 'serverError.text')}</p>
<p><a href="${pagePath(ctx, lang, '/')}">${t(lang, 'notFound.search')}</a></p>`;
  return renderPage({ ctx, title: t(lang, 'serverError.title'), section: null, main });
}
