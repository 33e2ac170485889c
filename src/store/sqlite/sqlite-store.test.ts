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
import { stableUuid } from '../../domain/stable-uuid.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
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

  it("sees another store's imports into the same file in its nearest and box queries", async () => {
    const writer = SqliteStore.open(path);
    const reader = SqliteStore.open(path);
    const vancouverIsland = { west: -126, south: 49, east: -124, north: 51 };
    await writer.replaceSource(SOURCE, [CAMPBELL_RIVER], reportOf([CAMPBELL_RIVER]));
    expect((await reader.withinBBox(vancouverIsland, {}, 10)).map((p) => p.id)).toEqual(['workbc:p1']);
    expect((await reader.findNearest({ lat: 49.7, lon: -125, k: 5 })).map((h) => h.point.id)).toEqual([
      'workbc:p1',
    ]);
    // The reader's kd-tree was built; the next import must still show in it.
    await writer.replaceSource(SOURCE, [COURTENAY, CAMPBELL_RIVER], reportOf([COURTENAY, CAMPBELL_RIVER]));
    expect((await reader.withinBBox(vancouverIsland, {}, 10)).map((p) => p.id)).toEqual([
      'workbc:p1',
      'workbc:p2',
    ]);
    expect((await reader.findNearest({ lat: 49.7, lon: -125, k: 5 })).map((h) => h.point.id)).toEqual([
      'workbc:p2',
      'workbc:p1',
    ]);
    await writer.deleteSource(SOURCE.id);
    expect(await reader.withinBBox(vancouverIsland, {}, 10)).toEqual([]);
    expect(await reader.findNearest({ lat: 49.7, lon: -125, k: 5 })).toEqual([]);
    await writer.close();
    await reader.close();
  });

  it('refuses an import once closed, and leaves no thread or WAL behind', async () => {
    const store = SqliteStore.open(path);
    await store.replaceSource(SOURCE, [CAMPBELL_RIVER], reportOf([CAMPBELL_RIVER]));
    await store.close();
    await expect(store.replaceSource(SOURCE, [COURTENAY], reportOf([COURTENAY]))).rejects.toThrow(
      'The database connection is not open',
    );
    expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);
    const reopened = SqliteStore.open(path);
    expect((await reopened.listSources()).map((s) => s.records)).toEqual([1]);
    await reopened.close();
  });

  it('refuses a database written by a newer schema', () => {
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => SqliteStore.open(path)).toThrow(
      `Database schema version is ${SCHEMA_VERSION + 1} but this build knows only up to ${SCHEMA_VERSION}`,
    );
  });

  it('migration 2 gives the points of a version-1 database their HSDS UUIDs', async () => {
    // A database as release 1 left it: schema 1, one point written with the columns it had.
    const raw = new Database(path);
    migrate(raw, 1);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw
      .prepare(
        'INSERT INTO source (id, title, licence, origin, retrieved_at, imported_at, records, report_source, rows_read, imported, rejected, duplicates, issue_counts, by_precision) VALUES (?, ?, ?, ?, ?, ?, 1, ?, 1, 1, 0, 0, ?, ?)',
      )
      .run(
        'workbc',
        SOURCE.title,
        SOURCE.licence,
        SOURCE.origin,
        SOURCE.retrievedAt,
        '2021-02-23T00:00:00.000Z',
        'workbc_centres.csv',
        '{}',
        '{}',
      );
    raw
      .prepare(
        `INSERT INTO point (id, source_id, layer, role, jurisdiction_level, jurisdiction_code, channel, lat, lon,
                            precision, modified_at, data) VALUES (?, 'workbc', 'workbc', 'service_point', 'federal', 'CA', 'in_person', ?, ?, 'building', ?, ?)`,
      )
      .run(
        CAMPBELL_RIVER.id,
        50.0240613,
        -125.2434889,
        '2021-02-23T00:00:00.000Z',
        JSON.stringify(CAMPBELL_RIVER),
      );
    raw.close();

    const store = SqliteStore.open(path);
    // stableUuid('workbc:p1'), fixed forever.
    expect(await store.getPointByUuid('3e75b898-88d4-5ab0-97f7-eb977730f6d8')).toStrictEqual(CAMPBELL_RIVER);
    // New writes get theirs from the writer, and the index keeps them unique.
    await store.replaceSource(SOURCE, [CAMPBELL_RIVER, COURTENAY], reportOf([CAMPBELL_RIVER, COURTENAY]));
    expect(await store.getPointByUuid(stableUuid(COURTENAY.id))).toStrictEqual(COURTENAY);
    await store.close();

    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.prepare('SELECT count(*) FROM point WHERE uuid IS NULL').pluck().get()).toBe(0);
    expect(
      check
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'point_by_uuid'")
        .pluck()
        .get(),
    ).toBe('point_by_uuid');
    check.close();
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
