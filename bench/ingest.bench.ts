import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGeoContext } from '../src/cli/load-geo-context.js';
import type { ImportReport } from '../src/domain/row-issue.js';
import { WARM_UP_ROWS, openDataInput } from './bench-inputs.js';
import { fromSamples, reading, summarise } from './benchmark.js';
import type { BenchContext, Benchmark, Measurement } from './benchmark.js';
import { defaultRssMethod, runCliImport } from './cli-import.js';
import { importOnce, removeDatabase } from './import-once.js';
import { BUNDLED_DATA_DIR } from './make-open-data-csv.js';
import { ogr2ogrLoad } from './ogr2ogr-load.js';

/** The memory goal of the issue "Core": a 100,000-row CLI import stays under this peak RSS. */
export const PEAK_RSS_GOAL_BYTES = 300e6;

/**
 * Ingest speed against the GDAL anchor, on one generated open-data CSV (bench/make-open-data-csv.ts):
 * Repère's in-process `importSource` into a fresh SQLite file (FTS5, one transaction on the import thread)
 * and `ogr2ogr -f GPKG` on the same file, alternated run by run after a warm-up on 10,000
 * rows; then the peak RSS of a `repere import` of the same file in a child process.
 */
export const ingestBenchmark: Benchmark = {
  name: 'ingest',
  async run(context: BenchContext): Promise<Measurement[]> {
    const { rows, repeat, outDir, log } = context;
    const input = await openDataInput(context, rows);
    const warmUp = await openDataInput(context, WARM_UP_ROWS);
    const dbPath = resolve(outDir, 'ingest-bench.db');
    const gpkgPath = resolve(outDir, 'ingest-bench.gpkg');

    const geoStarted = performance.now();
    const geo = await loadGeoContext(BUNDLED_DATA_DIR);
    const geoSeconds = (performance.now() - geoStarted) / 1000;

    log('ingest: warm-up (Repère, then ogr2ogr, on the warm-up file)');
    await importOnce(warmUp.path, dbPath, geo);
    await ogr2ogrLoad(warmUp.path, gpkgPath);

    const repere: number[] = [];
    const ogr: number[] = [];
    let report: ImportReport | null = null;
    let features: number | null = null;
    for (let run = 1; run <= repeat; run += 1) {
      // Alternated, so a change in the machine's speed during the benchmark touches both sides.
      const imported = await importOnce(input.path, dbPath, geo);
      checkReport(imported.report, rows);
      repere.push(imported.seconds);
      report = imported.report;
      const loaded = await ogr2ogrLoad(input.path, gpkgPath);
      ogr.push(loaded.seconds);
      features = loaded.featureCount;
      log(
        `ingest: run ${run}/${repeat}: Repère ${imported.seconds.toFixed(2)} s, ogr2ogr ${loaded.seconds.toFixed(2)} s`,
      );
    }
    await removeDatabase(dbPath);

    const method = defaultRssMethod();
    log(
      `ingest: peak RSS of a CLI import (${method === 'time' ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'})`,
    );
    const cli = await runCliImport({
      csvPath: input.path,
      dbPath: resolve(outDir, 'ingest-cli.db'),
      dataDir: BUNDLED_DATA_DIR,
      method,
    });
    checkReport(cli.report, rows);

    const counts = report
      ? `${report.imported} imported, ${report.rejected} rejected, ${report.duplicates} duplicates`
      : '';
    const pairs = summarise(ogr.map((seconds, i) => seconds / repere[i]));
    const ratio: Measurement = {
      metric: 'ratio ogr2ogr time / Repère time',
      unit: '×',
      median: summarise(ogr).median / summarise(repere).median,
      min: pairs.min,
      max: pairs.max,
      runs: repere.length,
      note: '≥ 1.0 means Repère is faster; median: of the medians; range: run by run',
    };
    return [
      fromSamples(
        `Repère importSource, ${rows} rows (in-process)`,
        's',
        repere,
        `fresh SQLite file, open → close; ${counts}`,
      ),
      fromSamples(
        'Repère throughput',
        'rows/s',
        repere.map((s) => rows / s),
      ),
      fromSamples(
        `ogr2ogr -f GPKG, same CSV (spawned)`,
        's',
        ogr,
        `fresh GeoPackage; ${features ?? '?'} features`,
      ),
      fromSamples(
        'ogr2ogr throughput',
        'rows/s',
        ogr.map((s) => rows / s),
      ),
      ratio,
      reading(
        `peak RSS, repere import of ${rows} rows (child)`,
        'MB',
        cli.maxRssBytes / 1e6,
        `goal < ${PEAK_RSS_GOAL_BYTES / 1e6} MB; ${method === 'time' ? '/usr/bin/time -v' : 'resourceUsage().maxRSS'}`,
      ),
      reading('repere import wall time (child)', 's', cli.seconds, 'Node start-up and geo context included'),
      reading('geo context load (in-process, once)', 's', geoSeconds, 'not part of the importSource times'),
    ];
  },
};

/** Every data row must be read and end in exactly one counter, or the timing measured something else. */
function checkReport(report: ImportReport, rows: number): void {
  if (
    report.rows_read !== rows ||
    report.imported + report.rejected + report.duplicates !== report.rows_read
  ) {
    throw new Error(
      `ingest: the import read ${report.rows_read} rows (${report.imported} imported, ${report.rejected} rejected, ` +
        `${report.duplicates} duplicates); expected ${rows} rows all accounted for`,
    );
  }
}
