import type { Lang } from '../../domain/bilingual-text.js';

const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-CA', fr: 'fr-CA' };
const NBSP = '\u00a0';

// Intl objects are costly to build; these are made once for the life of the process.
const ONE_DECIMAL: Readonly<Record<Lang, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en-CA', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  fr: new Intl.NumberFormat('fr-CA', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};
const WHOLE: Readonly<Record<Lang, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en-CA', { maximumFractionDigits: 0 }),
  fr: new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 0 }),
};
const LANGUAGE_NAMES: Readonly<Record<Lang, Intl.DisplayNames>> = {
  en: new Intl.DisplayNames('en-CA', { type: 'language' }),
  fr: new Intl.DisplayNames('fr-CA', { type: 'language' }),
};
const DATES: Readonly<Record<Lang, Intl.DateTimeFormat>> = {
  en: new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeZone: 'UTC' }),
};

/**
 * A distance in kilometres as each language writes it, with a non-breaking space before the
 * unit: one decimal under 10 km, whole kilometres beyond.
 * @example formatDistance(3210, 'fr') // '3,2 km' (with U+00A0)
 * @example formatDistance(1234567, 'en') // '1,235 km'
 */
export function formatDistance(metres: number, lang: Lang): string {
  const km = metres / 1000;
  const number = km < 10 ? ONE_DECIMAL[lang].format(km) : WHOLE[lang].format(km);
  return `${number}${NBSP}km`;
}

/**
 * A calendar date (`YYYY-MM-DD` or an ISO timestamp, read in UTC) in long form; French
 * writes the first of the month "1er". Returns the input unchanged when it is not a date.
 * @example formatDate('2021-01-01', 'fr') // '1er janvier 2021'
 */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = DATES[lang].format(date);
  return lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/**
 * The name of a language from its ISO 639 code, in the page language ("Inuktitut",
 * "anglais"); the code itself when Intl does not know it.
 */
export function languageName(code: string, lang: Lang): string {
  try {
    return LANGUAGE_NAMES[lang].of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The generic name of an IANA time zone in the page language ("Pacific Time",
 * "heure du Pacifique"); the IANA id when Intl does not know the zone.
 */
export function timeZoneName(timeZone: string, lang: Lang): string {
  try {
    const parts = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone,
      timeZoneName: 'longGeneric',
    }).formatToParts(new Date());
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** Degrees with 5 decimals (about 1 m), in the language's number format. */
export function formatDegrees(degrees: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 5, maximumFractionDigits: 5 }).format(
    degrees,
  );
}
