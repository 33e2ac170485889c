import { resolve } from 'node:path';
import type { BenchContext } from './benchmark.js';
import { makeOpenDataCsv } from './make-open-data-csv.js';
import type { OpenDataCsvSummary } from './make-open-data-csv.js';

/** Rows of the file benchmarks warm up on before their timed runs. */
export const WARM_UP_ROWS = 10_000;

const made = new Map<string, Promise<OpenDataCsvSummary>>();

/**
 * The generated open-data CSV of `rows` rows for this run's seed, in the context's output
 * folder; written once per `npm run bench` and shared by every benchmark that asks for it.
 */
export function openDataInput(context: BenchContext, rows: number): Promise<OpenDataCsvSummary> {
  const outPath = resolve(context.outDir, `open-data-${rows}-seed${context.seed}.csv`);
  let summary = made.get(outPath);
  if (!summary) {
    context.log(`generating ${outPath} (${rows} rows, seed ${context.seed})`);
    summary = makeOpenDataCsv({ outPath, rows, seed: context.seed });
    made.set(outPath, summary);
  }
  return summary;
}
