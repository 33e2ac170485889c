import type pg from 'pg';
import type { ServicePoint } from '../../domain/service-point.js';
import type { Boundary, Community, FsaCentroid, Place, PopulationUnit } from '../../domain/reference.js';
import type { ImportReport } from '../../domain/row-issue.js';
import { resolveFilter } from '../point-filter.js';
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
import {
  createPool,
  DEFAULT_POSTGIS_OPTIONS,
  inTransaction,
  type PostgisOptions,
  type ResolvedPostgisOptions,
} from './connection.js';
import { migrate } from './migrations.js';
import { PointQueries } from './point-queries.js';
import { copyPoints } from './point-writer.js';
import { duplicatePointError } from '../import-errors.js';
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
import { listSourceRows, pgSourceRowValues, UPSERT_SOURCE_SQL } from './source-rows.js';
import { queryPrefixesFrom } from './text-search.js';
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

/** Points per batch of `streamPoints`: bounds its memory whatever the store's size. */
const STREAM_BATCH_SIZE = 500;

/**
 * First key of the advisory locks that serialise writes to one source (the second is a hash
 * of its id), across every server over the database ("rpr" + 2).
 */
const SOURCE_LOCK_CLASS = 0x72707202;
/** Advisory lock key of whole-layer replacements of reference layers ("rpr" + 3). */
const LAYER_LOCK_KEY = 0x72707203;

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * The Store for deployments: PostgreSQL + PostGIS through a `pg` pool. Points carry a
 * `geography(Point, 4326)` with a GiST index (`<->` KNN for nearest, ST_DWithin for radii),
 * a planar GiST index for boxes, and a tsvector with a GIN index for text, ranked by the same
 * bm25 as SQLite's FTS5. Each import is one transaction loaded with COPY; readers on any
 * server see a source switch at its COMMIT, all at once.
 * @example
 * const store = await PostgisStore.open('postgres://repere@db.internal/repere');
 * const hits = await store.findNearest({ lat: 63.7467, lon: -68.517, k: 5 });
 */
export class PostgisStore implements Store {
  readonly kind = 'postgis' as const;
  readonly #pool: pg.Pool;
  readonly #options: ResolvedPostgisOptions;
  readonly #points: PointQueries;
  #closed = false;

  private constructor(pool: pg.Pool, options: ResolvedPostgisOptions) {
    this.#pool = pool;
    this.#options = options;
    this.#points = new PointQueries(pool);
  }

  /**
   * Connects to `url` (`postgres://` or `postgresql://`) and migrates the schema. The pool
   * is ended again if migrating fails.
   */
  static async open(url: string, options: PostgisOptions = {}): Promise<PostgisStore> {
    const resolved = { ...DEFAULT_POSTGIS_OPTIONS, ...options };
    const pool = createPool(url, resolved);
    try {
      await migrate(pool);
      return new PostgisStore(pool, resolved);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  migrate(): Promise<void> {
    return migrate(this.#pool);
  }

  /** Ends the pool once the queries in flight have finished. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  replaceSource(
    source: SourceInfo,
    points: PointStream,
    finishReport: () => ImportReport,
    onProgress?: (written: number) => void,
  ): Promise<{ written: number }> {
    return this.#importSource(source, points, finishReport, onProgress).catch(async (error: unknown) => {
      throw await this.#explainImportError(error, source.id);
    });
  }

  #importSource(
    source: SourceInfo,
    points: PointStream,
    finishReport: () => ImportReport,
    onProgress?: (written: number) => void,
  ): Promise<{ written: number }> {
    return inTransaction(this.#pool, async (client) => {
      const importedAt = new Date().toISOString();
      await client.query(
        `SET LOCAL statement_timeout = ${Math.max(0, Math.floor(this.#options.importStatementTimeoutMs))}`,
      );
      // Imports of one source queue here, whichever server runs them; other sources go on.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SOURCE_LOCK_CLASS, source.id]);
      await client.query('DELETE FROM point WHERE source_id = $1', [source.id]);
      const { written, byPrecision, textTokens } = await copyPoints(
        client,
        source.id,
        points,
        importedAt,
        onProgress,
      );
      const report = finishReport();
      await client.query(
        UPSERT_SOURCE_SQL,
        pgSourceRowValues(source, { importedAt, records: written, byPrecision, report }, textTokens),
      );
      return { written };
    });
  }

  /**
   * A duplicate id says which record and where the other copy is, as the SQLite store does;
   * any other error is returned unchanged. Runs after the rollback.
   */
  async #explainImportError(error: unknown, sourceId: string): Promise<unknown> {
    const pgError = error as { code?: string; detail?: string };
    if (pgError.code !== UNIQUE_VIOLATION) return error;
    const id = /^Key \((?:id|uuid)\)=\((.*)\) already exists\.$/s.exec(pgError.detail ?? '')?.[1] ?? '?';
    // The owner in the committed state: another source's, or this source's previous import.
    const { rows } = await this.#pool.query<{ source_id: string }>(
      'SELECT source_id FROM point WHERE id = $1',
      [id],
    );
    return duplicatePointError(id, rows[0]?.source_id, sourceId, error);
  }

  deleteSource(sourceId: string): Promise<void> {
    return inTransaction(this.#pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SOURCE_LOCK_CLASS, sourceId]);
      await client.query('DELETE FROM point WHERE source_id = $1', [sourceId]);
      const { rowCount } = await client.query('DELETE FROM source WHERE id = $1', [sourceId]);
      if (rowCount === 0) throw new NotFoundError('Source', sourceId);
    });
  }

  listSources(): Promise<SourceSummary[]> {
    return listSourceRows(this.#pool);
  }

  getPoint(id: string): Promise<ServicePoint | null> {
    return this.#points.one(id);
  }

  getPointByUuid(uuid: string): Promise<ServicePoint | null> {
    return this.#points.oneByUuid(uuid);
  }

  getPoints(ids: readonly string[]): Promise<ServicePoint[]> {
    return this.#points.byIds(ids);
  }

  listPoints(query: ListQuery): Promise<{ items: ServicePoint[]; total: number }> {
    return this.#points.list(query, resolveFilter(query));
  }

  async *streamPoints(filter: PointFilter): AsyncIterable<ServicePoint> {
    const resolved = resolveFilter(filter);
    // Keyset batches, each its own query: no connection is held across a `yield`, so the
    // consumer may take as long as it likes and run other queries meanwhile.
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.#points.batchAfter(afterId, STREAM_BATCH_SIZE, resolved);
      yield* batch;
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
    return this.#points.nearest(lat, lon, Math.floor(query.k), resolveFilter(query), query.maxDistanceMetres);
  }

  async searchText(query: TextQuery): Promise<{ hits: TextHit[]; total: number }> {
    const prefixes = queryPrefixesFrom(query.q);
    if (prefixes === null) return { hits: [], total: 0 };
    return this.#points.search(prefixes, resolveFilter(query), query.limit, query.offset ?? 0);
  }

  async withinBBox(bbox: BBox, filter: PointFilter, limit: number): Promise<ServicePoint[]> {
    if (bbox.south > bbox.north) return [];
    return this.#points.withinBBox(bbox, resolveFilter(filter), limit);
  }

  replacePopulationUnits(units: readonly PopulationUnit[]): Promise<void> {
    return this.#replaceLayer((client) => writePopulationUnits(client, units));
  }

  listPopulationUnits(): Promise<PopulationUnit[]> {
    return readPopulationUnits(this.#pool);
  }

  replaceCommunities(communities: readonly Community[]): Promise<void> {
    return this.#replaceLayer((client) => writeCommunities(client, communities));
  }

  listCommunities(): Promise<Community[]> {
    return readCommunities(this.#pool);
  }

  replacePlaces(places: readonly Place[]): Promise<void> {
    return this.#replaceLayer((client) => writePlaces(client, places));
  }

  listPlaces(): Promise<Place[]> {
    return readPlaces(this.#pool);
  }

  replaceFsaCentroids(fsas: readonly FsaCentroid[]): Promise<void> {
    return this.#replaceLayer((client) => writeFsaCentroids(client, fsas));
  }

  listFsaCentroids(): Promise<FsaCentroid[]> {
    return readFsaCentroids(this.#pool);
  }

  replaceBoundaries(boundaries: readonly Boundary[]): Promise<void> {
    return this.#replaceLayer((client) => writeBoundaries(client, boundaries));
  }

  listBoundaries(): Promise<Boundary[]> {
    return readBoundaries(this.#pool);
  }

  async getMeta(key: string): Promise<string | null> {
    const { rows } = await this.#pool.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [
      key,
    ]);
    return rows[0]?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.#pool.query(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  getUser(email: string): Promise<UserAccount | null> {
    return readUser(this.#pool, email);
  }

  putUser(user: UserAccount): Promise<void> {
    return writeUser(this.#pool, user);
  }

  deleteUser(email: string): Promise<boolean> {
    return removeUser(this.#pool, email);
  }

  listUsers(): Promise<UserAccount[]> {
    return readUsers(this.#pool);
  }

  async putSession(session: SessionRecord): Promise<void> {
    if (!(await writeSession(this.#pool, session))) throw new NotFoundError('User', session.email);
  }

  getSession(idHash: string, now: string): Promise<SessionRecord | null> {
    return readSession(this.#pool, idHash, now);
  }

  deleteSession(idHash: string): Promise<void> {
    return removeSession(this.#pool, idHash);
  }

  deleteExpiredSessions(now: string): Promise<number> {
    return removeExpiredSessions(this.#pool, now);
  }

  /** A whole-layer replacement in one transaction; concurrent replacements queue. */
  #replaceLayer(write: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    return inTransaction(this.#pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LAYER_LOCK_KEY]);
      await write(client);
    });
  }
}
