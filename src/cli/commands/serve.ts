import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { buildApp } from '../../http/app.js';
import type { Config } from '../config.js';
import { openStore } from '../open-store.js';
import { buildDefault } from './build-default.js';

/** `repere serve`: builds the default database on first run, then serves HTTP. */
export function registerServe(program: Command, config: Config): void {
  program
    .command('serve')
    .description('Serve the finder and the API (builds the default database first if it does not exist)')
    .option('--port <port>', 'port to listen on', String(config.port))
    .option('--host <host>', 'interface to listen on', config.host)
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--rate-limit <perMinute>', 'API requests per minute per client (0: no limit)', String(config.rateLimitPerMinute))
    .action(async (options: { port: string; host: string; db?: string; rateLimit: string }) => {
      const rateLimitPerMinute = Number(options.rateLimit);
      if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 0) {
        throw new Error(`--rate-limit must be a whole number ≥ 0, got "${options.rateLimit}"`);
      }
      const db = options.db ?? config.db;
      const isFile = !/^postgres(ql)?:\/\//.test(db);
      if (isFile && !existsSync(db)) {
        process.stderr.write(`No database at ${db}: building the default dataset from ${config.dataDir} (first run only)\n`);
        await buildDefault(db, config.dataDir, false);
      }
      const store = await openStore(db);
      const app = await buildApp({
        store,
        rateLimitPerMinute,
        trustProxy: config.trustProxy,
        ...(config.sessionSecret ? { sessionSecret: config.sessionSecret } : {}),
      });
      const shutdown = async (): Promise<void> => {
        await app.close();
        await store.close();
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      const address = await app.listen({ port: Number(options.port), host: options.host });
      process.stderr.write(`Repère is serving on ${address}\n`);
    });
}
