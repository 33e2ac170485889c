import { describe, expect, it } from 'vitest';
import { cleanText, foldPlaceName, foldText } from './text.js';

describe('cleanText', () => {
  it('returns clean text as it is, and cleans every Latin-1 control or space it meets', () => {
    expect(cleanText("Centre d'emploi de Québec — Côte-Nord")).toBe("Centre d'emploi de Québec — Côte-Nord");
    expect(cleanText('Café ÉLAN ½ «Nord»')).toBe('Café ÉLAN ½ «Nord»');
    // U+0085 and U+009F are C1 controls (removed), U+00A0 is a space, U+00AD a soft hyphen (kept).
    expect(cleanText('a\u0085b\u009Fc\u00A0d\u00ADe')).toBe('abc d\u00ADe');
    expect(cleanText('a  b')).toBe('a b');
    expect(cleanText(' a')).toBe('a');
    expect(cleanText('a ')).toBe('a');
    expect(cleanText('')).toBe('');
  });

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
  it('folds ASCII in its one-pass path exactly as the Unicode path does', () => {
    // A trailing " é" sends the same text through the Unicode path, which adds " e".
    const viaUnicode = (text: string): string => foldText(`${text} é`).replace(/ ?e$/, '');
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    const samples = [
      printable,
      "St. John's",
      'A&W  Centre',
      '&start',
      'end&',
      "'quoted'",
      '  --Saint-Jean--sur--Richelieu!! ',
      '920 Alder St. #12, Unit B',
      '',
    ];
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      let text = '';
      for (let i = 0; i < 12; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += printable[seed % printable.length];
      }
      samples.push(text);
    }
    for (const text of samples) expect(foldText(text), JSON.stringify(text)).toBe(viaUnicode(text));
    expect(foldText('A&W  Centre')).toBe('a and w centre');
  });

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
