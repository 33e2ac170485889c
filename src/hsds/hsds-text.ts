import { pickText, type BilingualText, type Lang } from '../domain/bilingual-text.js';

// HSDS has one string per text field. Repère serves the language asked for (falling back to
// the other when only that one exists) and, as a Canadian-profile extension (the HSDS
// schemas allow additional properties), the other official language in `<field>_en` /
// `<field>_fr` when it is known.

/** The other official language. */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'fr' : 'en';
}

/** The text in `lang`, else in the other language, else "". */
export function textIn(text: BilingualText, lang: Lang): string {
  return pickText(text, lang)?.text ?? '';
}

/**
 * `{ [field]: text in lang, [field_other]: text in the other language }`, each only when known.
 * @example bilingualFields('name', { en: 'Iqaluit Service Canada Centre', fr: 'Centre Service Canada d’Iqaluit' }, 'en')
 * // { name: 'Iqaluit Service Canada Centre', name_fr: 'Centre Service Canada d’Iqaluit' }
 */
export function bilingualFields(field: string, text: BilingualText, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  const shown = pickText(text, lang);
  if (shown) out[field] = shown.text;
  const other = otherLang(lang);
  const otherText = text[other];
  if (otherText) out[`${field}_${other}`] = otherText;
  return out;
}
