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
  /**
   * Signs the analysts' session cookies (REPERE_SESSION_SECRET); null: a secret kept in the
   * database, shared by every server over it. Set it when servers start at the same time.
   */
  sessionSecret: string | null;
  /** API requests per minute per client (REPERE_RATE_LIMIT_PER_MINUTE, default 600; 0: none). */
  rateLimitPerMinute: number;
  /**
   * Proxies trusted for X-Forwarded-For/-Proto (REPERE_TRUST_PROXY): unset → none; a number
   * → that many hops; otherwise a comma-separated list of addresses or CIDR ranges.
   */
  trustProxy: boolean | number | string;
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
    sessionSecret: env['REPERE_SESSION_SECRET'] || null,
    rateLimitPerMinute: nonNegativeInteger('REPERE_RATE_LIMIT_PER_MINUTE', env['REPERE_RATE_LIMIT_PER_MINUTE'] ?? '600'),
    trustProxy: trustProxyFrom(env['REPERE_TRUST_PROXY']),
  };
}

function nonNegativeInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${text}"`);
  return value;
}

function trustProxyFrom(text: string | undefined): boolean | number | string {
  if (text === undefined || text.trim() === '' || text === 'false') return false;
  if (/^\d+$/.test(text.trim())) return Number(text.trim());
  return text.trim();
}
