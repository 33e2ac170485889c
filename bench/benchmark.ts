import { performance } from 'node:perf_hooks';

/**
 * The contract every benchmark module implements: `bench/run.ts` lists them and prints what
 * they return. A module times its own cases (seeded inputs, warm-up first, repeated runs)
 * and reports each figure as a Measurement.
 */
export interface Benchmark {
  /** Short id, used to pick benchmarks on the command line (`npm run bench -- ingest`). */
  name: string;
  run: (context: BenchContext) => Promise<Measurement[]>;
}

/** Settings shared by every benchmark of one `npm run bench`. */
export interface BenchContext {
  /** Seed of every generated input. */
  seed: number;
  /** Size of the main generated input, in rows. */
  rows: number;
  /** Timed repetitions per case (at least 3), after the warm-up. */
  repeat: number;
  /** Folder for inputs and outputs (git-ignored). */
  outDir: string;
  /** Progress for the person waiting (stderr); results go in Measurements. */
  log: (message: string) => void;
}

/** One reported figure: the median and range of repeated samples, or a single reading (runs = 1). */
export interface Measurement {
  metric: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  note?: string;
}

/** Median, minimum and maximum of samples (the median of an even count is the mean of the middle two). */
export function summarise(samples: readonly number[]): { median: number; min: number; max: number } {
  if (samples.length === 0)
    throw new Error('summarise needs at least one sample; the benchmark recorded none');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** A Measurement from repeated samples. */
export function fromSamples(
  metric: string,
  unit: string,
  samples: readonly number[],
  note?: string,
): Measurement {
  const measurement: Measurement = { metric, unit, ...summarise(samples), runs: samples.length };
  if (note !== undefined) measurement.note = note;
  return measurement;
}

/** A Measurement of one reading (no spread). */
export function reading(metric: string, unit: string, value: number, note?: string): Measurement {
  return fromSamples(metric, unit, [value], note);
}

/** Wall time of one call, in seconds. */
export async function secondsOf(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}
