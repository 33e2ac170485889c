import { describe, expect, it } from 'vitest';
import { parsePhone, parsePhones } from './phone.js';

// Numbers come from the files in data/: WorkBC centres 2021 (Campbell River 250-286-3441, fax
// 250-286-3447), Nova Scotia Works centres 2021, municipal library branches 2019, Toronto Public
// Library branches. 1-800-622-6232 is Service Canada's general line (1 800 O-Canada).
const CAMPBELL_RIVER = { e164: '+12502863441', display: '250-286-3441', kind: 'voice' } as const;

describe('parsePhone', () => {
  it.each([
    '250-286-3441',
    '(250) 286-3441',
    '250.286.3441',
    '250 286 3441',
    '250- 286-3441',
    '(250)286-3441',
    '+1 250 286 3441',
    '1-250-286-3441',
    '2502863441',
    ' 250 286-3441 ',
  ])('reads %j', (input) => {
    expect(parsePhone(input)).toEqual(CAMPBELL_RIVER);
  });

  it('reads the unbalanced parentheses found in the library branches file', () => {
    expect(parsePhone('(250 593-4545')?.display).toBe('250-593-4545');
    expect(parsePhone('604) 598-7360')?.display).toBe('604-598-7360');
  });

  it.each([
    ['(250) 286-3441 ext. 204', '+12502863441', '204'],
    ['250-286-3441 ext 204', '+12502863441', '204'],
    ['250-286-3441 x204', '+12502863441', '204'],
    ['250-286-3441 poste 204', '+12502863441', '204'],
    ['250-286-3441 #204', '+12502863441', '204'],
    ['250-545-2215 ext 230', '+12505452215', '230'], // WorkBC Vernon
    ['416-480-6100  EXT 62624', '+14164806100', '62624'], // Toronto Public Library
    ['514 328-4000 #5626', '+15143284000', '5626'], // Montréal library branch
    ['519-846-0918 x6222', '+15198460918', '6222'], // Wellington County library branch
  ])('reads the extension of %j', (input, e164, extension) => {
    const phone = parsePhone(input);
    expect(phone?.e164).toBe(e164);
    expect(phone?.extension).toBe(extension);
  });

  it('gives the exact e164 and extension for the brief example', () => {
    expect(parsePhone('(250) 286-3441 ext. 204')).toEqual({ ...CAMPBELL_RIVER, extension: '204' });
  });

  it('marks toll-free area codes and prints them with "1-"', () => {
    expect(parsePhone('1-800-622-6232')).toEqual({
      e164: '+18006226232',
      display: '1-800-622-6232',
      kind: 'toll_free',
    });
    expect(parsePhone('1 866-868-9673')).toEqual({
      e164: '+18668689673',
      display: '1-866-868-9673',
      kind: 'toll_free',
    });
    expect(parsePhone('1 (888) 668-4141')?.kind).toBe('toll_free');
    expect(parsePhone('1-866-711-0411')?.display).toBe('1-866-711-0411'); // exchange 711 is fine in toll-free
    for (const area of ['800', '833', '844', '855', '866', '877', '888']) {
      expect(parsePhone(`${area}-564-3545`)?.kind).toBe('toll_free');
    }
  });

  it('uses the kind it is given, even for a toll-free number', () => {
    expect(parsePhone('250-286-3447', 'fax')?.kind).toBe('fax');
    expect(parsePhone('1-800-926-9105', 'tty')).toEqual({
      e164: '+18009269105',
      display: '1-800-926-9105',
      kind: 'tty',
    });
  });

  it.each([
    ['', 'empty'],
    ['TBA', 'a placeholder'],
    ['1-800-O-Canada', 'a vanity number'],
    ['Tel: 250-286-3441', 'a label (parsePhones reads those)'],
    ['286-3441', 'seven digits'],
    ['250-286-34411', 'eleven digits not starting with 1'],
    ['2-250-286-3441', 'a country code other than 1'],
    ['+44 20 7946 0958', 'a non-NANP number'],
    ['+250 286 3441', '"+" without the country code'],
    ['050-286-3441', 'an area code starting with 0'],
    ['150-286-3441', 'an area code starting with 1'],
    ['250-086-3441', 'an exchange starting with 0'],
    ['1-877-123-4567', 'an exchange starting with 1'],
    ['411-286-3441', 'an N11 area code'],
    ['250-286-3441 ext.', 'an extension without digits'],
    ['250-286-3441 / 250-286-3442', 'two numbers'],
  ])('rejects %j (%s)', (input) => {
    expect(parsePhone(input)).toBeNull();
  });
});

describe('parsePhones', () => {
  const voice = (digits: string) => ({
    e164: `+1${digits}`,
    display: `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
    kind: 'voice',
  });
  const tollFree = (digits: string, kind = 'toll_free') => ({
    e164: `+1${digits}`,
    display: `1-${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
    kind,
  });

  it('returns nothing for empty input and "no number" placeholders', () => {
    for (const input of ['', '   ', 'n/a', 'n.d.', 's. o. / n/a', 'TBA', 'TBD', 'Fax: TBA']) {
      expect(parsePhones(input)).toEqual({ phones: [], invalid: [] });
    }
  });

  it('reads a single number (WorkBC, Nova Scotia Works)', () => {
    expect(parsePhones('250-286-3441')).toEqual({ phones: [CAMPBELL_RIVER], invalid: [] });
    expect(parsePhones('902 794-7213')).toEqual({ phones: [voice('9027947213')], invalid: [] });
  });

  it('splits on "/", ";", ",", "or", "ou", "and", "et"', () => {
    expect(parsePhones('902 794-7213 / 902 794-7214').phones).toEqual([
      voice('9027947213'),
      voice('9027947214'),
    ]);
    expect(parsePhones('250-286-3441 or 1-877-564-3545').phones).toEqual([
      CAMPBELL_RIVER,
      tollFree('8775643545'),
    ]);
    expect(parsePhones('514 872-1733 ou 514 872-1734; 514 872-4097').phones).toEqual([
      voice('5148721733'),
      voice('5148721734'),
      voice('5148724097'),
    ]);
    expect(parsePhones('250-286-3441, 250-286-3447 and 250-286-3448').phones.map((p) => p.e164)).toEqual([
      '+12502863441',
      '+12502863447',
      '+12502863448',
    ]);
  });

  it('reports pieces that are not valid numbers, as written', () => {
    expect(parsePhones('250-286-3441 or 1-877-123-4567')).toEqual({
      phones: [CAMPBELL_RIVER],
      invalid: ['1-877-123-4567'],
    });
    expect(parsePhones('1-800-O-Canada')).toEqual({ phones: [], invalid: ['1-800-O-Canada'] });
    expect(parsePhones('call us; 286-3441')).toEqual({ phones: [], invalid: ['call us', '286-3441'] });
  });

  it('sets kinds from labels in both languages', () => {
    expect(parsePhones('Tel: 250-286-3441; TTY: 1-800-926-9105').phones).toEqual([
      CAMPBELL_RIVER,
      tollFree('8009269105', 'tty'),
    ]);
    expect(parsePhones('Tel: 250-286-3441 Fax: 250-286-3447').phones).toEqual([
      CAMPBELL_RIVER,
      { ...voice('2502863447'), kind: 'fax' },
    ]);
    expect(parsePhones('Téléphone : 902 794-7213').phones).toEqual([voice('9027947213')]);
    expect(parsePhones('Sans frais : 1-866-711-0411').phones).toEqual([tollFree('8667110411')]);
    expect(parsePhones('Téléc. : 902-794-4766').phones).toEqual([{ ...voice('9027944766'), kind: 'fax' }]);
    expect(parsePhones('ATS : 514 872-1734').phones).toEqual([{ ...voice('5148721734'), kind: 'tty' }]);
    expect(parsePhones('TTY/ATS: 1-800-926-9105').phones).toEqual([tollFree('8009269105', 'tty')]);
    expect(parsePhones('Fax/Téléc. 250-286-3447 / 250-286-3448').phones.map((p) => p.kind)).toEqual([
      'fax',
      'fax',
    ]);
  });

  it('lets a "Tel" label leave toll-free numbers toll-free', () => {
    expect(parsePhones('Tél. 1-800-622-6232').phones).toEqual([tollFree('8006226232')]);
  });

  it('reads a label in parentheses after a number, and drops other notes (Nova Scotia Works)', () => {
    expect(parsePhones('1-866-609-9675 (Toll Free)')).toEqual({
      phones: [tollFree('8666099675')],
      invalid: [],
    });
    expect(parsePhones('902 625-0001 (call for office hours)')).toEqual({
      phones: [voice('9026250001')],
      invalid: [],
    });
    expect(parsePhones('514 872-1733 ou 514 872-1734 (ATS)').phones.map((p) => p.kind)).toEqual([
      'voice',
      'tty',
    ]);
    expect(parsePhones('250-286-3447 (fax), 250-286-3441').phones.map((p) => p.kind)).toEqual([
      'fax',
      'voice',
    ]);
  });

  it('reads a bare label at the very end as naming the number before it', () => {
    expect(parsePhones('1-800-622-6232 or 1-800-926-9105 TTY').phones).toEqual([
      tollFree('8006226232'),
      tollFree('8009269105', 'tty'),
    ]);
  });

  it('keeps an extension that follows a comma or sits in parentheses', () => {
    expect(parsePhones('416-480-6100, ext. 62624').phones).toEqual([
      { ...voice('4164806100'), extension: '62624' },
    ]);
    expect(parsePhones('Phone: 250-286-3441 (ext. 204)').phones).toEqual([
      { ...CAMPBELL_RIVER, extension: '204' },
    ]);
  });

  it('uses the kind it is given for unlabelled numbers only', () => {
    expect(parsePhones('902-794-4766', 'fax').phones).toEqual([{ ...voice('9027944766'), kind: 'fax' }]);
    expect(parsePhones('Tel: 250-286-3441', 'fax').phones).toEqual([CAMPBELL_RIVER]);
  });

  it('reads labels around NBSP and line breaks', () => {
    expect(parsePhones('Tel\u00A0: 250-286-3441\nFax\u202F: 250-286-3447').phones.map((p) => p.kind)).toEqual(
      ['voice', 'fax'],
    );
  });
});
