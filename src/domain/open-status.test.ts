import { describe, expect, it } from 'vitest';
import { describeOpenStatus, formatWeeklyHours, openStatusAt } from './open-status.js';
import type { OpenStatus } from './open-status.js';
import { parseOpeningHours } from './opening-hours.js';
import type { OpeningHours } from './opening-hours.js';

// Hours texts are WorkBC centres' (data/workbc_centres_2021/workbc_centres.csv) unless marked.
function hoursOf(text: string): OpeningHours {
  const hours = parseOpeningHours(text);
  if (!hours) throw new Error(`test fixture did not parse: ${text}`);
  return hours;
}
// Campbell River: Mon, Tue, Thu, Fri 8:30–16:30, Wed 8:30–18:00.
const CAMPBELL_RIVER = hoursOf(
  '8:30 am to 4:30 pm Monday, Tuesday, Thursday, Friday; 8:30 am to 6:00 pm Wednesday; Statutory Holidays - Closed',
);
// Four centres, open Saturday 10:00–14:00.
const WITH_SATURDAY = hoursOf(
  '8:30 am to 5:00 pm Monday, Tuesday, Thursday, Friday; 8:30 am to 3:00 pm Wednesday; 10:00 am to 2:00 pm Saturday; Statutory Holidays - Closed',
);
// Lunch closed: Mon 11–14 and 15–18, Tue–Fri 9–12 and 13–16.
const WITH_LUNCH = hoursOf(
  '11:00 am to 6:00 pm Monday (closed 2 pm to 3 pm for lunch); 9:00 am to 4:00 pm Tuesday to Friday (closed noon to 1 for lunch); Statutory Holidays - Closed',
);
// Monday left unread (a stray "to"), Tuesday to Friday 9:00–16:30.
const MONDAY_UNREAD = hoursOf(
  '9:00 am to 7:00 pm to Monday; 9:00 am to 4:30 pm Tuesday to Friday; Statutory Holidays - Closed',
);
// Made up for the day clocks change: open every day 9:00–13:00.
const DAILY_MORNINGS = hoursOf('Daily 9:00 am to 1:00 pm');

const at = (iso: string): Date => new Date(iso);

describe('openStatusAt across daylight saving time (2026-03-08, 2026-11-01)', () => {
  // Vancouver: PST (UTC−8) until Sunday 2026-03-08 02:00, then PDT (UTC−7). Regina: CST
  // (UTC−6) all year. The same UTC instant is one hour apart in Vancouver from one week to the next.
  it.each([
    // Monday before: 16:15Z is 08:15 PST in Vancouver, 10:15 in Regina.
    ['2026-03-02T16:15:00Z', 'America/Vancouver', { state: 'closed', opensAt: { day: 'MO', time: '08:30' } }],
    ['2026-03-02T16:15:00Z', 'America/Regina', { state: 'open', closesAt: '17:00' }],
    // Saturday before: 17:30Z is 09:30 in Vancouver (Saturday opens at 10), 11:30 in Regina.
    ['2026-03-07T17:30:00Z', 'America/Vancouver', { state: 'closed', opensAt: { day: 'SA', time: '10:00' } }],
    ['2026-03-07T17:30:00Z', 'America/Regina', { state: 'open', closesAt: '14:00' }],
    // Monday after: 16:15Z is now 09:15 PDT in Vancouver; still 10:15 in Regina.
    ['2026-03-09T16:15:00Z', 'America/Vancouver', { state: 'open', closesAt: '17:00' }],
    ['2026-03-09T16:15:00Z', 'America/Regina', { state: 'open', closesAt: '17:00' }],
    // Fall back: Monday 2026-10-26 16:15Z is 09:15 PDT; Monday 2026-11-02 16:15Z is 08:15 PST.
    ['2026-10-26T16:15:00Z', 'America/Vancouver', { state: 'open', closesAt: '17:00' }],
    ['2026-11-02T16:15:00Z', 'America/Vancouver', { state: 'closed', opensAt: { day: 'MO', time: '08:30' } }],
  ])('at %s in %s', (iso, zone, expected) => {
    expect(openStatusAt(WITH_SATURDAY, zone, at(iso))).toEqual(expected);
  });

  it('reads the Sunday of the change on the new clock', () => {
    // 16:30Z on 2026-03-08 is 09:30 PDT (it would be 08:30 PST, before opening); 10:30 CST in Regina.
    expect(openStatusAt(DAILY_MORNINGS, 'America/Vancouver', at('2026-03-08T16:30:00Z'))).toEqual({
      state: 'open',
      closesAt: '13:00',
    });
    // 19:30Z is 12:30 PDT in Vancouver (open) but 13:30 in Regina (closed until Monday 9:00).
    expect(openStatusAt(DAILY_MORNINGS, 'America/Vancouver', at('2026-03-08T19:30:00Z'))).toEqual({
      state: 'open',
      closesAt: '13:00',
    });
    expect(openStatusAt(DAILY_MORNINGS, 'America/Regina', at('2026-03-08T19:30:00Z'))).toEqual({
      state: 'closed',
      opensAt: { day: 'MO', time: '09:00' },
    });
    // A day earlier the same 16:30Z was 08:30 PST: not open yet.
    expect(openStatusAt(DAILY_MORNINGS, 'America/Vancouver', at('2026-03-07T16:30:00Z'))).toEqual({
      state: 'closed',
      opensAt: { day: 'SA', time: '09:00' },
    });
  });
});

describe("openStatusAt in St. John's, UTC−3:30 (NDT UTC−2:30 in summer)", () => {
  it.each([
    // Thursday 2026-01-15: 12:00Z is 08:30 NST, the minute it opens; Halifax (AST) is at 08:00.
    ['2026-01-15T12:00:00Z', 'America/St_Johns', { state: 'open', closesAt: '16:30' }],
    ['2026-01-15T11:59:00Z', 'America/St_Johns', { state: 'closed', opensAt: { day: 'TH', time: '08:30' } }],
    ['2026-01-15T12:00:00Z', 'America/Halifax', { state: 'closed', opensAt: { day: 'TH', time: '08:30' } }],
    // 20:00Z is 16:30 NST: closing time is not open any more.
    ['2026-01-15T20:00:00Z', 'America/St_Johns', { state: 'closed', opensAt: { day: 'FR', time: '08:30' } }],
    // Thursday 2026-07-16: 11:00Z is 08:30 NDT.
    ['2026-07-16T11:00:00Z', 'America/St_Johns', { state: 'open', closesAt: '16:30' }],
  ])('at %s in %s', (iso, zone, expected) => {
    expect(openStatusAt(CAMPBELL_RIVER, zone, at(iso))).toEqual(expected);
  });
});

describe('openStatusAt through the week (America/Vancouver, January 2026, PST)', () => {
  it.each([
    // Monday 2026-01-12 12:00 PST: inside 8:30–16:30, which spans noon.
    ['2026-01-12T20:00:00Z', CAMPBELL_RIVER, { state: 'open', closesAt: '16:30' }],
    // Monday 17:00: opens tomorrow (Tuesday) at 08:30.
    ['2026-01-13T01:00:00Z', CAMPBELL_RIVER, { state: 'closed', opensAt: { day: 'TU', time: '08:30' } }],
    // Wednesday 17:00: the long day, still open.
    ['2026-01-15T01:00:00Z', CAMPBELL_RIVER, { state: 'open', closesAt: '18:00' }],
    // Friday 16:45: closed until Monday.
    ['2026-01-17T00:45:00Z', CAMPBELL_RIVER, { state: 'closed', opensAt: { day: 'MO', time: '08:30' } }],
    // Saturday 10:00: next Monday.
    ['2026-01-17T18:00:00Z', CAMPBELL_RIVER, { state: 'closed', opensAt: { day: 'MO', time: '08:30' } }],
    // Tuesday 12:30: closed for lunch, back at 13:00 the same day.
    ['2026-01-13T20:30:00Z', WITH_LUNCH, { state: 'closed', opensAt: { day: 'TU', time: '13:00' } }],
    // Tuesday 11:00: open until lunch.
    ['2026-01-13T19:00:00Z', WITH_LUNCH, { state: 'open', closesAt: '12:00' }],
    // Sunday 08:00: Monday opens at 11:00 here.
    ['2026-01-18T16:00:00Z', WITH_LUNCH, { state: 'closed', opensAt: { day: 'MO', time: '11:00' } }],
  ])('at %s', (iso, hours, expected) => {
    expect(openStatusAt(hours, 'America/Vancouver', at(iso))).toEqual(expected);
  });

  it('is unknown without hours, and outside stated hours when part of the text was not read', () => {
    expect(openStatusAt(null, 'America/Vancouver', at('2026-01-12T20:00:00Z'))).toEqual({ state: 'unknown' });
    expect(
      openStatusAt(hoursOf('Statutory Holidays - Closed'), 'America/Vancouver', at('2026-01-12T20:00:00Z')),
    ).toEqual({ state: 'unknown' });
    // Monday 10:00: Monday's hours are in the unread note.
    expect(openStatusAt(MONDAY_UNREAD, 'America/Vancouver', at('2026-01-12T18:00:00Z'))).toEqual({
      state: 'unknown',
    });
    // Tuesday 10:00: inside hours the text does state.
    expect(openStatusAt(MONDAY_UNREAD, 'America/Vancouver', at('2026-01-13T18:00:00Z'))).toEqual({
      state: 'open',
      closesAt: '16:30',
    });
  });

  it('runs past midnight into a day that opens at 00:00', () => {
    const hours = hoursOf('Friday 6 pm to midnight; Saturday 12:00 am to 2 am'); // made up
    // Friday 2026-01-16 23:00 PST.
    expect(openStatusAt(hours, 'America/Vancouver', at('2026-01-17T07:00:00Z'))).toEqual({
      state: 'open',
      closesAt: '02:00',
    });
  });
});

describe('describeOpenStatus', () => {
  it.each<[OpenStatus, string, string]>([
    [
      { state: 'open', closesAt: '16:30' },
      'Open now · closes at 4:30 p.m.',
      'Ouvert maintenant · ferme à 16 h 30',
    ],
    [{ state: 'open', closesAt: '12:00' }, 'Open now · closes at noon', 'Ouvert maintenant · ferme à 12 h'],
    [{ state: 'open', closesAt: '17:00' }, 'Open now · closes at 5 p.m.', 'Ouvert maintenant · ferme à 17 h'],
    [
      { state: 'closed', opensAt: { day: 'MO', time: '08:30' } },
      'Closed now · opens Monday at 8:30 a.m.',
      'Fermé maintenant · ouvre lundi à 8 h 30',
    ],
    [
      { state: 'closed', opensAt: { day: 'SA', time: '10:00' } },
      'Closed now · opens Saturday at 10 a.m.',
      'Fermé maintenant · ouvre samedi à 10 h',
    ],
    [{ state: 'closed', opensAt: null }, 'Closed now', 'Fermé maintenant'],
    [{ state: 'unknown' }, 'Hours unknown', 'Heures inconnues'],
  ])('describes %j', (status, en, fr) => {
    expect(describeOpenStatus(status, 'en')).toBe(en);
    expect(describeOpenStatus(status, 'fr')).toBe(fr);
  });
});

describe('formatWeeklyHours', () => {
  it('lists Monday to Sunday in English', () => {
    expect(formatWeeklyHours(WITH_LUNCH, 'en')).toEqual([
      { day: 'Monday', text: '11 a.m. to 2 p.m., 3 p.m. to 6 p.m.' },
      { day: 'Tuesday', text: '9 a.m. to noon, 1 p.m. to 4 p.m.' },
      { day: 'Wednesday', text: '9 a.m. to noon, 1 p.m. to 4 p.m.' },
      { day: 'Thursday', text: '9 a.m. to noon, 1 p.m. to 4 p.m.' },
      { day: 'Friday', text: '9 a.m. to noon, 1 p.m. to 4 p.m.' },
      { day: 'Saturday', text: 'Closed' },
      { day: 'Sunday', text: 'Closed' },
    ]);
  });

  it('lists lundi to dimanche in French', () => {
    expect(formatWeeklyHours(CAMPBELL_RIVER, 'fr')).toEqual([
      { day: 'lundi', text: '8 h 30 à 16 h 30' },
      { day: 'mardi', text: '8 h 30 à 16 h 30' },
      { day: 'mercredi', text: '8 h 30 à 18 h' },
      { day: 'jeudi', text: '8 h 30 à 16 h 30' },
      { day: 'vendredi', text: '8 h 30 à 16 h 30' },
      { day: 'samedi', text: 'Fermé' },
      { day: 'dimanche', text: 'Fermé' },
    ]);
    expect(formatWeeklyHours(WITH_LUNCH, 'fr')[1]).toEqual({
      day: 'mardi',
      text: '9 h à 12 h et 13 h à 16 h',
    });
  });

  it('does not call a day closed when its hours may be in an unread note', () => {
    expect(formatWeeklyHours(MONDAY_UNREAD, 'en').map((row) => row.text)).toEqual([
      'Hours not stated',
      '9 a.m. to 4:30 p.m.',
      '9 a.m. to 4:30 p.m.',
      '9 a.m. to 4:30 p.m.',
      '9 a.m. to 4:30 p.m.',
      'Hours not stated',
      'Hours not stated',
    ]);
    expect(formatWeeklyHours(MONDAY_UNREAD, 'fr')[0]).toEqual({ day: 'lundi', text: 'Heures non précisées' });
  });
});
