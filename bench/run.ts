// `npm run bench [-- [name…] [--rows N] [--repeat N] [--seed N]]`: runs the benchmarks below
// (all, or those named), prints the machine and a table of medians and ranges, and saves
// the same as JSON in bench/out/. Never part of `npm test` (STYLE.md "Tests").
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext, Benchmark, Measurement } from './benchmark.js';
import { ingestStagesBenchmark } from './ingest-stages.bench.js';
import { ingestBenchmark } from './ingest.bench.js';
import { knnBenchmark } from './knn.bench.js';
import { analysisBenchmark } from './analysis.bench.js';
import { httpBenchmark } from './http.bench.js';
import { describeMachine } from './machine.js';
import { BENCH_OUT_DIR, DEFAULT_ROWS, DEFAULT_SEED } from './make-open-data-csv.js';

/** Every benchmark, in the order they run. Add a module here: `{ name, run }` (bench/benchmark.ts). */
const BENCHMARKS: readonly Benchmark[] = [
  ingestBenchmark,
  ingestStagesBenchmark,
  knnBenchmark,
  analysisBenchmark,
  httpBenchmark,
];

const MIN_REPEAT = 3;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: 'string', default: String(DEFAULT_ROWS) },
    repeat: { type: 'string', default: String(MIN_REPEAT) },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
});
const context: BenchContext = {
  rows: positiveInteger('--rows', values.rows),
  repeat: positiveInteger('--repeat', values.repeat),
  seed: positiveInteger('--seed', values.seed),
  outDir: BENCH_OUT_DIR,
  log: (message) => process.stderr.write(`${message}\n`),
};
if (context.repeat < MIN_REPEAT)
  throw new Error(
    `--repeat must be at least ${MIN_REPEAT} (a median and a spread need three runs); got ${context.repeat}`,
  );
const unknown = positionals.filter((name) => !BENCHMARKS.some((b) => b.name === name));
if (unknown.length > 0) {
  throw new Error(
    `unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  );
}
const selected =
  positionals.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => positionals.includes(b.name));

await mkdir(context.outDir, { recursive: true });
const machine = describeMachine();
const startedAt = new Date().toISOString();
const header = [
  `Repère benchmarks, ${startedAt}`,
  `command: npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; Node ${machine.node}; SQLite ${machine.sqlite}; ${machine.gdal}`,
  `inputs: ${context.rows} rows, seed ${context.seed}; ${context.repeat} timed runs per case after a warm-up`,
  `load average (1 min) at start: ${machine.loadAverage.toFixed(2)} on ${machine.cores} cores`,
];
process.stdout.write(`${header.join('\n')}\n\n`);

const results: Array<{ benchmark: string; measurements: Measurement[] }> = [];
for (const benchmark of selected) {
  const measurements = await benchmark.run(context);
  results.push({ benchmark: benchmark.name, measurements });
}
const loadAtEnd = loadavg()[0];
process.stdout.write(`${table(results)}\n\nload average (1 min) at end: ${loadAtEnd.toFixed(2)}\n`);
const saved = resolve(context.outDir, `bench-${startedAt.replace(/[:.]/g, '-')}.json`);
await writeFile(
  saved,
  `${JSON.stringify({ startedAt, machine, loadAtEnd, context: { ...context, log: undefined }, results }, null, 2)}\n`,
);
process.stdout.write(`\nsaved ${saved}\n`);

/** A Markdown table, so a run can be pasted into bench/README.md as it is. */
function table(groups: typeof results): string {
  const head = ['benchmark', 'metric', 'median', 'min–max', 'runs', 'note'];
  const lines = [head, head.map(() => '---')];
  for (const { benchmark, measurements } of groups) {
    for (const m of measurements) {
      const range = m.runs > 1 ? `${format(m.min, m.unit)} – ${format(m.max, m.unit)}` : '';
      lines.push([
        benchmark,
        m.metric,
        `${format(m.median, m.unit)} ${m.unit}`,
        range,
        String(m.runs),
        m.note ?? '',
      ]);
    }
  }
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function format(value: number, unit: string): string {
  if (unit === 'rows/s' || unit === 'requests/s') return Math.round(value).toLocaleString('en-CA');
  if (unit === '×') return value.toFixed(3);
  if (unit === 'MB' || unit === 'KB') return value.toFixed(1);
  return value.toFixed(2);
}

function positiveInteger(option: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${option} must be a positive integer; got "${text}"`);
  return value;
}
