/**
 * A CSV record parser for decoded text arriving in chunks: RFC 4180 quoting (a doubled quote
 * inside quotes is one quote; delimiters and line breaks inside quotes are text), line
 * breaks \r\n, \n or \r, a delimiter of one or more characters, and the leniency open-data
 * files need:
 * - spaces around a cell are not part of it, even around a quoted one (`"a" , b`);
 * - a quote inside an unquoted cell is text (`12" pipe`, `Centre ""Le Phare""`); but text
 *   after a closing quote (`"a"b`) is an error, as it is for csv-parse: it is how a quote
 *   left open in one row shows up a few rows later;
 * - a line with nothing on it is not a record; records may have any number of cells.
 *
 * It replaced csv-parse on the import path (configured the same way: relax_quotes,
 * relax_column_count, trim, skip_empty_lines), for speed: on the benchmark's 100,000 rows it
 * takes a fraction of csv-parse's ~0.5 s, which was a sixth of the import's main thread.
 */

/** Why a CSV file cannot be read past some point, with the line it is about. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: 'quote_not_closed' | 'record_too_long' | 'text_after_closing_quote',
    /** The physical line (1-based) on which the last complete record ended; 0 before the first. */
    readonly lastRecordLine: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** What trims around a cell: the Unicode white space, line breaks excepted. */
function isBlank(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === LF) count++;
    else if (code === CR && text.charCodeAt(at + 1) !== LF) count++;
  }
  return count;
}

/** The outcome of reading one record from a position: its end, or "needs more text". */
const INCOMPLETE = -1;

/**
 * Feed it decoded text with `push`, then call `end`; each returns the records completed so
 * far, as arrays of trimmed cells. Lines that hold nothing are skipped.
 */
export class CsvRecordParser {
  readonly #delimiter: string;
  readonly #delimiterCode: number;
  readonly #maxRecordChars: number;
  /** Text received but not yet part of a complete record. */
  #pending = '';
  /** Physical line on which `#pending` starts (1-based). */
  #line = 1;
  /** Physical line on which the last complete record ended; 0 before the first. */
  #lastRecordLine = 0;
  // Scratch state of the record being read (reset by #readRecord).
  #cells: string[] = [];
  #recordEndLine = 0;
  #recordQuoted = false;

  constructor(delimiter: string, maxRecordChars: number) {
    if (delimiter === '') throw new Error('A CSV delimiter cannot be empty.');
    this.#delimiter = delimiter;
    this.#delimiterCode = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
    this.#maxRecordChars = maxRecordChars;
  }

  /** The line on which the last complete record ended (0 before the first). */
  get lastRecordLine(): number {
    return this.#lastRecordLine;
  }

  push(chunk: string): string[][] {
    return this.#parse(this.#pending === '' ? chunk : this.#pending + chunk, false);
  }

  /** The records left at the end of the text; throws if a quote is still open. */
  end(): string[][] {
    return this.#parse(this.#pending, true);
  }

  #parse(text: string, final: boolean): string[][] {
    const records: string[][] = [];
    let start = 0;
    while (start < text.length) {
      const next = this.#readRecord(text, start, final);
      if (next === INCOMPLETE) break;
      const cells = this.#cells;
      // A line with nothing on it; `""` is a record (of one empty cell), as for csv-parse.
      const blank = cells.length === 1 && cells[0] === '' && !this.#recordQuoted;
      if (!blank) {
        records.push(cells);
        this.#lastRecordLine = this.#recordEndLine;
      }
      this.#line = this.#recordEndLine + 1;
      start = next;
    }
    this.#pending = start === 0 ? text : text.slice(start);
    if (!final && this.#pending.length > this.#maxRecordChars) this.#tooLong();
    if (final) this.#pending = '';
    return records;
  }

  #tooLong(): never {
    throw new CsvSyntaxError(
      'record_too_long',
      this.#lastRecordLine,
      `a record is longer than ${this.#maxRecordChars} characters`,
    );
  }

  #isDelimiterAt(text: string, at: number): boolean {
    return this.#delimiterCode >= 0
      ? text.charCodeAt(at) === this.#delimiterCode
      : text.startsWith(this.#delimiter, at);
  }

  /**
   * Reads the record starting at `start` into #cells and #recordEndLine; returns where the
   * next record starts, or INCOMPLETE when the text ends first (unless `final`).
   */
  #readRecord(text: string, start: number, final: boolean): number {
    const cells: string[] = [];
    const length = text.length;
    let quoted = false;
    const delimiterLength = this.#delimiter.length;
    let line = this.#line;
    let at = start;
    for (;;) {
      // Spaces before the cell.
      at = this.#skipBlanks(text, at);
      let cell: string;
      if (at < length && text.charCodeAt(at) === QUOTE) {
        // A quoted cell: up to the quote that is not doubled.
        quoted = true;
        let from = at + 1;
        cell = '';
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1 || (quote === length - 1 && !final)) {
            if (!final) return INCOMPLETE;
            throw new CsvSyntaxError('quote_not_closed', this.#lastRecordLine, 'a quoted field is never closed');
          }
          line += countLineBreaks(text, from, quote);
          cell += text.slice(from, quote);
          if (text.charCodeAt(quote + 1) === QUOTE) {
            cell += '"';
            from = quote + 2;
            continue;
          }
          at = quote + 1;
          break;
        }
        cell = cell.trim();
        at = this.#skipBlanks(text, at);
        if (at < length) {
          const code = text.charCodeAt(at);
          if (code !== LF && code !== CR && !this.#isDelimiterAt(text, at)) {
            // `"a":` then `:` in the next chunk, with the delimiter `::`.
            if (!final && this.#delimiter.startsWith(text.slice(at))) return INCOMPLETE;
            throw new CsvSyntaxError(
              'text_after_closing_quote',
              this.#lastRecordLine,
              `the quote that closes a field on line ${line} is followed by "${text[at]}" instead of a delimiter ` +
                'or the end of the line',
            );
          }
        }
      } else {
        const end = this.#unquotedEnd(text, at);
        cell = text.slice(at, end).trim();
        at = end;
      }
      cells.push(cell);
      if (at >= length) {
        if (!final) return INCOMPLETE;
        this.#cells = cells;
        this.#recordQuoted = quoted;
        this.#recordEndLine = line;
        return length;
      }
      const code = text.charCodeAt(at);
      if (code === LF || code === CR) {
        if (code === CR && at + 1 >= length && !final) return INCOMPLETE; // \r\n split across chunks
        if (at - start > this.#maxRecordChars) this.#tooLong();
        this.#cells = cells;
        this.#recordQuoted = quoted;
        this.#recordEndLine = line;
        return code === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
      }
      at += delimiterLength; // a delimiter
    }
  }

  /**
   * The first position from `at` that is not a space around a cell. A delimiter is never a
   * space here, even a tab (tab-separated files) or one starting with a space.
   */
  #skipBlanks(text: string, at: number): number {
    const length = text.length;
    const delimiterCode = this.#delimiterCode;
    const firstCode = this.#delimiter.charCodeAt(0);
    while (at < length) {
      const code = text.charCodeAt(at);
      if (!isBlank(code) || code === delimiterCode) break;
      if (code === firstCode && this.#isDelimiterAt(text, at)) break;
      at++;
    }
    return at;
  }

  /** Where an unquoted cell starting at `from` ends: at the next delimiter, line break or the end. */
  #unquotedEnd(text: string, from: number): number {
    const delimiterCode = this.#delimiterCode;
    const length = text.length;
    let at = from;
    if (delimiterCode >= 0) {
      for (; at < length; at++) {
        const code = text.charCodeAt(at);
        if (code === delimiterCode || code === LF || code === CR) return at;
      }
      return at;
    }
    for (; at < length; at++) {
      const code = text.charCodeAt(at);
      if (code === LF || code === CR || text.startsWith(this.#delimiter, at)) return at;
    }
    return at;
  }
}
