// Whitespace that some exports leave in cells: tabs and line breaks, NBSP (U+00A0), narrow
// NBSP (U+202F, used before ":" in French typography) and the other Unicode space separators.
const WHITESPACE_RUN = /[\s\u00A0\u202F]+/gu;
// Control characters left once whitespace is folded (NUL, ESC, DEL, C1 controls), plus the
// byte-order mark and zero-width space that Excel and web scrapes leave at the start of cells.
const INVISIBLE = /[\p{Cc}\uFEFF\u200B]/gu;
// Straight, typographic and modifier-letter apostrophes, and the backtick used for one.
const APOSTROPHES = /['’‘ʼ`´]/g;

/**
 * Cell text as people read it: control characters removed, every whitespace run (NBSP,
 * tabs, line breaks included) turned into one space, ends trimmed.
 * @example cleanText('  920\u00A0Alder Street\n') // '920 Alder Street'
 */
export function cleanText(input: string): string {
  return input.replace(WHITESPACE_RUN, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

/**
 * A matching key: accents and case removed, "œ"/"æ" spelled out, "&" read as "and",
 * apostrophes dropped, every other run of non-letters/digits one space. Letters of other
 * scripts (Inuktitut syllabics, Cree) are kept.
 * @example foldText("St. John's") // 'st johns'
 */
export function foldText(input: string): string {
  // Most open-data text is plain ASCII: skip Unicode normalisation for it (same result, ~1.5× faster).
  if (/^[\x20-\x7e]*$/.test(input)) {
    return input
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/['`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return input
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/&/g, ' and ')
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Short and long forms of the words that start place names, both mapped to the long form.
// Only for place names: in a street address "St" is a street.
const PLACE_WORDS: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'],
  ['saint', 'saint'],
  ['ste', 'sainte'],
  ['sainte', 'sainte'],
  ['mt', 'mount'],
  ['mount', 'mount'],
  ['ft', 'fort'],
  ['fort', 'fort'],
]);

/**
 * foldText for place names, with "St"/"Ste"/"Mt"/"Ft" spelled out so the short and long
 * forms of a name give the same key.
 * @example foldPlaceName('St-Jean-sur-Richelieu') // 'saint jean sur richelieu'
 */
export function foldPlaceName(input: string): string {
  const folded = foldText(input);
  if (folded === '') return '';
  return folded
    .split(' ')
    .map((word) => PLACE_WORDS.get(word) ?? word)
    .join(' ');
}
