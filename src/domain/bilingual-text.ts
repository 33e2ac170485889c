/** Official languages of Canada; every user-facing string exists in both. */
export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

/**
 * Text in one or both official languages. Open data is often published in one language
 * only: the missing side stays absent (never machine-translated), and pages mark the
 * fallback with its own `lang` attribute (WCAG 3.1.2).
 */
export interface BilingualText {
  en?: string;
  fr?: string;
}

/** The text in `lang`, else the other language, with the language actually used. */
export function pickText(text: BilingualText, lang: Lang): { text: string; lang: Lang } | null {
  const own = text[lang];
  if (own) return { text: own, lang };
  const other: Lang = lang === 'en' ? 'fr' : 'en';
  const fallback = text[other];
  return fallback ? { text: fallback, lang: other } : null;
}

/** Builds a BilingualText, leaving out empty sides (exactOptionalPropertyTypes-safe). */
export function bilingual(en: string | null | undefined, fr?: string | null): BilingualText {
  const out: BilingualText = {};
  if (en && en.trim()) out.en = en.trim();
  if (fr && fr.trim()) out.fr = fr.trim();
  return out;
}
