import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isChannel, isJurisdictionLevel } from '../../domain/jurisdiction.js';
import { loadMappingFile } from '../../ingest/column-mapping.js';
import {
  importHsdsPackage,
  type HsdsImportReport,
  type HsdsRecordDefaults,
} from '../../ingest/hsds/index.js';
import { importSource } from '../../ingest/import-source.js';
import type { Store } from '../../store/store.js';
import type { Config } from '../config.js';
import { loadGeoContext } from '../load-geo-context.js';
import { openStore } from '../open-store.js';
import { startProgress } from '../progress.js';
import { printReport, profileForFile } from './file-profile.js';
import type { FileOptions } from './file-profile.js';

type ImportOptions = Omit<FileOptions, 'source'> & { source?: string; db?: string; json?: boolean };

/** `hsds` when asked, or when the file is a data package descriptor or a folder holding one. */
function isHsds(file: string, format: string | undefined): boolean {
  if (format !== undefined) return format === 'hsds';
  return basename(file).toLowerCase() === 'datapackage.json' || existsSync(join(file, 'datapackage.json'));
}

/** Defaults for the records of another publisher's package, from the same options as a file's. */
function hsdsDefaults(options: ImportOptions): HsdsRecordDefaults {
  const defaults: HsdsRecordDefaults = {};
  if (options.title) defaults.title = options.title;
  if (options.licence) defaults.licence = options.licence;
  if (options.jurisdiction) {
    if (!isJurisdictionLevel(options.jurisdiction))
      throw new Error(`--jurisdiction "${options.jurisdiction}" is not an order of government`);
    defaults.jurisdictionLevel = options.jurisdiction;
  }
  if (options.channel) {
    if (!isChannel(options.channel))
      throw new Error(
        `--channel "${options.channel}" is not a channel (in_person, outreach, phone, digital)`,
      );
    defaults.channel = options.channel;
  }
  if (options.layer) defaults.layer = options.layer;
  if (options.serviceType) defaults.serviceTypes = options.serviceType;
  if (options.province) defaults.province = options.province;
  return defaults;
}

/** Prints a package import: JSON on stdout, or one line per source and the package's problems. */
function printHsdsReport(report: HsdsImportReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const tables = Object.entries(report.tables).map(([name, rows]) => `${name} ${rows}`);
  const lines = [
    `${report.package}: ${tables.join(', ')}${report.absent_tables.length ? `; absent: ${report.absent_tables.join(', ')}` : ''}`,
  ];
  const shown = report.issues.filter((i) => i.severity !== 'info').slice(0, 50);
  for (const issue of shown) {
    lines.push(
      `  ${issue.table} row ${issue.row} ${issue.severity} ${issue.code}${issue.field ? ` (${issue.field})` : ''}: ${issue.message}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const source of report.sources) printReport(source, false);
}

async function importHsds(file: string, options: ImportOptions, store: Store, config: Config): Promise<void> {
  const geo = await loadGeoContext(config.dataDir);
  const progress = startProgress('Importing HSDS package', null);
  const report = await importHsdsPackage(store, {
    path: resolve(file),
    geo,
    defaults: hsdsDefaults(options),
    ...(options.source ? { sourceId: options.source } : {}),
    onProgress: (n) => progress.update(n),
  });
  progress.stop();
  printHsdsReport(report, options.json === true);
}

/**
 * `repere import <file> --source <id>`: validate and store, replacing that source's records;
 * `repere import <dir>/datapackage.json --format hsds [--source <id>]`: an HSDS 3.0 package,
 * one transaction per source.
 */
export function registerImport(program: Command, config: Config): void {
  program
    .command('import')
    .description(
      "Validate a file and store it as one source, replacing that source's previous records (all-or-nothing); or import an HSDS 3.0 data package",
    )
    .argument(
      '<file>',
      'CSV or GeoJSON file in the open-data layout, or an HSDS datapackage.json (or its folder)',
    )
    .option(
      '--source <id>',
      'source id (lower-case letters, digits, _ or -); required for csv and geojson, optional for hsds',
    )
    .option('--format <format>', 'csv, geojson or hsds (default: from the file name)')
    .option('--mapping <file>', 'JSON column mapping for headers the synonyms do not cover')
    .option('--licence <licence>', 'licence of the data (default: unclear)')
    .option('--title <title>', 'human title of the source')
    .option(
      '--jurisdiction <level>',
      'order of government: federal, provincial, territorial, municipal, indigenous, other',
    )
    .option('--channel <channel>', 'in_person, outreach, phone or digital (default: in_person)')
    .option('--layer <layer>', 'map layer (default: the source id)')
    .option('--service-type <id...>', 'service type ids (see src/domain/service-type.ts)')
    .option('--province <code>', 'province for rows that have none')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: ImportOptions) => {
      const hsds = isHsds(file, options.format);
      if (!hsds && !options.source)
        throw new Error('--source <id> is required to import a CSV or GeoJSON file');
      const mapping = !hsds && options.mapping ? await loadMappingFile(options.mapping) : undefined;
      const profile = hsds
        ? null
        : profileForFile(resolve(file), { ...options, source: options.source ?? '' }, mapping);
      const store = await openStore(options.db ?? config.db);
      try {
        if (!profile) {
          await importHsds(file, options, store, config);
          return;
        }
        const geo = await loadGeoContext(config.dataDir);
        const progress = startProgress(`Importing ${profile.id}`, null);
        const report = await importSource(store, {
          profile,
          baseDir: process.cwd(),
          geo,
          onProgress: (n) => progress.update(n),
        });
        progress.stop();
        printReport(report, options.json === true);
      } finally {
        await store.close();
      }
    });
}
