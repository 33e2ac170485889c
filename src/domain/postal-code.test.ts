import { describe, expect, it } from 'vitest';
import {
  findPostalCodeIn,
  fsaFromPostalCode,
  isRuralFsa,
  normaliseFsa,
  normalisePostalCode,
  provincesForFsa,
} from './postal-code.js';

describe('normalisePostalCode', () => {
  it('keeps canonical codes (WorkBC Campbell River, Service Canada Abbotsford)', () => {
    expect(normalisePostalCode('V9W 2P8')).toBe('V9W 2P8');
    expect(normalisePostalCode('V2T 6T6')).toBe('V2T 6T6');
  });

  it('fixes case, spacing and hyphens', () => {
    expect(normalisePostalCode('K1A0B1')).toBe('K1A 0B1');
    expect(normalisePostalCode('v9w-2p8')).toBe('V9W 2P8');
    expect(normalisePostalCode('b2a   3s1')).toBe('B2A 3S1');
    expect(normalisePostalCode('M5V 0E7 ')).toBe('M5V 0E7'); // Toronto Public Library, trailing space
    expect(normalisePostalCode('X0A\u00A00H0')).toBe('X0A 0H0');
  });

  it('rejects letters Canada Post never uses', () => {
    for (const letter of ['D', 'F', 'I', 'O', 'Q', 'U']) {
      expect(normalisePostalCode(`${letter}1A 1A1`)).toBeNull();
      expect(normalisePostalCode(`A1${letter} 1A1`)).toBeNull();
      expect(normalisePostalCode(`A1A 1${letter}1`)).toBeNull();
    }
  });

  it('rejects W and Z only in first place', () => {
    expect(normalisePostalCode('W1A 1A1')).toBeNull();
    expect(normalisePostalCode('Z1A 1A1')).toBeNull();
    expect(normalisePostalCode('A1W 1Z1')).toBe('A1W 1Z1');
  });

  it('rejects other shapes and placeholders', () => {
    expect(normalisePostalCode('')).toBeNull();
    expect(normalisePostalCode('H2S')).toBeNull(); // an FSA alone (library branches file)
    expect(normalisePostalCode('N.D.')).toBeNull();
    expect(normalisePostalCode('K1A 0B')).toBeNull();
    expect(normalisePostalCode('K1A 0B1 2')).toBeNull();
    expect(normalisePostalCode('1KA 0B1')).toBeNull();
    expect(normalisePostalCode('K1A--0B1')).toBeNull();
    expect(normalisePostalCode('90210')).toBeNull();
  });
});

describe('normaliseFsa', () => {
  it('upper-cases valid FSAs', () => {
    expect(normaliseFsa('p3e')).toBe('P3E');
    expect(normaliseFsa(' H2S ')).toBe('H2S');
    expect(normaliseFsa('X0A')).toBe('X0A');
  });

  it('rejects invalid ones', () => {
    expect(normaliseFsa('D1A')).toBeNull();
    expect(normaliseFsa('W1A')).toBeNull();
    expect(normaliseFsa('K1O')).toBeNull();
    expect(normaliseFsa('K1A 0B1')).toBeNull();
    expect(normaliseFsa('K1')).toBeNull();
  });
});

describe('fsaFromPostalCode', () => {
  it('takes the first three characters', () => {
    expect(fsaFromPostalCode('V9W 2P8')).toBe('V9W');
    expect(fsaFromPostalCode('B0E 1B0')).toBe('B0E');
  });
});

describe('isRuralFsa', () => {
  it('is true when the digit is 0', () => {
    expect(isRuralFsa('V0N')).toBe(true); // Port Hardy, WorkBC
    expect(isRuralFsa('B0E')).toBe(true); // Baddeck, Nova Scotia Works
    expect(isRuralFsa('V9W')).toBe(false);
    expect(isRuralFsa('X1A')).toBe(false); // Yellowknife
  });
});

describe('provincesForFsa', () => {
  it.each([
    ['A1C', ['NL']],
    ['B2A', ['NS']],
    ['C1A', ['PE']],
    ['E1C', ['NB']],
    ['G1R', ['QC']],
    ['H2S', ['QC']],
    ['J8X', ['QC']],
    ['K1A', ['ON']],
    ['L4N', ['ON']],
    ['M5V', ['ON']],
    ['N2L', ['ON']],
    ['P3E', ['ON']],
    ['R3C', ['MB']],
    ['S4P', ['SK']],
    ['T0A', ['AB']],
    ['V9W', ['BC']],
    ['X0A', ['NT', 'NU']],
    ['Y1A', ['YT']],
  ] as const)('maps %s to %j', (fsa, provinces) => {
    expect(provincesForFsa(fsa)).toEqual(provinces);
  });

  it('reads lower case and full postal codes', () => {
    expect(provincesForFsa('v9w 2p8')).toEqual(['BC']);
  });

  it('is empty for letters that start no postal code', () => {
    expect(provincesForFsa('D1A')).toEqual([]);
    expect(provincesForFsa('W1A')).toEqual([]);
    expect(provincesForFsa('')).toEqual([]);
  });

  it('returns a fresh array each time', () => {
    const first = provincesForFsa('X0A');
    first.push('ON');
    expect(provincesForFsa('X0A')).toEqual(['NT', 'NU']);
  });
});

describe('findPostalCodeIn', () => {
  it('finds a code at the end of an address', () => {
    expect(findPostalCodeIn('123 Main St, Sudbury ON P3E 5K2')).toBe('P3E 5K2');
    expect(findPostalCodeIn('920 Alder Street, Campbell River, BC V9W2P8')).toBe('V9W 2P8');
    expect(findPostalCodeIn('105 King Street, North Sydney (NS) b2a-3s1, Canada')).toBe('B2A 3S1');
  });

  it('returns the first valid code', () => {
    expect(findPostalCodeIn('D1A 1A1 or K1A 0B1')).toBe('K1A 0B1');
  });

  it('ignores codes glued to other letters or digits', () => {
    expect(findPostalCodeIn('ref AK1A 0B1')).toBeNull();
    expect(findPostalCodeIn('K1A 0B12')).toBeNull();
    expect(findPostalCodeIn('Box 233, Ingonish')).toBeNull();
    expect(findPostalCodeIn('')).toBeNull();
  });
});
