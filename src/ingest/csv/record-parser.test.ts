import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvRecordParser, CsvSyntaxError } from './record-parser.js';
import { detectDelimiter } from './detect-delimiter.js';

const MAX = 128_000;

function parseAll(text: string, delimiter = ',', chunks: readonly number[] = []): string[][] {
  const parser = new CsvRecordParser(delimiter, MAX);
  const records: string[][] = [];
  let at = 0;
  for (const cut of chunks) {
    records.push(...parser.push(text.slice(at, cut)));
    at = cut;
  }
  records.push(...parser.push(text.slice(at)));
  records.push(...parser.end());
  return records;
}

function errorOf(text: string): CsvSyntaxError {
  try {
    parseAll(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CsvSyntaxError');
}

describe('CsvRecordParser', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks', () => {
    expect(parseAll('name,address\n"Job Junction, ""main"" office","1 Rue\nSt-Jean"\r\nB,C')).toEqual([
      ['name', 'address'],
      ['Job Junction, "main" office', '1 Rue\nSt-Jean'],
      ['B', 'C'],
    ]);
  });

  it('trims around cells, quoted or not, and keeps quotes inside unquoted cells as text', () => {
    expect(parseAll('  Centre ""Le Phare""  , "Sydney" ,12" pipe\n')).toEqual([
      ['Centre ""Le Phare""', 'Sydney', '12" pipe'],
    ]);
  });

  it('skips lines with nothing on them, keeps records of any length, reads \\r line breaks', () => {
    expect(parseAll('a,b\n\n   \r\nc\rd,e,f\n,\n')).toEqual([['a', 'b'], ['c'], ['d', 'e', 'f'], ['', '']]);
  });

  it('reads ; tab | and several-character delimiters', () => {
    expect(parseAll('nom;ville\nA;"B;C"', ';')).toEqual([['nom', 'ville'], ['A', 'B;C']]);
    expect(parseAll('a\tb\n1\t2', '\t')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseAll('a|b\n"x|y"|2', '|')).toEqual([['a', 'b'], ['x|y', '2']]);
    expect(parseAll('a::b\n1::"2::3"', '::')).toEqual([['a', 'b'], ['1', '2::3']]);
  });

  it('never takes a tab delimiter for a space around a cell', () => {
    expect(parseAll('a\tb\tc\n1\t\t3\n\t2\t3\n"x"\t y \t"z"\n', '\t')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', '2', '3'],
      ['x', 'y', 'z'],
    ]);
    expect(parseAll('a | b\n"x" | y', ' |')).toEqual([['a', 'b'], ['x', 'y']]);
  });

  it('waits for the rest of a several-character delimiter split after a closing quote', () => {
    const parser = new CsvRecordParser('::', MAX);
    expect(parser.push('a::b\n"x":')).toEqual([['a', 'b']]);
    expect(parser.push(':y\n')).toEqual([['x', 'y']]);
    expect(parser.end()).toEqual([]);
  });

  it('counts a line holding only "" as a record for error lines, as csv-parse did', () => {
    const error = errorOf('a,b\n""\n\n"c,d\n');
    expect(error.lastRecordLine).toBe(2);
    expect(parseAll('a\n""\nb')).toEqual([['a'], [''], ['b']]);
  });

  it('gives the same records whatever the chunks the text arrives in', () => {
    const text = 'name,city\r\n"A ""q"", x",B\n\n"multi\r\nline",  C  \r\nD,"E"\r\n"last"';
    const whole = parseAll(text);
    const tabs = 'a\tb\r\n"x"\t\t\n\t"y""z"\r\n';
    for (let cut = 1; cut < tabs.length; cut++) {
      expect(parseAll(tabs, '\t', [cut])).toEqual([['a', 'b'], ['x', '', ''], ['', 'y"z']]);
    }
    const colons = 'a::b\n"x"::y::\n::"z"';
    for (let cut = 1; cut < colons.length; cut++) {
      expect(parseAll(colons, '::', [cut])).toEqual([['a', 'b'], ['x', 'y', ''], ['', 'z']]);
    }
    expect(whole).toEqual([
      ['name', 'city'],
      ['A "q", x', 'B'],
      ['multi\r\nline', 'C'],
      ['D', 'E'],
      ['last'],
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      for (let second = cut; second < text.length; second += 7) {
        expect(parseAll(text, ',', [cut, second])).toEqual(whole);
      }
    }
  });

  it('says after which line a quote is never closed, counting line breaks inside quotes', () => {
    const error = errorOf('name,city\n"A\nB",C\n"D,E\nF,G\n');
    expect(error.code).toBe('quote_not_closed');
    expect(error.lastRecordLine).toBe(3);
  });

  it('stops when an open quote makes a record longer than the limit', () => {
    const parser = new CsvRecordParser(',', 100);
    expect(parser.push('a,b\n"c,d\n')).toEqual([['a', 'b']]);
    expect(() => parser.push('x,y\n'.repeat(30))).toThrow(CsvSyntaxError);
    expect(parser.lastRecordLine).toBe(1);
  });

  it('refuses text after a closing quote, with or without a space between', () => {
    const spaced = errorOf('a,b\n"c" d,e\n');
    expect(spaced.code).toBe('text_after_closing_quote');
    expect(spaced.lastRecordLine).toBe(1);
    expect(spaced.message).toBe(
      'the quote that closes a field on line 2 is followed by "d" instead of a delimiter or the end of the line',
    );
    // A quote left open on line 2 closes at the first quote of line 3.
    const runaway = errorOf('a,b\n"c,d\ne,"f"\n');
    expect(runaway.lastRecordLine).toBe(1);
    expect(runaway.message).toBe(
      'the quote that closes a field on line 3 is followed by "f" instead of a delimiter or the end of the line',
    );
  });

  // The parser replaced csv-parse with the options readRecords gave it: both must read every
  // bundled CSV file the same way.
  it('reads every bundled CSV file exactly as csv-parse did', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.csv')) files.push(path);
      }
    };
    walk('data');
    expect(files.length).toBeGreaterThan(10);
    let records = 0;
    for (const path of files) {
      const bytes = readFileSync(path);
      const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
      const delimiter = detectDelimiter(text.slice(0, 65_536), text.length <= 65_536);
      const expected = (
        parse(text, {
          delimiter,
          relax_column_count: true,
          relax_quotes: true,
          trim: true,
          skip_empty_lines: true,
        }) as string[][]
      ).map((record) => record.map((cell) => cell.trim()));
      const actual = parseAll(text, delimiter, [1000, 70_000]);
      expect(actual, path).toEqual(expected);
      records += actual.length;
    }
    // 29,590 records in 2026-11: every bundled CSV, not a sample.
    expect(records).toBeGreaterThan(25_000);
  });
});
