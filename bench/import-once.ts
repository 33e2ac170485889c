import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { profileForFile } from '../src/cli/commands/file-profile.js';
import type { ImportReport } from '../src/domain/row-issue.js';
import type { GeoContext } from '../src/ingest/geo-context.js';
import { importSource } from '../src/ingest/import-source.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';

/** The source id benchmark files are imported as. */
export const BENCH_SOURCE_ID = 'bench';

export interface TimedImport {
  seconds: number;
  report: ImportReport;
}

/**
 * Imports `csvPath` into a fresh SQLite file at `dbPath` in this process, with the profile the
 * CLI builds for `repere import <file> --source bench`, and times it from opening the store to
 * closing it (the WAL checkpointed into the file), so the figure includes making the database
 * file usable, as ogr2ogr's does. The geo context is loaded by the caller, once.
 */
export async function importOnce(csvPath: string, dbPath: string, geo: GeoContext): Promise<TimedImport> {
  await removeDatabase(dbPath);
  const profile = profileForFile(csvPath, { source: BENCH_SOURCE_ID }, undefined);
  const started = performance.now();
  const store = SqliteStore.open(dbPath);
  let report: ImportReport;
  try {
    await store.migrate();
    report = await importSource(store, { profile, baseDir: process.cwd(), geo });
  } finally {
    await store.close();
  }
  return { seconds: (performance.now() - started) / 1000, report };
}

/** Deletes a SQLite file and its WAL and shared-memory companions, if present. */
export async function removeDatabase(dbPath: string): Promise<void> {
  await Promise.all(
    ['', '-wal', '-shm', '-journal'].map((suffix) => rm(`${dbPath}${suffix}`, { force: true })),
  );
}
