import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ProvinceCode } from '../src/domain/province.js';
import { ProvinceLocator } from '../src/ingest/geocode/province-locator.js';
import { loadBoundaries, loadCanadaOutline } from '../src/ingest/reference/load-boundaries.js';
import { OPEN_DATA_COLUMNS, loadLocatedRows } from './open-data-rows.js';
import type { OpenDataRow } from './open-data-rows.js';
import { randomIndex, seededRandom, shuffled } from './seeded-random.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The bundled data folder the rows are taken from. */
export const BUNDLED_DATA_DIR = resolve(REPO_ROOT, 'data');
/** Where benchmark inputs and outputs go (git-ignored). */
export const BENCH_OUT_DIR = resolve(REPO_ROOT, 'bench', 'out');

export const DEFAULT_ROWS = 100_000;
export const DEFAULT_SEED = 20_240_601;

// Shares of the rows, drawn per row: so the counts vary a little around these with the seed.
const SHARE_BROKEN = 0.002;
const SHARE_DUPLICATE = 0.005;
const SHARE_WITHOUT_COORDINATES = 0.05;
// Of the rows without coordinates, this share also loses its postal code (city-only geocoding).
const SHARE_CITY_ONLY = 1 / 3;
// Published coordinates are moved by this much in a random direction, so no two rows share a point.
const JITTER_MIN_METRES = 50;
const JITTER_MAX_METRES = 400;
const METRES_PER_DEGREE_LAT = 111_320;
// Exact duplicates repeat one of this many most recent good rows.
const RECENT_ROWS = 1_000;

export interface OpenDataCsvOptions {
  /** The CSV file to write (its folder is created). */
  outPath: string;
  /** Data rows, header not counted. */
  rows?: number;
  seed?: number;
  dataDir?: string;
}

/** What was written, by kind of row (they add up to `rows`). */
export interface OpenDataCsvSummary {
  path: string;
  rows: number;
  seed: number;
  /** Distinct real rows the file cycles through. */
  baseRows: number;
  located: number;
  withoutCoordinates: number;
  duplicates: number;
  broken: number;
}

/**
 * Writes a CSV in the common open-data layout (`name,address,city,province,postal_code,phone,
 * email,website,latitude,longitude`) made from the located rows of the bundled data, cycled
 * in a seeded order: each name gets a " #n" suffix (n = line number), coordinates are jittered
 * by 50–400 m and stay in the same province; ~5% of rows have no coordinates (postal code or
 * city only), ~0.5% repeat an earlier line exactly, ~0.2% have no name. Byte-identical for a
 * given seed, row count and data folder.
 * @example await makeOpenDataCsv({ outPath: 'bench/out/open-data-100000.csv', rows: 100_000, seed: 1 });
 */
export async function makeOpenDataCsv(options: OpenDataCsvOptions): Promise<OpenDataCsvSummary> {
  const rows = options.rows ?? DEFAULT_ROWS;
  const seed = options.seed ?? DEFAULT_SEED;
  const dataDir = options.dataDir ?? BUNDLED_DATA_DIR;
  const [boundaries, outlines, located] = await Promise.all([
    loadBoundaries(dataDir),
    loadCanadaOutline(dataDir),
    loadLocatedRows(dataDir),
  ]);
  const locator = new ProvinceLocator(boundaries, { outlines });
  const random = seededRandom(seed);
  // Only rows the import itself would accept as in Canada, so "located" rows stay located.
  const base = shuffled(
    located.filter((row) => locator.isInCanada(row.lat, row.lon)),
    random,
  );
  if (base.length === 0)
    throw new Error(
      `${dataDir}: no located rows found in the bundled data; is this the repository's data/ folder?`,
    );

  const summary: OpenDataCsvSummary = {
    path: options.outPath,
    rows,
    seed,
    baseRows: base.length,
    located: 0,
    withoutCoordinates: 0,
    duplicates: 0,
    broken: 0,
  };
  await mkdir(dirname(options.outPath), { recursive: true });
  const out = createWriteStream(options.outPath, { encoding: 'utf8' });
  // Province of each base row's published point, computed once (jitter keeps rows in it).
  const provinces = new Map<OpenDataRow, ProvinceCode | null>();
  // A ring of the last RECENT_ROWS good lines, that exact duplicates are drawn from.
  const recent: string[] = [];
  let kept = 0;
  let next = 0;
  const nextBase = (): OpenDataRow => base[next++ % base.length];
  let chunk = `${OPEN_DATA_COLUMNS.join(',')}\n`;

  for (let i = 0; i < rows; i += 1) {
    const suffix = ` #${i + 1}`;
    const draw = random();
    let line: string;
    if (draw < SHARE_BROKEN) {
      line = csvLine({ ...nextBase(), name: '' }, null);
      summary.broken += 1;
    } else if (draw < SHARE_BROKEN + SHARE_DUPLICATE && recent.length > 0) {
      line = recent[randomIndex(random, recent.length)];
      summary.duplicates += 1;
    } else if (draw < SHARE_BROKEN + SHARE_DUPLICATE + SHARE_WITHOUT_COORDINATES) {
      let row = nextBase();
      while (!row.postal_code && !row.city) row = nextBase();
      const cityOnly = row.city !== '' && random() < SHARE_CITY_ONLY;
      line = csvLine({ ...row, name: row.name + suffix, postal_code: cityOnly ? '' : row.postal_code }, null);
      summary.withoutCoordinates += 1;
    } else {
      const row = nextBase();
      line = csvLine({ ...row, name: row.name + suffix }, jitter(row, random, locator, provinces));
      summary.located += 1;
    }
    if (draw >= SHARE_BROKEN) recent[kept++ % RECENT_ROWS] = line;
    chunk += line;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return summary;
}

/**
 * The row's point moved 50–400 m in a random direction, still in the same province (or, for
 * a point just off the coast, still in Canada); the point itself when four tries left it.
 */
function jitter(
  row: OpenDataRow,
  random: () => number,
  locator: ProvinceLocator,
  provinces: Map<OpenDataRow, ProvinceCode | null>,
): { lat: number; lon: number } {
  let province = provinces.get(row);
  if (province === undefined) {
    province = locator.provinceAt(row.lat, row.lon);
    provinces.set(row, province);
  }
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const metres = JITTER_MIN_METRES + random() * (JITTER_MAX_METRES - JITTER_MIN_METRES);
    const bearing = random() * 2 * Math.PI;
    const lat = round6(row.lat + (metres * Math.cos(bearing)) / METRES_PER_DEGREE_LAT);
    const lon = round6(
      row.lon + (metres * Math.sin(bearing)) / (METRES_PER_DEGREE_LAT * Math.cos((row.lat * Math.PI) / 180)),
    );
    // Speed: a point inside a province polygon is in Canada, so isInCanada (3× dearer) is
    // only asked for points off the 1:50m coast.
    const at = locator.provinceAt(lat, lon);
    if (at !== null ? at === province : province === null && locator.isInCanada(lat, lon))
      return { lat, lon };
  }
  return { lat: row.lat, lon: row.lon };
}

function round6(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}

function csvLine(row: OpenDataRow, point: { lat: number; lon: number } | null): string {
  const cells = [
    row.name,
    row.address,
    row.city,
    row.province,
    row.postal_code,
    row.phone,
    row.email,
    row.website,
  ];
  const coordinates = point ? [point.lat.toFixed(6), point.lon.toFixed(6)] : ['', ''];
  return `${[...cells.map(csvCell), ...coordinates].join(',')}\n`;
}

// RFC 4180 quoting: only cells with a delimiter, quote or line break, quotes doubled.
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function isMain(): boolean {
  return process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
}

if (isMain()) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: String(DEFAULT_ROWS) },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string' },
    },
  });
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(seed)) {
    throw new Error(
      `--rows must be a positive integer and --seed an integer; got --rows ${values.rows} --seed ${values.seed}`,
    );
  }
  const outPath = resolve(values.out ?? resolve(BENCH_OUT_DIR, `open-data-${rows}-seed${seed}.csv`));
  const summary = await makeOpenDataCsv({ outPath, rows, seed });
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
