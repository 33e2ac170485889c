import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Everything the program reads from its environment, read once here (the composition
 * root). Nothing below src/cli and src/server reads process.env.
 */
export interface Config {
  /** SQLite file path or a postgres:// URL. */
  db: string;
  port: number;
  host: string;
  /** Folder of the bundled dataset (data/). */
  dataDir: string;
}

const PACKAGE_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Builds the configuration from environment variables and their defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env['PORT']}"`);
  }
  return {
    db: env['DATABASE_URL'] || env['REPERE_DB'] || './repere.db',
    port,
    host: env['HOST'] ?? '127.0.0.1',
    dataDir: env['REPERE_DATA_DIR'] ?? resolve(PACKAGE_ROOT, 'data'),
  };
}
