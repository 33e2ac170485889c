import { pickText } from '../../domain/bilingual-text.js';
import type { BilingualText, Lang } from '../../domain/bilingual-text.js';
import { describeOpenStatus } from '../../domain/open-status.js';
import type { OpenStatus } from '../../domain/open-status.js';
import type { Phone } from '../../domain/phone.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { serviceTypeById } from '../../domain/service-type.js';
import { languageName } from '../i18n/locale-format.js';
import { t } from '../i18n/messages.js';
import type { MessageKey } from '../i18n/messages.js';
import { html, isSafeHref } from './html.js';
import type { SafeHtml } from './html.js';

// Renderers of the fields of one service point, shared by the results list and the detail page.

/** A text in the page language if it exists, else in the other one, marked with its own `lang`. */
export function textIn(text: BilingualText | undefined, lang: Lang): { text: string; lang: Lang } | null {
  return text ? pickText(text, lang) : null;
}

/** The point's name in the page language, else the other one; its id when it has none. */
export function nameOf(point: ServicePoint, lang: Lang): { text: string; lang: Lang } {
  return pickText(point.name, lang) ?? { text: point.id, lang };
}

/** ` lang="fr"` when `textLang` differs from the page (WCAG 3.1.2), else nothing. */
export function langAttribute(textLang: Lang, pageLang: Lang): SafeHtml | '' {
  return textLang === pageLang ? '' : html` lang="${textLang}"`;
}

/** Text that may be in the other language, wrapped in a `<span lang>` when it is. */
export function textWithLang(text: { text: string; lang: Lang }, pageLang: Lang): SafeHtml {
  return text.lang === pageLang ? html`${text.text}` : html`<span lang="${text.lang}">${text.text}</span>`;
}

/**
 * The address on one line, as Canada Post writes it: "920 Alder Street, Campbell River, BC V9W 2P8".
 * Empty when the source gives no part of it.
 */
export function addressLine(point: ServicePoint): string {
  const { street, city, province, postalCode } = point.address;
  const locality = [city, [province, postalCode].filter(Boolean).join('\u00a0\u00a0')]
    .filter(Boolean)
    .join(', ');
  return [street, locality].filter(Boolean).join(', ');
}

/** A phone number as a `tel:` link (E.164, extension per RFC 3966) with its printed form. */
export function phoneLink(phone: Phone, lang: Lang): SafeHtml {
  const href = `tel:${phone.e164}${phone.extension ? `;ext=${phone.extension}` : ''}`;
  const extension = phone.extension
    ? html` ${t(lang, 'phone.extension', { extension: phone.extension })}`
    : '';
  return html`<a href="${href}" class="nowrap">${phone.display}</a>${extension}`;
}

/** The label of a phone by what it is for: "Phone", "Toll-free", "TTY", "Fax". */
export function phoneKindLabel(phone: Phone, lang: Lang): string {
  return t(lang, `phone.${phone.kind}`);
}

/** The host of a website, without "www.", as its link text: "workbc.ca". */
export function websiteLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A website link, or nothing when the URL is not http(s). */
export function websiteLink(url: string | undefined): SafeHtml | null {
  if (!url || !/^https?:\/\//i.test(url) || !isSafeHref(url)) return null;
  return html`<a href="${url}" class="break">${websiteLabel(url)}</a>`;
}

/** Languages served, by name in the page language: "English, Inuktitut" / "anglais, inuktitut". */
export function languagesText(codes: readonly string[], lang: Lang): string {
  return codes.map((code) => languageName(code, lang)).join(', ');
}

/** Names of the point's service types in the page language. */
export function serviceTypeNames(point: ServicePoint, lang: Lang): string[] {
  return point.serviceTypes.flatMap((id) => {
    const type = serviceTypeById(id);
    return type ? [type.name[lang]] : [];
  });
}

/**
 * The visible note on a point whose position is an estimate or unknown; null when the point
 * is placed at its building, street or postal code.
 */
export function precisionNote(point: ServicePoint, lang: Lang): string | null {
  const precision = point.geocode?.precision ?? 'none';
  switch (precision) {
    case 'fsa': {
      const fsa =
        point.address.postalCode?.slice(0, 3) ?? /\b([A-Z]\d[A-Z])\b/.exec(point.geocode?.label ?? '')?.[1];
      return fsa ? t(lang, 'precision.fsa', { fsa }) : t(lang, 'precision.fsaUnnamed');
    }
    case 'community':
    case 'csd':
    case 'none':
      return t(lang, `precision.${precision}`);
    default:
      return null;
  }
}

/** "Open now · closes at 4:30 p.m.", "Hours unknown"…, with a class per state for the style. */
export function openStatusLine(status: OpenStatus, lang: Lang): SafeHtml {
  return html`<p class="status status--${status.state}">${describeOpenStatus(status, lang)}</p>`;
}

/** The message key of an order of government: short ("Federal") or long ("Federal government"). */
export function levelKey(level: ServicePoint['jurisdictionLevel'], form: 'short' | 'long'): MessageKey {
  return form === 'short' ? `level.${level}` : `levelLong.${level}`;
}
