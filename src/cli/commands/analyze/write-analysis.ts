import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { tableToCsv, tableToGeoJson, type ResultTable } from '../../../analysis/result-tables.js';

/** The format of an `--out` file from its extension; throws on anything else. */
export function outFormat(file: string): 'csv' | 'geojson' {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.geojson') return 'geojson';
  throw new Error(`--out must name a .csv or .geojson file; got "${file}"`);
}

/** Checks `--out` and `--table` before any work is done. */
export function checkOutput(
  out: string | undefined,
  table: string | undefined,
  tables: readonly string[],
): void {
  if (out !== undefined) outFormat(out);
  if (table !== undefined && !tables.includes(table)) {
    throw new Error(`--table must be one of ${tables.join(', ')}; got "${table}"`);
  }
}

/** Writes the chosen table (default the first) to `out` as CSV or GeoJSON; returns its name and row count. */
export function writeTable(
  out: string,
  tables: readonly ResultTable[],
  name: string | undefined,
): { table: string; rows: number } {
  const chosen = tables.find((t) => t.name === (name ?? tables[0].name)) ?? tables[0];
  const text = outFormat(out) === 'csv' ? tableToCsv(chosen) : `${JSON.stringify(tableToGeoJson(chosen))}\n`;
  writeFileSync(out, text);
  return { table: chosen.name, rows: chosen.rows.length };
}
