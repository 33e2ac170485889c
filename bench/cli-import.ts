import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ImportReport } from '../src/domain/row-issue.js';
import { BENCH_SOURCE_ID, removeDatabase } from './import-once.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI_MAIN = resolve(REPO_ROOT, 'src/cli/main.ts');
const MAX_RSS_CHILD = resolve(REPO_ROOT, 'bench/import-max-rss.child.ts');
const GNU_TIME = '/usr/bin/time';

/** What bench/import-max-rss.child.ts prints on stderr before the peak RSS in KiB. */
export const MAX_RSS_MARKER = 'max_rss_kib=';

/**
 * How the child's peak RSS is read: `time` runs the CLI under GNU `/usr/bin/time -v` (the
 * kernel's ru_maxrss of the child, nothing added to the process); `resource-usage` runs it
 * inside bench/import-max-rss.child.ts, which prints `process.resourceUsage().maxRSS` at
 * exit and needs nothing but Node.
 */
export type RssMethod = 'time' | 'resource-usage';

export interface CliImportOptions {
  csvPath: string;
  /** A SQLite file path; it and its WAL are deleted before and after. */
  dbPath: string;
  /** The bundled data folder, passed as REPERE_DATA_DIR. */
  dataDir: string;
  method: RssMethod;
}

export interface CliImport {
  /** The report the CLI printed with --json. */
  report: ImportReport;
  /** Peak resident set size of the child process, in bytes. */
  maxRssBytes: number;
  /** Wall time of the child, start-up and geo context included. */
  seconds: number;
  method: RssMethod;
}

/** `time` where GNU time is installed, else `resource-usage`. */
export function defaultRssMethod(): RssMethod {
  return existsSync(GNU_TIME) ? 'time' : 'resource-usage';
}

/**
 * Runs `repere import <csv> --source bench --db <db> --json` in a child Node process and
 * returns its report and peak RSS. Rejects with the child's stderr when it fails.
 */
export async function runCliImport(options: CliImportOptions): Promise<CliImport> {
  const { csvPath, dbPath, dataDir, method } = options;
  const cliArgs = ['import', csvPath, '--source', BENCH_SOURCE_ID, '--db', dbPath, '--json'];
  const [command, args] =
    method === 'time'
      ? [GNU_TIME, ['-v', process.execPath, '--import', 'tsx', CLI_MAIN, ...cliArgs]]
      : [process.execPath, ['--import', 'tsx', MAX_RSS_CHILD, ...cliArgs]];
  await removeDatabase(dbPath);
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await run(command, args, { ...process.env, REPERE_DATA_DIR: dataDir });
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) {
      throw new Error(
        `repere import exited with code ${code} (${method}); its stderr ends with:\n${stderr.slice(-2000)}`,
      );
    }
    const kib =
      method === 'time'
        ? /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]
        : new RegExp(`${MAX_RSS_MARKER}(\\d+)`).exec(stderr)?.[1];
    if (kib === undefined)
      throw new Error(
        `no peak RSS in the stderr of repere import (${method}); it ends with:\n${stderr.slice(-2000)}`,
      );
    return { report: JSON.parse(stdout) as ImportReport, maxRssBytes: Number(kib) * 1024, seconds, method };
  } finally {
    await removeDatabase(dbPath);
  }
}

function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolvePromise({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
