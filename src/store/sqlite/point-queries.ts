import type Database from 'better-sqlite3';
import type { ServicePoint } from '../../domain/service-point.js';
import type { ListQuery, TextHit } from '../store.js';
import type { ResolvedFilter } from '../point-filter.js';
import { filterSql } from './point-filter.js';
import { pointFromData } from './point-rows.js';
import { StatementCache } from './statement-cache.js';
import { BM25_WEIGHTS } from '../text-index.js';

/**
 * A LIMIT or OFFSET value: SQLite reads a negative LIMIT as "no limit" and rejects
 * fractions, so negatives and NaN become 0, fractions are floored, Infinity is "all".
 */
function rowCount(n: number): number {
  if (n === Infinity) return Number.MAX_SAFE_INTEGER;
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}

/** `modified_at` holds UTC ISO 8601 strings, compared as text: bring any ISO date or time to that form. */
function isoTimestamp(text: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new RangeError(
      `modifiedAfter must be an ISO 8601 date or time, e.g. 2024-02-06T12:00:00Z; got "${text}".`,
    );
  }
  return new Date(time).toISOString();
}

function where(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/**
 * The read queries on points, against one connection. Every query returns the stored
 * `data` column only and parses it once per returned record; multi-statement reads (a page
 * and its total) run in one read transaction so they agree with each other.
 */
export class PointQueries {
  readonly #db: Database.Database;
  readonly #statements: StatementCache;
  readonly #one: Database.Statement;
  readonly #byUuid: Database.Statement;
  readonly #byIds: Database.Statement;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = new StatementCache(db);
    this.#one = db.prepare('SELECT data FROM point WHERE id = ?').pluck();
    this.#byUuid = db.prepare('SELECT data FROM point WHERE uuid = ?').pluck();
    // One statement for any number of ids, in the order given (json_each keeps it in `key`).
    this.#byIds = db
      .prepare('SELECT p.data FROM json_each(?) AS j JOIN point AS p ON p.id = j.value ORDER BY j.key')
      .pluck();
  }

  /** One point by id, or null. */
  one(id: string): ServicePoint | null {
    const data = this.#one.get(id) as string | undefined;
    return data === undefined ? null : pointFromData(data);
  }

  /** One point by its HSDS UUID (stored lower case), or null. */
  oneByUuid(uuid: string): ServicePoint | null {
    const data = this.#byUuid.get(uuid.toLowerCase()) as string | undefined;
    return data === undefined ? null : pointFromData(data);
  }

  /** Points by id, in the order of `ids`; ids not found are skipped. */
  byIds(ids: readonly string[]): ServicePoint[] {
    if (ids.length === 0) return [];
    return (this.#byIds.all(JSON.stringify(ids)) as string[]).map(pointFromData);
  }

  /** A page of points in id order, and how many match in all. */
  list(query: ListQuery, filter: ResolvedFilter): { items: ServicePoint[]; total: number } {
    const { conditions, params } = filterSql(filter);
    if (query.modifiedAfter !== undefined) {
      conditions.push('p.modified_at > ?');
      params.push(isoTimestamp(query.modifiedAfter));
    }
    const clause = where(conditions);
    const page = this.#statements
      .get(`SELECT p.data FROM point AS p ${clause} ORDER BY p.id LIMIT ? OFFSET ?`)
      .pluck();
    const count = this.#statements.get(`SELECT count(*) FROM point AS p ${clause}`).pluck();
    return this.#db.transaction(() => ({
      items: (page.all(...params, rowCount(query.limit), rowCount(query.offset)) as string[]).map(
        pointFromData,
      ),
      total: count.get(...params) as number,
    }))();
  }

  /**
   * Up to `size` points after `afterId` (all when null) in id order: one batch of a stream.
   * Keyset paging on the id index, so each batch costs the same however deep the stream is.
   */
  batchAfter(
    afterId: string | null,
    size: number,
    filter: ResolvedFilter,
  ): { id: string; point: ServicePoint }[] {
    const { conditions, params } = filterSql(filter);
    if (afterId !== null) {
      conditions.push('p.id > ?');
      params.push(afterId);
    }
    const statement = this.#statements.get(
      `SELECT p.id, p.data FROM point AS p ${where(conditions)} ORDER BY p.id LIMIT ?`,
    );
    const rows = statement.raw().all(...params, rowCount(size)) as [string, string][];
    return rows.map(([id, data]) => ({ id, point: pointFromData(data) }));
  }

  /**
   * A page of the points matching an FTS5 expression, best first by bm25 (ties by id, so
   * pages are stable), and how many match in all. Score: minus bm25, higher is better.
   */
  search(
    match: string,
    filter: ResolvedFilter,
    limit: number,
    offset: number,
  ): { hits: TextHit[]; total: number } {
    const { conditions, params } = filterSql(filter);
    const filters = conditions.map((c) => `AND ${c}`).join(' ');
    const from = `FROM point_fts JOIN point AS p ON p.rid = point_fts.rowid WHERE point_fts MATCH ? ${filters}`;
    const page = this.#statements
      .get(
        `SELECT p.data, bm25(point_fts, ${BM25_WEIGHTS}) AS bm25_rank ${from} ORDER BY bm25_rank, p.id LIMIT ? OFFSET ?`,
      )
      .raw();
    const count = this.#statements.get(`SELECT count(*) ${from}`).pluck();
    return this.#db.transaction(() => {
      const rows = page.all(match, ...params, rowCount(limit), rowCount(offset)) as [string, number][];
      return {
        hits: rows.map(([data, bm25]) => ({ point: pointFromData(data), score: -bm25 })),
        total: count.get(match, ...params) as number,
      };
    })();
  }
}
