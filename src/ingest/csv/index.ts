import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { OpenSource, OpenedSource, ReadOptions, SourceRow } from '../source-row.js';
import { detectDelimiter } from './detect-delimiter.js';
import { detectEncoding, firstInvalidUtf8Index } from './detect-encoding.js';
import { CsvRecordParser, CsvSyntaxError } from './record-parser.js';

// Detection reads at most this much of the start of the file; rows are streamed.
const SAMPLE_BYTES = 64 * 1024;
// Bytes read from the file at a time while streaming its rows.
const READ_CHUNK_BYTES = 64 * 1024;
// A record longer than this is almost always an opening quote that is never closed; the
// parser stops there instead of buffering the rest of a large file into one field.
const MAX_RECORD_CHARS = 128_000;

type Encoding = 'utf-8' | 'windows-1252';

/**
 * Opens a CSV file for streaming: detects encoding (UTF-8, UTF-8 with BOM, windows-1252),
 * delimiter (, ; tab |) and reads the header; `rows()` then streams the data rows.
 * @example
 * const source = await openCsv('data/workbc_centres_2021/workbc_centres.csv');
 * for await (const { row, fields } of source.rows()) console.log(row, fields.name);
 */
export const openCsv: OpenSource = async (path: string, options: ReadOptions = {}) => {
  const { sample, isWholeFile } = await readSample(path);
  const detected = detectEncoding(sample, isWholeFile);
  if (detected.encoding === 'utf-16') {
    throw new Error(
      `${path}: line 1: the file is UTF-16 (it starts with a UTF-16 byte-order mark); ` +
        'save it as "CSV UTF-8" and import it again.',
    );
  }
  const encoding: Encoding = options.encoding ?? detected.encoding;
  const bom = detected.bom;
  const body = sample.subarray(bom ? 3 : 0);
  const text =
    encoding === 'utf-8' ? new TextDecoder('utf-8').decode(body) : iconv.decode(body, 'windows-1252');
  if (options.delimiter !== undefined && (options.delimiter === '' || /["\r\n]/.test(options.delimiter))) {
    throw new Error(
      `${path}: the delimiter ${JSON.stringify(options.delimiter)} cannot be used; give a character such as "," ";" "\\t" or "|".`,
    );
  }
  const delimiter = options.delimiter ?? detectDelimiter(text, isWholeFile);
  const settings: ReadSettings = { path, encoding, delimiter, bom };

  const headers = await readHeader(settings);
  const source: OpenedSource = {
    headers,
    detected: { format: 'csv', encoding, delimiter, bom },
    rows: () => readRows(settings, headers),
  };
  return source;
};

interface ReadSettings {
  path: string;
  encoding: Encoding;
  delimiter: string;
  bom: boolean;
}

async function readSample(path: string): Promise<{ sample: Uint8Array; isWholeFile: boolean }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const message = `${path}: cannot open the CSV file (${describeFsError(error)}); check the path and permissions.`;
    throw new Error(message, { cause: error });
  }
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const { size } = await handle.stat();
    return { sample: buffer.subarray(0, bytesRead), isWholeFile: bytesRead >= size };
  } finally {
    await handle.close();
  }
}

async function readHeader(settings: ReadSettings): Promise<string[]> {
  for await (const cells of readRecords(settings)) {
    return uniqueHeaders(cells);
  }
  throw new Error(
    `${settings.path}: line 1: the file is empty; a CSV file needs a header line with the column names.`,
  );
}

async function* readRows(settings: ReadSettings, headers: readonly string[]): AsyncGenerator<SourceRow> {
  let row = 0;
  let isHeader = true;
  for await (const cells of readRecords(settings)) {
    if (isHeader) {
      isHeader = false;
      continue;
    }
    row += 1;
    yield { row, fields: fieldsFrom(headers, cells), cellCount: cells.length };
  }
}

/** Header cells → unique keys: BOM and spaces removed, repeats suffixed `_2`, `_3`, blanks named `column_N`. */
function uniqueHeaders(cells: readonly string[]): string[] {
  const used = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell.replace(/\uFEFF/g, '').trim() || `column_${index + 1}`;
    let name = base;
    for (let suffix = 2; used.has(name); suffix += 1) name = `${base}_${suffix}`;
    used.add(name);
    return name;
  });
}

/** Cells → header-keyed fields; a short record gets "" for missing cells, a long one `_extra_1`, `_extra_2`… */
function fieldsFrom(headers: readonly string[], cells: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  headers.forEach((header, index) => {
    fields[header] = cells[index] ?? '';
  });
  for (let index = headers.length; index < cells.length; index += 1) {
    fields[`_extra_${index - headers.length + 1}`] = cells[index];
  }
  return fields;
}

/**
 * Every non-blank record of the file, cells trimmed, streamed with back-pressure. A record
 * whose cells are all blank (an empty line, or ",,," as spreadsheets leave after the data)
 * is not a data row: it is skipped and not counted, so row numbers count real records only.
 */
async function* readRecords(settings: ReadSettings): AsyncGenerator<string[]> {
  const { path, encoding, delimiter, bom } = settings;
  const parser = new CsvRecordParser(delimiter, MAX_RECORD_CHARS);
  const decoder = encoding === 'utf-8' ? new Utf8Checker(path) : iconv.getDecoder('windows-1252');
  // The BOM is skipped as bytes so that it never reaches a decoder, whatever the encoding.
  const input = createReadStream(path, { start: bom ? 3 : 0, highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      yield* nonBlank(parser.push(decoder.write(chunk)));
    }
    const rest = decoder.end();
    if (rest) yield* nonBlank(parser.push(rest));
    yield* nonBlank(parser.end());
  } catch (error) {
    throw csvErrorMessage(path, error, parser.lastRecordLine);
  } finally {
    input.destroy();
  }
}

function* nonBlank(records: string[][]): Generator<string[]> {
  for (const cells of records) {
    if (cells.every((cell) => cell === '')) continue;
    yield cells;
  }
}

/** Decodes UTF-8, failing with the line number at the first byte that is not UTF-8. */
class Utf8Checker {
  readonly #path: string;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #line = 1;

  constructor(path: string) {
    this.#path = path;
  }

  write(chunk: Buffer): string {
    let text: string;
    try {
      text = this.#decoder.decode(chunk, { stream: true });
    } catch {
      const at = Math.max(0, firstInvalidUtf8Index(chunk, false));
      const lineOfByte = this.#line + countNewlines(chunk.subarray(0, at));
      throw new Error(
        `${this.#path}: line ${lineOfByte}: byte 0x${(chunk[at] ?? 0).toString(16).toUpperCase()} is not UTF-8, ` +
          'although the start of the file is. Re-save the file as UTF-8, or import it with ' +
          'encoding "windows-1252" if it came from Excel on Windows.',
      );
    }
    this.#line += countNewlines(chunk);
    return text;
  }

  end(): string {
    try {
      return this.#decoder.decode();
    } catch {
      throw new Error(
        `${this.#path}: line ${this.#line}: the file ends in the middle of a UTF-8 character; re-save it as UTF-8.`,
      );
    }
  }
}

function countNewlines(bytes: Buffer): number {
  // Speed: indexOf is a native scan; iterating a Buffer byte by byte cost ~0.1 s per 10 MB.
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count += 1;
  return count;
}

function csvErrorMessage(path: string, error: unknown, lastLine: number): Error {
  if (!(error instanceof CsvSyntaxError)) {
    // Our own decoding errors already name the file and line; a read error may not.
    const message = error instanceof Error ? error.message : String(error);
    return message.startsWith(`${path}: `)
      ? (error as Error)
      : new Error(`${path}: ${message}`, { cause: error });
  }
  // The line after the last complete record: where the record in error starts, at the
  // latest (blank lines may come between), so messages say "on or after" this line.
  const from = lastLine + 1;
  switch (error.code) {
    case 'quote_not_closed':
      return new Error(
        `${path}: line ${from}: a quoted field that starts on or after line ${from} is never closed before the end ` +
          'of the file. Add the missing closing quote ("), or double any quote inside a quoted field ("").',
        { cause: error },
      );
    case 'record_too_long':
      return new Error(
        `${path}: line ${from}: the record starting on or after line ${from} is longer than ${MAX_RECORD_CHARS} characters, ` +
          'usually because a quote (") opened there is never closed. Fix the quoting near that line.',
        { cause: error },
      );
    default:
      return new Error(
        `${path}: line ${from}: in the record starting on or after line ${from}, ${error.message}. ` +
          'Check the quoting and delimiters on or after that line.',
        { cause: error },
      );
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}
