// `npm run bench -- analysis` (once registered in bench/run.ts), or on its own:
// `node --import tsx bench/analysis.bench.ts [--repeat N] [--seed N]`.
// Times the analysis engine on the bundled data (every census subdivision × every public
// service point) and on a seeded scaled input (100,000 points, 50,000 population units).
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runAccess } from '../src/analysis/access.js';
import type { AnalysisInputs, AnalysisPoint } from '../src/analysis/analysis-inputs.js';
import { runCoverage } from '../src/analysis/coverage.js';
import { loadAnalysisInputs } from '../src/analysis/load-inputs.js';
import { runSiting } from '../src/analysis/siting.js';
import { makeAnalysisPoint, makeCommunity, makeUnit } from '../src/analysis/test-inputs.js';
import type { JurisdictionLevel } from '../src/domain/jurisdiction.js';
import type { CommunityType, PopulationUnit } from '../src/domain/reference.js';
import { buildDefaultDataset } from '../src/ingest/build-default.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
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
 * Hook for the PostGIS anchor of issue 4 ("next to the same computation in PostGIS SQL",
 * goal ≥ 10× faster): once src/store/postgis lands, load the same data, time these
 * statements with the same repetitions and report them as `… (PostGIS SQL)` next to the
 * engine's lines. Table and column names follow DESIGN.md ("geography(Point) with GiST") and
 * are to be aligned with the PostGIS store's schema; :radius is in metres.
 */
export const POSTGIS_EQUIVALENTS = {
  coverage: `
    SELECT sum(u.population) FILTER (WHERE n.metres <= :radius) AS population_covered,
           sum(u.population) AS population_total
    FROM population_unit u
    CROSS JOIN LATERAL (
      SELECT u.geog <-> p.geog AS metres FROM point p
      WHERE p.role = 'service_point' AND p.channel IN ('in_person', 'outreach')
      ORDER BY u.geog <-> p.geog LIMIT 1) n
    WHERE u.geog IS NOT NULL`,
  e2sfca: `
    WITH pairs AS (
      SELECT u.csd_code, p.id, coalesce(u.population, 0) AS population,
             CASE WHEN ST_Distance(u.geog, p.geog) <= :radius / 3.0 THEN 1.0
                  WHEN ST_Distance(u.geog, p.geog) <= 2 * :radius / 3.0 THEN 0.68 ELSE 0.22 END AS w
      FROM population_unit u JOIN point p ON ST_DWithin(u.geog, p.geog, :radius)
      WHERE p.role = 'service_point' AND p.channel IN ('in_person', 'outreach')),
    ratio AS (SELECT id, 1.0 / sum(w * population) AS r FROM pairs GROUP BY id HAVING sum(w * population) > 0)
    SELECT pairs.csd_code, sum(pairs.w * ratio.r) AS access FROM pairs JOIN ratio USING (id) GROUP BY pairs.csd_code`,
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
