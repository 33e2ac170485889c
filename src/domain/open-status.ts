import type { Lang } from './bilingual-text.js';
import { WEEKDAYS, formatClockTime, weekdayName } from './opening-hours.js';
import type { OpeningHours, OpeningInterval, Weekday } from './opening-hours.js';

/** Whether a place is open at one instant, in its own local time. */
export type OpenStatus =
  | { state: 'open'; closesAt: string }
  | { state: 'closed'; opensAt: { day: Weekday; time: string } | null }
  | { state: 'unknown' };

/**
 * Open, closed (with the next opening) or unknown at `now`, reading `hours` on the wall clock
 * of the IANA `timeZone` (DST and half-hour offsets come from Intl, not from arithmetic).
 * Holidays are not computed: `closedOnHolidays` is for the page to show. When part of the text
 * was not understood (`notes`), only "open" inside a stated interval is asserted; anything
 * else is unknown, because the missing piece may hold the hours of that very moment.
 * @example openStatusAt(parseOpeningHours('Mon-Fri 8:30 am to 4:30 pm'), 'America/St_Johns', new Date('2026-01-15T15:00:00Z'))
 * // { state: 'open', closesAt: '16:30' } (11:30 in St. John's, UTC−3:30)
 */
export function openStatusAt(hours: OpeningHours | null, timeZone: string, now: Date): OpenStatus {
  if (!hours || hours.intervals.length === 0) return { state: 'unknown' };
  const { day, minutes } = localDayAndMinutes(timeZone, now);
  const today = WEEKDAYS.indexOf(day);
  const current = hours.intervals.find(
    (iv) => iv.day === day && toMinutes(iv.opensAt) <= minutes && minutes < toMinutes(iv.closesAt),
  );
  if (current) return { state: 'open', closesAt: closingOf(hours.intervals, current) };
  if (hours.notes.length > 0) return { state: 'unknown' };
  return { state: 'closed', opensAt: nextOpening(hours.intervals, today, minutes) };
}

const TEXT = {
  en: {
    open: (time: string) => `Open now · closes at ${time}`,
    closedUntil: (day: string, time: string) => `Closed now · opens ${day} at ${time}`,
    closed: 'Closed now',
    unknown: 'Hours unknown',
    closedDay: 'Closed',
    notStated: 'Hours not stated',
    to: 'to',
    joiner: ', ',
  },
  fr: {
    open: (time: string) => `Ouvert maintenant · ferme à ${time}`,
    closedUntil: (day: string, time: string) => `Fermé maintenant · ouvre ${day} à ${time}`,
    closed: 'Fermé maintenant',
    unknown: 'Heures inconnues',
    closedDay: 'Fermé',
    notStated: 'Heures non précisées',
    to: 'à',
    joiner: ' et ',
  },
} as const;

/**
 * One line for the page, in Canadian style: "Open now · closes at 4:30 p.m." /
 * "Fermé maintenant · ouvre lundi à 8 h 30".
 * @example describeOpenStatus({ state: 'closed', opensAt: { day: 'MO', time: '08:30' } }, 'fr')
 * // 'Fermé maintenant · ouvre lundi à 8 h 30'
 */
export function describeOpenStatus(status: OpenStatus, lang: Lang): string {
  const text = TEXT[lang];
  switch (status.state) {
    case 'open':
      return text.open(formatClockTime(status.closesAt, lang));
    case 'closed':
      return status.opensAt
        ? text.closedUntil(weekdayName(status.opensAt.day, lang), formatClockTime(status.opensAt.time, lang))
        : text.closed;
    case 'unknown':
      return text.unknown;
  }
}

/**
 * The week Monday to Sunday, one row a day: "8:30 a.m. to noon, 1 p.m. to 4:30 p.m." /
 * "8 h 30 à 12 h et 13 h à 16 h 30", "Closed"/"Fermé" for a day without hours. When part of
 * the text was not understood, such a day reads "Hours not stated"/"Heures non précisées":
 * its hours may be in the notes.
 * @example formatWeeklyHours(parseOpeningHours('Mon-Fri 8:30 am to 4:30 pm')!, 'fr')[0]
 * // { day: 'lundi', text: '8 h 30 à 16 h 30' }
 */
export function formatWeeklyHours(hours: OpeningHours, lang: Lang): Array<{ day: string; text: string }> {
  const text = TEXT[lang];
  return WEEKDAYS.map((day) => {
    const ranges = hours.intervals
      .filter((iv) => iv.day === day)
      .map((iv) => `${formatClockTime(iv.opensAt, lang)} ${text.to} ${formatClockTime(iv.closesAt, lang)}`);
    const empty = hours.notes.length > 0 ? text.notStated : text.closedDay;
    return { day: weekdayName(day, lang), text: ranges.length > 0 ? ranges.join(text.joiner) : empty };
  });
}

// Intl formatters are costly to build; one per zone is kept for the life of the process.
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
const SHORT_WEEKDAYS: Readonly<Record<string, Weekday>> = {
  Mon: 'MO',
  Tue: 'TU',
  Wed: 'WE',
  Thu: 'TH',
  Fri: 'FR',
  Sat: 'SA',
  Sun: 'SU',
};

/** The weekday and minutes since local midnight of `now` on the wall clock of `timeZone`. */
function localDayAndMinutes(timeZone: string, now: Date): { day: Weekday; minutes: number } {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    // Throws RangeError for a zone Intl does not know, which is a bug in the caller's data.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    FORMATTERS.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(now).map((p) => [p.type, p.value]));
  return { day: SHORT_WEEKDAYS[parts.weekday], minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

function toMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** The close of `current`, followed into the next day when it runs to midnight and the next day opens at 00:00. */
function closingOf(intervals: OpeningInterval[], current: OpeningInterval): string {
  let interval = current;
  for (let step = 0; step < 7 && interval.closesAt === '24:00'; step += 1) {
    const nextDay = WEEKDAYS[(WEEKDAYS.indexOf(interval.day) + 1) % 7];
    const next = intervals.find((iv) => iv.day === nextDay && iv.opensAt === '00:00');
    if (!next) break;
    interval = next;
  }
  return interval.closesAt;
}

/** The first opening after `minutes` on weekday index `today`, up to the same time a week later. */
function nextOpening(
  intervals: OpeningInterval[],
  today: number,
  minutes: number,
): { day: Weekday; time: string } | null {
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = WEEKDAYS[(today + offset) % 7];
    const opens = intervals
      .filter((iv) => iv.day === day && (offset === 0 ? toMinutes(iv.opensAt) > minutes : true))
      .map((iv) => iv.opensAt)
      .sort();
    if (opens.length > 0) return { day, time: opens[0] };
  }
  return null;
}
