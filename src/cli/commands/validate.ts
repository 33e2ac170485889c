import type { Command } from 'commander';
import { resolve } from 'node:path';
import { loadMappingFile } from '../../ingest/column-mapping.js';
import { validateSource } from '../../ingest/import-source.js';
import type { Config } from '../config.js';
import { loadGeoContext } from '../load-geo-context.js';
import { startProgress } from '../progress.js';
import { printReport, profileForFile } from './file-profile.js';
import type { FileOptions } from './file-profile.js';

/** `repere validate <file>`: the import report, writing nothing. */
export function registerValidate(program: Command, config: Config): void {
  program
    .command('validate')
    .description('Validate a CSV or GeoJSON file and print the import report; writes nothing')
    .argument('<file>', 'CSV or GeoJSON file in the open-data layout')
    .option('--format <format>', 'csv or geojson (default: from the file extension)')
    .option('--mapping <file>', 'JSON column mapping for headers the synonyms do not cover')
    .option('--source <id>', 'source id to report under', 'validate')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: FileOptions & { json?: boolean }) => {
      const mapping = options.mapping ? await loadMappingFile(options.mapping) : undefined;
      const profile = profileForFile(resolve(file), options, mapping);
      const geo = await loadGeoContext(config.dataDir);
      const progress = startProgress('Validating', null, false);
      const report = await validateSource({ profile, baseDir: process.cwd(), geo, onProgress: (n) => progress.update(n) });
      progress.stop();
      printReport(report, options.json === true);
      if (report.rejected > 0) process.exitCode = 1;
    });
}
