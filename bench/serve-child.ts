// The real server in a child process (`repere serve`), so that a load generator in the
// benchmark's process never shares the server's event loop or its CPU accounting.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

/** A running `repere serve` child. */
export interface ServeChild {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** The server process's id (the `node` running src/cli/main.ts, not a shell). */
  pid: number;
  /** User + system CPU seconds the server process has used so far (Linux /proc), or null elsewhere. */
  cpuSeconds(): number | null;
  /** SIGTERM (the server closes its store), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no free port')),
      );
    });
  });
}

/**
 * Starts `node --import tsx src/cli/main.ts serve --db <db> --port <free> --host 127.0.0.1`
 * and resolves once GET /api/v1/health answers 200. `env` is added to this process's
 * environment. The child is killed if this process exits first.
 * @example const server = await startServeChild({ db: 'bench/out/http.db' }); …; await server.stop();
 */
export async function startServeChild(options: {
  db: string;
  env?: NodeJS.ProcessEnv;
  /** Sent with the health polls (the API is rate-limited per client address). */
  headers?: Record<string, string>;
}): Promise<ServeChild> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--db',
      options.db,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    // The load generator poses as a proxy on loopback that spreads clients over many
    // X-Forwarded-For addresses: the server must trust loopback for that (REPERE_TRUST_PROXY),
    // so the rate limiter still runs on every request, as in production, without throttling.
    { cwd: REPO_ROOT, env: { ...process.env, REPERE_TRUST_PROXY: 'loopback', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      process.removeListener('exit', killOnExit);
      throw new Error(
        `repere serve --db ${options.db} exited (${child.exitCode ?? child.signalCode}) before answering /api/v1/health:\n${output}`,
      );
    }
    if (await answersHealth(baseUrl, options.headers ?? {})) break;
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      process.removeListener('exit', killOnExit);
      throw new Error(
        `repere serve --db ${options.db} did not answer /api/v1/health within ${READY_TIMEOUT_MS / 1000} s:\n${output}`,
      );
    }
    await new Promise((resolveSleep) => setTimeout(resolveSleep, 200));
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('repere serve started without a process id');
  return {
    baseUrl,
    pid,
    cpuSeconds: () => processCpuSeconds(pid),
    stop: async () => {
      await stopChild(child, exited);
      process.removeListener('exit', killOnExit);
    },
  };
}

async function answersHealth(baseUrl: string, headers: Record<string, string>): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/health`, { headers });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

// Fields 14 and 15 of /proc/<pid>/stat are utime and stime in clock ticks (100 per second on
// Linux x86-64 and arm64); the command name (field 2) may hold spaces, so count after its ')'.
const CLOCK_TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
