import { describe, expect, it } from 'vitest';
import { cleanText, foldPlaceName, foldText } from './text.js';

describe('cleanText', () => {
  it('turns NBSP, tabs and line breaks into single spaces and trims', () => {
    expect(cleanText('  920\u00A0Alder Street\r\n Campbell\tRiver  ')).toBe(
      '920 Alder Street Campbell River',
    );
    expect(cleanText('Téléphone\u202F: 902 794-7213')).toBe('Téléphone : 902 794-7213');
  });

  it('removes control characters, a byte-order mark and zero-width spaces', () => {
    expect(cleanText('\uFEFFWorkBC\u0000 Centre\u200B\u007F')).toBe('WorkBC Centre');
  });

  it('leaves clean text and accents untouched', () => {
    expect(cleanText('Île-du-Prince-Édouard')).toBe('Île-du-Prince-Édouard');
    expect(cleanText('')).toBe('');
    expect(cleanText(' \n\t ')).toBe('');
  });
});

describe('foldText', () => {
  it('drops accents, case and apostrophes', () => {
    expect(foldText("St. John's")).toBe('st johns');
    expect(foldText('QUÉBEC')).toBe('quebec');
    expect(foldText('Trois-Rivières')).toBe('trois rivieres');
    expect(foldText('L’Île-Perrot')).toBe('lile perrot');
  });

  it('spells out ligatures and the ampersand', () => {
    expect(foldText('Cœur-de-Lion')).toBe('coeur de lion');
    expect(foldText('ÆGIR')).toBe('aegir');
    expect(foldText('Newfoundland & Labrador')).toBe('newfoundland and labrador');
  });

  it('turns every other run of punctuation or space into one space', () => {
    expect(foldText('  100 Mile House -- (B.C.) ')).toBe('100 mile house b c');
    expect(foldText('...')).toBe('');
  });

  it('keeps letters of other scripts', () => {
    // Iqaluit in Inuktitut syllabics, as GeoNames lists it among alternate names.
    expect(foldText('ᐃᖃᓗᐃᑦ')).toBe('ᐃᖃᓗᐃᑦ');
  });
});

describe('foldPlaceName', () => {
  it('gives short and long saint forms the same key', () => {
    expect(foldPlaceName("St. John's")).toBe('saint johns');
    expect(foldPlaceName("Saint John's")).toBe('saint johns');
    expect(foldPlaceName('St-Jean-sur-Richelieu')).toBe('saint jean sur richelieu');
    expect(foldPlaceName('Saint-Jean-sur-Richelieu')).toBe('saint jean sur richelieu');
    expect(foldPlaceName('Ste-Anne-des-Monts')).toBe('sainte anne des monts');
    expect(foldPlaceName('Sainte-Anne-des-Monts')).toBe('sainte anne des monts');
  });

  it('spells out Mt and Ft (GeoNames "Fort St. John")', () => {
    expect(foldPlaceName('Ft. St. John')).toBe('fort saint john');
    expect(foldPlaceName('Fort St. John')).toBe('fort saint john');
    expect(foldPlaceName('Mt. Pearl')).toBe('mount pearl');
  });

  it('only expands whole words', () => {
    expect(foldPlaceName('Stewart')).toBe('stewart');
    expect(foldPlaceName('Fortune')).toBe('fortune');
    expect(foldPlaceName('')).toBe('');
  });
});

describe('foldText on plain ASCII and on Unicode text', () => {
  it('gives the same result through the ASCII shortcut as through the Unicode path', () => {
    const ascii = ["St. John's", 'Job Junction, `main` office', 'WorkBC Centre - Campbell River', 'A&W  12'];
    // Each ASCII string with an accented letter appended takes the Unicode path; the fold of
    // the appended letter is known ("e"), so the rest must match the ASCII shortcut's fold.
    for (const text of ascii) expect(foldText(`${text} é`)).toBe(`${foldText(text)} e`.trim());
    expect(foldText("St. John's")).toBe('st johns');
    expect(foldText('A&W  12')).toBe('a and w 12');
  });
});
