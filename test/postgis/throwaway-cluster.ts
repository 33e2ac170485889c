// A PostgreSQL server for tests: REPERE_TEST_PG_URL when set, else a throwaway cluster
// (initdb in a fresh temp dir, loopback only, a free port) started here and stopped after.
// Test files call `testServer()` once in beforeAll and `stop()` in afterAll, then make and
// drop their own databases with `createTestDatabase`.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Debian's PostgreSQL 15 binaries (package postgresql-15). */
export const PG_BIN = '/usr/lib/postgresql/15/bin';
/** Installed by postgresql-15-postgis-3. */
const POSTGIS_CONTROL = '/usr/share/postgresql/15/extension/postgis.control';

/** The one line printed when no server can be found outside CI. */
export const SKIP_MESSAGE = 'PostGIS tests skipped: no PostgreSQL server (install postgresql-15-postgis-3)';

/** A server the tests may create databases on; `stop` ends it if it was started here. */
export interface TestServer {
  /** Connection URL of the maintenance database (`postgres`) as a superuser. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** Why the PostGIS tests cannot run here, or null when they can. In CI they must run. */
export function unavailableReason(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env['REPERE_TEST_PG_URL']) return null;
  if (!existsSync(join(PG_BIN, 'initdb'))) return SKIP_MESSAGE;
  if (!existsSync(POSTGIS_CONTROL))
    return 'PostGIS tests skipped: PostgreSQL has no PostGIS (install postgresql-15-postgis-3)';
  return null;
}

/** True when running in CI (`CI=true`), where a missing server fails instead of skipping. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * The server named by REPERE_TEST_PG_URL, or a throwaway cluster started now. Throws when
 * neither is possible: callers check `unavailableReason()` first and skip (or fail in CI).
 */
export async function testServer(env: NodeJS.ProcessEnv = process.env): Promise<TestServer> {
  const url = env['REPERE_TEST_PG_URL'];
  if (url) return { adminUrl: url, stop: async () => undefined };
  return startThrowawayCluster();
}

/**
 * Creates a database with PostGIS available (a fresh name each call) and returns its URL
 * and a function that drops it. UTF-8 with the C locale (present on every server; the store
 * depends on no locale: ids compare by bytes and text search folds words itself).
 * @example const db = await createTestDatabase(server.adminUrl, 'conformance'); …; await db.drop();
 */
export async function createTestDatabase(
  adminUrl: string,
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `repere_test_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'repere-tests' });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------

const READY_TIMEOUT_MS = 30_000;

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root). */
function runPg(binary: string, args: readonly string[]): SpawnSyncReturns<string> {
  const asRoot = userInfo().uid === 0;
  const command = asRoot ? 'runuser' : join(PG_BIN, binary);
  const fullArgs = asRoot ? ['-u', 'postgres', '--', join(PG_BIN, binary), ...args] : [...args];
  return spawnSync(command, fullArgs, { encoding: 'utf8', timeout: READY_TIMEOUT_MS * 2 });
}

function check(result: SpawnSyncReturns<string>, what: string, logFile?: string): void {
  if (result.status === 0) return;
  const log =
    logFile && existsSync(logFile) ? `\nserver log:\n${readFileSync(logFile, 'utf8').slice(-2000)}` : '';
  throw new Error(
    `${what} failed (exit ${result.status ?? result.signal ?? result.error?.message}): ${result.stderr || result.stdout}${log}`,
  );
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/**
 * Starts a new cluster in a unique temp dir on 127.0.0.1 and a free port, trust auth for
 * the `postgres` superuser, durability off (fsync, full_page_writes: test data only). Waits
 * until `pg_isready` answers. The cluster is stopped and its dir removed by `stop()`, and
 * also when the process exits, so an interrupted test run leaves no server behind.
 */
export async function startThrowawayCluster(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'repere-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  if (userInfo().uid === 0) {
    const postgres = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const uid = Number(postgres.stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (postgres.status !== 0 || !Number.isInteger(uid)) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(
        'Running as root but there is no `postgres` user to run the cluster as: install postgresql.',
      );
    }
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  let started = false;
  const stopSync = (): void => {
    if (started) runPg('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-s']);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);
  try {
    check(
      runPg('initdb', [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
      ]),
      'initdb',
    );
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        "-c listen_addresses='127.0.0.1'",
        `-c unix_socket_directories='${dir}'`,
        '-c fsync=off',
        '-c full_page_writes=off',
        '-c synchronous_commit=off',
        '-c max_connections=100',
      ].join(' ');
      const result = runPg('pg_ctl', [
        'start',
        '-D',
        dataDir,
        '-l',
        logFile,
        '-o',
        options,
        '-w',
        '-t',
        '30',
        '-s',
      ]);
      if (result.status === 0) break;
      // Another process may have taken the port between freePort and the bind: try another.
      if (attempt >= 3) check(result, 'pg_ctl start', logFile);
    }
    started = true;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (
      spawnSync(join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']).status !== 0
    ) {
      if (Date.now() > deadline)
        check({ status: 1, stderr: 'server not ready' } as SpawnSyncReturns<string>, 'pg_isready', logFile);
      await sleep(100);
    }
    return {
      adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        process.removeListener('exit', stopSync);
        if (started)
          check(runPg('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-s']), 'pg_ctl stop', logFile);
        started = false;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.removeListener('exit', stopSync);
    stopSync();
    throw error;
  }
}
