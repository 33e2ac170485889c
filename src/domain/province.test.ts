import { describe, expect, it } from 'vitest';
import {
  PROVINCE_CODES,
  PROVINCES,
  isProvinceCode,
  provinceFromCsdCode,
  provinceFromSgc,
  provinceFromText,
} from './province.js';

describe('PROVINCES', () => {
  it('lists the 13 codes in SGC order', () => {
    expect(PROVINCE_CODES.map((code) => PROVINCES[code].sgc)).toEqual([
      '10',
      '11',
      '12',
      '13',
      '24',
      '35',
      '46',
      '47',
      '48',
      '59',
      '60',
      '61',
      '62',
    ]);
    for (const code of PROVINCE_CODES) expect(PROVINCES[code].code).toBe(code);
  });

  it('holds the official French names and levels', () => {
    expect(PROVINCE_CODES.map((code) => PROVINCES[code].name.fr)).toEqual([
      'Terre-Neuve-et-Labrador',
      'Île-du-Prince-Édouard',
      'Nouvelle-Écosse',
      'Nouveau-Brunswick',
      'Québec',
      'Ontario',
      'Manitoba',
      'Saskatchewan',
      'Alberta',
      'Colombie-Britannique',
      'Yukon',
      'Territoires du Nord-Ouest',
      'Nunavut',
    ]);
    expect(PROVINCE_CODES.filter((code) => PROVINCES[code].level === 'territorial')).toEqual([
      'YT',
      'NT',
      'NU',
    ]);
  });

  it('gives each a valid IANA time zone', () => {
    expect(PROVINCES.SK.timeZone).toBe('America/Regina');
    expect(PROVINCES.NL.timeZone).toBe('America/St_Johns');
    for (const code of PROVINCE_CODES) {
      expect(() => new Intl.DateTimeFormat('en-CA', { timeZone: PROVINCES[code].timeZone })).not.toThrow();
    }
  });
});

describe('provinceFromText', () => {
  it('reads the two-letter codes in any case (ODHF writes "qc", "nt")', () => {
    for (const code of PROVINCE_CODES) {
      expect(provinceFromText(code)).toBe(code);
      expect(provinceFromText(code.toLowerCase())).toBe(code);
    }
    expect(provinceFromText(' ON ')).toBe('ON');
  });

  it('reads English and French names, ignoring case and accents', () => {
    for (const code of PROVINCE_CODES) {
      expect(provinceFromText(PROVINCES[code].name.en)).toBe(code);
      expect(provinceFromText(PROVINCES[code].name.fr)).toBe(code);
    }
    expect(provinceFromText('quebec')).toBe('QC');
    expect(provinceFromText('QUÉBEC')).toBe('QC');
    expect(provinceFromText('ile du prince edouard')).toBe('PE');
    expect(provinceFromText('Newfoundland & Labrador')).toBe('NL');
    expect(provinceFromText('Territoires du Nord Ouest')).toBe('NT');
  });

  it('reads "Province of …" forms (ODHF "Province of Québec")', () => {
    expect(provinceFromText('Province of Québec')).toBe('QC');
    expect(provinceFromText('Province of British Columbia')).toBe('BC');
    expect(provinceFromText("Province de l'Ontario")).toBe('ON');
    expect(provinceFromText('Province du Manitoba')).toBe('MB');
    expect(provinceFromText('Yukon Territory')).toBe('YT');
  });

  it.each([
    ['Nfld.', 'NL'],
    ['NFLD', 'NL'],
    ['Nfld. & Lab.', 'NL'],
    ['T.-N.-L.', 'NL'],
    ['TNL', 'NL'],
    ['NF', 'NL'],
    ['P.E.I.', 'PE'],
    ['PEI', 'PE'],
    ['Î.-P.-É.', 'PE'],
    ['IPE', 'PE'],
    ['N.S.', 'NS'],
    ['N.-É.', 'NS'],
    ['NÉ', 'NS'],
    ['N.B.', 'NB'],
    ['N.-B.', 'NB'],
    ['Que.', 'QC'],
    ['Qué.', 'QC'],
    ['Qc', 'QC'],
    ['PQ', 'QC'],
    ['Ont.', 'ON'],
    ['Man.', 'MB'],
    ['Sask.', 'SK'],
    ['Alta.', 'AB'],
    ['Alb.', 'AB'],
    ['B.C.', 'BC'],
    ['C.-B.', 'BC'],
    ['CB', 'BC'],
    ['Yuk.', 'YT'],
    ['Y.T.', 'YT'],
    ['Yn', 'YT'],
    ['N.W.T.', 'NT'],
    ['NWT', 'NT'],
    ['T.N.-O.', 'NT'],
    ['TNO', 'NT'],
    ['Nvt.', 'NU'],
    ['Nt.', 'NU'],
  ] as const)('reads the abbreviation %s as %s', (text, code) => {
    expect(provinceFromText(text)).toBe(code);
  });

  it('reads NT without the French abbreviation spelling "Nt." as the Northwest Territories', () => {
    expect(provinceFromText('NT')).toBe('NT');
    expect(provinceFromText('NT.')).toBe('NT');
    expect(provinceFromText('Nt')).toBe('NT');
  });

  it('returns null for anything else', () => {
    expect(provinceFromText('')).toBeNull();
    expect(provinceFromText('Canada')).toBeNull();
    expect(provinceFromText('Province')).toBeNull();
    expect(provinceFromText('NE')).toBeNull(); // Nebraska, unless written NÉ
    expect(provinceFromText('N.E.')).toBeNull();
    expect(provinceFromText('WA')).toBeNull();
    expect(provinceFromText('Labrador City')).toBeNull();
    expect(provinceFromText('Northwest')).toBeNull();
    expect(provinceFromText('Ontario Works')).toBeNull();
    expect(provinceFromText('35')).toBeNull();
  });
});

describe('provinceFromSgc', () => {
  it('maps SGC codes (DFRP "Province or Territory Code")', () => {
    expect(provinceFromSgc('35')).toBe('ON');
    expect(provinceFromSgc('10')).toBe('NL');
    expect(provinceFromSgc('62')).toBe('NU');
    expect(provinceFromSgc(' 24 ')).toBe('QC');
  });

  it('returns null for other codes', () => {
    expect(provinceFromSgc('')).toBeNull();
    expect(provinceFromSgc('14')).toBeNull();
    expect(provinceFromSgc('3')).toBeNull();
    expect(provinceFromSgc('ON')).toBeNull();
  });
});

describe('provinceFromCsdCode', () => {
  it('reads the province from the first two digits', () => {
    expect(provinceFromCsdCode('3520005')).toBe('ON'); // Toronto
    expect(provinceFromCsdCode('2466023')).toBe('QC'); // Montréal
    expect(provinceFromCsdCode('6204003')).toBe('NU'); // Iqaluit
    expect(provinceFromCsdCode('5941005')).toBe('BC'); // 100 Mile House (GeoNames csd_code_2021)
  });

  it('returns null when the code is not 7 digits or its province does not exist', () => {
    expect(provinceFromCsdCode('352000')).toBeNull();
    expect(provinceFromCsdCode('35200050')).toBeNull();
    expect(provinceFromCsdCode('35A0005')).toBeNull();
    expect(provinceFromCsdCode('9920005')).toBeNull();
    expect(provinceFromCsdCode('')).toBeNull();
  });
});

describe('isProvinceCode', () => {
  it('accepts the 13 codes exactly', () => {
    expect(PROVINCE_CODES.every(isProvinceCode)).toBe(true);
    expect(isProvinceCode('on')).toBe(false);
    expect(isProvinceCode('NWT')).toBe(false);
    expect(isProvinceCode('toString')).toBe(false);
  });
});
