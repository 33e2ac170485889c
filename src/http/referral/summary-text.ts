import type { Lang } from '../../domain/bilingual-text.js';
import type { Fact } from '../../referral/catalogue.js';
import type { Referral } from '../../referral/refer.js';
import { hitDistanceText, pointName, provinceName } from './format.js';
import { rt } from './messages.js';
import type { ReferralMessageKey } from './messages.js';
import { wrongDoorMessage } from './referral-json.js';

/** A label's colon: "Phone: " in English, "Téléphone : " (non-breaking space) in French. */
function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0: ' : ': ';
}

function mark(fact: Fact | undefined, lang: Lang): string {
  return fact && fact.status !== 'verified' ? ` (${rt(lang, 'fact.unverified')})` : '';
}

/**
 * The answer as plain text for an agent to paste into a case note or a message: each service
 * with its order of government, who handles it, phone and web (marked when unverified), and
 * the nearest in-person point; then the wrong-door hints.
 * @example referralSummaryText(referral, 'en').split('\n')[0] // 'Referral for “lost wallet”'
 */
export function referralSummaryText(referral: Referral, lang: Lang): string {
  const lines: string[] = [rt(lang, 'summary.title', { q: referral.query })];
  const { location } = referral;
  if (location) {
    const province = location.province ? provinceName(location.province, lang) : location.provinces.map((p) => provinceName(p, lang)).join(' / ');
    lines.push(rt(lang, 'summary.near', { label: location.label, province }));
  }
  lines.push('');
  referral.services.forEach(({ service, body, level, nearest }, index) => {
    lines.push(`${index + 1}. ${service.name[lang]} (${rt(lang, `level.${level}` as ReferralMessageKey)})`);
    if (!body) {
      lines.push(`   ${rt(lang, 'card.noBody')}`);
    } else {
      lines.push(`   ${body.name[lang]}${mark(body.facts.name, lang)}`);
      if (body.phone) lines.push(`   ${rt(lang, 'card.phone')}${colon(lang)}${body.phone}${mark(body.facts.phone, lang)}`);
      if (body.tty) lines.push(`   ${rt(lang, 'card.tty')}${colon(lang)}${body.tty}${mark(body.facts.tty, lang)}`);
      if (body.url) lines.push(`   ${rt(lang, 'card.web')}${colon(lang)}${body.url}${mark(body.facts.url, lang)}`);
    }
    const first = nearest?.basis === 'body' ? nearest.hits[0] : undefined;
    if (first && location) lines.push(`   ${rt(lang, 'summary.nearest')}${colon(lang)}${pointName(first, lang).text}, ${hitDistanceText(first, location, lang)}`);
  });
  if (referral.wrongDoor.length > 0 && referral.calledLine) {
    lines.push('', `${rt(lang, 'wrongDoor.heading')} (${rt(lang, `line.${referral.calledLine}`)})${colon(lang).trimEnd()}`);
    for (const hint of referral.wrongDoor) lines.push(`- ${wrongDoorMessage(hint, lang)}`);
  }
  lines.push('', rt(lang, 'summary.footer', { version: referral.catalogueVersion }));
  return lines.join('\n');
}
