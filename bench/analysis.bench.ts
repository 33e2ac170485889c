// `npm run bench -- analysis` (once registered in bench/run.ts), or on its own:
// `node --import tsx bench/analysis.bench.ts [--repeat N] [--seed N]`.
// Times the analysis engine on the bundled data (every census subdivision × every public
// service point) and on a seeded scaled input (100,000 points, 50,000 population units).
// Next to the bundled figures, the same coverage and E2SFCA in PostGIS SQL (POSTGIS_EQUIVALENTS)
// when a PostgreSQL server can be had: REPERE_BENCH_PG_URL (or REPERE_TEST_PG_URL), else a
// throwaway cluster (test/postgis/throwaway-cluster.ts); without one those rows are skipped.
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runAccess } from '../src/analysis/access.js';
import type { AnalysisInputs, AnalysisPoint } from '../src/analysis/analysis-inputs.js';
import { runCoverage } from '../src/analysis/coverage.js';
import { E2SFCA_WEIGHTS, equalBandBounds } from '../src/analysis/two-step-fca.js';
import { loadAnalysisInputs } from '../src/analysis/load-inputs.js';
import { runSiting } from '../src/analysis/siting.js';
import { makeAnalysisPoint, makeCommunity, makeUnit } from '../src/analysis/test-inputs.js';
import type { JurisdictionLevel } from '../src/domain/jurisdiction.js';
import type { CommunityType, PopulationUnit } from '../src/domain/reference.js';
import { buildDefaultDataset } from '../src/ingest/build-default.js';
import { PostgisStore } from '../src/store/postgis/postgis-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import {
  createTestDatabase,
  testServer,
  unavailableReason,
  type TestServer,
} from '../test/postgis/throwaway-cluster.js';
import {
  fromSamples,
  reading,
  summarise,
  type BenchContext,
  type Benchmark,
  type Measurement,
} from './benchmark.js';
import { seededRandom } from './seeded-random.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DATA_DIR = resolve(REPO_ROOT, 'data');

/** The goal of issue 4: every analysis on the bundled data in under a second. */
export const BUNDLED_GOAL_MS = 1000;
export const SCALED_POINTS = 100_000;
export const SCALED_UNITS = 50_000;

/**
 * The PostGIS anchor of issue 4 ("next to the same computation in PostGIS SQL", goal ≥ 10×
 * faster), on the PostGIS store's schema (src/store/postgis/migrations.ts): `point.geog` is a
 * geography(Point, 4326) with a GiST index; `population_unit` keeps lat/lon only, so its
 * geography is made in the query (5,000-odd ST_MakePoint calls, the outer side of each join).
 * Distances are on the sphere (`use_spheroid = false`), as the engine's great-circle distance.
 * Parameters: $1 radius or catchment d0 in metres, $2 channels (text[]); E2SFCA also $3, $4
 * the upper bounds of the first two bands in metres, $5–$7 the band weights (1, 0.68, 0.22).
 * Siting has no SQL row: a greedy loop (10 rounds, each re-ranking every candidate against
 * what is still uncovered) would be procedural code in PL/pgSQL, not "the same computation
 * in SQL", and any timing of it would say more about how it was written than about PostGIS.
 */
const LOCATED_UNITS = `u AS MATERIALIZED (
      SELECT csd_code, coalesce(population, 0) AS population,
             ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS geog
      FROM population_unit WHERE lat IS NOT NULL AND lon IS NOT NULL)`;
const SELECTED_POINTS = `p.geog IS NOT NULL AND p.role = 'service_point' AND p.channel = ANY($2::text[])`;
export const POSTGIS_EQUIVALENTS = {
  /** Nearest selected point of each located unit (KNN), then the population within $1 metres. */
  coverage: `
    WITH ${LOCATED_UNITS}
    SELECT coalesce(sum(u.population) FILTER (WHERE n.metres <= $1), 0)::float8 AS population_covered,
           coalesce(sum(u.population), 0)::float8 AS population_total
    FROM u LEFT JOIN LATERAL (
      SELECT ST_Distance(p.geog, u.geog, false) AS metres FROM point p
      WHERE ${SELECTED_POINTS}
      ORDER BY p.geog <-> u.geog LIMIT 1) n ON true`,
  /** Two-step catchment: R_j = 1 / Σ W(d)·P over units within d0, then A_i = Σ W(d)·R_j. */
  e2sfca: `
    WITH ${LOCATED_UNITS},
    pairs AS MATERIALIZED (
      SELECT u.csd_code, p.id, u.population, ST_Distance(u.geog, p.geog, false) AS metres
      FROM u JOIN point p ON ST_DWithin(u.geog, p.geog, $1, false)
      WHERE ${SELECTED_POINTS}),
    weighted AS (
      SELECT csd_code, id, population,
             CASE WHEN metres <= $3 THEN $5::float8 WHEN metres <= $4 THEN $6::float8 ELSE $7::float8 END AS w
      FROM pairs),
    ratio AS (
      SELECT id, 1.0::float8 / sum(w * population) AS r FROM weighted
      GROUP BY id HAVING sum(w * population) > 0),
    access AS (
      SELECT weighted.csd_code, sum(weighted.w * ratio.r) AS a FROM weighted JOIN ratio USING (id)
      GROUP BY weighted.csd_code)
    SELECT u.csd_code, coalesce(access.a, 0)::float8 AS access
    FROM u LEFT JOIN access USING (csd_code) ORDER BY u.csd_code`,
} as const;

/**
 * Times `fn` once to warm up, then `repeat` times: wall-clock samples in ms, and the median
 * CPU time of this process (user + system) as a note, which a busy shared machine inflates less.
 */
function time(metric: string, repeat: number, fn: () => unknown): Measurement {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    fn();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return fromSamples(metric, 'ms', wall, `CPU ${summarise(cpu).median.toFixed(1)} ms`);
}

/** A standard normal draw (Box–Muller) from a uniform generator. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const LEVELS: readonly JurisdictionLevel[] = [
  'federal',
  'provincial',
  'provincial',
  'municipal',
  'municipal',
  'indigenous',
];
const TYPES: readonly CommunityType[] = [
  'non_indigenous',
  'non_indigenous',
  'non_indigenous',
  'non_indigenous',
  'first_nations',
  'inuit',
];

/**
 * A seeded input shaped like the country: two thirds of units and points in 400 clusters
 * (σ = 25 km) across the southern band, the rest spread up to 62° N; log-normal populations
 * (median ≈ 150); points of mixed orders, one in four outreach; 5,000 candidate sites and 600
 * communities. The same seed gives the same input on every machine.
 */
export function scaledInputs(seed: number, units = SCALED_UNITS, points = SCALED_POINTS): AnalysisInputs {
  const random = seededRandom(seed);
  const centres = Array.from({ length: 400 }, () => ({ lat: 43 + random() * 12, lon: -128 + random() * 68 }));
  const place = (): { lat: number; lon: number } => {
    if (random() < 2 / 3) {
      const c = centres[Math.floor(random() * centres.length)];
      // 25 km ≈ 0.225° of latitude; longitude degrees shrink with cos(latitude).
      return {
        lat: c.lat + 0.225 * normal(random),
        lon: c.lon + (0.225 * normal(random)) / Math.cos((c.lat * Math.PI) / 180),
      };
    }
    return { lat: 42 + random() * 20, lon: -140 + random() * 85 };
  };
  const pad = (i: number): string => String(i).padStart(7, '0');
  const unitList: PopulationUnit[] = Array.from({ length: units }, (_, i) => {
    const at = place();
    return makeUnit(pad(i), {
      population: Math.min(3_000_000, Math.floor(Math.exp(5 + 1.8 * normal(random)))),
      lat: at.lat,
      lon: at.lon,
      cwb: random() < 0.1 ? null : Math.round(Math.min(100, Math.max(20, 78 + 9 * normal(random)))),
      type: TYPES[Math.floor(random() * TYPES.length)],
    });
  });
  const pointList: AnalysisPoint[] = Array.from({ length: points }, (_, j) => {
    const at = place();
    return makeAnalysisPoint(`p${pad(j)}`, at.lat, at.lon, {
      layer: random() < 0.1 ? 'service_canada' : 'other',
      level: LEVELS[Math.floor(random() * LEVELS.length)],
      channel: random() < 0.25 ? 'outreach' : 'in_person',
    });
  });
  const candidates = Array.from({ length: 5000 }, (_, k) => {
    const at = place();
    return makeAnalysisPoint(`k${pad(k)}`, at.lat, at.lon, {
      role: 'candidate_site',
      layer: 'federal_buildings',
    });
  });
  const communities = Array.from({ length: 600 }, (_, k) => {
    const at = place();
    return makeCommunity(`fn:${pad(k)}`, at.lat, at.lon, { population: Math.floor(random() * 3000) });
  });
  return { units: unitList, points: pointList, candidates, communities };
}

/** The three timed analyses on one input: coverage and E2SFCA at 50 km, then 10 sites. */
function timeAnalyses(
  label: string,
  inputs: AnalysisInputs,
  repeat: number,
  log: (m: string) => void,
): Measurement[] {
  const out: Measurement[] = [];
  const cases: [string, () => unknown][] = [
    ['coverage 50 km', () => runCoverage(inputs, { radius_km: 50 })],
    ['E2SFCA d0 = 50 km', () => runAccess(inputs, { method: 'e2sfca', catchment_km: 50 })],
    ['siting, 10 sites', () => runSiting(inputs, { radius_km: 50, budget: 10 })],
  ];
  for (const [name, fn] of cases) {
    log(`analysis: ${name}, ${label}`);
    out.push(time(`${name}, ${label}`, repeat, fn));
  }
  return out;
}

/** Like `time`, for a promise: one warm-up call, then `repeat` timed calls (wall-clock ms). */
async function timeAsync(repeat: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const wall: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const started = performance.now();
    await fn();
    wall.push(performance.now() - started);
  }
  return wall;
}

/** Throws unless the SQL answers equal the engine's: covered population exactly, E2SFCA within 1e-9 relative. */
async function checkSqlAgainstEngine(client: pg.Client, inputs: AnalysisInputs): Promise<number> {
  const coverage = runCoverage(inputs, { radius_km: 50 });
  const sqlCoverage = (await client.query(POSTGIS_EQUIVALENTS.coverage, coverageValues())).rows[0] as {
    population_covered: number;
    population_total: number;
  };
  if (
    sqlCoverage.population_covered !== coverage.population_covered ||
    sqlCoverage.population_total !== coverage.population_total
  )
    throw new Error(
      `PostGIS SQL coverage ${sqlCoverage.population_covered}/${sqlCoverage.population_total} ≠ engine ${coverage.population_covered}/${coverage.population_total}`,
    );
  const access = runAccess(inputs, { method: 'e2sfca', catchment_km: 50 });
  const engine = new Map(
    access.units.filter((u) => u.access_raw !== null).map((u) => [u.csd_code, u.access_raw as number]),
  );
  const rows = (await client.query(POSTGIS_EQUIVALENTS.e2sfca, e2sfcaValues())).rows as {
    csd_code: string;
    access: number;
  }[];
  if (rows.length !== engine.size)
    throw new Error(`PostGIS SQL E2SFCA gives ${rows.length} located units, the engine ${engine.size}`);
  let worst = 0;
  for (const row of rows) {
    const expected = engine.get(row.csd_code);
    if (expected === undefined)
      throw new Error(`PostGIS SQL E2SFCA has unit ${row.csd_code}, the engine not`);
    const error =
      expected === 0 ? Math.abs(row.access) : Math.abs(row.access - expected) / Math.abs(expected);
    worst = Math.max(worst, error);
    if (!(error <= 1e-9))
      throw new Error(`PostGIS SQL E2SFCA at ${row.csd_code}: ${row.access} ≠ engine ${expected}`);
  }
  return worst;
}

const CHANNELS = ['in_person', 'outreach'];
const coverageValues = (): unknown[] => [50_000, CHANNELS];
/** The engine's own band bounds (equalBandBounds(50, 3) km × 1000), so both cut at the same metre. */
const e2sfcaValues = (): unknown[] => {
  const bounds = equalBandBounds(50, E2SFCA_WEIGHTS.length).map((km) => km * 1000);
  return [bounds[2], CHANNELS, bounds[0], bounds[1], ...E2SFCA_WEIGHTS];
};

/**
 * The SQL rows: the bundled dataset built into a throwaway PostGIS database, the SQL of
 * POSTGIS_EQUIVALENTS checked against the engine, then timed; the engine is timed again
 * end to end (loadAnalysisInputs from this PostGIS store + the analysis) for a fair ratio.
 * `engineMs` holds the engine's medians on inputs already loaded, by analysis.
 */
async function postgisRows(
  context: BenchContext,
  inputs: AnalysisInputs,
  engineMs: { coverage: number; e2sfca: number },
  label: string,
): Promise<Measurement[]> {
  const { repeat, log } = context;
  const env = { ...process.env };
  if (env['REPERE_BENCH_PG_URL']) env['REPERE_TEST_PG_URL'] = env['REPERE_BENCH_PG_URL'];
  const reason = unavailableReason(env);
  if (reason !== null) {
    log(`analysis: no PostGIS SQL rows (${reason.replace(/^PostGIS tests skipped: /, '')})`);
    return [];
  }
  let server: TestServer;
  try {
    server = await testServer(env);
  } catch (error) {
    log(`analysis: no PostGIS SQL rows (could not start PostgreSQL: ${String(error)})`);
    return [];
  }
  const out: Measurement[] = [];
  try {
    const database = await createTestDatabase(server.adminUrl, 'analysis_bench');
    try {
      const store = await PostgisStore.open(database.url, { applicationName: 'repere-bench' });
      const client = new pg.Client({
        connectionString: database.url,
        application_name: 'repere-bench-sql',
        options: '-c jit=off',
      });
      await client.connect();
      try {
        log('analysis: building the bundled dataset into PostGIS');
        await buildDefaultDataset(store, DATA_DIR);
        await client.query('ANALYZE');
        log('analysis: checking the PostGIS SQL against the engine');
        const worst = await checkSqlAgainstEngine(client, inputs);
        log(`analysis: PostGIS SQL = engine (E2SFCA largest relative difference ${worst.toExponential(1)})`);
        const cases = [
          {
            name: 'coverage 50 km',
            sql: () => client.query(POSTGIS_EQUIVALENTS.coverage, coverageValues()),
            engine: (i: AnalysisInputs) => runCoverage(i, { radius_km: 50 }),
            engineMs: engineMs.coverage,
          },
          {
            name: 'E2SFCA d0 = 50 km',
            sql: () => client.query(POSTGIS_EQUIVALENTS.e2sfca, e2sfcaValues()),
            engine: (i: AnalysisInputs) => runAccess(i, { method: 'e2sfca', catchment_km: 50 }),
            engineMs: engineMs.e2sfca,
          },
        ];
        for (const c of cases) {
          log(`analysis: ${c.name}, PostGIS SQL`);
          const sql = fromSamples(
            `${c.name}, ${label} (PostGIS SQL)`,
            'ms',
            await timeAsync(repeat, c.sql),
            'one statement through pg, jit off',
          );
          log(`analysis: ${c.name}, engine with loading from PostGIS`);
          const endToEnd = fromSamples(
            `${c.name}, ${label} (engine incl. loadAnalysisInputs from PostGIS)`,
            'ms',
            await timeAsync(repeat, async () => c.engine(await loadAnalysisInputs(store))),
          );
          out.push(
            sql,
            endToEnd,
            reading(
              `${c.name}: PostGIS SQL time / engine time (inputs loaded)`,
              '×',
              sql.median / c.engineMs,
              'medians; goal ≥ 10',
            ),
            reading(
              `${c.name}: PostGIS SQL time / engine time incl. loading from PostGIS`,
              '×',
              sql.median / endToEnd.median,
              'medians',
            ),
          );
        }
      } finally {
        await client.end();
        await store.close();
      }
    } finally {
      await database.drop();
    }
  } finally {
    await server.stop();
  }
  return out;
}

/**
 * Analysis engine speed (issue 4): coverage, E2SFCA and greedy siting of 10 sites on all
 * census subdivisions × all public in-person/outreach service points of the bundled data,
 * then on the seeded scaled input; medians over `repeat` runs after a warm-up. The bundled
 * data also reports the time to load the inputs from SQLite.
 */
export const analysisBenchmark: Benchmark = {
  name: 'analysis',
  async run(context: BenchContext): Promise<Measurement[]> {
    const { repeat, outDir, log, seed } = context;
    mkdirSync(outDir, { recursive: true });
    const dbPath = resolve(outDir, 'analysis-bundled.db');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    log('analysis: building the bundled dataset');
    const store = SqliteStore.open(dbPath);
    const measurements: Measurement[] = [];
    try {
      await buildDefaultDataset(store, DATA_DIR);
      const loads: number[] = [];
      let bundled: AnalysisInputs | null = null;
      for (let k = 0; k <= repeat; k++) {
        const started = performance.now();
        bundled = await loadAnalysisInputs(store, {}, { candidates: true });
        if (k > 0) loads.push(performance.now() - started);
      }
      const inputs = bundled as AnalysisInputs;
      const label = `bundled (${inputs.units.length.toLocaleString('en-CA')} CSDs × ${inputs.points.length.toLocaleString('en-CA')} points)`;
      measurements.push(fromSamples(`load inputs from SQLite, ${label}`, 'ms', loads));
      const timed = timeAnalyses(label, inputs, repeat, log);
      measurements.push(...timed);
      measurements.push(
        ...(await postgisRows(
          context,
          inputs,
          { coverage: timed[0].median, e2sfca: timed[1].median },
          label,
        )),
      );
      const slowest = Math.max(...timed.map((m) => m.median));
      measurements.push(
        reading(
          'slowest bundled analysis vs the 1 s goal',
          '×',
          slowest / BUNDLED_GOAL_MS,
          slowest < BUNDLED_GOAL_MS ? 'under the goal' : 'OVER the goal',
        ),
      );
    } finally {
      await store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    }
    log(`analysis: generating the scaled input (seed ${seed})`);
    const scaled = scaledInputs(seed);
    measurements.push(
      ...timeAnalyses(
        `scaled (${SCALED_UNITS.toLocaleString('en-CA')} units × ${SCALED_POINTS.toLocaleString('en-CA')} points, seed ${seed})`,
        scaled,
        repeat,
        log,
      ),
    );
    return measurements;
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { repeat: { type: 'string', default: '5' }, seed: { type: 'string', default: '20240601' } },
  });
  const measurements = await analysisBenchmark.run({
    repeat: Number(values.repeat),
    seed: Number(values.seed),
    rows: SCALED_POINTS,
    outDir: resolve(REPO_ROOT, 'bench', 'out'),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  const lines = ['| metric | median | min–max | runs | note |', '| --- | --- | --- | --- | --- |'];
  for (const m of measurements) {
    lines.push(
      `| ${m.metric} | ${m.median.toFixed(m.unit === '×' ? 3 : 1)} ${m.unit} | ${m.runs > 1 ? `${m.min.toFixed(1)} – ${m.max.toFixed(1)}` : ''} | ${m.runs} | ${m.note ?? ''} |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
