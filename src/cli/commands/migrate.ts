import type { Command } from 'commander';
import { SCHEMA_VERSION as POSTGIS_SCHEMA_VERSION } from '../../store/postgis/migrations.js';
import { SCHEMA_VERSION as SQLITE_SCHEMA_VERSION } from '../../store/sqlite/migrations.js';
import type { Config } from '../config.js';
import { openStore, redact } from '../open-store.js';

/**
 * `repere migrate [--db]`: creates or upgrades the schema, then exits. Servers migrate on
 * start-up too; run this first when they connect with a role that may not change the schema,
 * or to upgrade once before rolling out a new release to many servers.
 */
export function registerMigrate(program: Command, config: Config): void {
  program
    .command('migrate')
    .description('Create or upgrade the database schema (SQLite file or postgres:// URL) and exit')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--json', 'print a JSON summary')
    .action(async (options: { db?: string; json?: boolean }) => {
      const db = options.db ?? config.db;
      const started = Date.now();
      // Opening migrates (each migration in its own transaction, under a lock on PostGIS).
      const store = await openStore(db);
      try {
        await store.migrate();
      } finally {
        await store.close();
      }
      const summary = {
        db: redact(db),
        kind: store.kind,
        schema_version: store.kind === 'postgis' ? POSTGIS_SCHEMA_VERSION : SQLITE_SCHEMA_VERSION,
        seconds: Number(((Date.now() - started) / 1000).toFixed(3)),
      };
      if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else
        process.stderr.write(
          `${summary.db} (${summary.kind}) is at schema version ${summary.schema_version}\n`,
        );
    });
}
