import type { Lang } from './bilingual-text.js';

/** RFC 5545 two-letter weekday code, as HSDS `byday` and `wkst` use it. */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

/** Monday first, the order of a Canadian week in both languages. */
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** One opening on one day, in the location's local wall-clock time ("HH:MM", "24:00" = midnight at the end of the day). */
export interface OpeningInterval {
  day: Weekday;
  opensAt: string;
  closesAt: string;
}

/** Weekly hours read from published text; `notes` keeps every piece that was not understood, verbatim. */
export interface OpeningHours {
  /** Sorted by day (Monday first) then opening time; never overlapping on one day. */
  intervals: OpeningInterval[];
  /** The text says the place is closed on (statutory or named) holidays; dates are never computed. */
  closedOnHolidays: boolean;
  notes: string[];
}

/** The fields of an HSDS 3.0 `schedule` (schema/schedule.json) that Repère fills. */
export interface HsdsSchedule {
  id: string;
  freq: 'WEEKLY';
  /** Comma-separated RFC 5545 weekdays, e.g. "MO,TU,TH,FR". */
  byday: string;
  /** Local wall-clock "HH:MM", no UTC offset: an offset would be wrong for half the year where DST applies. */
  opens_at: string;
  closes_at: string;
  description: string;
  notes?: string;
}

type Minutes = number;
const DAY_MINUTES = 24 * 60;

/**
 * Weekly opening intervals read from hours text in English or French; pieces it does not
 * understand are kept verbatim in `notes`, and null means nothing at all was understood.
 * @example parseOpeningHours('Monday to Friday 8:30 am to 4:30 pm; Statutory Holidays - Closed')
 * // { intervals: [{ day: 'MO', opensAt: '08:30', closesAt: '16:30' }, …5 days], closedOnHolidays: true, notes: [] }
 */
export function parseOpeningHours(text: string): OpeningHours | null {
  const notes: string[] = [];
  const byDay = new Map<Weekday, Span[]>(WEEKDAYS.map((day) => [day, []]));
  const closedDays = new Set<Weekday>();
  const closures: Closure[] = [];
  let closedOnHolidays = false;
  let understood = false;
  const doc24 = usesTwentyFourHourClock(normalise(text));

  for (const piece of text.split(/[;\n\r|]+/)) {
    const segment = piece.trim();
    if (EMPTY_SEGMENT.test(segment)) continue;
    const parsed = parseSegmentWithAppointment(segment, doc24);
    if (!parsed || conflicts(parsed.result, byDay, closedDays)) {
      notes.push(segment);
      continue;
    }
    understood = true;
    if (parsed.note) notes.push(parsed.note);
    const { result } = parsed;
    for (const { days, spans } of result.open) {
      for (const day of days) byDay.get(day)?.push(...spans);
    }
    for (const day of result.closedDays) closedDays.add(day);
    closures.push(...result.closures);
    closedOnHolidays ||= result.closedOnHolidays;
  }
  if (!understood) return null;

  for (const closure of closures) {
    for (const day of closure.days ?? WEEKDAYS) {
      byDay.set(day, subtract(byDay.get(day) ?? [], closure.span));
    }
  }
  const intervals: OpeningInterval[] = [];
  for (const day of WEEKDAYS) {
    for (const [opens, closes] of merge(byDay.get(day) ?? [])) {
      intervals.push({ day, opensAt: minutesToTime(opens), closesAt: minutesToTime(closes) });
    }
  }
  return { intervals, closedOnHolidays, notes };
}

/**
 * HSDS 3.0 weekly schedules, one per (opening time, closing time) with all the days that share
 * it; ids are `${idPrefix}-1`, `${idPrefix}-2`…, descriptions in English.
 * @example toHsdsSchedules(parseOpeningHours('Mon-Fri 9 am to 5 pm')!, 'loc-7')
 * // [{ id: 'loc-7-1', freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00',
 * //    description: 'Monday, Tuesday, Wednesday, Thursday and Friday, 9 a.m. to 5 p.m.' }]
 */
export function toHsdsSchedules(hours: OpeningHours, idPrefix: string): HsdsSchedule[] {
  const groups = new Map<string, { opensAt: string; closesAt: string; days: Weekday[] }>();
  for (const { day, opensAt, closesAt } of hours.intervals) {
    const key = `${opensAt}-${closesAt}`;
    const group = groups.get(key) ?? { opensAt, closesAt, days: [] };
    if (!group.days.includes(day)) group.days.push(day);
    groups.set(key, group);
  }
  // Location-wide facts go on every schedule: HSDS has no other place for them.
  const noteParts = [...(hours.closedOnHolidays ? ['Closed on holidays'] : []), ...hours.notes];
  const ordered = [...groups.values()].sort(
    (a, b) => WEEKDAYS.indexOf(a.days[0]) - WEEKDAYS.indexOf(b.days[0]) || a.opensAt.localeCompare(b.opensAt),
  );
  return ordered.map(({ opensAt, closesAt, days }, i) => {
    const dayList = joinWords(
      days.map((d) => weekdayName(d, 'en')),
      'and',
    );
    const schedule: HsdsSchedule = {
      id: `${idPrefix}-${i + 1}`,
      freq: 'WEEKLY',
      byday: days.join(','),
      opens_at: opensAt,
      closes_at: closesAt,
      description: `${dayList}, ${formatClockTime(opensAt, 'en')} to ${formatClockTime(closesAt, 'en')}`,
    };
    if (noteParts.length > 0) schedule.notes = noteParts.join('; ');
    return schedule;
  });
}

const WEEKDAY_NAMES: Readonly<Record<Lang, Readonly<Record<Weekday, string>>>> = {
  en: {
    MO: 'Monday',
    TU: 'Tuesday',
    WE: 'Wednesday',
    TH: 'Thursday',
    FR: 'Friday',
    SA: 'Saturday',
    SU: 'Sunday',
  },
  // French weekday names take no capital (OQLF, Bureau de la traduction).
  fr: { MO: 'lundi', TU: 'mardi', WE: 'mercredi', TH: 'jeudi', FR: 'vendredi', SA: 'samedi', SU: 'dimanche' },
};

/**
 * The weekday's name: capitalised in English, lower-case in French.
 * @example weekdayName('MO', 'fr') // 'lundi'
 */
export function weekdayName(day: Weekday, lang: Lang): string {
  return WEEKDAY_NAMES[lang][day];
}

/**
 * A local "HH:MM" time as Canadian style guides write it: English 12-hour with "a.m."/"p.m.",
 * "noon" and "midnight" (Canadian Press); French 24-hour "16 h 30", "8 h" (OQLF).
 * @example formatClockTime('16:30', 'en') // '4:30 p.m.'
 * @example formatClockTime('08:00', 'fr') // '8 h'
 */
export function formatClockTime(time: string, lang: Lang): string {
  const [h, m] = time.split(':').map(Number);
  const mm = String(m).padStart(2, '0');
  if (lang === 'fr') {
    if (h % 24 === 0 && m === 0) return 'minuit';
    return m === 0 ? `${h} h` : `${h} h ${mm}`;
  }
  if (h % 24 === 0 && m === 0) return 'midnight';
  if (h === 12 && m === 0) return 'noon';
  const suffix = h % 24 < 12 ? 'a.m.' : 'p.m.';
  const h12 = h % 12 || 12;
  return m === 0 ? `${h12} ${suffix}` : `${h12}:${mm} ${suffix}`;
}

function joinWords(words: string[], and: string): string {
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Segments. The text is split on ";" and line breaks; each segment is read on its own, and a
// segment that is not understood in full becomes a note, so a misread never hides in the output.

/** [opens, closes) in minutes after local midnight. */
type Span = readonly [Minutes, Minutes];
/** A closure inside opening hours ("closed 12:00 pm to 1:00 pm"); days null = every day. */
interface Closure {
  days: Weekday[] | null;
  span: Span;
}
interface SegmentResult {
  open: Array<{ days: Weekday[]; spans: Span[] }>;
  closedDays: Weekday[];
  closures: Closure[];
  closedOnHolidays: boolean;
}

// Cells that only say there is nothing here: "n/a" (WorkBC hours2 placeholder), "s.o." (sans objet).
const EMPTY_SEGMENT = /^(?:|-+|n\/?a|s\.?o\.?|none|aucun)$/i;

// "by appointment", "appointment only", "sur rendez-vous" (→ a note); the rest of the segment is
// still read ("9 am to 5 pm Monday, by appointment only").
const APPOINTMENT =
  /[,(-]?\s*\b(?:(?:by|on|sur)\s+)?(?:appointments?|rendez-vous|rdv)\b(?:\s+(?:only|seulement|uniquement|required|requis|obligatoire))?\s*\)?/i;

function parseSegmentWithAppointment(
  segment: string,
  doc24: boolean,
): { result: SegmentResult; note: string | null } | null {
  const match = APPOINTMENT.exec(segment);
  if (!match) {
    const result = parseSegment(segment, doc24);
    return result && { result, note: null };
  }
  const rest = (segment.slice(0, match.index) + ' ' + segment.slice(match.index + match[0].length)).trim();
  const result = rest ? parseSegment(rest, doc24) : null;
  return result && { result, note: match[0].replace(/^[\s,(-]+|[\s)]+$/g, '') };
}

/** True when a segment gives hours to a day already closed, or opens over hours already read. */
function conflicts(result: SegmentResult, byDay: Map<Weekday, Span[]>, closedDays: Set<Weekday>): boolean {
  for (const { days, spans } of result.open) {
    for (const day of days) {
      if (closedDays.has(day)) return true;
      const existing = byDay.get(day) ?? [];
      if (spans.some(([o, c]) => existing.some(([eo, ec]) => o < ec && eo < c))) return true;
    }
  }
  return result.closedDays.some((day) => (byDay.get(day) ?? []).length > 0);
}

function parseSegment(segment: string, doc24: boolean): SegmentResult | null {
  const tokens = tokenise(normalise(segment), doc24);
  return tokens && readClauses(groupTokens(tokens));
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { t: 'day'; days: Weekday[]; single: boolean }
  | { t: 'holiday' }
  | { t: 'span'; span: Span }
  | { t: 'closed' }
  | { t: 'dash' } // "-": a day range ("Monday - Friday") or just punctuation ("Wednesday - Closed")
  | { t: 'to' } // "to", "au", "à": only ever a day range
  | { t: 'and' }
  | { t: 'sep' };

/** Lower case, accents removed, dashes and apostrophes unified, spaces collapsed. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .trim();
}

// One clock time: "8:30 am", "8:30am", "8 a.m.", "8 h 30", "8h30", "16 h", "noon", "midi",
// "08:30", "8:30", "8". Bare numbers only count next to an explicit time ("noon to 1").
const TIME = String.raw`(?:\d{1,2}(?::\d{2})?\s*[ap]\.?\s*m\b\.?|\d{1,2}\s*h(?:\s*\d{2})?(?![a-z0-9])|(?:12\s*)?noon|midday|midi|midnight|minuit|\d{1,2}(?::\d{2})?(?![\d:]))`;
const RANGE_SEPARATOR = String.raw`(?:-|to|until|till|through|thru|jusqu'a|a|au)`;
const TIME_RANGE = new RegExp(String.raw`(${TIME})\s*${RANGE_SEPARATOR}\s*(${TIME})`, 'y');

const END = '(?![a-z])';
const HOLIDAY_PHRASES = [
  String.raw`(?:statutory|stat|public|general|civic|legal|bank)\s+holidays?`,
  String.raw`holidays?`,
  String.raw`(?:jours?|conges?)\s+feries?`,
  String.raw`feries?`,
  // Named holidays are holidays too: "Statutory Holidays, Easter Monday, Boxing Day - Closed"
  // (Easter Monday and Boxing Day are not statutory in BC). The flag does not say which.
  String.raw`easter\s+monday`,
  String.raw`good\s+friday`,
  String.raw`boxing\s+day`,
  String.raw`christmas(?:\s+(?:day|eve))?`,
  String.raw`new\s+year'?s(?:\s+(?:day|eve))?`,
  String.raw`canada\s+day`,
  String.raw`remembrance\s+day`,
  String.raw`thanksgiving(?:\s+day)?`,
  String.raw`family\s+day`,
  String.raw`victoria\s+day`,
  String.raw`labour\s+day`,
  String.raw`lundi\s+de\s+paques`,
  String.raw`vendredi\s+saint`,
  String.raw`(?:jour\s+de\s+)?noel`,
  String.raw`jour\s+de\s+l'an`,
  String.raw`fete\s+du\s+(?:canada|travail)`,
  String.raw`jour\s+du\s+souvenir`,
  String.raw`action\s+de\s+graces?`,
];
const HOLIDAY = new RegExp(`(?:${HOLIDAY_PHRASES.join('|')})${END}`, 'y');

const DAY_WORDS: ReadonlyArray<readonly [string, Weekday]> = [
  ['mondays?|mon|lundis?|lun', 'MO'],
  ['tuesdays?|tues|tue|mardis?|mar', 'TU'],
  ['wednesdays?|wed|mercredis?|mer', 'WE'],
  ['thursdays?|thurs|thur|thu|jeudis?|jeu', 'TH'],
  ['fridays?|fri|vendredis?|ven', 'FR'],
  ['saturdays?|sat|samedis?|sam', 'SA'],
  ['sundays?|sun|dimanches?|dim', 'SU'],
];
// One capture group per day, so the group that matched names the day.
const DAY = new RegExp(`(?:${DAY_WORDS.map(([words]) => `(${words})`).join('|')})\\.?${END}`, 'y');

const DAY_GROUPS: ReadonlyArray<readonly [RegExp, Weekday[]]> = [
  [
    new RegExp(
      String.raw`(?:daily|every\s+day|(?:7|seven)\s+days(?:\s+(?:a|per))?\s+week|tous\s+les\s+jours|7\s+jours\s+(?:sur\s+7|par\s+semaine)|7\/7)${END}`,
      'y',
    ),
    [...WEEKDAYS],
  ],
  [new RegExp(String.raw`(?:week-?ends?|fins?\s+de\s+semaine)${END}`, 'y'), ['SA', 'SU']],
  [
    new RegExp(String.raw`(?:week\s*days|en\s+semaine|jours\s+de\s+semaine|jours\s+ouvrables)${END}`, 'y'),
    ['MO', 'TU', 'WE', 'TH', 'FR'],
  ],
];

const SIMPLE_TOKENS: ReadonlyArray<readonly [RegExp, Token | null]> = [
  [new RegExp(`(?:closed|close|fermee?s?|fermeture)${END}`, 'y'), { t: 'closed' }],
  [new RegExp(`(?:to|through|thru|till|until|au|a|jusqu'au|jusqu'a)${END}`, 'y'), { t: 'to' }],
  [/-/y, { t: 'dash' }],
  [new RegExp(`(?:,|&|\\+|\\/|and${END}|et${END})`, 'y'), { t: 'and' }],
  [/[():.]/y, { t: 'sep' }],
  // Words that add nothing to the schedule. "except"/"sauf" is deliberately absent: it reverses
  // the meaning of what follows, so a segment with it is left as a note.
  [
    new RegExp(
      `(?:every|each|on|from|the|for|lunch|only|open|opened|hours|de|du|des|le|les|la|pour|diner|dejeuner|seulement|uniquement|ouverte?s?|heures|horaires?)${END}`,
      'y',
    ),
    null,
  ],
];

/** The tokens of a normalised segment, or null at the first word that is not understood. */
function tokenise(s: string, doc24: boolean): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  const tryAt = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = at;
    const m = re.exec(s);
    if (m) at = re.lastIndex;
    return m;
  };
  outer: while (at < s.length) {
    if (s[at] === ' ') {
      at += 1;
      continue;
    }
    const range = tryAt(TIME_RANGE);
    if (range) {
      const span = resolveRange(readTime(range[1]), readTime(range[2]), doc24);
      if (!span) return null;
      tokens.push({ t: 'span', span });
      continue;
    }
    if (tryAt(HOLIDAY)) {
      tokens.push({ t: 'holiday' });
      continue;
    }
    for (const [re, days] of DAY_GROUPS) {
      if (tryAt(re)) {
        tokens.push({ t: 'day', days: [...days], single: false });
        continue outer;
      }
    }
    const day = tryAt(DAY);
    if (day) {
      const index = day.slice(1).findIndex((g) => g !== undefined);
      tokens.push({ t: 'day', days: [DAY_WORDS[index][1]], single: true });
      continue;
    }
    for (const [re, token] of SIMPLE_TOKENS) {
      if (tryAt(re)) {
        if (token) tokens.push(token);
        continue outer;
      }
    }
    return null;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Clock times

/** How a time was written decides how a missing "am"/"pm" may be filled in. */
interface ClockTime {
  kind: 'ampm' | 'named' | 'h24' | 'plain';
  hour: number;
  minute: number;
}

function readTime(raw: string): ClockTime {
  const text = raw.replace(/\s+/g, '');
  if (/noon|midday|midi/.test(text)) return { kind: 'named', hour: 12, minute: 0 };
  if (/midnight|minuit/.test(text)) return { kind: 'named', hour: 0, minute: 0 };
  const [hour, minute] = (text.match(/\d+/g) ?? ['0']).map(Number).concat(0);
  const meridiem = /([ap])\.?m/.exec(text);
  if (meridiem) {
    if (hour < 1 || hour > 12) return { kind: 'ampm', hour: -1, minute };
    return { kind: 'ampm', hour: (hour % 12) + (meridiem[1] === 'p' ? 12 : 0), minute };
  }
  // French "16 h 30", a leading zero ("08:30") or an hour past 12 can only be a 24-hour time.
  if (/h/.test(text) || /^0\d/.test(text) || hour > 12 || hour === 0) return { kind: 'h24', hour, minute };
  return { kind: 'plain', hour, minute };
}

/**
 * The [opens, closes) span of two written times. A time without "am"/"pm" next to one with it
 * is the first such clock time after the opening ("noon to 1" → 12:00–13:00); two such times
 * are read as 24-hour only when the text uses a 24-hour clock elsewhere ("8:30-12:00 and
 * 13:00-16:30"), otherwise "9:00-5:00" is left unread rather than guessed.
 */
function resolveRange(a: ClockTime, b: ClockTime, doc24: boolean): Span | null {
  if (!validTime(a) || !validTime(b)) return null;
  const as24 = (t: ClockTime): Minutes => t.hour * 60 + t.minute;
  const twelveHour = (t: ClockTime): Minutes[] => {
    const base = (t.hour % 12) * 60 + t.minute;
    return [base, base + 720, base + 1440];
  };
  let opens: Minutes;
  let closes: Minutes;
  if (a.kind !== 'plain' && b.kind !== 'plain') {
    opens = as24(a);
    closes = as24(b);
  } else if (a.kind === 'plain' && b.kind === 'plain') {
    if (!doc24) return null;
    opens = as24(a);
    closes = as24(b);
  } else if (a.kind === 'plain') {
    closes = as24(b) || DAY_MINUTES;
    const before = b.kind === 'h24' ? [as24(a)] : twelveHour(a).filter((m) => m < closes);
    if (before.length === 0) return null;
    opens = Math.max(...before);
  } else {
    opens = as24(a);
    const after = b.kind === 'h24' ? [as24(b)] : twelveHour(b).filter((m) => m > opens);
    if (after.length === 0) return null;
    closes = Math.min(...after);
  }
  // A closing time of midnight ("to midnight", "à 0 h", "to 12:00 am") is the end of the day.
  if (closes === 0) closes = DAY_MINUTES;
  // Spans past midnight ("10 pm to 2 am") are not read: which day the early hours belong to is
  // a guess. None of the real sources has one.
  return opens < closes && closes <= DAY_MINUTES ? [opens, closes] : null;
}

function validTime(t: ClockTime): boolean {
  return t.hour >= 0 && t.minute < 60 && (t.hour < 24 || (t.hour === 24 && t.minute === 0));
}

function usesTwentyFourHourClock(s: string): boolean {
  return /\d\s*h(?:\s*\d{2})?(?![a-z])/.test(s) || /(?<!\d)(?:0\d|1[3-9]|2[0-3]):[0-5]\d/.test(s);
}

function minutesToTime(m: Minutes): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Clauses

type Group =
  { g: 'days'; days: Weekday[]; holiday: boolean } | { g: 'spans'; spans: Span[] } | { g: 'closed' };

/**
 * Runs of days ("Monday to Wednesday, Friday"; holidays may join the list) and of time spans
 * ("8:30 am to 12:00 pm & 1:00 pm to 4:30 pm"). Null when "to" is left without a day on each side.
 */
function groupTokens(tokens: Token[]): Group[] | null {
  const groups: Group[] = [];
  let i = 0;
  const peekPastAnds = (from: number): number => {
    let j = from;
    while (tokens[j]?.t === 'and') j += 1;
    return j;
  };
  while (i < tokens.length) {
    const token = tokens[i];
    if (token.t === 'day' || token.t === 'holiday') {
      const days: Weekday[] = [];
      let holiday = false;
      let last: Token = token;
      const add = (item: Token): void => {
        if (item.t === 'holiday') holiday = true;
        if (item.t === 'day') days.push(...item.days);
        last = item;
      };
      add(token);
      i += 1;
      for (;;) {
        const next = tokens[i];
        const after = tokens[i + 1];
        if (
          (next?.t === 'to' || next?.t === 'dash') &&
          last.t === 'day' &&
          last.single &&
          after?.t === 'day' &&
          after.single
        ) {
          days.push(...dayRange(last.days[0], after.days[0]).slice(1));
          last = after;
          i += 2;
          continue;
        }
        const j = peekPastAnds(i);
        if (j > i && (tokens[j]?.t === 'day' || tokens[j]?.t === 'holiday')) {
          add(tokens[j]);
          i = j + 1;
          continue;
        }
        break;
      }
      groups.push({ g: 'days', days: unique(days), holiday });
    } else if (token.t === 'span') {
      const spans: Span[] = [token.span];
      i += 1;
      for (;;) {
        const j = peekPastAnds(i);
        const next = tokens[j];
        if (j > i && next?.t === 'span') {
          spans.push(next.span);
          i = j + 1;
        } else break;
      }
      groups.push({ g: 'spans', spans });
    } else if (token.t === 'closed') {
      groups.push({ g: 'closed' });
      i += 1;
    } else if (token.t === 'to') {
      return null;
    } else {
      i += 1; // dash, and, sep: punctuation between clauses
    }
  }
  return groups;
}

/**
 * Reads clauses left to right: days + spans or spans + days (open), days + "closed" or
 * "closed" + days (closed days, holidays), "closed" + spans (a break inside that segment's
 * opening days, or every day when the segment opens nothing: "Closed for lunch 12:15 pm to
 * 12:45 pm"). Anything else makes the whole segment a note.
 */
function readClauses(groups: Group[] | null): SegmentResult | null {
  if (!groups || groups.length === 0) return null;
  const result: SegmentResult = { open: [], closedDays: [], closures: [], closedOnHolidays: false };
  const breaks: Span[] = [];
  let i = 0;
  while (i < groups.length) {
    const [a, b] = [groups[i], groups[i + 1]];
    if (a.g === 'days' && b?.g === 'spans' && !a.holiday) {
      result.open.push({ days: a.days, spans: b.spans });
    } else if (a.g === 'spans' && b?.g === 'days' && !b.holiday) {
      result.open.push({ days: b.days, spans: a.spans });
    } else if (a.g === 'days' && b?.g === 'closed') {
      closeItems(result, a);
    } else if (a.g === 'closed' && b?.g === 'days') {
      closeItems(result, b);
    } else if (a.g === 'closed' && b?.g === 'spans') {
      breaks.push(...b.spans);
    } else {
      return null;
    }
    i += 2;
  }
  const openDays = unique(result.open.flatMap((o) => o.days));
  // "Monday to Friday 9 am to 5 pm, Wednesday closed" may mean "except Wednesday" or be a
  // contradiction: not ours to decide.
  if (result.closedDays.some((day) => openDays.includes(day))) return null;
  for (const span of breaks) result.closures.push({ days: openDays.length > 0 ? openDays : null, span });
  return result;
}

function closeItems(result: SegmentResult, group: { days: Weekday[]; holiday: boolean }): void {
  result.closedDays.push(...group.days);
  result.closedOnHolidays ||= group.holiday;
}

/** Days from `first` to `last` inclusive, wrapping past Sunday ("Friday to Monday"). */
function dayRange(first: Weekday, last: Weekday): Weekday[] {
  const start = WEEKDAYS.indexOf(first);
  const length = ((WEEKDAYS.indexOf(last) - start + 7) % 7) + 1;
  return Array.from({ length }, (_, k) => WEEKDAYS[(start + k) % 7]);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

// ---------------------------------------------------------------------------------------------
// Spans

function subtract(spans: Span[], [cutFrom, cutTo]: Span): Span[] {
  return spans.flatMap(([o, c]): Span[] => {
    if (cutTo <= o || cutFrom >= c) return [[o, c]];
    const pieces: Span[] = [];
    if (cutFrom > o) pieces.push([o, cutFrom]);
    if (cutTo < c) pieces.push([cutTo, c]);
    return pieces;
  });
}

/** Sorted, with overlapping or touching spans joined. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[Minutes, Minutes]> = [];
  for (const [o, c] of sorted) {
    const last = out[out.length - 1];
    if (last && o <= last[1]) last[1] = Math.max(last[1], c);
    else out.push([o, c]);
  }
  return out;
}
