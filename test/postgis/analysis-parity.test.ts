// Acceptance of issue 4: "results are identical for the same input on SQLite and any other
// store". The bundled dataset (data/) is built into each store, the analysis inputs are read
// back from each with loadAnalysisInputs, and coverage, gaps and E2SFCA must be deep-equal.
// Server and databases as in finder-parity.test.ts (describeWithPostgres, createTestDatabase).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAccess } from '../../src/analysis/access.js';
import type { AnalysisInputs } from '../../src/analysis/analysis-inputs.js';
import { runCoverage } from '../../src/analysis/coverage.js';
import { loadAnalysisInputs } from '../../src/analysis/load-inputs.js';
import { runGaps } from '../../src/analysis/vulnerability.js';
import { buildDefaultDataset } from '../../src/ingest/build-default.js';
import { PostgisStore } from '../../src/store/postgis/postgis-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { describeWithPostgres } from './postgis-suite.js';
import { createTestDatabase } from './throwaway-cluster.js';

const DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

describeWithPostgres('analysis parity: SQLite and PostGIS on the default dataset', (server) => {
  let dir: string;
  let database: { url: string; drop: () => Promise<void> };
  let stores: Store[] = [];
  /** [SQLite, PostGIS], with candidate sites. */
  let inputs: AnalysisInputs[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'repere-analysis-parity-'));
    database = await createTestDatabase(server().adminUrl, 'analysis_parity');
    stores = [SqliteStore.open(join(dir, 'repere.db')), await PostgisStore.open(database.url)];
    for (const store of stores) await buildDefaultDataset(store, DATA_DIR);
    inputs = await Promise.all(stores.map((s) => loadAnalysisInputs(s, {}, { candidates: true })));
  }, 240_000);

  afterAll(async () => {
    for (const store of stores) await store.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the same inputs from both stores', () => {
    const [sqlite, postgis] = inputs;
    expect(sqlite.units.length).toBeGreaterThan(1000);
    expect(sqlite.points.length).toBeGreaterThan(1000);
    expect(postgis).toStrictEqual(sqlite);
  });

  const cases: [string, (i: AnalysisInputs) => unknown][] = [
    ['coverage, 50 km, every service point', (i) => runCoverage(i, { radius_km: 50 })],
    [
      'coverage, 100 km, Service Canada, federal, in person',
      (i) =>
        runCoverage(i, {
          layers: ['service_canada'],
          jurisdiction_levels: ['federal'],
          channels: ['in_person'],
          radius_km: 100,
        }),
    ],
    ['gaps, defaults', (i) => runGaps(i)],
    ['gaps, Service Canada', (i) => runGaps(i, { layers: ['service_canada'] })],
    ['E2SFCA, d0 = 50 km', (i) => runAccess(i, { method: 'e2sfca', catchment_km: 50 })],
    [
      'E2SFCA, d0 = 30 km, normalised',
      (i) => runAccess(i, { method: 'e2sfca', catchment_km: 30, normalise: true }),
    ],
  ];
  it.each(cases)('%s: deep-equal on both stores', (_name, run) => {
    const [sqlite, postgis] = inputs.map(run);
    expect(postgis).toStrictEqual(sqlite);
  });
});
