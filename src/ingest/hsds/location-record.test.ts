import { describe, expect, it } from 'vitest';
import { parsePhones } from '../../domain/phone.js';
import { parseOpeningHours } from '../../domain/opening-hours.js';
import { hoursFromSchedules, languageCodes, phoneCell } from './location-record.js';

describe('phoneCell', () => {
  it('labels each HSDS phone with its kind so that parsePhones gives the kinds back', () => {
    const cell = phoneCell([
      { number: '867-979-5600', type: 'voice', extension: '', description: '' },
      { number: '1-800-622-6232', type: 'voice', extension: '', description: 'Toll-free' },
      { number: '867-979-5922', type: 'fax', extension: '', description: '' },
      { number: '1-800-926-9105', type: 'textphone', extension: '', description: 'TTY' },
      { number: '250-286-3441', type: 'cell', extension: '204', description: '' },
      { number: '', type: 'voice', extension: '', description: '' },
    ]);
    expect(cell).toBe(
      'Tel: 867-979-5600; Toll-free: 1-800-622-6232; Fax: 867-979-5922; TTY: 1-800-926-9105; Tel: 250-286-3441 ext. 204',
    );
    expect(parsePhones(cell).phones.map((p) => [p.display, p.kind, p.extension ?? ''])).toEqual([
      ['867-979-5600', 'voice', ''],
      ['1-800-622-6232', 'toll_free', ''],
      ['867-979-5922', 'fax', ''],
      ['1-800-926-9105', 'tty', ''],
      ['250-286-3441', 'voice', '204'],
    ]);
  });

  it('keeps a toll-free kind on a local number described as toll-free (sans frais)', () => {
    expect(
      parsePhones(phoneCell([{ number: '613-555-0100', type: 'voice', description: 'Ligne sans frais' }]))
        .phones[0]?.kind,
    ).toBe('toll_free');
  });
});

describe('hoursFromSchedules', () => {
  it('writes weekly schedules as text the hours parser reads, then descriptions and notes', () => {
    const text = hoursFromSchedules([
      { byday: 'MO,TU,WE,TH,FR', opens_at: '09:00:00', closes_at: '17:00:00', notes: 'Closed on holidays' },
      { byday: 'SA', opens_at: '10:00', closes_at: '14:00', notes: 'Closed on holidays' },
      { description: 'By appointment on Sundays' },
    ]);
    expect(text).toBe(
      'Monday, Tuesday, Wednesday, Thursday, Friday 09:00 to 17:00; Saturday 10:00 to 14:00; By appointment on Sundays; Closed on holidays',
    );
    expect(parseOpeningHours(text)?.intervals.map((i) => `${i.day} ${i.opensAt}-${i.closesAt}`)).toEqual([
      'MO 09:00-17:00',
      'TU 09:00-17:00',
      'WE 09:00-17:00',
      'TH 09:00-17:00',
      'FR 09:00-17:00',
      'SA 10:00-14:00',
    ]);
  });
});

describe('languageCodes', () => {
  it('takes ISO codes as given and reads names when there is no code', () => {
    expect(
      languageCodes([
        { code: 'iu' },
        { code: 'EN' },
        { name: 'French' },
        { code: 'fr-CA' },
        { name: 'Klingon' },
        { code: 'ur' },
      ]),
    ).toEqual(['iu', 'en', 'fr', 'ur']);
  });
});
