// k-nearest throughput (k = 10, with a jurisdiction filter) through each Store on 100,000
// seeded points inside Canada, next to a hand-written PostGIS KNN query through `pg` on the
// same table in the same run; plus the import of those points into each store.
// PostgreSQL: REPERE_BENCH_PG_URL (or REPERE_TEST_PG_URL) when set, else a throwaway cluster
// started and stopped here (test/postgis/throwaway-cluster.ts). Results of every Store query
// are checked against the other store's before anything is timed.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { JurisdictionLevel } from '../src/domain/jurisdiction.js';
import type { ProvinceCode } from '../src/domain/province.js';
import type { ServicePoint } from '../src/domain/service-point.js';
import { PostgisStore } from '../src/store/postgis/postgis-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { NearestQuery, SourceInfo, Store } from '../src/store/store.js';
import { geocodeAt, makePoint } from '../src/store/test-points.js';
import {
  createTestDatabase,
  testServer,
  unavailableReason,
  type TestServer,
} from '../test/postgis/throwaway-cluster.js';
import { fromSamples, reading, type BenchContext, type Benchmark, type Measurement } from './benchmark.js';
import { BUNDLED_DATA_DIR } from './make-open-data-csv.js';
import { loadLocatedRows, type OpenDataRow } from './open-data-rows.js';
import { randomIndex, seededRandom } from './seeded-random.js';

/** Nearest queries per timed run (each run sends them one after another, then in parallel). */
const QUERIES = 2_000;
const K = 10;
/** The filter of every query: federal points are about a quarter of the data. */
const LEVELS: readonly JurisdictionLevel[] = ['federal'];
/** Concurrent callers in the pooled cases (the machine has 2 cores; PostgreSQL gets 4 connections). */
const CONCURRENCY = 4;

const SOURCE: SourceInfo = {
  id: 'bench',
  title: 'Synthetic points for the k-nearest benchmark (bench/knn.bench.ts)',
  licence: 'unclear',
  origin: 'bench/knn.bench.ts',
  retrievedAt: '2024-06-01',
  lastVerified: null,
};

// Shares close to the bundled data's: orders of government, roles, channels, service types.
const LEVEL_WEIGHTS: readonly [JurisdictionLevel, number, string][] = [
  ['federal', 0.25, 'service_canada'],
  ['provincial', 0.35, 'provincial_services'],
  ['municipal', 0.3, 'municipal_facilities'],
  ['territorial', 0.03, 'territorial_services'],
  ['indigenous', 0.05, 'indigenous_services'],
  ['other', 0.02, 'other'],
];
const SERVICE_TYPES = [
  'government_services',
  'employment',
  'benefits',
  'passport',
  'library',
  'health',
  'community_centre',
];

function pick<T>(
  random: () => number,
  weighted: readonly (readonly [T, number, ...unknown[]])[],
): readonly [T, number, ...unknown[]] {
  let r = random();
  for (const entry of weighted) {
    r -= entry[1];
    if (r < 0) return entry;
  }
  return weighted[weighted.length - 1];
}

/**
 * `count` points around the real located rows of data/ (names, streets, cities, provinces
 * as published), each moved up to ~2 km so that no two coincide by accident.
 */
export function syntheticPoints(rows: readonly OpenDataRow[], count: number, seed: number): ServicePoint[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const row = rows[randomIndex(random, rows.length)];
    const [level, , layer] = pick(random, LEVEL_WEIGHTS) as [JurisdictionLevel, number, string];
    const roleDraw = random();
    const types = [SERVICE_TYPES[randomIndex(random, SERVICE_TYPES.length)]];
    if (random() < 0.3) types.push(SERVICE_TYPES[randomIndex(random, SERVICE_TYPES.length)]);
    const province = /^[A-Z]{2}$/.test(row.province.toUpperCase())
      ? (row.province.toUpperCase() as ProvinceCode)
      : undefined;
    return makePoint({
      sourceId: 'bench',
      sourceRecordId: String(i).padStart(6, '0'),
      layer,
      role: roleDraw < 0.9 ? 'service_point' : roleDraw < 0.97 ? 'facility' : 'candidate_site',
      name: { en: `${row.name} ${i % 7 === 0 ? 'Service Centre' : 'Office'}` },
      jurisdictionLevel: level,
      jurisdictionCode: level === 'federal' ? 'CA' : (province ?? 'CA'),
      channel: random() < 0.95 ? 'in_person' : 'outreach',
      serviceTypes: [...new Set(types)],
      address: {
        ...(row.address ? { street: row.address } : {}),
        ...(row.city ? { city: row.city } : {}),
        ...(province ? { province } : {}),
        country: 'CA',
      },
      geocode: geocodeAt(row.lat + (random() - 0.5) * 0.04, row.lon + (random() - 0.5) * 0.06),
    });
  });
}

/** Query origins near real places (within ~50 km), so answers look like the finder's. */
function queryOrigins(rows: readonly OpenDataRow[], seed: number): NearestQuery[] {
  const random = seededRandom(seed + 1);
  return Array.from({ length: QUERIES }, () => {
    const row = rows[randomIndex(random, rows.length)];
    return {
      lat: row.lat + (random() - 0.5),
      lon: row.lon + (random() - 0.5),
      k: K,
      jurisdictionLevels: LEVELS,
    };
  });
}

type Runner = (query: NearestQuery) => Promise<unknown>;

/** Queries per second of `run` over every query, one at a time (`parallel` = 1) or `parallel` at once. */
async function throughput(queries: readonly NearestQuery[], run: Runner, parallel = 1): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < queries.length) await run(queries[next++]);
    }),
  );
  return queries.length / ((performance.now() - started) / 1000);
}

// The query the Store's PostGIS path boils down to, written by hand: the same KNN, filters
// and LIMIT k, returning the record and its distance on the sphere. Prepared once per connection.
const RAW_KNN = {
  name: 'bench_raw_knn',
  text: `SELECT id, data, ST_Distance(geog, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, false) AS metres
    FROM point
    WHERE geog IS NOT NULL AND jurisdiction_level = ANY($3::text[]) AND role = ANY($4::text[])
    ORDER BY geog <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography
    LIMIT $5`,
};
const RAW_KNN_IDS = {
  ...RAW_KNN,
  name: 'bench_raw_knn_ids',
  text: RAW_KNN.text.replace('SELECT id, data,', 'SELECT id,'),
};

async function measure(context: BenchContext, server: TestServer): Promise<Measurement[]> {
  const rows = await loadLocatedRows(BUNDLED_DATA_DIR);
  const points = syntheticPoints(rows, context.rows, context.seed);
  const queries = queryOrigins(rows, context.seed);
  const report = (): ReturnType<Parameters<Store['replaceSource']>[2]> => ({
    source: 'bench',
    rows_read: points.length,
    imported: points.length,
    rejected: 0,
    duplicates: 0,
    issues: [],
  });
  const measurements: Measurement[] = [];
  const note = `${context.rows.toLocaleString('en-CA')} points, k=${K}, jurisdiction=${LEVELS.join(',')}`;

  const sqlitePath = join(context.outDir, 'knn-bench.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
  const sqlite = SqliteStore.open(sqlitePath);
  const database = await createTestDatabase(server.adminUrl, 'knn_bench');
  const postgis = await PostgisStore.open(database.url, {
    maxConnections: CONCURRENCY,
    applicationName: 'repere-bench',
  });
  const raw = new pg.Client({
    connectionString: database.url,
    application_name: 'repere-bench-raw',
    options: '-c jit=off',
  });
  await raw.connect();
  const rawPool = new pg.Pool({ connectionString: database.url, max: CONCURRENCY, options: '-c jit=off' });
  try {
    for (const [name, store] of [
      ['SQLite', sqlite],
      ['PostGIS', postgis],
    ] as const) {
      context.log(`knn: importing ${points.length} points into ${name}`);
      const started = performance.now();
      await store.replaceSource(SOURCE, points, report);
      const seconds = (performance.now() - started) / 1000;
      measurements.push(
        reading(
          `import, ${name} Store (replaceSource, one transaction)`,
          'rows/s',
          points.length / seconds,
          `${seconds.toFixed(1)} s for ${points.length.toLocaleString('en-CA')} points`,
        ),
      );
    }
    await raw.query('ANALYZE');

    context.log('knn: checking that both stores give the same answers');
    for (const query of queries.slice(0, 200)) {
      const [a, b] = await Promise.all([sqlite.findNearest(query), postgis.findNearest(query)]);
      const ids = (hits: { point: ServicePoint }[]): string => hits.map((h) => h.point.id).join();
      if (ids(a) !== ids(b))
        throw new Error(`SQLite and PostGIS disagree at ${query.lat},${query.lon}: ${ids(a)} vs ${ids(b)}`);
    }

    const rawValues = (q: NearestQuery): unknown[] => [q.lon, q.lat, LEVELS, ['service_point'], K];
    const cases: [string, Runner, number][] = [
      ['SQLite Store findNearest', (q) => sqlite.findNearest(q), 1],
      ['PostGIS Store findNearest', (q) => postgis.findNearest(q), 1],
      ['raw PostGIS KNN through pg (records)', (q) => raw.query({ ...RAW_KNN, values: rawValues(q) }), 1],
      [
        'raw PostGIS KNN through pg (ids only)',
        (q) => raw.query({ ...RAW_KNN_IDS, values: rawValues(q) }),
        1,
      ],
      [`PostGIS Store findNearest, ${CONCURRENCY} concurrent`, (q) => postgis.findNearest(q), CONCURRENCY],
      [
        `raw PostGIS KNN, pool of ${CONCURRENCY}, ${CONCURRENCY} concurrent`,
        (q) => rawPool.query({ ...RAW_KNN, values: rawValues(q) }),
        CONCURRENCY,
      ],
    ];
    // Rounds: every case once per round, in turn, so that a busy machine slows all alike;
    // the ratios are taken within each round.
    for (const [, run, parallel] of cases) await throughput(queries.slice(0, 500), run, parallel);
    const samples = cases.map((): number[] => []);
    for (let round = 0; round < context.repeat; round++) {
      context.log(`knn: round ${round + 1} of ${context.repeat}`);
      for (const [i, [, run, parallel]] of cases.entries())
        samples[i].push(await throughput(queries, run, parallel));
    }
    cases.forEach(([metric], i) => measurements.push(fromSamples(metric, 'queries/s', samples[i], note)));
    const [sqliteQps, postgisQps, rawQps] = [samples[0], samples[1], samples[2]];
    measurements.push(
      fromSamples(
        'PostGIS Store cost / raw query cost',
        '×',
        rawQps.map((raw, round) => raw / postgisQps[round]),
        'per round, one connection each; goal ≤ 1.2',
      ),
      fromSamples(
        'SQLite Store speed / raw PostGIS speed',
        '×',
        sqliteQps.map((speed, round) => speed / rawQps[round]),
        'per round; goal > 1',
      ),
    );

    const textQueries = [
      'service',
      'centre',
      'library',
      'emploi',
      'toronto',
      'saint',
      'health centre',
      'québec',
    ];
    for (const [name, store] of [
      ['SQLite', sqlite],
      ['PostGIS', postgis],
    ] as const) {
      const samples: number[] = [];
      for (let i = 0; i < context.repeat + 1; i++) {
        const started = performance.now();
        for (const q of textQueries) await store.searchText({ q, limit: 20 });
        if (i > 0) samples.push(textQueries.length / ((performance.now() - started) / 1000));
      }
      measurements.push(
        fromSamples(
          `searchText, ${name} Store (first page of 20)`,
          'queries/s',
          samples,
          `${textQueries.length} queries: ${textQueries.join(', ')}`,
        ),
      );
    }
  } finally {
    await raw.end();
    await rawPool.end();
    await postgis.close();
    await sqlite.close();
    await database.drop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
  }
  return measurements;
}

/** `npm run bench -- knn`. Needs PostgreSQL + PostGIS (see above); fails saying so without. */
export const knnBenchmark: Benchmark = {
  name: 'knn',
  async run(context) {
    const env = { ...process.env };
    if (env['REPERE_BENCH_PG_URL']) env['REPERE_TEST_PG_URL'] = env['REPERE_BENCH_PG_URL'];
    const reason = unavailableReason(env);
    if (reason !== null)
      throw new Error(
        `the knn benchmark needs PostgreSQL with PostGIS: ${reason.replace(/^PostGIS tests skipped: /, '')}`,
      );
    const server = await testServer(env);
    try {
      return await measure(context, server);
    } finally {
      await server.stop();
    }
  },
};
