// Acceptance: an import killed with SIGKILL half-way leaves the database exactly as it was.
// A child process (crash-import.child.ts) replaces a source with an endless stream; once it
// says it is writing, it is killed; the database is reopened and compared row by row.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ImportReport } from '../../domain/row-issue.js';
import type { SourceInfo } from '../store.js';
import { geocodeAt, makePoint } from '../test-points.js';
import { SqliteStore } from './sqlite-store.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = 'src/store/sqlite/crash-import.child.ts';

const SOURCE: SourceInfo = {
  id: 'crash',
  title: 'Source the crash must not damage',
  licence: 'unclear',
  origin: 'crash-import.test.ts',
  retrievedAt: '2024-02-06',
  lastVerified: null,
};

/** Every row of the point, source and index tables, in a stable order. */
function snapshot(path: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return {
      points: db.prepare('SELECT * FROM point ORDER BY id').all(),
      sources: db.prepare('SELECT * FROM source ORDER BY id').all(),
      serviceTypes: db.prepare('SELECT * FROM point_service_type ORDER BY point_id, service_type').all(),
      fts: db
        .prepare("SELECT rowid FROM point_fts WHERE point_fts MATCH 'original*' ORDER BY rowid")
        .pluck()
        .all(),
    };
  } finally {
    db.close();
  }
}

/** Runs the child until it prints "writing", then SIGKILLs it; resolves with how it ended. */
function killWhileWriting(
  dbPath: string,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; saidWriting: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, SOURCE.id], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let saidWriting = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!saidWriting && stdout.split('\n').includes('writing')) {
        saidWriting = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!saidWriting)
        reject(new Error(`The child exited (code ${code}, signal ${signal}) before writing:\n${stderr}`));
      else resolve({ signal, code, saidWriting });
    });
  });
}

let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'repere-crash-'));
  dbPath = join(dir, 'repere.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('an import killed with SIGKILL mid-way leaves every row as it was', async () => {
  const original = Array.from({ length: 500 }, (_, i) =>
    makePoint({
      sourceId: SOURCE.id,
      sourceRecordId: String(i).padStart(7, '0'),
      name: { en: `Original ${i}`, fr: `Original ${i}` },
      serviceTypes: ['benefits'],
      geocode: geocodeAt(50 + i / 1000, -100),
    }),
  );
  const store = SqliteStore.open(dbPath);
  await store.replaceSource(SOURCE, original, (): ImportReport => ({
    source: 'original.csv',
    rows_read: 500,
    imported: 500,
    rejected: 0,
    duplicates: 0,
    issues: [],
  }));
  await store.close();
  const before = snapshot(dbPath);

  const ended = await killWhileWriting(dbPath);
  expect(ended).toEqual({ signal: 'SIGKILL', code: null, saidWriting: true });

  const reopened = SqliteStore.open(dbPath);
  expect(await reopened.getPoint(original[499].id)).toStrictEqual(original[499]);
  expect((await reopened.searchText({ q: 'replacement', limit: 1 })).total).toBe(0);
  await reopened.close();
  expect(snapshot(dbPath)).toEqual(before);
  const db = new Database(dbPath, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
});
