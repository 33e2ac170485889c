import { t } from '../i18n/messages.js';
import type { MessageKey } from '../i18n/messages.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { otherLang, pagePath, togglePath } from './page-context.js';
import type { PageContext } from './page-context.js';

/** Sections of the site named in the main menu; the current one gets `aria-current`. */
export type Section = 'search' | 'referral' | 'partnerships' | 'sources' | 'analysis';

export interface PageOptions {
  ctx: PageContext;
  /** The page's own title; the site name is appended. */
  title: string;
  main: SafeHtml;
  section: Section | null;
  /** Loads the map bundle (only pages that show a map). */
  withMap?: boolean;
  /** A page's own stylesheets and scripts (same-origin files only: the CSP forbids inline code). */
  head?: { stylesheets?: readonly string[]; modules?: readonly string[] };
}

const ATTRIBUTION_KEYS: readonly MessageKey[] = [
  'footer.attribution.ogl',
  'footer.attribution.geonames',
  'footer.attribution.fsa',
  'footer.attribution.naturalEarth',
  'footer.attribution.workbc',
  'footer.attribution.provincial',
];

/**
 * The whole document around a page's main content: skip link, header with the product name
 * and the language toggle, main menu, `<main id="main">`, footer with the data attribution.
 * No inline script or style (the CSP allows neither).
 */
export function renderPage({ ctx, title, main, section, withMap = false, head = {} }: PageOptions): string {
  const { lang } = ctx;
  const other = otherLang(lang);
  const home = pagePath(ctx, lang, '/');
  const alternate = (l: typeof lang): string => `${ctx.origin}${pagePath(ctx, l, ctx.rest)}`;
  const menu: ReadonlyArray<{ section: Section; rest: string; label: string }> = [
    { section: 'search', rest: '/', label: t(lang, 'nav.search') },
    { section: 'referral', rest: '/referral', label: t(lang, 'nav.referral') },
    { section: 'partnerships', rest: '/partnerships', label: t(lang, 'nav.partnerships') },
    { section: 'sources', rest: '/sources', label: t(lang, 'nav.sources') },
    // Always listed: the page asks visitors to sign in.
    { section: 'analysis', rest: '/analysis', label: t(lang, 'nav.analysis') },
  ];
  const here = ctx.rest.replace(/\?.*$/, '');
  // "page" on the link to this very page; "true" on its section when the page is deeper in it.
  const current = (item: (typeof menu)[number]): SafeHtml | '' =>
    item.rest === here
      ? html` aria-current="page"`
      : item.section === section
        ? html` aria-current="true"`
        : '';
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(lang, 'site.titleSuffix', { title })}</title>
<meta name="description" content="${t(lang, 'home.intro')}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ctx.assets.siteCss}">
${
  withMap
    ? html`<link rel="stylesheet" href="${ctx.assets.mapCss}">
<script type="module" src="${ctx.assets.mapJs}"></script>
`
    : ''
}${(head.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">
`)}${(head.modules ?? []).map((src) => html`<script type="module" src="${src}"></script>
`)}<link rel="alternate" hreflang="${lang}" href="${alternate(lang)}">
<link rel="alternate" hreflang="${other}" href="${alternate(other)}">
</head>
<body>
<a class="skip-link" href="#main">${t(lang, 'skip.main')}</a>
<header class="site-header">
<div class="container site-header__bar">
<p class="site-name"><a href="${home}">${t(lang, 'site.name')}</a></p>
<a class="lang-toggle" href="${togglePath(ctx)}" lang="${other}" hreflang="${other}">${t(lang, 'lang.toggle')}</a>
<p class="site-tagline">${t(lang, 'site.tagline')}</p>
</div>
<nav class="site-nav" aria-label="${t(lang, 'nav.label')}">
<ul class="container">
${menu.map(
  (item) => html`<li><a href="${pagePath(ctx, lang, item.rest)}"${current(item)}>${item.label}</a></li>`,
)}
</ul>
</nav>
</header>
<main id="main" tabindex="-1" class="container">
${main}
</main>
<footer class="site-footer">
<div class="container">
<h2>${t(lang, 'footer.heading')}</h2>
<p class="site-footer__caution">${t(lang, 'footer.caution')}</p>
<ul class="site-footer__attribution">
${ATTRIBUTION_KEYS.map((key) => html`<li>${t(lang, key)}</li>`)}
</ul>
<p><a href="${pagePath(ctx, lang, '/sources')}">${t(lang, 'footer.sourcesLink')}</a> · ${t(lang, 'footer.openSource')}</p>
</div>
</footer>
</body>
</html>
`.toString();
}
