import type { ProvinceCode } from './province.js';

// Canada Post never uses D, F, I, O, Q or U (too close to digits or to each other when read
// by machines), and never starts a code with W or Z.
const FIRST_LETTER = '[ABCEGHJKLMNPRSTVXY]';
const OTHER_LETTER = '[ABCEGHJKLMNPRSTVWXYZ]';
const FSA = `${FIRST_LETTER}\\d${OTHER_LETTER}`;
const LDU = `\\d${OTHER_LETTER}\\d`;

const FSA_ONLY = new RegExp(`^${FSA}$`);
// The two halves, split by nothing, spaces (NBSP included) or one hyphen.
const POSTAL_CODE = new RegExp(`^(${FSA})(?:\\s*-?\\s*)(${LDU})$`);
// In free text: not glued to other letters or digits on either side.
const POSTAL_CODE_IN_TEXT = new RegExp(
  `(?<![\\p{L}\\p{N}])(${FSA})(?:\\s{0,2}-?\\s{0,2})(${LDU})(?![\\p{L}\\p{N}])`,
  'iu',
);

/**
 * A postal code in canonical form, `A1A 1A1`; null when it is not a valid Canadian one.
 * @example normalisePostalCode('v9w-2p8') // 'V9W 2P8'
 */
export function normalisePostalCode(input: string): string | null {
  const match = POSTAL_CODE.exec(input.trim().toUpperCase());
  return match ? `${match[1]} ${match[2]}` : null;
}

/**
 * A Forward Sortation Area (the first three characters of a postal code) in upper case;
 * null when it is not a valid one.
 * @example normaliseFsa(' p3e') // 'P3E'
 */
export function normaliseFsa(input: string): string | null {
  const fsa = input.trim().toUpperCase();
  return FSA_ONLY.test(fsa) ? fsa : null;
}

/**
 * The FSA of a canonical postal code (see normalisePostalCode).
 * @example fsaFromPostalCode('V9W 2P8') // 'V9W'
 */
export function fsaFromPostalCode(code: string): string {
  return code.slice(0, 3);
}

/** True for a rural FSA (digit 0, e.g. V0N): one such FSA can cover thousands of km². */
export function isRuralFsa(fsa: string): boolean {
  return fsa.charAt(1) === '0';
}

// Canada Post assigns each first letter to one province, except X, shared by the two
// territories split in 1999.
const PROVINCES_BY_LETTER: Readonly<Record<string, readonly ProvinceCode[]>> = {
  A: ['NL'],
  B: ['NS'],
  C: ['PE'],
  E: ['NB'],
  G: ['QC'],
  H: ['QC'],
  J: ['QC'],
  K: ['ON'],
  L: ['ON'],
  M: ['ON'],
  N: ['ON'],
  P: ['ON'],
  R: ['MB'],
  S: ['SK'],
  T: ['AB'],
  V: ['BC'],
  X: ['NT', 'NU'],
  Y: ['YT'],
};

/**
 * The provinces an FSA (or a postal code) can be in, read from its first letter; empty
 * when the letter starts no Canadian postal code.
 * @example provincesForFsa('X0A') // ['NT', 'NU']
 */
export function provincesForFsa(fsa: string): ProvinceCode[] {
  const letter = fsa.trim().charAt(0).toUpperCase();
  return Object.hasOwn(PROVINCES_BY_LETTER, letter) ? [...PROVINCES_BY_LETTER[letter]] : [];
}

/**
 * The first valid postal code written in free text, in canonical form; null when none is.
 * @example findPostalCodeIn('123 Main St, Sudbury ON P3E 5K2') // 'P3E 5K2'
 */
export function findPostalCodeIn(text: string): string | null {
  const match = POSTAL_CODE_IN_TEXT.exec(text);
  return match ? `${match[1].toUpperCase()} ${match[2].toUpperCase()}` : null;
}
