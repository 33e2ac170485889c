import { cleanText, foldText } from './text.js';

/** What a number is for; `tty` is a teletypewriter line for Deaf and hard-of-hearing callers (ATS). */
export type PhoneKind = 'voice' | 'fax' | 'toll_free' | 'tty';

/** A North American (NANP) phone number. */
export interface Phone {
  /** E.164 form, e.g. "+12502863441". */
  e164: string;
  /** As printed in Canada: "250-286-3441"; toll-free numbers with their "1-": "1-800-622-6232". */
  display: string;
  /** Extension digits only, e.g. "204". */
  extension?: string;
  kind: PhoneKind;
}

const TOLL_FREE_AREA_CODES: ReadonlySet<string> = new Set(['800', '833', '844', '855', '866', '877', '888']);

// "ext. 204", "ext 204", "extension 204", "x204", "poste 204" (French), "#204".
const EXTENSION_MARK = String.raw`(?:ext(?:ension|n)?\.?|x|poste|#)\s*[:.]?\s*(\d{1,6})`;
const WITH_EXTENSION = new RegExp(String.raw`^(.*?)[\s,]*${EXTENSION_MARK}$`, 'i');
const EXTENSION_ONLY = new RegExp(`^${EXTENSION_MARK}$`, 'i');
// Digits and the punctuation people put between them; "+" only in front.
const NUMBER_CHARS = /^\+?[\d\s().-]+$/;
// NANP: area code and exchange are NXX (N = 2–9). Area codes are never N11 (211, 411, 911 are
// service codes); exchanges may be, in toll-free numbers (Nova Scotia Works: 1-866-711-0411).
const NANP = /^([2-9]\d\d)([2-9]\d\d)(\d{4})$/;

/**
 * A North American number, with its extension; null when it is not a valid NANP number.
 * Toll-free area codes give kind `toll_free` unless `kind` says otherwise; letters (vanity
 * numbers such as "1-800-O-Canada") and labels ("Tel:") are not read: see parsePhones.
 * @example parsePhone('(250) 286-3441 ext. 204') // { e164: '+12502863441', display: '250-286-3441', extension: '204', kind: 'voice' }
 */
export function parsePhone(input: string, kind?: PhoneKind): Phone | null {
  const text = cleanText(input);
  const withExtension = WITH_EXTENSION.exec(text);
  const main = withExtension ? withExtension[1] : text;
  if (!NUMBER_CHARS.test(main)) return null;
  let digits = main.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  else if (main.startsWith('+') || digits.length !== 10) return null;
  const parts = NANP.exec(digits);
  if (!parts) return null;
  const [, area, exchange, line] = parts;
  if (area.endsWith('11')) return null;
  const tollFree = TOLL_FREE_AREA_CODES.has(area);
  const phone: Phone = {
    e164: `+1${digits}`,
    display: `${tollFree ? '1-' : ''}${area}-${exchange}-${line}`,
    kind: kind ?? (tollFree ? 'toll_free' : 'voice'),
  };
  if (withExtension) phone.extension = withExtension[2];
  return phone;
}

// Labels in both languages. `voice` labels ("Tel:") leave the kind to the number itself, so a
// toll-free number labelled "Tél." is still toll_free.
const LABELS: readonly (readonly [PhoneKind, string])[] = [
  ['toll_free', String.raw`toll[\s-]?free|(?:ligne\s+|num[ée]ro\s+)?sans[\s-]+frais`],
  ['tty', 'tty|ats|atme|tdd'],
  ['fax', String.raw`fax|t[ée]l[ée]copieur|t[ée]l[ée]c`],
  ['voice', String.raw`t[ée]l[ée]phone|phone|t[ée]l|ph|cell(?:ulaire)?|voice`],
];
const LABEL = `(?:${LABELS.map(([, pattern]) => pattern).join('|')})(?![\\p{L}\\p{N}])\\.?`;
// One label or several naming the same line ("TTY/ATS", "Fax/Téléc."), then maybe ":" or a dash.
const LABEL_GROUP = String.raw`(?<![\p{L}\p{N}])${LABEL}(?:\s*/\s*${LABEL})*(?:\s*[:–-])?`;
// A note in parentheses that has letters, e.g. "(Toll Free)", "(call for office hours)".
const NOTE = String.raw`\(([^()]*\p{L}[^()]*)\)`;
const NOTE_OR_LABEL = new RegExp(`${NOTE}|(${LABEL_GROUP})`, 'giu');
const NOTES = new RegExp(NOTE, 'gu');
const FIRST_LABEL = new RegExp(LABEL_GROUP, 'iu');
// Which kind a matched label group names: that of its first label.
const LABEL_KINDS = LABELS.map(
  ([kind, pattern]) => [kind, new RegExp(`^(?:${pattern})(?![\\p{L}\\p{N}])`, 'iu')] as const,
);
const SEPARATOR_OR_PARENS = /\([^()]*\)|\s*[;,/|]\s*|\s+(?:or|ou|and|et)\s+/giu;
const EDGE_PUNCTUATION = /^[\s:;,–-]+|[\s:;,–-]+$/g;
// What sources write for "no number": n/a, s.o. (sans objet), n.d. (non disponible), TBA…
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '',
  'na',
  'n a',
  'so',
  's o',
  's o n a',
  'n a s o',
  'nd',
  'n d',
  'tba',
  'tbd',
  'none',
  'aucun',
  'aucune',
  'sans objet',
  'non disponible',
  'not available',
]);

interface Piece {
  text: string;
  /** undefined: decided by the number (toll-free or voice). */
  kind: PhoneKind | undefined;
}

/**
 * Every number in a field that may hold several, split on ";", ",", "/", "or"/"ou" and on
 * labels ("Tel:", "Fax:", "TTY/ATS:", "Sans frais :", "Téléc."), which set the kind of the
 * numbers after them; a label in parentheses after a number, "(Toll Free)", sets that
 * number's kind. Pieces that are not valid numbers are returned in `invalid`, as written.
 * @example parsePhones('Tel: 250-286-3441; Fax: 250-286-3447').phones.map((p) => p.kind) // ['voice', 'fax']
 */
export function parsePhones(input: string, kind?: PhoneKind): { phones: Phone[]; invalid: string[] } {
  const phones: Phone[] = [];
  const invalid: string[] = [];
  for (const piece of piecesOf(cleanText(input).normalize('NFC'), kind)) {
    const phone = parsePhone(piece.text, piece.kind);
    if (phone) phones.push(phone);
    else invalid.push(piece.text);
  }
  return { phones, invalid };
}

function piecesOf(text: string, defaultKind: PhoneKind | undefined): Piece[] {
  const pieces: Piece[] = [];
  let kind = defaultKind;
  let start = 0;
  for (const match of text.matchAll(NOTE_OR_LABEL)) {
    // A note stays in its piece: labels inside it apply to that piece only.
    if (match[1] !== undefined) continue;
    pieces.push(...segmentPieces(text.slice(start, match.index), kind));
    start = match.index + match[0].length;
    const labelKind = kindOfLabel(match[0]);
    // A bare label at the very end ("1-800-926-9105 TTY") names the number before it.
    const atEnd = !/[\p{L}\p{N}]/u.test(text.slice(start));
    const last = pieces.at(-1);
    if (atEnd && !match[0].includes(':') && last) last.kind = labelKind;
    else kind = labelKind;
  }
  pieces.push(...segmentPieces(text.slice(start), kind));
  return pieces;
}

/** The text between two labels, split into one piece per number. */
function segmentPieces(segment: string, kind: PhoneKind | undefined): Piece[] {
  if (isPlaceholder(segment)) return [];
  const pieces: Piece[] = [];
  for (const part of splitOutsideParens(segment)) {
    const previous = pieces.at(-1);
    // "416-480-6100, ext. 62624": the extension belongs to the number before the comma.
    if (previous && EXTENSION_ONLY.test(part)) {
      previous.text = `${previous.text} ${part}`;
      continue;
    }
    const piece = pieceFrom(part, kind);
    if (piece) pieces.push(piece);
  }
  return pieces;
}

function pieceFrom(part: string, kind: PhoneKind | undefined): Piece | null {
  let pieceKind = kind;
  const text = part
    .replace(NOTES, (_note: string, inside: string) => {
      if (EXTENSION_ONLY.test(inside.trim())) return ` ${inside.trim()}`;
      const label = FIRST_LABEL.exec(inside);
      if (label) pieceKind = kindOfLabel(label[0]);
      return ' ';
    })
    .replace(EDGE_PUNCTUATION, '')
    .replace(/ {2,}/g, ' ');
  return isPlaceholder(text) ? null : { text, kind: pieceKind };
}

function splitOutsideParens(segment: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of segment.matchAll(SEPARATOR_OR_PARENS)) {
    if (match[0].startsWith('(')) continue;
    parts.push(segment.slice(start, match.index));
    start = match.index + match[0].length;
  }
  parts.push(segment.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function kindOfLabel(label: string): PhoneKind | undefined {
  const found = LABEL_KINDS.find(([, pattern]) => pattern.test(label));
  return found && found[0] !== 'voice' ? found[0] : undefined;
}

function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(foldText(text));
}
