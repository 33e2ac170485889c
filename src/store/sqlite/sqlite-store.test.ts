import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../domain/row-issue.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { runStoreConformance } from '../store.case.test.js';
import type { SourceInfo, Store } from '../store.js';
import { geocodeAt, makePoint } from '../test-points.js';
import { SCHEMA_VERSION } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';

runStoreConformance('sqlite :memory:', async () => SqliteStore.open(':memory:'));

const tempDirs = new Map<Store, string>();
runStoreConformance(
  'sqlite file',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repere-store-'));
    const store = SqliteStore.open(join(dir, 'repere.db'));
    tempDirs.set(store, dir);
    return store;
  },
  async (store) => {
    await store.close();
    rmSync(tempDirs.get(store) ?? '', { recursive: true, force: true });
    tempDirs.delete(store);
  },
);

const SOURCE: SourceInfo = {
  id: 'workbc',
  title: 'WorkBC Centres (February 2021)',
  licence: 'Apache-2.0',
  origin: 'data/workbc_centres_2021/workbc_centres.csv',
  retrievedAt: '2021-02-23',
  lastVerified: null,
};

const reportOf = (points: readonly ServicePoint[]) => (): ImportReport => ({
  source: 'workbc_centres.csv',
  rows_read: points.length,
  imported: points.length,
  rejected: 0,
  duplicates: 0,
  issues: [],
});

// WorkBC Centres p1 and p2 (data/workbc_centres_2021/workbc_centres.csv), reduced to what these tests need.
const CAMPBELL_RIVER = makePoint({
  sourceId: 'workbc',
  sourceRecordId: 'p1',
  name: { en: 'WorkBC Centre - Campbell River' },
  geocode: geocodeAt(50.0240613, -125.2434889),
});
const COURTENAY = makePoint({
  sourceId: 'workbc',
  sourceRecordId: 'p2',
  name: { en: 'WorkBC Centre - Courtenay' },
  geocode: geocodeAt(49.6880171, -124.9940155),
});

describe('SqliteStore on a file', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'repere-sqlite-'));
    path = join(dir, 'repere.db');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its data across close and reopen, in WAL mode, at the current schema version', async () => {
    const store = SqliteStore.open(path);
    await store.replaceSource(SOURCE, [CAMPBELL_RIVER], reportOf([CAMPBELL_RIVER]));
    await store.setMeta('dataset_version', '2021-02');
    await store.close();
    // close() checkpointed the WAL into the database file.
    expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);

    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();

    const reopened = SqliteStore.open(path);
    expect(await reopened.getPoint(CAMPBELL_RIVER.id)).toStrictEqual(CAMPBELL_RIVER);
    expect(await reopened.getMeta('dataset_version')).toBe('2021-02');
    expect((await reopened.findNearest({ lat: 50, lon: -125, k: 1 }))[0].point).toStrictEqual(CAMPBELL_RIVER);
    await reopened.close();
  });

  it('refuses a database written by a newer schema', () => {
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => SqliteStore.open(path)).toThrow(/schema version is 2 but this build knows only up to 1/);
  });

  it('serves reads made during an import from the state before it', async () => {
    const store = SqliteStore.open(path);
    await store.replaceSource(SOURCE, [CAMPBELL_RIVER], reportOf([CAMPBELL_RIVER]));
    let seenMidImport: unknown;
    async function* points(): AsyncGenerator<ServicePoint> {
      yield COURTENAY;
      seenMidImport = {
        old: await store.getPoint(CAMPBELL_RIVER.id),
        new: await store.getPoint(COURTENAY.id),
        total: (await store.listPoints({ limit: 10, offset: 0 })).total,
        nearest: (await store.findNearest({ lat: 49.69, lon: -124.99, k: 5 })).map((h) => h.point.id),
        text: (await store.searchText({ q: 'courtenay', limit: 5 })).total,
        sources: (await store.listSources()).map((s) => s.records),
      };
    }
    await store.replaceSource(SOURCE, points(), reportOf([COURTENAY]));
    expect(seenMidImport).toEqual({
      old: CAMPBELL_RIVER,
      new: null,
      total: 1,
      nearest: ['workbc:p1'],
      text: 0,
      sources: [1],
    });
    // After the commit the index is rebuilt from the new state.
    expect((await store.findNearest({ lat: 49.69, lon: -124.99, k: 5 })).map((h) => h.point.id)).toEqual([
      'workbc:p2',
    ]);
    await store.close();
  });
});
