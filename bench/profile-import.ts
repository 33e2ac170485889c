// One in-process import of a benchmark CSV, to run under a profiler; see bench/README.md:
//   node --cpu-prof --cpu-prof-dir=bench/out/profile --import tsx bench/profile-import.ts [file.csv]
// The geo context is loaded before the import, so the profile's import part is `importOnce`.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGeoContext } from '../src/cli/load-geo-context.js';
import { importOnce, removeDatabase } from './import-once.js';
import {
  BENCH_OUT_DIR,
  BUNDLED_DATA_DIR,
  DEFAULT_ROWS,
  DEFAULT_SEED,
  makeOpenDataCsv,
} from './make-open-data-csv.js';

const csvPath = process.argv[2]
  ? resolve(process.argv[2])
  : (
      await makeOpenDataCsv({
        outPath: resolve(BENCH_OUT_DIR, `open-data-${DEFAULT_ROWS}-seed${DEFAULT_SEED}.csv`),
      })
    ).path;
const geoStarted = performance.now();
const geo = await loadGeoContext(BUNDLED_DATA_DIR);
const geoSeconds = (performance.now() - geoStarted) / 1000;
const dbPath = resolve(BENCH_OUT_DIR, 'profile-import.db');
const { seconds, report } = await importOnce(csvPath, dbPath, geo);
await removeDatabase(dbPath);
process.stdout.write(
  `geo context ${geoSeconds.toFixed(2)} s; import ${seconds.toFixed(2)} s, ${Math.round(report.rows_read / seconds)} rows/s ` +
    `(${report.rows_read} read, ${report.imported} imported, ${report.rejected} rejected, ${report.duplicates} duplicates)\n`,
);
