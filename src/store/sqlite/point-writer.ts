import type Database from 'better-sqlite3';
import type { GeocodePrecision } from '../../domain/geocode.js';
import type { ServicePoint } from '../../domain/service-point.js';
import type { PointStream } from '../store.js';
import { emptyPrecisionCounts, precisionOf } from '../point-precision.js';
import { checkPointSource, duplicatePointError } from '../import-errors.js';
import { INSERT_POINT_SQL, pointRowValues } from './point-rows.js';
import { ftsColumns } from '../text-index.js';
import { INSERT_FTS_SQL } from './text-search.js';

/** onProgress is called after every this many points, and once at the end. */
const PROGRESS_EVERY = 1_000;

/**
 * The statements that write a source's points: the in-thread PointWriter below and the
 * import thread (point-write-thread.ts) prepare the same ones.
 */
export const POINT_WRITE_SQL = {
  insertPoint: INSERT_POINT_SQL,
  // OR IGNORE: a type listed twice on one point is the same fact.
  insertServiceType: 'INSERT OR IGNORE INTO point_service_type (point_id, service_type) VALUES (?, ?)',
  insertFts: INSERT_FTS_SQL,
  ownerOf: 'SELECT source_id FROM point WHERE id = ?',
  deleteFts: 'DELETE FROM point_fts WHERE rowid IN (SELECT rid FROM point WHERE source_id = ?)',
  // point_service_type rows go with their point (ON DELETE CASCADE).
  deletePoints: 'DELETE FROM point WHERE source_id = ?',
} as const;

/**
 * The statements that write a source's points, prepared once per connection and reused for
 * every row: an import is one INSERT into point, point_service_type and
 * point_fts per point, all in the caller's transaction, in a single pass over the stream.
 */
export class PointWriter {
  readonly #insertPoint: Database.Statement;
  readonly #insertServiceType: Database.Statement;
  readonly #insertFts: Database.Statement;
  readonly #ownerOf: Database.Statement;
  readonly #deleteFts: Database.Statement;
  readonly #deletePoints: Database.Statement;

  constructor(db: Database.Database) {
    this.#insertPoint = db.prepare(POINT_WRITE_SQL.insertPoint);
    this.#insertServiceType = db.prepare(POINT_WRITE_SQL.insertServiceType);
    this.#insertFts = db.prepare(POINT_WRITE_SQL.insertFts);
    this.#ownerOf = db.prepare(POINT_WRITE_SQL.ownerOf).pluck();
    this.#deleteFts = db.prepare(POINT_WRITE_SQL.deleteFts);
    this.#deletePoints = db.prepare(POINT_WRITE_SQL.deletePoints);
  }

  /** Deletes every point of a source with its index rows; returns how many points. */
  deleteSourcePoints(sourceId: string): number {
    this.#deleteFts.run(sourceId);
    return this.#deletePoints.run(sourceId).changes;
  }

  /**
   * Writes one point of `sourceId`, stamped `modifiedAt`. Throws when the point says it
   * comes from another source, or when its id is already taken (a duplicate within the
   * stream, or another source's point): the pipeline dedupes before writing.
   */
  write(point: ServicePoint, sourceId: string, modifiedAt: string): void {
    checkPointSource(point, sourceId);
    let rid: number;
    try {
      rid = Number(this.#insertPoint.run(...pointRowValues(point, sourceId, modifiedAt)).lastInsertRowid);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      throw duplicatePointError(point.id, this.#ownerOf.get(point.id) as string | undefined, sourceId, error);
    }
    for (const serviceType of point.serviceTypes) this.#insertServiceType.run(point.id, serviceType);
    this.#insertFts.run(rid, ...ftsColumns(point));
  }
}

/** What writing a stream produced, for the source registry. */
export interface WrittenPoints {
  written: number;
  byPrecision: Record<GeocodePrecision, number>;
}

/**
 * Writes every point of a stream, one at a time as it arrives (the stream is never
 * collected, so memory stays flat), counting them by geocode precision. The caller owns
 * the transaction.
 */
export async function writePoints(
  writer: PointWriter,
  sourceId: string,
  points: PointStream,
  modifiedAt: string,
  onProgress?: (written: number) => void,
): Promise<WrittenPoints> {
  const byPrecision = emptyPrecisionCounts();
  let written = 0;
  const take = (point: ServicePoint): void => {
    writer.write(point, sourceId, modifiedAt);
    byPrecision[precisionOf(point)] += 1;
    written += 1;
    if (onProgress && written % PROGRESS_EVERY === 0) onProgress(written);
  };
  // Speed: `for await` over a plain iterable costs a microtask per point; iterate it directly.
  if (Symbol.asyncIterator in points) {
    for await (const point of points) take(point);
  } else {
    for (const point of points) take(point);
  }
  if (onProgress && (written === 0 || written % PROGRESS_EVERY !== 0)) onProgress(written);
  return { written, byPrecision };
}
