import type { Lang } from '../../domain/bilingual-text.js';

/** True for the two page languages, `en` and `fr`. */
export function isLang(value: string): value is Lang {
  return value === 'en' || value === 'fr';
}

/**
 * The page language for an `Accept-Language` header: French when the user prefers French to
 * English (higher quality, or listed first at equal quality, or English not listed at all),
 * else English. Regional variants count for their language (`fr-CA`, `en-GB`).
 * @example langFromAcceptLanguage('fr-CA,fr;q=0.9,en;q=0.8') // 'fr'
 * @example langFromAcceptLanguage('de-DE,de;q=0.9') // 'en'
 */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'en';
  const best: Record<Lang, { quality: number; position: number }> = {
    en: { quality: 0, position: Number.POSITIVE_INFINITY },
    fr: { quality: 0, position: Number.POSITIVE_INFINITY },
  };
  // Bounded: a header is a few entries; anything past 50 is noise or an attack.
  header
    .split(',')
    .slice(0, 50)
    .forEach((entry, position) => {
      const [range = '', ...parameters] = entry.trim().split(';');
      const primary = range.trim().toLowerCase().split('-')[0] ?? '';
      if (!isLang(primary)) return;
      const quality = qualityOf(parameters);
      const current = best[primary];
      if (quality > current.quality || (quality === current.quality && position < current.position)) {
        best[primary] = { quality, position };
      }
    });
  const { en, fr } = best;
  if (fr.quality === 0) return 'en';
  return fr.quality > en.quality || (fr.quality === en.quality && fr.position < en.position) ? 'fr' : 'en';
}

function qualityOf(parameters: string[]): number {
  for (const parameter of parameters) {
    const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(parameter);
    if (match) return Number(match[1]);
  }
  return 1;
}
