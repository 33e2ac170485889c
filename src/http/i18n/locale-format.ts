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

const PERCENT: Readonly<Record<Lang, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en-CA', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }),
  fr: new Intl.NumberFormat('fr-CA', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }),
};
const TWO_DECIMALS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  fr: new Intl.NumberFormat('fr-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/**
 * A share (0–1) as a percentage with one decimal, as each language writes it.
 * @example formatPercent(0.990869, 'fr') // '99,1 %' (with U+00A0)
 */
export function formatPercent(share: number, lang: Lang): string {
  // Some ICU versions put an ordinary space before % in French: it must not break the line.
  return PERCENT[lang].format(share).replace(/\s%/, `${NBSP}%`);
}

/**
 * A count or measure: whole numbers with group separators, or two decimals when asked
 * (accessibility scores).
 * @example formatNumber(33964496, 'fr') // '33 964 496' (with U+00A0)
 */
export function formatNumber(value: number, lang: Lang, decimals: 0 | 2 = 0): string {
  return (decimals === 2 ? TWO_DECIMALS : WHOLE)[lang].format(value);
}

const COMPACT: Readonly<Record<Lang, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en-CA', { notation: 'compact', maximumFractionDigits: 1 }),
  fr: new Intl.NumberFormat('fr-CA', { notation: 'compact', maximumFractionDigits: 1 }),
};

/**
 * A large number in short form, for chart axes.
 * @example formatCompact(7_500_000, 'fr') // '7,5 M' (with U+00A0)
 */
export function formatCompact(value: number, lang: Lang): string {
  return COMPACT[lang].format(value).replace(/\s/g, NBSP);
}
