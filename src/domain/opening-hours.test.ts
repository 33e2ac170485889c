import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  WEEKDAYS,
  formatClockTime,
  parseOpeningHours,
  toHsdsSchedules,
  weekdayName,
} from './opening-hours.js';
import type { OpeningHours, OpeningInterval, Weekday } from './opening-hours.js';

// Every `hours` value of data/workbc_centres_2021/workbc_centres.csv (WorkBC centres, February
// 2021, see its SOURCE.md): 102 rows, 82 distinct texts.
const WORKBC_CSV = new URL('../../data/workbc_centres_2021/workbc_centres.csv', import.meta.url);
const WORKBC_HOURS: string[] = [
  ...new Set(
    (parse(readFileSync(WORKBC_CSV), { columns: true }) as Array<{ hours: string }>).map((r) => r.hours),
  ),
];

/** One interval per listed day, all with the same hours. */
function days(list: Weekday[], opensAt: string, closesAt: string): OpeningInterval[] {
  return list.map((day) => ({ day, opensAt, closesAt }));
}
// The order parseOpeningHours promises: Monday first, then by opening time.
const byDay = (a: OpeningInterval, b: OpeningInterval): number =>
  WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.opensAt.localeCompare(b.opensAt);
const week = (...groups: OpeningInterval[][]): OpeningInterval[] => groups.flat().sort(byDay);
const MON_FRI: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

describe('parseOpeningHours on every WorkBC centre', () => {
  it('reads 78 of the 82 distinct texts in full and something of the other 4', () => {
    expect(WORKBC_HOURS).toHaveLength(82);
    const results = WORKBC_HOURS.map((text) => ({ text, hours: parseOpeningHours(text) }));
    expect(results.filter((r) => r.hours === null)).toEqual([]);
    expect(results.filter((r) => r.hours?.notes.length === 0)).toHaveLength(78);
    expect(results.filter((r) => r.hours?.closedOnHolidays)).toHaveLength(77);
  });

  // The 4 texts left partly unread, and why: each keeps the piece verbatim as a note.
  it.each([
    [
      // A stray "to" before the day: "9 to 7 Monday" is the likely reading, but it is a typo
      // and a parser that reads typos reads wrongly elsewhere. Monday is left without hours.
      '9:00 am to 7:00 pm to Monday; 9:00 am to 4:30 pm Tuesday to Friday; Statutory Holidays - Closed',
      ['9:00 am to 7:00 pm to Monday'],
    ],
    [
      // A lone "Closed" after the weekend was already closed: closed when?
      '8:30 am to 4:30 pm Monday, Wednesday, Friday; 8:30 am to 6:00 pm Tuesday, Thursday; Saturday, Sunday - Closed; Closed',
      ['Closed'],
    ],
    [
      // A restriction on one kind of service, not hours (twice: with and without a trailing space).
      '8:00 am to 6:00 pm Monday; 8:00 am to 5:00 pm Tuesday, Thursday, Friday; 8:00 am to 1:00 pm Wednesday - Statutory Holidays - Closed; "In Person Services" by appointment only ',
      ['"In Person Services" by appointment only'],
    ],
    [
      '8:00 am to 6:00 pm Monday; 8:00 am to 5:00 pm Tuesday, Thursday, Friday; 8:00 am to 1:00 pm Wednesday - Statutory Holidays - Closed; "In Person Services" by appointment only',
      ['"In Person Services" by appointment only'],
    ],
  ])('keeps the unread part of %j as a note', (text, notes) => {
    expect(WORKBC_HOURS).toContain(text);
    expect(parseOpeningHours(text)?.notes).toEqual(notes);
  });

  it('reads a day list and a second time range (Campbell River, Courtenay)', () => {
    expect(
      parseOpeningHours(
        '8:30 am to 4:30 pm Monday, Tuesday, Thursday, Friday; 8:30 am to 6:00 pm Wednesday; Statutory Holidays - Closed',
      ),
    ).toEqual({
      intervals: week(days(['MO', 'TU', 'TH', 'FR'], '08:30', '16:30'), days(['WE'], '08:30', '18:00')),
      closedOnHolidays: true,
      notes: [],
    });
  });

  it('reads "OPEN: Monday - Friday (8:30am - 4:30pm); CLOSED: Weekends and Holidays"', () => {
    expect(
      parseOpeningHours('OPEN: Monday - Friday (8:30am - 4:30pm); CLOSED: Weekends and Holidays'),
    ).toEqual({
      intervals: days(MON_FRI, '08:30', '16:30'),
      closedOnHolidays: true,
      notes: [],
    });
  });

  it('reads split days joined with "&" and a "Tuesday to Thursday" range, with no holiday clause', () => {
    expect(
      parseOpeningHours(
        '10:30 am to 4:00 pm & 5:00 pm to 6:30 pm Monday; 9:00 am to 12:00 pm &  1:00 pm to 4:00 pm Tuesday to Thursday',
      ),
    ).toEqual({
      intervals: week(
        days(['MO'], '10:30', '16:00'),
        days(['MO'], '17:00', '18:30'),
        days(['TU', 'WE', 'TH'], '09:00', '12:00'),
        days(['TU', 'WE', 'TH'], '13:00', '16:00'),
      ),
      closedOnHolidays: false,
      notes: [],
    });
  });

  it('takes lunch closures in parentheses out of that segment\'s days, "noon to 1" being 12:00–13:00', () => {
    expect(
      parseOpeningHours(
        '11:00 am to 6:00 pm Monday (closed 2 pm to 3 pm for lunch); 9:00 am to 4:00 pm Tuesday to Friday (closed noon to 1 for lunch); Statutory Holidays - Closed',
      ),
    ).toEqual({
      intervals: week(
        days(['MO'], '11:00', '14:00'),
        days(['MO'], '15:00', '18:00'),
        days(['TU', 'WE', 'TH', 'FR'], '09:00', '12:00'),
        days(['TU', 'WE', 'TH', 'FR'], '13:00', '16:00'),
      ),
      closedOnHolidays: true,
      notes: [],
    });
  });

  it('takes a "Closed for lunch" segment out of every day', () => {
    expect(
      parseOpeningHours(
        '8:00 am to 4:30 pm Monday to Tuesday; 8:00 am to 7:00 pm Wednesday; Closed for lunch 12:15 pm to 12:45 pm; Statutory Holidays - Closed',
      )?.intervals,
    ).toEqual(
      week(
        days(['MO', 'TU', 'WE'], '08:00', '12:15'),
        days(['MO', 'TU'], '12:45', '16:30'),
        days(['WE'], '12:45', '19:00'),
      ),
    );
  });

  it('does not read "Easter Monday" as a Monday, and closes Fridays', () => {
    expect(
      parseOpeningHours(
        '8:30 am to 4:30 pm Monday, Tuesday; 8:30 am to 7:30 pm Wednesday; 8:30 am to 1:30 pm Thursday; Fridays, Statutory Holidays, Easter Monday, Boxing Day - Closed',
      ),
    ).toEqual({
      intervals: week(
        days(['MO', 'TU'], '08:30', '16:30'),
        days(['WE'], '08:30', '19:30'),
        days(['TH'], '08:30', '13:30'),
      ),
      closedOnHolidays: true,
      notes: [],
    });
  });

  it('reads "Monday to Wednesday, Friday", "Thursdays", "12:00 pm", "7 pm", "n/a" and a Saturday', () => {
    expect(
      parseOpeningHours(
        '8:00 am to 4:00 pm Monday to Wednesday, Friday; 8:00 am to 6:00 pm Thursdays; Statutory Holidays - Closed',
      )?.intervals,
    ).toEqual(week(days(['MO', 'TU', 'WE', 'FR'], '08:00', '16:00'), days(['TH'], '08:00', '18:00')));
    expect(
      parseOpeningHours(
        '9:00 am to 4:00 pm Monday to Wednesday; 11:30 am to 5:30 pm Thursday; 12:00 pm to 3:00 pm Friday; Statutory Holidays - Closed',
      )?.intervals,
    ).toEqual(
      week(
        days(['MO', 'TU', 'WE'], '09:00', '16:00'),
        days(['TH'], '11:30', '17:30'),
        days(['FR'], '12:00', '15:00'),
      ),
    );
    expect(
      parseOpeningHours(
        '9:00 am to 7 pm Monday; 9:00 am to 4:30 pm Tuesday to Friday; Statutory Holidays - Closed',
      )?.intervals,
    ).toEqual(week(days(['MO'], '09:00', '19:00'), days(['TU', 'WE', 'TH', 'FR'], '09:00', '16:30')));
    expect(
      parseOpeningHours('8:30 am to 6:00 pm Monday to Friday; n/a; Statutory Holidays - Closed'),
    ).toEqual({
      intervals: days(MON_FRI, '08:30', '18:00'),
      closedOnHolidays: true,
      notes: [],
    });
    expect(
      parseOpeningHours(
        '8:30 am to 5:00 pm Monday, Tuesday, Thursday, Friday; 8:30 am to 3:00 pm Wednesday; 10:00 am to 2:00 pm Saturday; Statutory Holidays - Closed',
      )?.intervals,
    ).toEqual(
      week(
        days(['MO', 'TU', 'TH', 'FR'], '08:30', '17:00'),
        days(['WE'], '08:30', '15:00'),
        days(['SA'], '10:00', '14:00'),
      ),
    );
  });
});

describe('parseOpeningHours, other forms', () => {
  it.each([
    'Monday to Friday 8:30 am to 4:30 pm',
    'Mon-Fri 8:30am-4:30pm',
    'Mon–Fri 08:30–16:30',
    'Mon. to Fri., 8:30 a.m. to 4:30 p.m.',
    'Weekdays 8:30 AM - 4:30 PM',
    'Monday through Friday from 8:30 am to 4:30 pm',
    'Du lundi au vendredi de 8 h 30 à 16 h 30',
    'lundi au vendredi : 8h30-16h30',
    'Lun-Ven 8h30 à 16h30',
    '8 h 30 à 16 h 30, du lundi au vendredi',
    'En semaine, 8 h 30 - 16 h 30',
  ])('reads Monday to Friday 08:30–16:30 in %j', (text) => {
    expect(parseOpeningHours(text)).toEqual({
      intervals: days(MON_FRI, '08:30', '16:30'),
      closedOnHolidays: false,
      notes: [],
    });
  });

  it.each([
    ['Monday to Friday 8:30 am to 12:00 pm and 1:00 pm to 4:30 pm', '12:00', '13:00'],
    ['Monday to Friday 8:30 am to noon and 1 pm to 4:30 pm', '12:00', '13:00'],
    ['lundi au vendredi, 8 h 30 à 12 h et 13 h à 16 h 30', '12:00', '13:00'],
    ['lundi au vendredi, 8 h 30 à midi et 13 h à 16 h 30', '12:00', '13:00'],
    // Plain "8:30-12:00" is read as 24-hour because "13:00-16:30" shows the text uses that clock.
    ['Mon-Fri 8:30-12:00, 13:00-16:30', '12:00', '13:00'],
    ['Monday to Friday 8:30 am to 4:30 pm (closed 12:30 pm to 1:00 pm)', '12:30', '13:00'],
  ])('reads the split day in %j', (text, lunchFrom, lunchTo) => {
    expect(parseOpeningHours(text)?.intervals).toEqual(
      week(days(MON_FRI, '08:30', lunchFrom), days(MON_FRI, lunchTo, '16:30')),
    );
  });

  it('reads closed days and holidays in both languages', () => {
    expect(
      parseOpeningHours('Lundi au vendredi, 8 h à 16 h; samedi et dimanche : fermé; fermé les jours fériés'),
    ).toEqual({ intervals: days(MON_FRI, '08:00', '16:00'), closedOnHolidays: true, notes: [] });
    expect(
      parseOpeningHours(
        'Tuesday to Saturday 10 am to 5 pm; Sunday and Monday closed; Closed on public holidays',
      ),
    ).toEqual({
      intervals: days(['TU', 'WE', 'TH', 'FR', 'SA'], '10:00', '17:00'),
      closedOnHolidays: true,
      notes: [],
    });
  });

  it('reads every day, weekends and midnight', () => {
    expect(parseOpeningHours('Daily 7 am to midnight')?.intervals).toEqual(
      days(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], '07:00', '24:00'),
    );
    expect(parseOpeningHours('Weekends 10:00-14:00')?.intervals).toEqual(
      days(['SA', 'SU'], '10:00', '14:00'),
    );
    expect(parseOpeningHours('Friday to Monday 9 am to 1 pm')?.intervals).toEqual(
      days(['MO', 'FR', 'SA', 'SU'], '09:00', '13:00'),
    );
  });

  it('keeps "by appointment" as a note, alone or beside hours', () => {
    expect(parseOpeningHours('Monday to Friday 9 am to 4 pm, by appointment only')).toEqual({
      intervals: days(MON_FRI, '09:00', '16:00'),
      closedOnHolidays: false,
      notes: ['by appointment only'],
    });
    expect(parseOpeningHours('Mon-Fri 9 am to 4 pm; By appointment')?.notes).toEqual(['By appointment']);
    expect(parseOpeningHours('Mardi 9 h à 12 h sur rendez-vous')?.notes).toEqual(['sur rendez-vous']);
  });

  it('returns null when nothing can be read, never a guess', () => {
    expect(parseOpeningHours('')).toBeNull();
    expect(parseOpeningHours('n/a')).toBeNull();
    expect(parseOpeningHours('By appointment')).toBeNull();
    expect(parseOpeningHours('Call for hours')).toBeNull();
    // Without am/pm or a 24-hour time elsewhere, "9:00-5:00" could be a typo for anything.
    expect(parseOpeningHours('Monday to Friday 9:00-5:00')).toBeNull();
    // Hours without days: daily? weekdays?
    expect(parseOpeningHours('8:30 am to 4:30 pm')).toBeNull();
    // Past midnight: which day do the early hours belong to?
    expect(parseOpeningHours('Friday 10 pm to 2 am')).toBeNull();
    expect(parseOpeningHours('Monday 13 pm to 5 pm')).toBeNull();
  });

  it('keeps contradictions and exceptions as notes instead of choosing', () => {
    expect(parseOpeningHours('Monday to Friday 9 am to 5 pm; Wednesday 10 am to 2 pm')).toEqual({
      intervals: days(MON_FRI, '09:00', '17:00'),
      closedOnHolidays: false,
      notes: ['Wednesday 10 am to 2 pm'],
    });
    expect(parseOpeningHours('Monday to Friday 9 am to 5 pm; Friday - Closed')?.notes).toEqual([
      'Friday - Closed',
    ]);
    expect(parseOpeningHours('Monday to Friday 9 am to 5 pm except Wednesday')).toBeNull();
    expect(parseOpeningHours('Monday to Friday 9 am to 5 pm, Wednesday closed')).toBeNull();
  });
});

describe('toHsdsSchedules', () => {
  const hours = parseOpeningHours(
    '10:00 am to 6:00 pm Monday (closed 1:00 pm to 1:30 pm); 10:00 am to 4:00 pm Tuesday to Thursday (closed 1:00 pm to 1:30 pm); Friday - Closed; Statutory Holidays - Closed',
  ) as OpeningHours;

  it('makes one schedule per time range and set of days', () => {
    expect(toHsdsSchedules(hours, 'workbc-p40')).toEqual([
      {
        id: 'workbc-p40-1',
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH',
        opens_at: '10:00',
        closes_at: '13:00',
        description: 'Monday, Tuesday, Wednesday and Thursday, 10 a.m. to 1 p.m.',
        notes: 'Closed on holidays',
      },
      {
        id: 'workbc-p40-2',
        freq: 'WEEKLY',
        byday: 'MO',
        opens_at: '13:30',
        closes_at: '18:00',
        description: 'Monday, 1:30 p.m. to 6 p.m.',
        notes: 'Closed on holidays',
      },
      {
        id: 'workbc-p40-3',
        freq: 'WEEKLY',
        byday: 'TU,WE,TH',
        opens_at: '13:30',
        closes_at: '16:00',
        description: 'Tuesday, Wednesday and Thursday, 1:30 p.m. to 4 p.m.',
        notes: 'Closed on holidays',
      },
    ]);
  });

  it('leaves notes out when there are none, and carries unread text when there is', () => {
    expect(toHsdsSchedules(parseOpeningHours('Mon-Fri 9 am to 5 pm') as OpeningHours, 'x')).toEqual([
      {
        id: 'x-1',
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH,FR',
        opens_at: '09:00',
        closes_at: '17:00',
        description: 'Monday, Tuesday, Wednesday, Thursday and Friday, 9 a.m. to 5 p.m.',
      },
    ]);
    expect(
      toHsdsSchedules(parseOpeningHours('Mon-Fri 9 am to noon; by appointment only') as OpeningHours, 'x')[0]
        .notes,
    ).toBe('by appointment only');
  });

  it('does not change its input', () => {
    const before = structuredClone(hours);
    toHsdsSchedules(hours, 'x');
    expect(hours).toEqual(before);
  });
});

describe('formatClockTime and weekdayName', () => {
  it.each([
    ['08:30', '8:30 a.m.', '8 h 30'],
    ['16:30', '4:30 p.m.', '16 h 30'],
    ['08:00', '8 a.m.', '8 h'],
    ['12:00', 'noon', '12 h'],
    ['12:45', '12:45 p.m.', '12 h 45'],
    ['00:30', '12:30 a.m.', '0 h 30'],
    ['24:00', 'midnight', 'minuit'],
  ])('writes %s as %j and %j', (time, en, fr) => {
    expect(formatClockTime(time, 'en')).toBe(en);
    expect(formatClockTime(time, 'fr')).toBe(fr);
  });

  it('names weekdays with a capital in English only', () => {
    expect(weekdayName('WE', 'en')).toBe('Wednesday');
    expect(weekdayName('WE', 'fr')).toBe('mercredi');
  });
});
