import type { Lang } from '../../domain/bilingual-text.js';
import { CHANNELS, JURISDICTION_LEVELS } from '../../domain/jurisdiction.js';
import type { ServiceType } from '../../domain/service-type.js';
import { findServicePoints } from '../../search/finder.js';
import type { FinderResult } from '../../search/finder.js';
import { originFromOneBox, originFromPlaceText } from '../../search/origin.js';
import type { Origin } from '../../search/origin.js';
import type { AppDeps } from '../app-deps.js';
import { t, tp } from '../i18n/messages.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { boundsAround, mapElement } from './map-element.js';
import { pagePath } from './page-context.js';
import type { PageContext } from './page-context.js';
import { refinePostalOrigin } from '../../search/refine-postal-origin.js';
import { resultItem } from './result-item.js';
import {
  MAX_PAGE,
  activeOptionCount,
  hasFilters,
  mapPointsQuery,
  queryStringOf,
  searchFormFrom,
} from './search-query.js';
import type { SearchForm } from './search-query.js';

/** Results per page: short enough for a slow phone, long enough to compare nearby places. */
export const PAGE_SIZE = 10;

export interface SearchDeps extends Pick<AppDeps, 'store' | 'places' | 'now'> {
  /** Service types offered in the form: those with public service points. */
  serviceTypes: readonly ServiceType[];
}

/** A problem with what was typed, shown in the error summary and beside its field. */
interface FieldError {
  field: 'q' | 'near' | null;
  message: string;
}

interface SearchOutcome {
  errors: FieldError[];
  origin: Origin | null;
  text: string;
  /** Null when the search could not run (nothing typed, postal code unknown). */
  result: FinderResult | null;
  page: number;
  pages: number;
}

// Letter-digit-letter, optionally digit-letter-digit: anything typed like a postal code is read
// as one, so an unknown code is reported instead of being searched as words.
const POSTAL_CODE_SHAPE = /^[a-z]\d[a-z](?:\s*-?\s*\d[a-z]\d)?$/i;

/**
 * The home page (`/{lang}/`) and the results page (`/{lang}/search`): the same page, with
 * results once the form has been submitted.
 */
export async function renderSearchPage(
  ctx: PageContext,
  deps: SearchDeps,
  params: URLSearchParams,
): Promise<string> {
  const { lang } = ctx;
  const form = searchFormFrom(params);
  if (!form.submitted) {
    return renderPage({
      ctx,
      title: t(lang, 'home.title'),
      section: 'search',
      main: homeMain(ctx, deps, form),
    });
  }
  const outcome = await runSearch(deps, form, lang);
  const heading = resultsHeading(lang, outcome);
  const hasErrors = outcome.errors.length > 0;
  const title = [
    hasErrors ? `${t(lang, 'error.prefix')} ${heading}` : heading,
    outcome.pages > 1 ? t(lang, 'paging.status', { page: outcome.page, pages: outcome.pages }) : '',
  ]
    .filter(Boolean)
    .join(' – ');
  const showMap = outcome.result !== null && (outcome.result.hits.length > 0 || outcome.origin !== null);
  const main = html`<h1 id="results-heading">${heading}</h1>
${outcome.result ? resultsSummary(lang, form, outcome) : ''}
${errorSummary(lang, outcome.errors)}
<section class="search-panel" aria-labelledby="search-heading">
<h2 id="search-heading" class="visually-hidden">${t(lang, 'search.heading')}</h2>
${searchForm(ctx, deps, form, outcome)}
</section>
${outcome.result ? resultsSection(ctx, form, outcome, outcome.result, showMap) : ''}`;
  return renderPage({ ctx, title, section: 'search', main, withMap: showMap });
}

async function runSearch(deps: SearchDeps, form: SearchForm, lang: Lang): Promise<SearchOutcome> {
  const errors: FieldError[] = [];
  let origin: Origin | null = null;
  let text = '';
  if (form.badPosition) errors.push({ field: null, message: t(lang, 'error.badLocation') });
  if (form.position) {
    origin = {
      ...form.position,
      label: t(lang, 'results.yourLocation'),
      precision: 'building',
      kind: 'coordinates',
    };
    text = form.q;
  } else if (form.q) {
    const place = originFromOneBox(form.q, deps.places);
    if (place) origin = await refinePostalOrigin(deps.store, place);
    else if (POSTAL_CODE_SHAPE.test(form.q)) {
      errors.push({ field: 'q', message: t(lang, 'error.postalNotFound', { code: form.q.toUpperCase() }) });
      return { errors, origin: null, text: '', result: null, page: 1, pages: 0 };
    } else {
      text = form.q;
      if (form.near) origin = await nearOrigin(deps, form.near, lang, errors);
    }
  } else if (form.near) {
    // Only the near box filled: it is the place.
    origin = await nearOrigin(deps, form.near, lang, errors);
  } else if (!form.badPosition) {
    errors.push({ field: 'q', message: t(lang, 'error.emptyQuery') });
    return { errors, origin: null, text: '', result: null, page: 1, pages: 0 };
  }
  if (!origin && !text) return { errors, origin, text, result: null, page: 1, pages: 0 };

  const search = (page: number): Promise<FinderResult> =>
    findServicePoints(deps.store, {
      text,
      origin,
      jurisdictionLevels: form.jurisdictions,
      channels: form.channels,
      serviceTypes: form.type ? [form.type] : [],
      openNow: form.openNow,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      now: deps.now(),
    });
  let page = form.page;
  let result = await search(page);
  const pages = Math.min(Math.ceil(result.total / PAGE_SIZE), MAX_PAGE);
  // A page past the end (an old link, a hand-edited URL) shows the last one.
  if (result.hits.length === 0 && pages > 0 && page > pages) {
    page = pages;
    result = await search(page);
  }
  return { errors, origin, text, result, page, pages };
}

/** The place of the near box (exact name or postal code first, else the closest name), or an error. */
async function nearOrigin(
  deps: SearchDeps,
  near: string,
  lang: Lang,
  errors: FieldError[],
): Promise<Origin | null> {
  const place = originFromOneBox(near, deps.places) ?? originFromPlaceText(near, deps.places);
  if (place) return refinePostalOrigin(deps.store, place);
  errors.push({ field: 'near', message: t(lang, 'error.nearNotFound', { place: near }) });
  return null;
}

function resultsHeading(lang: Lang, { result, origin, text }: SearchOutcome): string {
  if (!result) return t(lang, 'results.problem');
  const count = result.total;
  const place = origin?.label ?? '';
  if (count === 0) {
    if (origin && text) return t(lang, 'results.noneForNear', { query: text, place });
    return origin ? t(lang, 'results.noneNear', { place }) : t(lang, 'results.noneFor', { query: text });
  }
  if (origin && text) return tp(lang, 'results.forNear', count, { query: text, place });
  return origin
    ? tp(lang, 'results.near', count, { place })
    : tp(lang, 'results.for', count, { query: text });
}

function resultsSummary(lang: Lang, form: SearchForm, outcome: SearchOutcome): SafeHtml {
  const filters =
    form.jurisdictions.length + form.channels.length + (form.type ? 1 : 0) + (form.openNow ? 1 : 0);
  const parts = [
    outcome.pages > 1 ? t(lang, 'paging.status', { page: outcome.page, pages: outcome.pages }) + '.' : '',
    outcome.origin ? t(lang, 'results.byDistance') : t(lang, 'results.byRelevance'),
    filters > 0 ? tp(lang, 'results.filtersActive', filters) : '',
    form.openNow ? t(lang, 'results.openNowOnly') : '',
  ].filter(Boolean);
  return html`<p class="results-summary">${parts.join(' ')}</p>`;
}

function errorSummary(lang: Lang, errors: readonly FieldError[]): SafeHtml | '' {
  if (errors.length === 0) return '';
  return html`<section class="error-summary" aria-labelledby="error-summary-heading">
<h2 id="error-summary-heading">${t(lang, 'error.summary')}</h2>
<ul>
${errors.map((error) =>
  error.field
    ? html`<li><a href="#${error.field}">${error.message}</a></li>`
    : html`<li>${error.message}</li>`,
)}
</ul>
</section>`;
}

function homeMain(ctx: PageContext, deps: SearchDeps, form: SearchForm): SafeHtml {
  const { lang } = ctx;
  const examples = (['home.example.postal', 'home.example.place', 'home.example.keywords'] as const).map(
    (key) => {
      const q = t(lang, key);
      return html`<a href="${pagePath(ctx, lang, `/search?${new URLSearchParams({ q }).toString()}`)}">${q}</a>`;
    },
  );
  return html`<h1>${t(lang, 'home.title')}</h1>
<p class="lead">${t(lang, 'home.intro')}</p>
<section class="search-panel search-panel--home" aria-labelledby="search-heading">
<h2 id="search-heading" class="visually-hidden">${t(lang, 'search.label')}</h2>
${searchForm(ctx, deps, form, null)}
</section>
<p class="examples">${t(lang, 'home.examples')} ${examples.map((link, i) => html`${i > 0 ? ', ' : ''}${link}`)}</p>`;
}

/**
 * The plain GET form: the one box, then "More options" (a native disclosure, open when an
 * option is set or needed): the near box, checkboxes by order of government and by channel,
 * the service type, "open now". Errors are text beside their field, tied by aria-describedby.
 */
function searchForm(
  ctx: PageContext,
  deps: SearchDeps,
  form: SearchForm,
  outcome: SearchOutcome | null,
): SafeHtml {
  const { lang } = ctx;
  const errorOf = (field: 'q' | 'near'): string | null =>
    outcome?.errors.find((error) => error.field === field)?.message ?? null;
  const options = activeOptionCount(form);
  // Open when something inside is set, has an error, or would help (keywords not sorted by distance).
  const needsNear =
    outcome !== null && outcome.result !== null && outcome.origin === null && outcome.text !== '';
  const open = options > 0 || errorOf('near') !== null || needsNear;
  const checkbox = (name: string, value: string, label: string, checked: boolean): SafeHtml =>
    html`<div class="choice"><input type="checkbox" id="${name}-${value}" name="${name}" value="${value}"${checked ? html` checked` : ''}><label for="${name}-${value}">${label}</label></div>`;
  return html`<form class="search-form" action="${pagePath(ctx, lang, '/search')}" method="get" role="search" aria-labelledby="search-heading">
${textField(lang, { id: 'q', label: t(lang, 'search.q.label'), hint: t(lang, 'search.q.hint'), value: form.q, error: errorOf('q'), withSubmit: true })}
<details class="options"${open ? html` open` : ''}>
<summary>${options > 0 ? tp(lang, 'search.moreActive', options) : t(lang, 'search.more')}</summary>
<div class="options__body">
${textField(lang, { id: 'near', label: t(lang, 'search.near.label'), hint: t(lang, 'search.near.hint'), value: form.near, error: errorOf('near'), withSubmit: false })}
<fieldset class="choices">
<legend>${t(lang, 'filter.level.legend')}</legend>
${JURISDICTION_LEVELS.filter((level) => level !== 'other').map((level) =>
  checkbox('jurisdiction', level, t(lang, `level.${level}`), form.jurisdictions.includes(level)),
)}
</fieldset>
<fieldset class="choices">
<legend>${t(lang, 'filter.channel.legend')}</legend>
${CHANNELS.map((channel) => checkbox('channel', channel, t(lang, `channel.${channel}`), form.channels.includes(channel)))}
</fieldset>
<div class="field">
<label for="service_type">${t(lang, 'filter.type.label')}</label>
<select id="service_type" name="service_type">
<option value="">${t(lang, 'filter.type.any')}</option>
${deps.serviceTypes.map(
  (type) =>
    html`<option value="${type.id}"${form.type === type.id ? html` selected` : ''}>${type.name[lang]}</option>`,
)}
</select>
</div>
<fieldset class="choices">
<legend>${t(lang, 'filter.open.legend')}</legend>
<div class="choice"><input type="checkbox" id="open_now" name="open_now" value="true" aria-describedby="open-hint"${form.openNow ? html` checked` : ''}><label for="open_now">${t(lang, 'filter.open.label')}</label></div>
<p class="hint" id="open-hint">${t(lang, 'filter.open.hint')}</p>
</fieldset>
<button type="submit" class="button">${t(lang, 'search.submit')}</button>
</div>
</details>
</form>`;
}

interface TextFieldOptions {
  id: 'q' | 'near';
  label: string;
  hint: string;
  value: string;
  error: string | null;
  withSubmit: boolean;
}

function textField(lang: Lang, field: TextFieldOptions): SafeHtml {
  const describedBy = [`${field.id}-hint`, field.error ? `${field.id}-error` : ''].filter(Boolean).join(' ');
  const input = html`<input type="text" id="${field.id}" name="${field.id}" value="${field.value}" maxlength="200" autocomplete="off" spellcheck="false" aria-describedby="${describedBy}"${field.error ? html` aria-invalid="true"` : ''}>`;
  return html`<div class="field${field.error ? ' field--error' : ''}">
<label for="${field.id}">${field.label}</label>
<p class="hint" id="${field.id}-hint">${field.hint}</p>
${field.error ? html`<p class="error-message" id="${field.id}-error"><strong>${t(lang, 'error.prefix')}</strong> ${field.error}</p>` : ''}
${field.withSubmit ? html`<div class="search-box">${input}<button type="submit" class="button">${t(lang, 'search.submit')}</button></div>` : input}
</div>`;
}

function resultsSection(
  ctx: PageContext,
  form: SearchForm,
  outcome: SearchOutcome,
  result: FinderResult,
  showMap: boolean,
): SafeHtml {
  const { lang } = ctx;
  const first = (outcome.page - 1) * PAGE_SIZE + 1;
  const list =
    result.hits.length > 0
      ? html`<h2 id="results-list-heading" class="visually-hidden">${t(lang, 'results.range', { from: first, to: first + result.hits.length - 1 })}</h2>
<ol class="results-list" start="${first}">
${result.hits.map((hit) => resultItem(ctx, hit, outcome.origin !== null))}
</ol>
${paging(ctx, form, outcome)}`
      : noResults(ctx, form);
  if (!showMap) return html`<div class="results-layout">${list}</div>`;
  const located = result.hits.flatMap((hit) => (hit.point.geocode ? [hit.point.geocode] : []));
  const center = outcome.origin ?? located[0] ?? { lat: 56, lon: -96 };
  const map = mapElement(ctx, {
    pointsQuery: mapPointsQuery(form, outcome),
    center,
    zoom: outcome.origin || located.length > 0 ? 9 : 3,
    bounds: boundsAround([...(outcome.origin ? [outcome.origin] : []), ...located]),
    labelKey: 'map.label',
  });
  return html`<div class="results-layout results-layout--with-map">
<section class="results" aria-labelledby="results-heading">
${list}
</section>
<div class="results-map">${map}</div>
</div>`;
}

function noResults(ctx: PageContext, form: SearchForm): SafeHtml {
  const { lang } = ctx;
  return html`<div class="no-results">
<p>${t(lang, 'results.help')}</p>
${hasFilters(form) ? html`<p>${t(lang, 'results.helpFilters')} <a href="${pagePath(ctx, lang, `/search?${queryStringOf(form, { page: 1, withoutFilters: true })}`)}">${t(lang, 'results.removeFilters')}</a></p>` : ''}
</div>`;
}

/** Previous/next and a window of page numbers around the current one; the current is `aria-current`. */
function paging(ctx: PageContext, form: SearchForm, { page, pages }: SearchOutcome): SafeHtml | '' {
  if (pages <= 1) return '';
  const { lang } = ctx;
  const href = (n: number): string => pagePath(ctx, lang, `/search?${queryStringOf(form, { page: n })}`);
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const numbers: SafeHtml[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) numbers.push(html`<li class="paging__gap" aria-hidden="true">…</li>`);
    numbers.push(
      html`<li><a href="${href(n)}"${n === page ? html` aria-current="page"` : ''}><span class="visually-hidden">${t(lang, 'paging.page', { page: n })}</span><span aria-hidden="true">${n}</span></a></li>`,
    );
  });
  return html`<nav class="paging" aria-label="${t(lang, 'paging.label')}">
<p class="paging__status">${t(lang, 'paging.status', { page, pages })}</p>
<ul>
${page > 1 ? html`<li class="paging__step"><a href="${href(page - 1)}" rel="prev">${t(lang, 'paging.previous')}</a></li>` : ''}
${numbers}
${page < pages ? html`<li class="paging__step"><a href="${href(page + 1)}" rel="next">${t(lang, 'paging.next')}</a></li>` : ''}
</ul>
</nav>`;
}
