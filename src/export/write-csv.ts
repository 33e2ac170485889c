import type { Writable } from 'node:stream';
import type { ServicePoint } from '../domain/service-point.js';
import { EXPORT_COLUMNS, pointToExportRow } from './export-columns.js';

/** RFC 4180 quoting: quotes a cell when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Streams points as UTF-8 CSV in the export layout; returns the number written. */
export async function writeCsv(points: AsyncIterable<ServicePoint>, out: Writable): Promise<number> {
  let count = 0;
  await write(out, `${EXPORT_COLUMNS.join(',')}\r\n`);
  for await (const point of points) {
    const row = pointToExportRow(point);
    await write(out, `${EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`);
    count++;
  }
  return count;
}

/** Writes with back-pressure: waits for `drain` when the stream's buffer is full. */
export function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(chunk, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else out.once('drain', resolve);
  });
}
