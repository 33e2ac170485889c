import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter.js';

describe('detectDelimiter', () => {
  it('finds each supported delimiter', () => {
    expect(detectDelimiter('id,name,city\np1,WorkBC Centre - Campbell River,Campbell River\n', true)).toBe(
      ',',
    );
    expect(detectDelimiter('nom;ville\nBibliothèque Benny;Montréal\n', true)).toBe(';');
    expect(detectDelimiter('name\tcity\nRenfrew\tVancouver\n', true)).toBe('\t');
    expect(detectDelimiter('_id|BranchName\n1|Albion\n', true)).toBe('|');
  });

  it('ignores commas in Quebec addresses of a semicolon file', () => {
    const sample =
      'nom;adresse;ville\r\n' +
      'Bibliothèque Jean-Marie-Caron;430, boulevard du Progrès;Gatineau\r\n' +
      'Bibliothèque Aurélien-Doucet;207, boulevard du Mont-Bleu;Gatineau\r\n';
    expect(detectDelimiter(sample, true)).toBe(';');
  });

  it('counts only outside quotes, across quoted line breaks', () => {
    const sample =
      'name,hours,city\n' +
      'WorkBC Centre - Sidney,"8:30 am; 7:00 pm Monday;\n4:30 pm Tuesday; Friday",Sidney\n' +
      'WorkBC Centre - Sechelt,"8:30 am; 6:00 pm Monday",Sechelt\n';
    expect(detectDelimiter(sample, true)).toBe(',');
  });

  it('prefers the delimiter whose count is the same on every line', () => {
    // One ";" in the header by accident; "," is consistent on both data lines.
    const sample = 'name,note;s,city\nA,b,c\nD,e,f\n';
    expect(detectDelimiter(sample, true)).toBe(',');
  });

  it('ignores the last line of a cut sample', () => {
    // The cut line has 3 commas where the header has none; it must not count.
    const sample = 'nom;ville\nBenny;Montréal\nLaval;Lav,a,l,';
    expect(detectDelimiter(sample, false)).toBe(';');
  });

  it('falls back to "," for a one-column or empty file', () => {
    expect(detectDelimiter('name\nRenfrew\n', true)).toBe(',');
    expect(detectDelimiter('', true)).toBe(',');
    expect(detectDelimiter('\n\n', true)).toBe(',');
  });
});
