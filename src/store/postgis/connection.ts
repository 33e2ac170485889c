import { createHash } from 'node:crypto';
import pg from 'pg';

/** How a PostgisStore connects; every field has a default fit for one server process. */
export interface PostgisOptions {
  /** Connections in this process's pool (default 10). */
  maxConnections?: number;
  /**
   * `statement_timeout` of every connection, in ms (default 30,000): a runaway query is
   * cancelled instead of holding a connection. Imports and migrations lift it for their
   * own transaction (see `importStatementTimeoutMs`).
   */
  statementTimeoutMs?: number;
  /** Statement timeout inside an import transaction, in ms; 0 (the default) is none. */
  importStatementTimeoutMs?: number;
  /** `application_name`, shown in pg_stat_activity and the server log (default `repere`). */
  applicationName?: string;
}

/** The options with their defaults applied. */
export type ResolvedPostgisOptions = Required<PostgisOptions>;

export const DEFAULT_POSTGIS_OPTIONS: ResolvedPostgisOptions = {
  maxConnections: 10,
  statementTimeoutMs: 30_000,
  importStatementTimeoutMs: 0,
  applicationName: 'repere',
};

/**
 * A pool over `url`. `statement_timeout` and `application_name` are sent when each
 * connection starts; the same names given as URL parameters
 * (`postgres://…/repere?application_name=web-3&statement_timeout=5000`) take precedence.
 */
export function createPool(url: string, options: ResolvedPostgisOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections,
    statement_timeout: options.statementTimeoutMs,
    application_name: options.applicationName,
    // JIT compiles a plan for a second or so once its estimated cost is high; these queries
    // run in milliseconds, so it only ever adds latency (350 ms on a text search here).
    options: '-c jit=off',
    idleTimeoutMillis: 30_000,
  });
  // An idle connection that dies (server restart, failover) is dropped by the pool and
  // replaced on next use; without a listener its 'error' event would end the process.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * A query run as a named prepared statement: each connection parses and plans a given SQL
 * text once and reuses it (the name is a hash of the text, so one text, one name).
 */
export function prepared(text: string, values: readonly unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `repere_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    // Texts come from a bounded set of query shapes (which filters are present), so this stays small.
    statementNames.set(text, name);
  }
  return { name, text, values: values as unknown[] };
}

const statementNames = new Map<string, string>();

/** Runs `work` in one transaction on one connection of the pool: COMMIT, or ROLLBACK and rethrow. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      // The connection itself failed: do not give it back to the pool.
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
