import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { writeCsv } from '../../export/write-csv.js';
import { writeGeoJson } from '../../export/write-geojson.js';
import type { PointFilter } from '../../store/store.js';
import type { Config } from '../config.js';
import { openStore } from '../open-store.js';

/** `repere export --format geojson|csv --out <file>`. */
export function registerExport(program: Command, config: Config): void {
  program
    .command('export')
    .description('Export records as GeoJSON or CSV in the open-data layout (re-importable)')
    .requiredOption('--format <format>', 'geojson or csv')
    .requiredOption('--out <file>', 'output file ("-" for standard output)')
    .option('--source <id...>', 'only these sources')
    .option('--layer <layer...>', 'only these layers')
    .option('--all-roles', 'include facilities and candidate sites, not only public service points')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--json', 'print a JSON summary')
    .action(async (options: { format: string; out: string; source?: string[]; layer?: string[]; allRoles?: boolean; db?: string; json?: boolean }) => {
      if (options.format !== 'geojson' && options.format !== 'csv') {
        throw new Error(`--format must be geojson or csv, got "${options.format}"`);
      }
      const store = await openStore(options.db ?? config.db);
      try {
        const filter: PointFilter = {
          roles: options.allRoles || options.source ? ['service_point', 'facility', 'candidate_site'] : ['service_point'],
        };
        if (options.source) filter.sourceIds = options.source;
        if (options.layer) filter.layers = options.layer;
        const out = options.out === '-' ? process.stdout : createWriteStream(options.out);
        const points = store.streamPoints(filter);
        const count = options.format === 'csv' ? await writeCsv(points, out) : await writeGeoJson(points, out);
        if (out !== process.stdout) {
          out.end();
          await finished(out);
        }
        const summary = { format: options.format, out: options.out, records: count };
        if (options.json) process.stderr.write(`${JSON.stringify(summary)}\n`);
        else process.stderr.write(`Exported ${count} records to ${options.out}\n`);
      } finally {
        await store.close();
      }
    });
}
