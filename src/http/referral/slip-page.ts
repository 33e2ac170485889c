import type { Lang } from '../../domain/bilingual-text.js';
import { LANGS } from '../../domain/bilingual-text.js';
import type { Referral } from '../../referral/refer.js';
import { html } from '../pages/html.js';
import type { SafeHtml } from '../pages/html.js';
import type { PageContext } from '../pages/page-context.js';
import { pagePath } from '../pages/page-context.js';
import { dateText, hitDistanceText, pointName, provinceName } from './format.js';
import { rt } from './messages.js';
import type { ReferralMessageKey } from './messages.js';
import { phoneLink, webLink } from './referral-card.js';
import { pageQueryString } from './referral-params.js';
import type { ReferralPageQuery } from './referral-params.js';

/**
 * The main content of /{lang}/referral/slip: the referral for the caller in both official
 * languages, side by side on screen and one after the other on paper (public/css/referral.css
 * has the print rules), the page's language first. Each half carries its own `lang`.
 */
export function slipMain(ctx: PageContext, referral: Referral | null, query: ReferralPageQuery, today: string): SafeHtml {
  const { lang } = ctx;
  const order: Lang[] = [lang, ...LANGS.filter((l) => l !== lang)];
  const back = pagePath(ctx, lang, `/referral?${pageQueryString(query)}`);
  return html`<div class="referral-slip-actions">
<p>${rt(lang, 'slip.printHint')}</p>
<p><button type="button" class="referral-button" data-print hidden>${rt(lang, 'slip.print')}</button> <a href="${back}">${rt(lang, 'slip.back')}</a></p>
</div>
<h1 class="referral-slip-title">${rt(lang, 'slip.title')} / <span lang="${order[1]!}">${rt(order[1]!, 'slip.title')}</span></h1>
${referral && referral.services.length > 0
  ? html`<div class="referral-slip">${order.map((l) => slipHalf(ctx, referral, l, today))}</div>`
  : html`<p>${rt(lang, 'slip.empty')}</p>`}`;
}

function slipHalf(ctx: PageContext, referral: Referral, lang: Lang, today: string): SafeHtml {
  const { location } = referral;
  const own = lang === ctx.lang;
  return html`<section class="referral-slip__half"${own ? '' : html` lang="${lang}"`} aria-labelledby="${`slip-${lang}`}">
<h2 id="${`slip-${lang}`}">${rt(lang, 'slip.title')}</h2>
${location ? html`<p>${rt(lang, 'summary.near', { label: location.label, province: location.province ? provinceName(location.province, lang) : location.provinces.map((p) => provinceName(p, lang)).join(' / ') })}</p>` : ''}
<p>${rt(lang, 'slip.intro')}</p>
<ol class="referral-slip__services">
${referral.services.map(({ service, body, level, nearest }) => {
  const first = nearest?.basis === 'body' ? nearest.hits[0] : undefined;
  return html`<li>
<h3>${service.name[lang]}</h3>
<p class="referral-slip__level">${rt(lang, `level.${level}` as ReferralMessageKey)}</p>
${body
  ? html`<p><strong>${body.name[lang]}</strong></p>
<ul class="referral-slip__contacts">
${body.phone ? html`<li>${rt(lang, 'card.phone')}${colon(lang)}${phoneLink(body.phone)}${unverified(body.facts.phone?.status, lang)}</li>` : ''}
${body.url ? html`<li>${rt(lang, 'card.web')}${colon(lang)}${webLink(body.url)}${unverified(body.facts.url?.status, lang)}</li>` : ''}
${first && location ? html`<li>${rt(lang, 'summary.nearest')}${colon(lang)}${pointName(first, lang).text}, ${hitDistanceText(first, location, lang)}</li>` : ''}
</ul>`
  : html`<p>${rt(lang, 'card.noBody')}</p>`}
</li>`;
})}
</ol>
<p class="referral-slip__footer">${rt(lang, 'slip.prepared', { date: dateText(today, lang) })} ${rt(lang, 'summary.footer', { version: referral.catalogueVersion })}</p>
</section>`;
}

function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0: ' : ': ';
}

function unverified(status: string | undefined, lang: Lang): SafeHtml | '' {
  return status && status !== 'verified' ? html` <span class="fact fact--unverified">${rt(lang, 'fact.unverified')}</span>` : '';
}
