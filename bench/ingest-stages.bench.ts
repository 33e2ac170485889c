import { resolve } from 'node:path';
import { loadGeoContext } from '../src/cli/load-geo-context.js';
import { profileForFile } from '../src/cli/commands/file-profile.js';
import type { ServicePoint } from '../src/domain/service-point.js';
import { mapColumns } from '../src/ingest/column-mapping.js';
import { openCsv } from '../src/ingest/csv/index.js';
import type { GeoContext } from '../src/ingest/geo-context.js';
import { validateSource } from '../src/ingest/import-source.js';
import { parseDegrees } from '../src/ingest/normalise/coordinates.js';
import { processRows } from '../src/ingest/process-rows.js';
import { ReportBuilder } from '../src/ingest/report-builder.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { WARM_UP_ROWS, openDataInput } from './bench-inputs.js';
import { fromSamples, secondsOf } from './benchmark.js';
import type { BenchContext, Benchmark, Measurement } from './benchmark.js';
import { BENCH_SOURCE_ID, removeDatabase } from './import-once.js';
import { BUNDLED_DATA_DIR } from './make-open-data-csv.js';

/**
 * A stage of the import, timed alone: `prepare` does the untimed set-up for one file and
 * returns the work to time (called once per run).
 */
interface Stage {
  metric: string;
  note: string;
  prepare: (csvPath: string) => Promise<() => Promise<unknown>>;
}

/**
 * Where `importSource`'s time goes, stage by stage, on the same generated file as `ingest`:
 * reading the CSV, the pipeline without a store (`validateSource`), the province tests
 * alone, and the store write alone (points built beforehand). Each stage warms up on 10,000
 * rows, then runs `repeat` times. The stages overlap (the pipeline includes the read and the
 * province tests), so they do not add up to the whole import.
 */
export const ingestStagesBenchmark: Benchmark = {
  name: 'ingest-stages',
  async run(context: BenchContext): Promise<Measurement[]> {
    const { rows, repeat, outDir, log } = context;
    const input = await openDataInput(context, rows);
    const warmUp = await openDataInput(context, WARM_UP_ROWS);
    const geo = await loadGeoContext(BUNDLED_DATA_DIR);
    const stages = stagesOf(geo, resolve(outDir, 'ingest-stages.db'));

    const measurements: Measurement[] = [];
    for (const stage of stages) {
      log(`ingest-stages: ${stage.metric}`);
      await (
        await stage.prepare(warmUp.path)
      )();
      const work = await stage.prepare(input.path);
      const samples: number[] = [];
      for (let run = 0; run < repeat; run += 1) samples.push(await secondsOf(work));
      measurements.push(fromSamples(`${stage.metric}, ${rows} rows`, 's', samples, stage.note));
    }
    return measurements;
  },
};

function stagesOf(geo: GeoContext, dbPath: string): Stage[] {
  const profileOf = (csvPath: string) => profileForFile(csvPath, { source: BENCH_SOURCE_ID }, undefined);
  return [
    {
      metric: 'read CSV (openCsv, every row)',
      note: 'UTF-8 check and decoding, record parser, header-keyed fields',
      prepare: async (csvPath) => async () => {
        const opened = await openCsv(csvPath);
        for await (const row of opened.rows()) void row;
      },
    },
    {
      metric: 'pipeline without store (validateSource)',
      note: 'read + map + normalise + province tests + geocode + dedupe within the source',
      prepare: async (csvPath) => () =>
        validateSource({ profile: profileOf(csvPath), baseDir: process.cwd(), geo }),
    },
    {
      metric: 'province tests alone (isInCanada, then provinceAt)',
      note: 'the two GeoContext.locator calls processRows makes for each row with coordinates',
      prepare: async (csvPath) => {
        const points = await coordinatesOf(csvPath);
        return async () => {
          for (const { lat, lon } of points)
            if (geo.locator.isInCanada(lat, lon)) geo.locator.provinceAt(lat, lon);
        };
      },
    },
    {
      metric: 'store write alone (replaceSource of built points)',
      note: 'fresh SQLite file, open → close; point + FTS5 + service types, on the import thread',
      prepare: async (csvPath) => {
        const points = await pointsOf(csvPath, geo);
        return async () => {
          await removeDatabase(dbPath);
          const store = SqliteStore.open(dbPath);
          try {
            await store.migrate();
            const source = {
              id: BENCH_SOURCE_ID,
              title: 'bench',
              licence: 'unclear',
              origin: csvPath,
              retrievedAt: '2024-06-01',
              lastVerified: null,
            };
            const report = new ReportBuilder(BENCH_SOURCE_ID);
            await store.replaceSource(source, points, () => report.build());
          } finally {
            await store.close();
            await removeDatabase(dbPath);
          }
        };
      },
    },
  ];
}

async function coordinatesOf(csvPath: string): Promise<Array<{ lat: number; lon: number }>> {
  const points: Array<{ lat: number; lon: number }> = [];
  for await (const { fields } of (await openCsv(csvPath)).rows()) {
    const lat = parseDegrees(fields['latitude']);
    const lon = parseDegrees(fields['longitude']);
    if (lat !== null && lon !== null && Number.isFinite(lat) && Number.isFinite(lon))
      points.push({ lat, lon });
  }
  return points;
}

async function pointsOf(csvPath: string, geo: GeoContext): Promise<ServicePoint[]> {
  const opened = await openCsv(csvPath);
  const profile = profileForFile(csvPath, { source: BENCH_SOURCE_ID }, undefined);
  const options = {
    profile,
    mapping: mapColumns(opened.headers, profile.mapping),
    geo,
    headerCount: opened.headers.length,
  };
  const points: ServicePoint[] = [];
  for await (const point of processRows(opened.rows(), options, new ReportBuilder(BENCH_SOURCE_ID)))
    points.push(point);
  return points;
}
