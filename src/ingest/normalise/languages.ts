import { foldText } from '../../domain/text.js';

/** Language names and codes seen in Canadian open data, folded, → ISO 639-1/3 code. */
const LANGUAGE_WORDS: Record<string, string> = {
  english: 'en',
  anglais: 'en',
  en: 'en',
  eng: 'en',
  french: 'fr',
  francais: 'fr',
  fr: 'fr',
  fra: 'fr',
  fre: 'fr',
  inuktitut: 'iu',
  iu: 'iu',
  cree: 'cr',
  cri: 'cr',
  ojibwe: 'oj',
  ojibway: 'oj',
  dene: 'chp',
  mikmaq: 'mic',
  micmac: 'mic',
  spanish: 'es',
  espagnol: 'es',
  chinese: 'zh',
  chinois: 'zh',
  punjabi: 'pa',
  pendjabi: 'pa',
};

/**
 * Parses a languages cell ("English and French", "Anglais et français", "EN/FR",
 * "French") into ISO codes in first-seen order; unknown words are ignored.
 * @example parseLanguages('English and French') // ['en', 'fr']
 */
export function parseLanguages(text: string): string[] {
  const out: string[] = [];
  for (const word of foldText(text).split(' ')) {
    const code = LANGUAGE_WORDS[word];
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** Reads a yes/no flag cell ("Y", "Yes", "Oui", "1", "true"). */
export function isYes(text: string): boolean {
  return ['y', 'yes', 'o', 'oui', '1', 'true', 'vrai'].includes(foldText(text));
}
