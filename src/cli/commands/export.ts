import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { writeHsdsPackage } from '../../export/hsds-package/index.js';
import { writeCsv } from '../../export/write-csv.js';
import { writeGeoJson } from '../../export/write-geojson.js';
import { HSDS_ROLES } from '../../hsds/hsds-catalogue.js';
import type { PointFilter, Store } from '../../store/store.js';
import type { Config } from '../config.js';
import { openStore } from '../open-store.js';

/** `repere export --format hsds --out <dir>`: an HSDS 3.0 data package (datapackage.json + one CSV per table). */
async function exportHsds(store: Store, options: ExportOptions): Promise<void> {
  if (options.out === '-') {
    throw new Error(
      '--format hsds writes a folder (datapackage.json and one CSV per table): give --out <dir>, not "-"',
    );
  }
  const filter: PointFilter = {
    roles: options.allRoles || options.source ? ['service_point', 'facility', 'candidate_site'] : HSDS_ROLES,
  };
  if (options.source) filter.sourceIds = options.source;
  if (options.layer) filter.layers = options.layer;
  const summary = await writeHsdsPackage(store, options.out, { filter });
  const tables = summary.tables.filter((t) => t.rows > 0);
  if (options.json) {
    process.stderr.write(
      `${JSON.stringify({ format: 'hsds', out: options.out, records: summary.locations, tables: summary.tables })}\n`,
    );
  } else {
    process.stderr.write(
      `Exported ${summary.locations} locations to ${options.out}/datapackage.json (${tables.map((t) => `${t.name} ${t.rows}`).join(', ')})\n`,
    );
  }
}

interface ExportOptions {
  format: string;
  out: string;
  source?: string[];
  layer?: string[];
  allRoles?: boolean;
  db?: string;
  json?: boolean;
}

/** `repere export --format geojson|csv --out <file>`, or `--format hsds --out <dir>`. */
export function registerExport(program: Command, config: Config): void {
  program
    .command('export')
    .description(
      'Export records as GeoJSON or CSV in the open-data layout, or as an HSDS 3.0 data package (all re-importable)',
    )
    .requiredOption('--format <format>', 'geojson, csv or hsds')
    .requiredOption('--out <file>', 'output file ("-" for standard output); a folder for hsds')
    .option('--source <id...>', 'only these sources')
    .option('--layer <layer...>', 'only these layers')
    .option(
      '--all-roles',
      'include facilities and candidate sites, not only public service points (hsds: service points and facilities by default)',
    )
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--json', 'print a JSON summary')
    .action(async (options: ExportOptions) => {
      if (options.format !== 'geojson' && options.format !== 'csv' && options.format !== 'hsds') {
        throw new Error(
          `--format must be geojson or csv, got "${options.format}" (or hsds, for an HSDS 3.0 data package)`,
        );
      }
      const store = await openStore(options.db ?? config.db);
      try {
        if (options.format === 'hsds') {
          await exportHsds(store, options);
          return;
        }
        const filter: PointFilter = {
          roles:
            options.allRoles || options.source
              ? ['service_point', 'facility', 'candidate_site']
              : ['service_point'],
        };
        if (options.source) filter.sourceIds = options.source;
        if (options.layer) filter.layers = options.layer;
        const out = options.out === '-' ? process.stdout : createWriteStream(options.out);
        const points = store.streamPoints(filter);
        const count =
          options.format === 'csv' ? await writeCsv(points, out) : await writeGeoJson(points, out);
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
