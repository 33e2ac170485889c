import type Database from 'better-sqlite3';
import type { ServicePoint } from '../../domain/service-point.js';
import type { Boundary, Community, FsaCentroid, Place, PopulationUnit } from '../../domain/reference.js';
import type { ImportReport } from '../../domain/row-issue.js';
import {
  NotFoundError,
  type BBox,
  type ListQuery,
  type NearestHit,
  type NearestQuery,
  type PointFilter,
  type PointStream,
  type SessionRecord,
  type SourceInfo,
  type SourceSummary,
  type Store,
  type TextHit,
  type TextQuery,
  type UserAccount,
} from '../store.js';
import { isMemoryPath, openReader, openWriter } from './connection.js';
import { migrate } from './migrations.js';
import { resolveFilter } from '../point-filter.js';
import { PointIndex } from './point-index.js';
import { PointQueries } from './point-queries.js';
import { PointWriter, writePoints } from './point-writer.js';
import { PointWriteThread } from './point-write-thread.js';
import {
  readBoundaries,
  readCommunities,
  readFsaCentroids,
  readPlaces,
  readPopulationUnits,
  writeBoundaries,
  writeCommunities,
  writeFsaCentroids,
  writePlaces,
  writePopulationUnits,
} from './reference-layers.js';
import { sourceRowValues } from '../source-row.js';
import { listSourceRows, UPSERT_SOURCE_SQL } from './source-rows.js';
import { ftsQueryFrom } from './text-search.js';
import {
  readSession,
  readUser,
  readUsers,
  removeExpiredSessions,
  removeSession,
  removeUser,
  writeSession,
  writeUser,
} from './user-rows.js';
import { WriteLock } from './write-lock.js';

/** Points per batch of `streamPoints`: bounds its memory whatever the store's size. */
const STREAM_BATCH_SIZE = 500;

/**
 * The embedded Store: one SQLite file (better-sqlite3, WAL), FTS5 for text, and an in-memory
 * kd-tree (kdbush, geokdbush) for nearest and bounding-box queries.
 *
 * A file database gets two connections: writes go through one, reads through the other, so
 * a read made while an import is in progress sees the state before it. `:memory:` has one
 * connection: there, reads during an import see its uncommitted rows, and a write issued
 * while a `streamPoints` batch is being read would fail; it is meant for tests and tools.
 * @example
 * const store = SqliteStore.open('repere.db');
 * const hits = await store.findNearest({ lat: 63.7467, lon: -68.517, k: 5 });
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly #writer: Database.Database;
  readonly #reader: Database.Database;
  readonly #writeLock = new WriteLock();
  readonly #points: PointQueries;
  #pointWriter: PointWriter | null = null;
  // File databases import on a second thread (point-write-thread.ts); started on first use.
  readonly #path: string;
  #writeThread: PointWriteThread | null = null;
  #pointIndex: PointIndex | null = null;
  // What the index was built from: see #index().
  #indexDataVersion = -1;
  #indexSources = '';
  #closed = false;

  private constructor(path: string, writer: Database.Database, reader: Database.Database) {
    this.#path = path;
    this.#writer = writer;
    this.#reader = reader;
    this.#points = new PointQueries(reader);
  }

  /** Opens (creating if needed) and migrates the database at `path`; `:memory:` for a private one. */
  static open(path: string): SqliteStore {
    const writer = openWriter(path);
    try {
      migrate(writer);
      return new SqliteStore(path, writer, isMemoryPath(path) ? writer : openReader(path));
    } catch (error) {
      writer.close();
      throw error;
    }
  }

  async migrate(): Promise<void> {
    await this.#writeLock.run(() => migrate(this.#writer));
  }

  /** Waits for pending writes, checkpoints the WAL into the database file and closes. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#writeLock.idle();
    await this.#writeThread?.close();
    if (this.#reader !== this.#writer) this.#reader.close();
    this.#writer.pragma('wal_checkpoint(TRUNCATE)');
    this.#writer.close();
  }

  replaceSource(
    source: SourceInfo,
    points: PointStream,
    finishReport: () => ImportReport,
    onProgress?: (written: number) => void,
  ): Promise<{ written: number }> {
    return this.#writeLock.run(async () => {
      const importedAt = new Date().toISOString();
      try {
        if (this.#reader === this.#writer) {
          return await this.#replaceSourceHere(source, points, finishReport, importedAt, onProgress);
        }
        if (this.#closed) throw new Error('The database connection is not open');
        // A thread that stopped (it ran out of memory, say) failed its import; start afresh.
        if (this.#writeThread?.stopped) {
          await this.#writeThread.close();
          this.#writeThread = null;
        }
        const thread = (this.#writeThread ??= new PointWriteThread(this.#path));
        const { written } = await thread.replace(
          source.id,
          points,
          importedAt,
          ({ written, byPrecision }) =>
            sourceRowValues(source, { importedAt, records: written, byPrecision, report: finishReport() }),
          onProgress,
        );
        return { written };
      } finally {
        // Also after a rollback: on ':memory:' the index may have been built mid-import.
        this.#pointIndex = null;
      }
    });
  }

  /** replaceSource on this thread's connection: for ':memory:', which no other thread can open. */
  async #replaceSourceHere(
    source: SourceInfo,
    points: PointStream,
    finishReport: () => ImportReport,
    importedAt: string,
    onProgress?: (written: number) => void,
  ): Promise<{ written: number }> {
    const db = this.#writer;
    const writer = (this.#pointWriter ??= new PointWriter(db));
    // Explicit BEGIN/COMMIT: db.transaction() cannot span the awaits of an async stream.
    // IMMEDIATE takes the write lock now, so the import cannot fail half-way on SQLITE_BUSY.
    db.exec('BEGIN IMMEDIATE');
    try {
      writer.deleteSourcePoints(source.id);
      const { written, byPrecision } = await writePoints(writer, source.id, points, importedAt, onProgress);
      const report = finishReport();
      db.prepare(UPSERT_SOURCE_SQL).run(
        ...sourceRowValues(source, { importedAt, records: written, byPrecision, report }),
      );
      db.exec('COMMIT');
      return { written };
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  deleteSource(sourceId: string): Promise<void> {
    return this.#writeLock.run(() => {
      const db = this.#writer;
      const writer = (this.#pointWriter ??= new PointWriter(db));
      db.transaction(() => {
        writer.deleteSourcePoints(sourceId);
        if (db.prepare('DELETE FROM source WHERE id = ?').run(sourceId).changes === 0) {
          throw new NotFoundError('Source', sourceId);
        }
      }).immediate();
      this.#pointIndex = null;
    });
  }

  async listSources(): Promise<SourceSummary[]> {
    return listSourceRows(this.#reader);
  }

  async getPoint(id: string): Promise<ServicePoint | null> {
    return this.#points.one(id);
  }

  async getPointByUuid(uuid: string): Promise<ServicePoint | null> {
    return this.#points.oneByUuid(uuid);
  }

  async getPoints(ids: readonly string[]): Promise<ServicePoint[]> {
    return this.#points.byIds(ids);
  }

  async listPoints(query: ListQuery): Promise<{ items: ServicePoint[]; total: number }> {
    return this.#points.list(query, resolveFilter(query));
  }

  async *streamPoints(filter: PointFilter): AsyncIterable<ServicePoint> {
    const resolved = resolveFilter(filter);
    // Batches by id (keyset), not one long-lived iterator: the connection is never left
    // busy across a `yield`, while the consumer may do anything, including other queries.
    let afterId: string | null = null;
    for (;;) {
      const batch = this.#points.batchAfter(afterId, STREAM_BATCH_SIZE, resolved);
      for (const { point } of batch) yield point;
      if (batch.length < STREAM_BATCH_SIZE) return;
      afterId = batch[batch.length - 1].id;
    }
  }

  async findNearest(query: NearestQuery): Promise<NearestHit[]> {
    const { lat, lon } = query;
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      throw new RangeError(
        `findNearest needs lat in [-90, 90] and lon in [-180, 180]; got lat ${lat}, lon ${lon}.`,
      );
    }
    const near = this.#index().nearest(lat, lon, Math.floor(query.k), resolveFilter(query), query.maxDistanceMetres);
    const byId = new Map(this.#points.byIds(near.map((hit) => hit.id)).map((point) => [point.id, point]));
    const hits: NearestHit[] = [];
    for (const { id, distanceMetres } of near) {
      const point = byId.get(id);
      if (point) hits.push({ point, distanceMetres });
    }
    return hits;
  }

  async searchText(query: TextQuery): Promise<{ hits: TextHit[]; total: number }> {
    const match = ftsQueryFrom(query.q);
    if (match === null) return { hits: [], total: 0 };
    return this.#points.search(match, resolveFilter(query), query.limit, query.offset ?? 0);
  }

  async withinBBox(bbox: BBox, filter: PointFilter, limit: number): Promise<ServicePoint[]> {
    if (bbox.south > bbox.north) return [];
    return this.#points.byIds(this.#index().withinBox(bbox, resolveFilter(filter), limit));
  }

  replacePopulationUnits(units: readonly PopulationUnit[]): Promise<void> {
    return this.#replaceLayer(() => writePopulationUnits(this.#writer, units));
  }

  async listPopulationUnits(): Promise<PopulationUnit[]> {
    return readPopulationUnits(this.#reader);
  }

  replaceCommunities(communities: readonly Community[]): Promise<void> {
    return this.#replaceLayer(() => writeCommunities(this.#writer, communities));
  }

  async listCommunities(): Promise<Community[]> {
    return readCommunities(this.#reader);
  }

  replacePlaces(places: readonly Place[]): Promise<void> {
    return this.#replaceLayer(() => writePlaces(this.#writer, places));
  }

  async listPlaces(): Promise<Place[]> {
    return readPlaces(this.#reader);
  }

  replaceFsaCentroids(fsas: readonly FsaCentroid[]): Promise<void> {
    return this.#replaceLayer(() => writeFsaCentroids(this.#writer, fsas));
  }

  async listFsaCentroids(): Promise<FsaCentroid[]> {
    return readFsaCentroids(this.#reader);
  }

  replaceBoundaries(boundaries: readonly Boundary[]): Promise<void> {
    return this.#replaceLayer(() => writeBoundaries(this.#writer, boundaries));
  }

  async listBoundaries(): Promise<Boundary[]> {
    return readBoundaries(this.#reader);
  }

  async getMeta(key: string): Promise<string | null> {
    const value = this.#reader.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as
      string | undefined;
    return value ?? null;
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.#writeLock.run(() => {
      this.#writer
        .prepare(
          'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(key, value);
    });
  }

  async getUser(email: string): Promise<UserAccount | null> {
    return readUser(this.#reader, email);
  }

  putUser(user: UserAccount): Promise<void> {
    return this.#writeLock.run(() => writeUser(this.#writer, user));
  }

  deleteUser(email: string): Promise<boolean> {
    return this.#writeLock.run(() => removeUser(this.#writer, email));
  }

  async listUsers(): Promise<UserAccount[]> {
    return readUsers(this.#reader);
  }

  putSession(session: SessionRecord): Promise<void> {
    return this.#writeLock.run(() => {
      if (!writeSession(this.#writer, session)) throw new NotFoundError('User', session.email);
    });
  }

  async getSession(idHash: string, now: string): Promise<SessionRecord | null> {
    return readSession(this.#reader, idHash, now);
  }

  deleteSession(idHash: string): Promise<void> {
    return this.#writeLock.run(() => removeSession(this.#writer, idHash));
  }

  deleteExpiredSessions(now: string): Promise<number> {
    return this.#writeLock.run(() => removeExpiredSessions(this.#writer, now));
  }

  /**
   * The in-memory spatial index of the committed points, built on first use after a write:
   * a write through this store drops it, and so does one by another connection (the import
   * thread, another process's `repere import` into the database a server is serving), which
   * `PRAGMA data_version` reveals; only a change in the points' sources rebuilds it.
   */
  #index(): PointIndex {
    const version = this.#reader.pragma('data_version', { simple: true }) as number;
    if (version !== this.#indexDataVersion) {
      this.#indexDataVersion = version;
      const sources = this.#sourcesVersion();
      if (sources !== this.#indexSources) {
        this.#indexSources = sources;
        this.#pointIndex = null;
      }
    }
    if (!this.#pointIndex) {
      // One read transaction: the index and the fingerprint describe the same commit.
      const [index, sources] = this.#reader.transaction(
        () => [PointIndex.build(this.#reader), this.#sourcesVersion()] as const,
      )();
      this.#pointIndex = index;
      this.#indexSources = sources;
    }
    return this.#pointIndex;
  }

  /** Changes whenever a source's points are replaced or deleted (each import stamps its source). */
  #sourcesVersion(): string {
    const row = this.#reader.prepare('SELECT count(*), max(imported_at), group_concat(id) FROM source').raw().get();
    return JSON.stringify(row);
  }

  /** Runs a whole-layer replacement in one write transaction, after pending writes. */
  #replaceLayer(write: () => void): Promise<void> {
    return this.#writeLock.run(() => this.#writer.transaction(write).immediate());
  }
}
