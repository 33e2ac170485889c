import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { hsdsColumns, type HsdsTableName } from '../../hsds/hsds-tables.js';
import { openCsv } from '../csv/index.js';
import type { ReadOptions } from '../source-row.js';
import type { HsdsPackageIssue } from './hsds-issue.js';

/** One data row of a package table: its 1-based data row number (header not counted) and cells. */
export interface HsdsRow {
  row: number;
  fields: Record<string, string>;
}

export interface HsdsTableData {
  name: HsdsTableName;
  /** The CSV file, as the descriptor names it. */
  path: string;
  headers: string[];
  rows: HsdsRow[];
}

/** A Repère source as a Repère-written descriptor lists it (`sources[]` with an `id`). */
export interface DescribedSource {
  id: string;
  title: string;
  path: string;
  licence: string;
  attribution?: string;
  retrievedAt: string;
  lastVerified: string | null;
}

/** An HSDS 3.0 tabular data package read into memory. */
export interface HsdsPackage {
  descriptorPath: string;
  /** The descriptor's `name`, else the folder's name. */
  name: string;
  title: string | null;
  /** Licence names or titles of the descriptor's `licenses`. */
  licences: string[];
  sources: DescribedSource[];
  /** The tables Repère reads, when present, in HSDS order. */
  tables: Map<HsdsTableName, HsdsTableData>;
  /** Tables Repère reads that the package does not have (optional in HSDS; not an error). */
  absentTables: HsdsTableName[];
  issues: HsdsPackageIssue[];
}

/**
 * The HSDS tables a location is built from, in HSDS order. `location` is the only one a
 * package must have; any other may be missing.
 */
export const TABLES_READ: readonly HsdsTableName[] = [
  'organization',
  'service',
  'attribute',
  'service_at_location',
  'location',
  'phone',
  'contact',
  'address',
  'schedule',
  'language',
  'accessibility',
  'taxonomy_term',
  'organization_identifier',
];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** `path` may be the descriptor or the folder holding datapackage.json. */
export function descriptorPathOf(path: string): string {
  const absolute = resolve(path);
  return existsSync(absolute) && statSync(absolute).isDirectory()
    ? join(absolute, 'datapackage.json')
    : absolute;
}

/**
 * Reads a Frictionless tabular data package holding HSDS 3.0 tables: the descriptor, then
 * every table Repère uses that it lists (by resource name), as UTF-8 CSV with the dialect it
 * declares. Extra columns are kept (reported once, as info); a listed file that is missing,
 * or a path leaving the package folder, is reported and skipped. Throws when the descriptor
 * cannot be read or lists no `location` table, since nothing could be imported.
 * @example const pkg = await readHsdsPackage('out/hsds'); pkg.tables.get('location')?.rows.length
 */
export async function readHsdsPackage(path: string): Promise<HsdsPackage> {
  const descriptorPath = descriptorPathOf(path);
  const dir = dirname(descriptorPath);
  let descriptor: Json;
  try {
    const parsed: unknown = JSON.parse(await readFile(descriptorPath, 'utf8'));
    if (!isObject(parsed)) throw new Error('the file is not a JSON object');
    descriptor = parsed;
  } catch (error) {
    throw new Error(
      `${descriptorPath}: cannot read the data package descriptor (${(error as Error).message}); give the path of an HSDS datapackage.json or of its folder.`,
      { cause: error },
    );
  }
  const resources = Array.isArray(descriptor['resources']) ? descriptor['resources'].filter(isObject) : [];
  const issues: HsdsPackageIssue[] = [];
  const tables = new Map<HsdsTableName, HsdsTableData>();
  for (const name of TABLES_READ) {
    const resource = resources.find((r) => r['name'] === name);
    const file = resource ? text(resource['path']) : null;
    if (!resource || !file) continue;
    const absolute = resolve(dir, file);
    const inside = relative(dir, absolute);
    if (isAbsolute(file) || inside.startsWith('..') || isAbsolute(inside)) {
      issues.push(
        fileIssue(name, 'unsafe_path', `the path "${file}" leaves the package folder; the table is not read`),
      );
      continue;
    }
    if (!existsSync(absolute)) {
      issues.push(
        fileIssue(
          name,
          'missing_file',
          `datapackage.json lists ${file} but the file is not in the package; the table is left out`,
        ),
      );
      continue;
    }
    let table: HsdsTableData;
    try {
      table = await readTable(name, file, absolute, readOptionsOf(resource));
    } catch (error) {
      if (name === 'location') throw error;
      issues.push(fileIssue(name, 'unreadable_file', `${(error as Error).message}; the table is left out`));
      continue;
    }
    issues.push(...extraColumnIssues(table));
    tables.set(name, table);
  }
  if (!tables.has('location')) {
    throw new Error(
      `${descriptorPath}: the package has no readable "location" table (locations.csv); Repère imports HSDS locations, so there is nothing to import.`,
    );
  }
  return {
    descriptorPath,
    name: text(descriptor['name']) ?? (dir.split(/[\\/]/).pop() || 'hsds'),
    title: text(descriptor['title']),
    licences: (Array.isArray(descriptor['licenses']) ? descriptor['licenses'].filter(isObject) : []).flatMap(
      (l) => {
        const licence =
          text(l['name']) === 'other'
            ? text(l['title'])
            : (text(l['name']) ?? text(l['title']) ?? text(l['path']));
        return licence ? [licence] : [];
      },
    ),
    sources: describedSources(descriptor['sources']),
    tables,
    absentTables: TABLES_READ.filter((name) => !tables.has(name)),
    issues,
  };
}

function fileIssue(table: string, code: HsdsPackageIssue['code'], message: string): HsdsPackageIssue {
  return { table, row: 0, field: null, code, severity: 'warning', message };
}

/** The CSV dialect a resource declares (Frictionless defaults: comma, UTF-8). */
function readOptionsOf(resource: Json): ReadOptions {
  const options: ReadOptions = {};
  const dialect = isObject(resource['dialect']) ? resource['dialect'] : {};
  options.delimiter = text(dialect['delimiter']) ?? (dialect['delimiter'] === '\t' ? '\t' : ',');
  const encoding = text(resource['encoding'])?.toLowerCase();
  if (encoding === 'windows-1252' || encoding === 'cp1252') options.encoding = 'windows-1252';
  else if (encoding === 'utf-8' || encoding === 'utf8') options.encoding = 'utf-8';
  return options;
}

async function readTable(
  name: HsdsTableName,
  path: string,
  absolute: string,
  options: ReadOptions,
): Promise<HsdsTableData> {
  const opened = await openCsv(absolute, options);
  const rows: HsdsRow[] = [];
  for await (const { row, fields } of opened.rows()) rows.push({ row, fields });
  return { name, path, headers: opened.headers, rows };
}

/** One info issue per column HSDS does not define: the values are kept in each record's raw data. */
function extraColumnIssues(table: HsdsTableData): HsdsPackageIssue[] {
  const known = new Set(hsdsColumns(table.name));
  return table.headers
    .filter((header) => !known.has(header))
    .map((header) => ({
      table: table.name,
      row: 0,
      field: header,
      code: 'extra_column' as const,
      severity: 'info' as const,
      message: `"${header}" is not an HSDS 3.0 ${table.name} column; its values are kept in the records' raw data`,
    }));
}

function describedSources(value: unknown): DescribedSource[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((s) => {
    const id = text(s['id']);
    if (!id) return [];
    const source: DescribedSource = {
      id,
      title: text(s['title']) ?? id,
      path: text(s['path']) ?? '',
      licence: text(s['licence']) ?? 'unclear',
      retrievedAt: text(s['retrieved_at']) ?? '',
      lastVerified: text(s['last_verified']),
    };
    const attribution = text(s['attribution']);
    if (attribution) source.attribution = attribution;
    return [source];
  });
}
