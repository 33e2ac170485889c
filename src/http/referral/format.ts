import type { Lang } from '../../domain/bilingual-text.js';
import { pickText } from '../../domain/bilingual-text.js';
import { isApproximate } from '../../domain/geocode.js';
import { PROVINCES } from '../../domain/province.js';
import type { ProvinceCode } from '../../domain/province.js';
import type { NearestHit } from '../../store/store.js';
import type { ReferralLocation } from '../../referral/referral-location.js';
import { rt } from './messages.js';

const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-CA', fr: 'fr-CA' };

/**
 * A distance as people say it: metres under 1 km, km with one decimal under 100 km, whole km
 * beyond.
 * @example distanceText(74_056, 'fr') // '74,1 km'
 */
export function distanceText(metres: number, lang: Lang): string {
  if (metres < 1000) return `${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(Math.round(metres / 10) * 10)} m`;
  const km = metres / 1000;
  const digits = km < 100 ? 1 : 0;
  return `${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(km)} km`;
}

/** "about 974 m away" when the caller's origin or the point is approximate, else "974 m away". */
export function hitDistanceText(hit: NearestHit, location: ReferralLocation, lang: Lang): string {
  const approximate =
    location.precision === 'province' ||
    isApproximate(location.precision) ||
    hit.point.geocode === null ||
    isApproximate(hit.point.geocode.precision);
  return rt(lang, approximate ? 'card.distanceApprox' : 'card.distance', { distance: distanceText(hit.distanceMetres, lang) });
}

/**
 * An ISO date (YYYY-MM-DD) written out in the language, read as a calendar date (no time zone shift).
 * @example dateText('2019-12-01', 'en') // 'December 1, 2019'
 */
export function dateText(iso: string, lang: Lang): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function provinceName(code: ProvinceCode, lang: Lang): string {
  return PROVINCES[code].name[lang];
}

/** A point's name in the language (else the other), with the language it is in. */
export function pointName(hit: NearestHit, lang: Lang): { text: string; lang: Lang } {
  return pickText(hit.point.name, lang) ?? { text: hit.point.id, lang };
}
