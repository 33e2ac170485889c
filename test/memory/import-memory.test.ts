// Memory, not speed: a 100,000-row CLI import must stay under 300 MB of peak RSS (issue
// "Core"). The input is generated (seeded) from the bundled data by bench/make-open-data-csv.ts;
// the import runs in a child process, whose peak RSS is `process.resourceUsage().maxRSS`
// printed by bench/import-max-rss.child.ts: it needs nothing but Node, unlike /usr/bin/time
// (Debian's `time` package is not installed by .ci/run). Timings live in bench/ (npm run bench).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliImport } from '../../bench/cli-import.js';
import type { CliImport } from '../../bench/cli-import.js';
import { PEAK_RSS_GOAL_BYTES } from '../../bench/ingest.bench.js';
import { BUNDLED_DATA_DIR, DEFAULT_SEED, makeOpenDataCsv } from '../../bench/make-open-data-csv.js';
import type { OpenDataCsvSummary } from '../../bench/make-open-data-csv.js';

const ROWS = 100_000;

describe('repere import of 100,000 rows', () => {
  let dir: string;
  let made: OpenDataCsvSummary;
  let result: CliImport;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'repere-memory-'));
    made = await makeOpenDataCsv({ outPath: join(dir, 'open-data.csv'), rows: ROWS, seed: DEFAULT_SEED });
    result = await runCliImport({
      csvPath: made.path,
      dbPath: join(dir, 'memory.db'),
      dataDir: BUNDLED_DATA_DIR,
      method: 'resource-usage',
    });
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('peaks under 300 MB of resident memory', () => {
    expect(result.maxRssBytes).toBeGreaterThan(0);
    expect(result.maxRssBytes).toBeLessThan(PEAK_RSS_GOAL_BYTES);
  });

  it('reads every row and accounts for each one exactly once', () => {
    const { rows_read, imported, rejected, duplicates } = result.report;
    expect(rows_read).toBe(ROWS);
    expect(imported + rejected + duplicates).toBe(rows_read);
    // Only the rows generated without a name are rejected, and only the exact repeats are duplicates.
    expect(rejected).toBe(made.broken);
    expect(duplicates).toBe(made.duplicates);
  });
});
