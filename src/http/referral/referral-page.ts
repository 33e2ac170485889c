import type { Lang } from '../../domain/bilingual-text.js';
import type { PartnershipCatalogue } from '../../referral/partnerships.js';
import { CALLED_LINES } from '../../referral/refer.js';
import type { Referral } from '../../referral/refer.js';
import type { ReferralLocation } from '../../referral/referral-location.js';
import { html } from '../pages/html.js';
import type { SafeHtml } from '../pages/html.js';
import { pagePath } from '../pages/page-context.js';
import type { PageContext } from '../pages/page-context.js';
import { dateText, provinceName } from './format.js';
import { rt } from './messages.js';
import type { ReferralMessageKey } from './messages.js';
import { serviceCard } from './referral-card.js';
import { wrongDoorMessage } from './referral-json.js';
import { pageQueryString } from './referral-params.js';
import type { ReferralPageQuery } from './referral-params.js';
import { referralSummaryText } from './summary-text.js';

/** What the form reports next to a field. */
export interface FormProblem {
  field: 'q' | 'where';
  message: string;
}

export interface ReferralPageView {
  query: ReferralPageQuery;
  referral: Referral | null;
  problem: FormProblem | null;
  partnerships: PartnershipCatalogue;
  catalogue: { version: string; updated: string };
}

/**
 * The main content of /{lang}/referral: the GET form (need, location, line reached) and,
 * when a need was given, the answer: one card per service, wrong-door hints, a plain-text
 * summary to copy and a link to the printable slip. Works without JavaScript.
 */
export function referralMain(ctx: PageContext, view: ReferralPageView): SafeHtml {
  const { lang } = ctx;
  const { referral } = view;
  return html`<h1>${rt(lang, 'referral.title')}</h1>
<p>${rt(lang, 'referral.intro')}</p>
${referral ? html`<p><a class="referral-skip" href="#answer-heading">${rt(lang, 'referral.skipToAnswer')}</a></p>` : ''}
${view.problem ? errorSummary(lang, view.problem) : ''}
${referralForm(ctx, view.query, view.problem)}
${referral ? answerSection(ctx, referral, view) : ''}`;
}

function errorSummary(lang: Lang, problem: FormProblem): SafeHtml {
  return html`<div class="referral-error" role="alert" aria-labelledby="error-heading">
<h2 id="error-heading">${rt(lang, 'form.errorHeading')}</h2>
<p><a href="${`#${problem.field}`}">${problem.message}</a></p>
</div>`;
}

function referralForm(ctx: PageContext, query: ReferralPageQuery, problem: FormProblem | null): SafeHtml {
  const { lang } = ctx;
  const invalid = (field: FormProblem['field']): SafeHtml | '' => (problem?.field === field ? html` aria-invalid="true"` : '');
  // The error, when there is one, is read before the hint.
  const describedBy = (field: FormProblem['field'], ids: string): string => (problem?.field === field ? `${field}-error ${ids}` : ids);
  const errorFor = (field: FormProblem['field']): SafeHtml | '' =>
    problem?.field === field ? html`<p class="referral-field-error" id="${`${field}-error`}">${problem.message}</p>` : '';
  return html`<form class="referral-form" method="get" action="${pagePath(ctx, lang, '/referral')}" role="search" aria-labelledby="form-heading">
<h2 id="form-heading">${rt(lang, 'form.heading')}</h2>
<p class="referral-hint" id="shortcut-hint"><kbd>/</kbd> ${rt(lang, 'referral.shortcut')}</p>
<div class="referral-field">
<label for="q">${rt(lang, 'form.q.label')}</label>
<p class="referral-hint" id="q-hint">${rt(lang, 'form.q.hint')}</p>
${errorFor('q')}
<input id="q" name="q" type="search" value="${query.q}" maxlength="200" autocomplete="off" spellcheck="false" aria-describedby="${describedBy('q', 'q-hint shortcut-hint')}" aria-keyshortcuts="/"${invalid('q')}>
</div>
<div class="referral-field">
<label for="where">${rt(lang, 'form.where.label')}</label>
<p class="referral-hint" id="where-hint">${rt(lang, 'form.where.hint')}</p>
${errorFor('where')}
<input id="where" name="where" type="text" value="${query.where}" maxlength="100" autocomplete="off" aria-describedby="${describedBy('where', 'where-hint')}"${invalid('where')}>
</div>
<div class="referral-field">
<label for="called">${rt(lang, 'form.called.label')}</label>
<select id="called" name="called">
<option value=""${query.called === null ? html` selected` : ''}>${rt(lang, 'form.called.none')}</option>
${CALLED_LINES.map((line) => html`<option value="${line}"${query.called === line ? html` selected` : ''}>${rt(lang, `form.called.${line}` as ReferralMessageKey)}</option>`)}
</select>
</div>
<button type="submit" class="referral-button">${rt(lang, 'form.submit')}</button>
</form>`;
}

function answerSection(ctx: PageContext, referral: Referral, view: ReferralPageView): SafeHtml {
  const { lang } = ctx;
  const { match } = referral;
  const partnershipName = (id: string): string | null => view.partnerships.partnerships.find((p) => p.id === id)?.name[lang] ?? null;
  if (referral.services.length === 0) return noMatchSection(ctx, referral, view.query);
  return html`<section class="referral-answer" aria-labelledby="answer-heading">
<h2 id="answer-heading" tabindex="-1">${rt(lang, 'answer.heading', { q: referral.query })}</h2>
<p>${locationLine(lang, referral.location)}</p>
${match.lifeEvents.map(({ lifeEvent }) => html`<p class="referral-life-event">${rt(lang, 'answer.lifeEvent', { name: lifeEvent.name[lang] })} ${lifeEvent.description[lang]}</p>`)}
${match.lifeEvents.length > 0 ? html`<p>${rt(lang, 'answer.order')}</p>` : ''}
${wrongDoorSection(lang, referral)}
<ol class="referral-cards">
${referral.services.map((item) => serviceCard(ctx, item, referral.location, item.body?.partnership ? partnershipName(item.body.partnership) : null))}
</ol>
${match.suggestions.length > 0 ? suggestionList(ctx, 'answer.seeAlso', match.suggestions, view.query, 'see-also') : ''}
${summarySection(ctx, referral, view.query)}
<p class="referral-hint">${rt(lang, 'answer.catalogue', { version: view.catalogue.version, updated: dateText(view.catalogue.updated, lang) })}</p>
</section>`;
}

function locationLine(lang: Lang, location: ReferralLocation | null): string {
  if (!location) return rt(lang, 'answer.noLocation');
  if (!location.province) {
    return rt(lang, 'answer.locationNoProvince', { label: location.label, provinces: location.provinces.map((p) => provinceName(p, lang)).join(' / ') });
  }
  return rt(lang, 'answer.location', { label: location.label, province: provinceName(location.province, lang) });
}

function wrongDoorSection(lang: Lang, referral: Referral): SafeHtml | '' {
  const line = referral.calledLine;
  if (!line) return '';
  const lineName = rt(lang, `line.${line}`);
  return html`<div class="referral-wrong-door" role="note" aria-labelledby="wrong-door-heading">
<h3 id="wrong-door-heading">${rt(lang, 'wrongDoor.heading')}</h3>
${referral.wrongDoor.length === 0
  ? html`<p>${rt(lang, 'wrongDoor.none', { line: lineName })}</p>`
  : html`<p>${rt(lang, 'wrongDoor.intro', { line: lineName })}</p>
<ul>
${referral.wrongDoor.map((hint) => html`<li><a href="${`#service-${hint.service.id}`}">${wrongDoorMessage(hint, lang)}</a></li>`)}
</ul>`}
</div>`;
}

function noMatchSection(ctx: PageContext, referral: Referral, query: ReferralPageQuery): SafeHtml {
  const { lang } = ctx;
  return html`<section class="referral-answer" aria-labelledby="answer-heading">
<h2 id="answer-heading" tabindex="-1">${rt(lang, 'noMatch.heading', { q: referral.query })}</h2>
<p>${rt(lang, 'noMatch.text')}</p>
${suggestionList(ctx, null, referral.match.suggestions, query, 'suggestions')}
</section>`;
}

function suggestionList(
  ctx: PageContext,
  headingKey: ReferralMessageKey | null,
  suggestions: Referral['match']['suggestions'],
  query: ReferralPageQuery,
  id: string,
): SafeHtml {
  const { lang } = ctx;
  const href = (name: string): string => pagePath(ctx, lang, `/referral?${pageQueryString({ ...query, q: name })}`);
  return html`${headingKey ? html`<h3 id="${id}">${rt(lang, headingKey)}</h3>` : ''}
<ul class="referral-suggestions"${headingKey ? html` aria-labelledby="${id}"` : ''}>
${suggestions.map((s) => html`<li><a href="${href(s.name[lang])}">${s.name[lang]}</a></li>`)}
</ul>`;
}

function summarySection(ctx: PageContext, referral: Referral, query: ReferralPageQuery): SafeHtml {
  const { lang } = ctx;
  const text = referralSummaryText(referral, lang);
  const rows = Math.min(24, text.split('\n').length + 1);
  return html`<section class="referral-summary" aria-labelledby="summary-heading">
<h3 id="summary-heading">${rt(lang, 'summary.heading')}</h3>
<label for="summary-text">${rt(lang, 'summary.label')}</label>
<textarea id="summary-text" class="referral-summary__text" readonly rows="${rows}" spellcheck="false">${text}</textarea>
<p class="referral-actions">
<button type="button" class="referral-button" data-copy-target="summary-text" data-status-target="copy-status" hidden>${rt(lang, 'summary.copy')}</button>
<a class="referral-slip-link" href="${pagePath(ctx, lang, `/referral/slip?${pageQueryString(query)}`)}">${rt(lang, 'slip.link')}</a>
</p>
<p id="copy-status" class="referral-copy-status" role="status" data-copied="${rt(lang, 'summary.copied')}" data-failed="${rt(lang, 'summary.copyFailed')}"></p>
</section>`;
}
