import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { csvCell, write } from '../write-csv.js';
import type { Row } from './package-rows.js';

/**
 * Streams one table to a UTF-8 CSV file (RFC 4180: comma-separated, CRLF line ends, cells
 * quoted when they hold a comma, quote or line break), header first.
 */
export class CsvTableWriter {
  readonly path: string;
  readonly columns: readonly string[];
  readonly #out: WriteStream;
  #rows = 0;
  #ready: Promise<void>;

  constructor(path: string, columns: readonly string[]) {
    this.path = path;
    this.columns = columns;
    this.#out = createWriteStream(path, { encoding: 'utf8' });
    this.#ready = write(this.#out, `${columns.map(csvCell).join(',')}\r\n`);
  }

  /** Rows written so far (the header not counted). */
  get rows(): number {
    return this.#rows;
  }

  async writeRows(rows: readonly Row[] | undefined): Promise<void> {
    if (!rows || rows.length === 0) return;
    await this.#ready;
    const text = rows
      .map((row) => `${this.columns.map((c) => csvCell(row[c] ?? '')).join(',')}\r\n`)
      .join('');
    this.#rows += rows.length;
    this.#ready = write(this.#out, text);
    await this.#ready;
  }

  async close(): Promise<void> {
    await this.#ready;
    this.#out.end();
    await finished(this.#out);
  }
}
