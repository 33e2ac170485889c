import type { Lang } from '../../domain/bilingual-text.js';
import { isApproximate } from '../../domain/geocode.js';
import type { FinderHit } from '../../search/finder.js';
import { formatDistance } from '../i18n/locale-format.js';
import { t } from '../i18n/messages.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { locationPath } from './page-context.js';
import type { PageContext } from './page-context.js';
import {
  addressLine,
  languagesText,
  langAttribute,
  levelKey,
  nameOf,
  openStatusLine,
  phoneKindLabel,
  phoneLink,
  precisionNote,
  websiteLink,
} from './point-fields.js';

/** "2.1 km away", "About 2.0 km away" for an estimated position, "Distance unknown". */
export function distanceText(hit: Pick<FinderHit, 'point' | 'distanceMetres'>, lang: Lang): string {
  if (hit.distanceMetres === null) return t(lang, 'point.distanceUnknown');
  const distance = formatDistance(hit.distanceMetres, lang);
  const approximate = hit.point.geocode !== null && isApproximate(hit.point.geocode.precision);
  return t(lang, approximate ? 'point.distanceApprox' : 'point.distance', { distance });
}

/**
 * One result of the finder: name (linked to its page, in its own language when it has no
 * name in the page's), distance, order of government, channel, open status, address, phones
 * (fax left for the detail page), website, languages, and a note when the position is an
 * estimate.
 */
export function resultItem(ctx: PageContext, hit: FinderHit, showDistance: boolean): SafeHtml {
  const { lang } = ctx;
  const { point } = hit;
  const name = nameOf(point, lang);
  const address = addressLine(point);
  const phones = point.phones.filter((phone) => phone.kind !== 'fax');
  const website = websiteLink(point.url);
  const note = precisionNote(point, lang);
  return html`<li class="result">
<h3 class="result__name"><a href="${locationPath(ctx, lang, point.id)}"${langAttribute(name.lang, lang)}>${name.text}</a></h3>
<p class="result__facts">${showDistance ? html`<strong class="result__distance">${distanceText(hit, lang)}</strong> ` : ''}<span class="tag tag--${point.jurisdictionLevel}"><span class="visually-hidden">${t(lang, 'point.levelLabel')} </span>${t(lang, levelKey(point.jurisdictionLevel, 'short'))}</span> <span class="result__channel">${t(lang, `channel.${point.channel}`)}</span></p>
${openStatusLine(hit.openStatus, lang)}
<dl class="facts">
${address ? html`<div><dt>${t(lang, 'point.address')}</dt><dd>${address}</dd></div>` : ''}
${phones.map((phone) => html`<div><dt>${phoneKindLabel(phone, lang)}</dt><dd>${phoneLink(phone, lang)}</dd></div>`)}
${website ? html`<div><dt>${t(lang, 'point.website')}</dt><dd>${website}</dd></div>` : ''}
${point.languages.length > 0 ? html`<div><dt>${t(lang, 'point.languages')}</dt><dd>${languagesText(point.languages, lang)}</dd></div>` : ''}
</dl>
${note ? html`<p class="note">${note}</p>` : ''}
</li>`;
}
