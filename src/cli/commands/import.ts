import type { Command } from 'commander';
import { resolve } from 'node:path';
import { loadMappingFile } from '../../ingest/column-mapping.js';
import { importSource } from '../../ingest/import-source.js';
import type { Config } from '../config.js';
import { loadGeoContext } from '../load-geo-context.js';
import { openStore } from '../open-store.js';
import { startProgress } from '../progress.js';
import { printReport, profileForFile } from './file-profile.js';
import type { FileOptions } from './file-profile.js';

/** `repere import <file> --source <id>`: validate and store, replacing that source's records. */
export function registerImport(program: Command, config: Config): void {
  program
    .command('import')
    .description("Validate a file and store it as one source, replacing that source's previous records (all-or-nothing)")
    .argument('<file>', 'CSV or GeoJSON file in the open-data layout')
    .requiredOption('--source <id>', 'source id (lower-case letters, digits, _ or -)')
    .option('--format <format>', 'csv or geojson (default: from the file extension)')
    .option('--mapping <file>', 'JSON column mapping for headers the synonyms do not cover')
    .option('--licence <licence>', 'licence of the data (default: unclear)')
    .option('--title <title>', 'human title of the source')
    .option('--jurisdiction <level>', 'order of government: federal, provincial, territorial, municipal, indigenous, other')
    .option('--channel <channel>', 'in_person, outreach, phone or digital', 'in_person')
    .option('--layer <layer>', 'map layer (default: the source id)')
    .option('--service-type <id...>', 'service type ids (see src/domain/service-type.ts)')
    .option('--province <code>', 'province for rows that have none')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: FileOptions & { db?: string; json?: boolean }) => {
      const mapping = options.mapping ? await loadMappingFile(options.mapping) : undefined;
      const profile = profileForFile(resolve(file), options, mapping);
      const store = await openStore(options.db ?? config.db);
      try {
        const geo = await loadGeoContext(config.dataDir);
        const progress = startProgress(`Importing ${profile.id}`, null);
        const report = await importSource(store, { profile, baseDir: process.cwd(), geo, onProgress: (n) => progress.update(n) });
        progress.stop();
        printReport(report, options.json === true);
      } finally {
        await store.close();
      }
    });
}
