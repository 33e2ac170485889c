import type { Command } from 'commander';
import type { Config } from '../config.js';
import { openStore } from '../open-store.js';

/** `repere sources`: each source with its record counts by geocode precision. */
export function registerSources(program: Command, config: Config): void {
  program
    .command('sources')
    .description('List imported sources with record counts by location precision')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--json', 'print JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const store = await openStore(options.db ?? config.db);
      try {
        const sources = await store.listSources();
        if (options.json) {
          process.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
          return;
        }
        for (const s of sources) {
          const precision = Object.entries(s.byPrecision)
            .filter(([, n]) => n > 0)
            .map(([p, n]) => `${p} ${n}`)
            .join(', ');
          process.stdout.write(`${s.id}  ${s.records} records  licence: ${s.licence}  [${precision}]\n`);
        }
      } finally {
        await store.close();
      }
    });
}
