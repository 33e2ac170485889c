import type { Lang } from '../../domain/bilingual-text.js';
import type { AssetUrls } from './static-assets.js';

/** What every page needs to know about the request it answers. */
export interface PageContext {
  lang: Lang;
  /** Public base path of the site ("" or "/prefix", no trailing slash). */
  base: string;
  /** The request path after the language segment, with its query: "/search?q=x", "/". */
  rest: string;
  /** Scheme and host of the request, for absolute `hreflang` links: "https://repere.example". */
  origin: string;
  assets: AssetUrls;
  /** Raster tile URL template for the map, "" for the offline style. */
  tileUrl: string;
}

/**
 * The path of a page in a language, under the base path.
 * @example pagePath(ctx, 'fr', '/search?q=x') // '/fr/search?q=x'
 */
export function pagePath(ctx: Pick<PageContext, 'base'>, lang: Lang, rest: string): string {
  return `${ctx.base}/${lang}${rest.startsWith('/') ? rest : `/${rest}`}`;
}

/** The same page in the other official language: same path segments, same query. */
export function togglePath(ctx: PageContext): string {
  return pagePath(ctx, otherLang(ctx.lang), ctx.rest);
}

/** The other official language: `en` ↔ `fr`. */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'fr' : 'en';
}

/** The detail page of a service point; the id (`source:record`) is URI-encoded. */
export function locationPath(ctx: Pick<PageContext, 'base'>, lang: Lang, id: string): string {
  return pagePath(ctx, lang, `/locations/${encodeURIComponent(id)}`);
}

/**
 * The part of a request URL after `/{lang}`, with the query; "/" for the language root.
 * @example restOfUrl('/en/search?q=x') // '/search?q=x'
 */
export function restOfUrl(url: string, base: string): string {
  const withoutBase = base && url.startsWith(base) ? url.slice(base.length) : url;
  const rest = withoutBase.replace(/^\/(?:en|fr)(?=[/?]|$)/, '');
  if (rest === '' || rest.startsWith('?')) return `/${rest}`;
  return rest;
}
