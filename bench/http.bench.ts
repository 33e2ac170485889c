// `npm run bench -- http`: the real server (`repere serve`, in a child process) on the
// bundled default dataset, loaded over loopback by autocannon from this process, on SQLite
// and, when a PostgreSQL server can be had (as in bench/knn.bench.ts), on PostGIS; then the
// bytes a results page costs, without and with its map.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { buildDefaultDataset } from '../src/ingest/build-default.js';
import { PostgisStore } from '../src/store/postgis/postgis-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { createTestDatabase, testServer, unavailableReason } from '../test/postgis/throwaway-cluster.js';
import {
  fromSamples,
  reading,
  summarise,
  type BenchContext,
  type Benchmark,
  type Measurement,
} from './benchmark.js';
import { loadOnce, nextClientAddress, type LoadResult } from './http-load.js';
import { BUNDLED_DATA_DIR } from './make-open-data-csv.js';
import { loadLocatedRows } from './open-data-rows.js';
import { pageRequestsOf, transferredBody } from './page-bytes.js';
import { randomIndex, seededRandom, shuffled } from './seeded-random.js';
import { startServeChild, type ServeChild } from './serve-child.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Concurrent keep-alive connections of every load run. */
const CONNECTIONS = 50;
/** Seconds of load before a case's timed runs (JIT, SQLite page cache, kd-tree, pg plans). */
const WARM_UP_SECONDS = 3;
/** Seconds of each timed run. */
const RUN_SECONDS = 10;
/** Origins of /nearby: Canadian places of at least this population (GeoNames cities500 rows). */
const CITY_MIN_POPULATION = 10_000;
const ORIGINS = 100;
const POSTAL_CODES = 100;
/** Keyword + postal code pairs of /api/v1/search. */
const SEARCHES = 200;
/** Results pages whose bytes are counted (each page's map points differ). */
const BYTES_PAGES = 20;
/** Goal for a results page without its map: HTML + site CSS, compressed (1 KB = 1,000 bytes). */
const PAGE_GOAL_KB = 60;
/** Real words of the bundled data, in both languages, as people type them. */
const KEYWORDS = [
  'emploi',
  'passport',
  'library',
  'Québec',
  'santé',
  'Service Canada',
  'bibliothèque',
  'employment',
  'health centre',
  'clinique',
  'hospital',
  'ServiceOntario',
];

interface LoadCase {
  label: string;
  paths: string[];
}

interface Backend {
  name: 'SQLite' | 'PostGIS';
  server: ServeChild;
}

/** `count` Canadian cities and towns (GeoNames, population ≥ 10,000), in a seeded order. */
async function cityOrigins(seed: number, count: number): Promise<{ lat: number; lon: number }[]> {
  const text = await readFile(join(BUNDLED_DATA_DIR, 'geonames_ca_places', 'geonames_ca_places.csv'), 'utf8');
  const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const cities = rows
    .filter((row) => row['feature_class'] === 'P' && Number(row['population']) >= CITY_MIN_POPULATION)
    .map((row) => ({ lat: Number(row['latitude']), lon: Number(row['longitude']) }));
  if (cities.length < count)
    throw new Error(
      `expected at least ${count} GeoNames places of ≥ ${CITY_MIN_POPULATION} people; found ${cities.length}`,
    );
  return shuffled(cities, seededRandom(seed)).slice(0, count);
}

/**
 * `count` distinct postal codes of the bundled records (A1A 1A1) whose FSA the offline
 * gazetteer knows (data/fsa_centroids_2011), in a seeded order: every one resolves.
 */
async function bundledPostalCodes(seed: number, count: number): Promise<string[]> {
  const fsaText = await readFile(join(BUNDLED_DATA_DIR, 'fsa_centroids_2011', 'fsa_centroids.csv'), 'utf8');
  const fsas = new Set(
    (parse(fsaText, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[]).map(
      (row) => row['fsa'],
    ),
  );
  const codes = new Set<string>();
  for (const row of await loadLocatedRows(BUNDLED_DATA_DIR)) {
    const compact = row.postal_code.toUpperCase().replace(/\s+/g, '');
    if (/^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(compact) && fsas.has(compact.slice(0, 3)))
      codes.add(`${compact.slice(0, 3)} ${compact.slice(3)}`);
  }
  if (codes.size < count)
    throw new Error(`expected at least ${count} postal codes in the bundled records; found ${codes.size}`);
  return shuffled([...codes], seededRandom(seed + 1)).slice(0, count);
}

/** The four request mixes, each a seeded list of real requests sent in turn. */
async function loadCases(seed: number): Promise<LoadCase[]> {
  const origins = await cityOrigins(seed, ORIGINS);
  const postalCodes = await bundledPostalCodes(seed, POSTAL_CODES);
  const random = seededRandom(seed + 2);
  const nearby = origins.map(({ lat, lon }) => `/api/v1/nearby?lat=${lat}&lon=${lon}&k=10`);
  return [
    { label: 'GET /api/v1/nearby?lat&lon&k=10', paths: nearby },
    {
      label: 'GET /api/v1/nearby?lat&lon&k=10&jurisdiction=federal',
      paths: nearby.map((path) => `${path}&jurisdiction=federal`),
    },
    {
      label: 'GET /api/v1/search?q&postcode',
      paths: Array.from({ length: SEARCHES }, () => {
        const q = KEYWORDS[randomIndex(random, KEYWORDS.length)];
        const postcode = postalCodes[randomIndex(random, postalCodes.length)];
        return `/api/v1/search?q=${encodeURIComponent(q)}&postcode=${encodeURIComponent(postcode)}`;
      }),
    },
    {
      label: 'GET /en/search?q=<postal code> (results page)',
      paths: postalCodes.map((code) => `/en/search?q=${encodeURIComponent(code)}`),
    },
  ];
}

/** The map bundle the pages link (public/build), built with Vite when it is missing. */
function ensureMapBundle(context: BenchContext): void {
  if (existsSync(join(REPO_ROOT, 'public', 'build', 'map.js'))) return;
  context.log('http: public/build/map.js is missing: npx vite build --config vite.web.config.ts');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(
      `vite build of the map bundle failed (exit ${result.status}): ${result.stderr || result.stdout}`,
    );
}

/** Builds the bundled default dataset into `store` and closes it; seconds taken. */
async function buildInto(store: Store): Promise<number> {
  const started = performance.now();
  try {
    await buildDefaultDataset(store, BUNDLED_DATA_DIR);
  } finally {
    await store.close();
  }
  return (performance.now() - started) / 1000;
}

/** Requests every distinct path once, in turn; throws on the first answer that is not 200. */
async function checkPaths(backend: Backend, cases: readonly LoadCase[]): Promise<Map<string, string>> {
  const nearbyIds = new Map<string, string>();
  for (const { paths } of cases) {
    for (const path of new Set(paths)) {
      const response = await fetch(`${backend.server.baseUrl}${path}`, {
        headers: { 'x-forwarded-for': nextClientAddress() },
      });
      const body = await response.text();
      if (response.status !== 200)
        throw new Error(
          `${backend.name}: GET ${path} answered ${response.status}, expected 200: ${body.slice(0, 300)}`,
        );
      if (path.startsWith('/api/v1/nearby'))
        nearbyIds.set(
          path,
          (JSON.parse(body) as { results: { id: string }[] }).results.map((r) => r.id).join(),
        );
    }
  }
  return nearbyIds;
}

/**
 * Stops the benchmark on any non-2xx answer (a 429 means the rate limiter throttled the load;
 * anything else, a broken request list): throughput of error pages means nothing.
 */
function checkAll2xx(result: LoadResult, what: string): void {
  if (result.non2xx > 0)
    throw new Error(
      `${what}: ${result.non2xx} non-2xx responses of ${result.requests} (status codes ` +
        `${JSON.stringify(result.statusCodes)}); every response must be 2xx for the figures to mean anything`,
    );
}

/** "0 errors", or the count and kinds of failed requests over the runs, flagged for the table. */
function errorsNote(results: readonly LoadResult[]): string {
  const kinds: Record<string, number> = {};
  for (const result of results)
    for (const [kind, count] of Object.entries(result.errorKinds)) kinds[kind] = (kinds[kind] ?? 0) + count;
  const errors = results.reduce((n, r) => n + r.errors, 0);
  if (errors === 0) return '0 errors';
  const list = Object.entries(kinds)
    .map(([kind, count]) => `${kind}: ${count}`)
    .join(', ');
  return `**${errors} errors** (${list}; must be 0; failed requests are not in the latencies)`;
}

/** Warm-up, then `repeat` rounds of every case on every backend in turn. */
async function measureLoad(
  context: BenchContext,
  cases: readonly LoadCase[],
  backends: readonly Backend[],
): Promise<Measurement[]> {
  for (const loadCase of cases) {
    for (const backend of backends) {
      context.log(`http: warm-up ${WARM_UP_SECONDS} s, ${loadCase.label}, ${backend.name}`);
      const result = await loadOnce({
        baseUrl: backend.server.baseUrl,
        paths: loadCase.paths,
        seconds: WARM_UP_SECONDS,
        connections: CONNECTIONS,
      });
      checkAll2xx(result, `warm-up of ${loadCase.label} on ${backend.name}`);
    }
  }
  // Rounds: each case on each backend once per round, in turn, so that other work on a
  // shared machine slows every case alike; the SQLite/PostGIS ratios are taken per round.
  const runs = cases.map(() =>
    backends.map((): { result: LoadResult; cpuMsPerRequest: number | null }[] => []),
  );
  for (let round = 0; round < context.repeat; round++) {
    for (const [c, loadCase] of cases.entries()) {
      for (const [b, backend] of backends.entries()) {
        context.log(`http: round ${round + 1} of ${context.repeat}, ${loadCase.label}, ${backend.name}`);
        const cpuBefore = backend.server.cpuSeconds();
        const result = await loadOnce({
          baseUrl: backend.server.baseUrl,
          paths: loadCase.paths,
          seconds: RUN_SECONDS,
          connections: CONNECTIONS,
        });
        const cpuAfter = backend.server.cpuSeconds();
        checkAll2xx(result, `${loadCase.label} on ${backend.name}, round ${round + 1}`);
        if (result.errors > 0)
          context.log(`http: ${result.errors} failed requests: ${JSON.stringify(result.errorKinds)}`);
        const cpuMsPerRequest =
          cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / result.requests;
        runs[c][b].push({ result, cpuMsPerRequest });
      }
    }
  }

  const measurements: Measurement[] = [];
  for (const [c, loadCase] of cases.entries()) {
    for (const [b, backend] of backends.entries()) {
      const samples = runs[c][b];
      const cpu = samples.flatMap((s) => (s.cpuMsPerRequest === null ? [] : [s.cpuMsPerRequest]));
      const requests = samples.reduce((n, s) => n + s.result.requests, 0);
      const cpuNote =
        cpu.length > 0 ? `; server process CPU ${summarise(cpu).median.toFixed(2)} ms/request` : '';
      measurements.push(
        fromSamples(
          `${loadCase.label}, ${backend.name}`,
          'requests/s',
          samples.map((s) => s.result.requestsPerSecond),
          `${CONNECTIONS} connections, ${RUN_SECONDS} s runs, ${loadCase.paths.length} rotating requests${cpuNote}; ` +
            `${errorsNote(samples.map((s) => s.result))}, 0 non-2xx in ${requests.toLocaleString('en-CA')} responses`,
        ),
        fromSamples(
          `${loadCase.label}, ${backend.name}: p50 latency`,
          'ms',
          samples.map((s) => s.result.p50Ms),
        ),
        fromSamples(
          `${loadCase.label}, ${backend.name}: p99 latency`,
          'ms',
          samples.map((s) => s.result.p99Ms),
        ),
      );
    }
    if (backends.length === 2) {
      const [sqlite, postgis] = runs[c];
      measurements.push(
        fromSamples(
          `${loadCase.label}: SQLite requests/s ÷ PostGIS requests/s`,
          '×',
          sqlite.map((s, round) => s.result.requestsPerSecond / postgis[round].result.requestsPerSecond),
          'per round',
        ),
      );
    }
  }
  return measurements;
}

const KB = 1000;

interface Transfer {
  br: number;
  gzip: number;
  identity: number;
}

/** Body bytes of `url` as sent for `Accept-Encoding: gzip, br`, `gzip` and none. */
async function transfer(url: string): Promise<Transfer> {
  const sizes: number[] = [];
  for (const encoding of ['gzip, br', 'gzip', 'identity']) {
    const response = await transferredBody(url, encoding, { 'x-forwarded-for': nextClientAddress() });
    if (response.status !== 200)
      throw new Error(`GET ${url} answered ${response.status} while counting bytes`);
    sizes.push(response.bytes);
  }
  return { br: sizes[0], gzip: sizes[1], identity: sizes[2] };
}

const add = (a: Transfer, b: Transfer): Transfer => ({
  br: a.br + b.br,
  gzip: a.gzip + b.gzip,
  identity: a.identity + b.identity,
});
const NOTHING: Transfer = { br: 0, gzip: 0, identity: 0 };

/**
 * Bytes of the first BYTES_PAGES results pages of the page case, as the server sends them:
 * the page alone (HTML + site CSS) and with its map (map.js, map.css, MapLibre's worker,
 * and the GeoJSON the `#map` element's data-*-url attributes name).
 */
async function measureBytes(baseUrl: string, pagePaths: readonly string[]): Promise<Measurement[]> {
  const pages: { html: Transfer; site: Transfer; mapAssets: Transfer; mapData: Map<string, Transfer> }[] = [];
  const assetCache = new Map<string, Transfer>();
  const asset = async (path: string): Promise<Transfer> => {
    let sizes = assetCache.get(path);
    if (!sizes) assetCache.set(path, (sizes = await transfer(`${baseUrl}${path}`)));
    return sizes;
  };
  const assetNames = new Map<string, string>();
  for (const path of pagePaths.slice(0, BYTES_PAGES)) {
    const html = (await transferredBody(`${baseUrl}${path}`, 'identity')).body.toString('utf8');
    const requests = pageRequestsOf(html);
    const siteCss = requests.stylesheets.filter((href) => href.includes('/assets/css/'));
    const mapCss = requests.stylesheets.filter((href) => !href.includes('/assets/css/'));
    if (siteCss.length === 0 || requests.scripts.length === 0 || requests.mapData.length === 0)
      throw new Error(`${path}: expected a site stylesheet, the map script and #map data URLs in the page`);
    // MapLibre starts its worker from the file beside the bundle (src/web/map.ts, setWorkerUrl).
    const worker = new URL('maplibre-gl-worker.js', `${baseUrl}${requests.scripts[0]}`).pathname;
    for (const href of siteCss) assetNames.set(href, 'site CSS');
    for (const href of mapCss) assetNames.set(href, 'map CSS');
    for (const src of requests.scripts) assetNames.set(src, 'map script');
    assetNames.set(worker, 'MapLibre worker');
    let site = NOTHING;
    for (const href of siteCss) site = add(site, await asset(href));
    let mapAssets = NOTHING;
    for (const href of [...mapCss, ...requests.scripts, worker])
      mapAssets = add(mapAssets, await asset(href));
    const mapData = new Map<string, Transfer>();
    for (const url of requests.mapData) mapData.set(url, await transfer(`${baseUrl}${url}`));
    pages.push({ html: await transfer(`${baseUrl}${path}`), site, mapAssets, mapData });
  }

  const kb = (bytes: number): number => bytes / KB;
  const note = (values: readonly Transfer[]): string =>
    `gzip ${kb(summarise(values.map((v) => v.gzip)).median).toFixed(1)} KB, uncompressed ${kb(summarise(values.map((v) => v.identity)).median).toFixed(1)} KB`;
  const pageNote = `${pages.length} pages /en/search?q=<postal code>`;
  const measurements: Measurement[] = [];
  const htmls = pages.map((p) => p.html);
  measurements.push(
    fromSamples(
      'results page HTML (br)',
      'KB',
      htmls.map((h) => kb(h.br)),
      `${note(htmls)}; ${pageNote}`,
    ),
  );
  for (const [path, sizes] of assetCache)
    measurements.push(
      reading(`${assetNames.get(path) ?? path} (br)`, 'KB', kb(sizes.br), `${note([sizes])}; ${path}`),
    );
  const withoutMap = pages.map((p) => add(p.html, p.site));
  const withMap = pages.map((p) =>
    [...p.mapData.values()].reduce(add, add(add(p.html, p.site), p.mapAssets)),
  );
  const dataKinds = new Map<string, Transfer[]>();
  for (const page of pages)
    for (const [url, sizes] of page.mapData) {
      const kind = new URL(url, baseUrl).pathname;
      dataKinds.set(kind, [...(dataKinds.get(kind) ?? []), sizes]);
    }
  for (const [kind, sizes] of dataKinds)
    measurements.push(
      fromSamples(
        `map data ${kind} (br)`,
        'KB',
        sizes.map((s) => kb(s.br)),
        `${note(sizes)}; ${pageNote}`,
      ),
    );
  measurements.push(
    fromSamples(
      'results page without the map, HTML + site CSS, Accept-Encoding: gzip, br',
      'KB',
      withoutMap.map((t) => kb(t.br)),
      `server sends br; goal < ${PAGE_GOAL_KB} KB; uncompressed ${kb(summarise(withoutMap.map((t) => t.identity)).median).toFixed(1)} KB`,
    ),
    fromSamples(
      'results page without the map, HTML + site CSS, Accept-Encoding: gzip',
      'KB',
      withoutMap.map((t) => kb(t.gzip)),
      `goal < ${PAGE_GOAL_KB} KB`,
    ),
    fromSamples(
      'results page with the map (+ map.js, map.css, worker, map GeoJSON), Accept-Encoding: gzip, br',
      'KB',
      withMap.map((t) => kb(t.br)),
      `server sends br; uncompressed ${kb(summarise(withMap.map((t) => t.identity)).median).toFixed(1)} KB; no basemap tiles (no tile URL configured)`,
    ),
    fromSamples(
      'results page with the map (+ map.js, map.css, worker, map GeoJSON), Accept-Encoding: gzip',
      'KB',
      withMap.map((t) => kb(t.gzip)),
    ),
  );
  return measurements;
}

/** Builds the datasets, starts a server per backend, then loads them and counts bytes. */
async function measure(context: BenchContext): Promise<Measurement[]> {
  ensureMapBundle(context);
  const cases = await loadCases(context.seed);
  const measurements: Measurement[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const backends: Backend[] = [];
  try {
    const dir = mkdtempSync(join(tmpdir(), 'repere-http-bench-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const sqlitePath = join(dir, 'default.db');
    context.log(`http: building the default dataset into ${sqlitePath}`);
    const sqlite = SqliteStore.open(sqlitePath);
    await sqlite.migrate();
    measurements.push(reading('build-default into SQLite (in-process)', 's', await buildInto(sqlite)));

    const env = { ...process.env };
    if (env['REPERE_BENCH_PG_URL']) env['REPERE_TEST_PG_URL'] = env['REPERE_BENCH_PG_URL'];
    const reason = unavailableReason(env);
    let postgisUrl: string | null = null;
    if (reason === null) {
      const pgServer = await testServer(env);
      cleanups.push(() => pgServer.stop());
      const database = await createTestDatabase(pgServer.adminUrl, 'http_bench');
      cleanups.push(() => database.drop());
      context.log('http: building the default dataset into a throwaway PostGIS database');
      const postgis = await PostgisStore.open(database.url, { applicationName: 'repere-bench-build' });
      measurements.push(reading('build-default into PostGIS (in-process)', 's', await buildInto(postgis)));
      postgisUrl = database.url;
    } else {
      const why = `http: PostGIS rows skipped: ${reason.replace(/^PostGIS tests skipped: /, '')}`;
      context.log(why);
      process.stdout.write(`${why}\n`);
    }

    const headers = { 'x-forwarded-for': nextClientAddress() };
    const sqliteServer = await startServeChild({ db: sqlitePath, headers });
    cleanups.push(() => sqliteServer.stop());
    backends.push({ name: 'SQLite', server: sqliteServer });
    if (postgisUrl !== null) {
      const postgisServer = await startServeChild({ db: postgisUrl, headers });
      cleanups.push(() => postgisServer.stop());
      backends.push({ name: 'PostGIS', server: postgisServer });
    }

    context.log('http: checking that every request answers 200 on every backend');
    const answers = [];
    for (const backend of backends) answers.push(await checkPaths(backend, cases));
    if (answers.length === 2) {
      for (const [path, ids] of answers[0])
        if (answers[1].get(path) !== ids)
          throw new Error(`SQLite and PostGIS disagree on ${path}: ${ids} vs ${answers[1].get(path)}`);
    }

    measurements.push(...(await measureLoad(context, cases, backends)));
    context.log('http: counting the bytes of results pages');
    measurements.push(...(await measureBytes(sqliteServer.baseUrl, cases[cases.length - 1].paths)));
  } finally {
    // Servers first, then the database, the cluster and the temp folder; every step runs.
    const failures: unknown[] = [];
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) context.log(`http: cleaning up failed: ${failures.map(String).join('; ')}`);
  }
  return measurements;
}

/** `npm run bench -- http`. PostGIS as in knn (REPERE_BENCH_PG_URL, REPERE_TEST_PG_URL or a throwaway cluster), skipped with a reason when absent. */
export const httpBenchmark: Benchmark = {
  name: 'http',
  run: measure,
};
