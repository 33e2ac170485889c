import type { Lang } from '../../domain/bilingual-text.js';
import { parsePhone } from '../../domain/phone.js';
import type { Body, Fact } from '../../referral/catalogue.js';
import type { ReferralLocation } from '../../referral/referral-location.js';
import type { ServiceReferral } from '../../referral/refer.js';
import { html } from '../pages/html.js';
import type { SafeHtml } from '../pages/html.js';
import { locationPath, pagePath } from '../pages/page-context.js';
import type { PageContext } from '../pages/page-context.js';
import { dateText, hitDistanceText, pointName } from './format.js';
import { rt } from './messages.js';
import type { ReferralMessageKey } from './messages.js';

/**
 * The verification mark of a fact: "verified December 1, 2019" or a visible "unverified", with
 * a link to its source. `what` names the fact for screen readers ("phone number of Service Canada").
 */
export function factBadge(fact: Fact | undefined, lang: Lang, what: string): SafeHtml {
  if (!fact) return html``;
  const verified = fact.status === 'verified' && fact.last_verified !== null;
  const label = verified ? rt(lang, 'fact.verified', { date: dateText(fact.last_verified!, lang) }) : rt(lang, 'fact.unverified');
  return html` <span class="fact fact--${verified ? 'verified' : 'unverified'}">${label}</span> <a class="fact__source" href="${fact.source_url}">${rt(lang, 'fact.source')}<span class="referral-vh"> (${what})</span></a>`;
}

/** A phone number as a tel: link (E.164), or as text when it does not parse. */
export function phoneLink(phone: string): SafeHtml {
  const parsed = parsePhone(phone);
  return parsed ? html`<a href="${`tel:${parsed.e164}`}" class="referral-phone">${phone}</a>` : html`${phone}`;
}

/** A web page link showing its address without the scheme. */
export function webLink(url: string): SafeHtml {
  return html`<a href="${url}" class="referral-web">${url.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>`;
}

function row(label: string, value: SafeHtml | string): SafeHtml {
  return html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

/** Who handles a service and how to reach them, as rows of a description list. */
export function bodyRows(body: Body, lang: Lang): SafeHtml {
  const who = body.name[lang];
  const channels = body.channels.map((channel) => rt(lang, `channel.${channel}` as ReferralMessageKey)).join(', ');
  return html`${row(rt(lang, 'card.who'), html`<span class="referral-body">${who}</span>${factBadge(body.facts.name, lang, rt(lang, 'card.who'))}`)}
${body.phone ? row(rt(lang, 'card.phone'), html`${phoneLink(body.phone)}${factBadge(body.facts.phone, lang, `${rt(lang, 'card.phone')}, ${who}`)}`) : ''}
${body.tty ? row(rt(lang, 'card.tty'), html`${phoneLink(body.tty)}${factBadge(body.facts.tty, lang, `${rt(lang, 'card.tty')}, ${who}`)}`) : ''}
${body.url ? row(rt(lang, 'card.web'), html`${webLink(body.url)}${factBadge(body.facts.url, lang, `${rt(lang, 'card.web')}, ${who}`)}`) : ''}
${!body.phone && !body.url ? row(rt(lang, 'card.phone'), rt(lang, 'card.noContact')) : ''}
${row(rt(lang, 'card.channels'), channels)}`;
}

/**
 * One service of the answer as a compact card: heading, order of government, who handles it
 * there with verification marks, notes, partnership, and the nearest in-person points linked
 * to their pages.
 */
export function serviceCard(ctx: PageContext, item: ServiceReferral, location: ReferralLocation | null, partnershipName: string | null): SafeHtml {
  const { lang } = ctx;
  const { service, body, level } = item;
  const id = `service-${service.id}`;
  return html`<li class="referral-card" id="${id}">
<h3 id="${id}-heading">${service.name[lang]}</h3>
<p class="referral-card__level"><span class="tag tag--${level}">${rt(lang, `level.${level}` as ReferralMessageKey)}</span> <span class="referral-card__description">${service.description[lang]}</span></p>
<dl class="referral-facts">
${body ? bodyRows(body, lang) : row(rt(lang, 'card.who'), rt(lang, 'card.noBody'))}
</dl>
${body?.note ? html`<p class="referral-note">${body.note[lang]}</p>` : ''}
${service.note ? html`<p class="referral-note">${service.note[lang]}</p>` : ''}
${body?.partnership && partnershipName ? html`<p class="referral-note"><a href="${pagePath(ctx, lang, `/partnerships#${body.partnership}`)}">${rt(lang, 'card.partnership', { name: partnershipName })}</a></p>` : ''}
${nearestSection(ctx, item, location, `${id}-nearest`)}
</li>`;
}

function nearestSection(ctx: PageContext, item: ServiceReferral, location: ReferralLocation | null, id: string): SafeHtml {
  const { lang } = ctx;
  const heading = html`<h4 id="${id}">${rt(lang, 'card.nearest')}</h4>`;
  const { nearest } = item;
  if (!nearest || !location) return html`${heading}<p>${rt(lang, 'card.nearestNoPoint')}</p>`;
  if (nearest.basis === 'none') return html`${heading}<p>${rt(lang, 'card.nearestNone')}</p>`;
  return html`${heading}
${nearest.basis === 'same_order' ? html`<p>${rt(lang, 'card.nearestSameOrder')}</p>` : ''}
<ol class="referral-points" aria-labelledby="${id}">
${nearest.hits.map((hit) => {
  const name = pointName(hit, lang);
  return html`<li><a href="${locationPath(ctx, lang, hit.point.id)}"${name.lang !== lang ? html` lang="${name.lang}"` : ''}>${name.text}</a> <span class="referral-points__distance">${hitDistanceText(hit, location, lang)}</span></li>`;
})}
</ol>`;
}
