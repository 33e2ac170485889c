import { Worker } from 'node:worker_threads';
import type { ServicePoint } from '../../domain/service-point.js';
import { emptyPrecisionCounts, precisionOf } from '../point-precision.js';
import type { PointStream } from '../store.js';
import { ftsColumns } from '../text-index.js';
import { WRITER_PRAGMAS } from './connection.js';
import { DATA_COLUMN, pointRowValues, UUID_COLUMN } from './point-rows.js';
import { REPERE_UUID_NAMESPACE } from '../../domain/stable-uuid.js';
import { POINT_WRITE_SQL, type WrittenPoints } from './point-writer.js';
import { checkPointSource, duplicatePointError } from '../import-errors.js';
import { UPSERT_SOURCE_SQL } from './source-rows.js';

/**
 * Points per message to the thread. Large enough that posting costs little per point, small
 * enough that the thread starts writing early and a batch in flight stays a few hundred KB.
 */
const BATCH_SIZE = 256;
/** A batch goes sooner when its records' JSON reaches this many characters (very long rows). */
const BATCH_CHARS = 1_000_000;
/** Batches posted and not yet written: the bound on what waits in memory between the threads. */
const MAX_BATCHES_IN_FLIGHT = 8;

/**
 * How many values one point takes in a batch (point-write-thread.worker.mjs, PointWriteRow):
 * its columns, its six FTS columns, its service types. Flat, one array per batch: cloning
 * one array of values costs both threads less than an array per point and per part.
 */
const ROW_LENGTH = UUID_COLUMN + 1 + 6 + 1;

type Request =
  | { op: 'begin'; sourceId: string }
  | { op: 'rows'; sourceId: string; rows: unknown[] }
  | { op: 'commit'; sourceRow: unknown[] }
  | { op: 'rollback' }
  | { op: 'close' };

interface ThreadError {
  message: string;
  code: string | null;
  duplicateId?: string;
  owner?: string | null;
  sourceId?: string;
}

type Reply = { seq: number; ok: true; value: number } | { seq: number; ok: false; error: ThreadError };

interface Pending {
  resolve: (value: number) => void;
  reject: (error: Error) => void;
}

function errorFrom(error: ThreadError): Error {
  if (error.duplicateId !== undefined && error.sourceId !== undefined) {
    return duplicatePointError(error.duplicateId, error.owner, error.sourceId, error.message);
  }
  return Object.assign(new Error(error.message), error.code === null ? {} : { code: error.code });
}

/** Appends one point's PointWriteRow to `batch`; returns the length of its record JSON. */
function pushRow(batch: unknown[], point: ServicePoint, sourceId: string, modifiedAt: string): number {
  // The thread computes the UUID (null here) and learns the point's rid: work taken off this
  // thread, the import's busier one.
  const columns = pointRowValues(point, sourceId, modifiedAt, null);
  for (let i = 0; i < columns.length; i++) batch.push(columns[i]);
  const fts = ftsColumns(point);
  for (let i = 0; i < fts.length; i++) batch.push(fts[i]);
  batch.push(point.serviceTypes);
  return columns[DATA_COLUMN].length;
}

/**
 * An import's SQLite writes on a second thread with its own connection to the same file, so
 * that parsing, normalising and geocoding (this thread) overlap the INSERTs and their index
 * work (that one): on two cores an import takes about the longer of the two, not their sum.
 * The transaction is the thread's: a crash of the process leaves it uncommitted, and a
 * failed write rolls it back there and then. One import at a time (SqliteStore's WriteLock).
 */
export class PointWriteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextSeq = 0;
  #failure: Error | null = null;

  constructor(path: string) {
    this.#worker = new Worker(new URL('./point-write-thread.worker.mjs', import.meta.url), {
      // Plain JavaScript: no need for the parent's flags (e.g. the TypeScript loader) in there.
      execArgv: [],
      // It holds at most MAX_BATCHES_IN_FLIGHT batches of ≤ ~BATCH_CHARS: a bounded heap keeps
      // the import's memory flat, with room for one record of several megabytes.
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 },
      workerData: {
        path,
        pragmas: WRITER_PRAGMAS,
        uuidNamespace: REPERE_UUID_NAMESPACE,
        uuidColumn: UUID_COLUMN,
        rowLength: ROW_LENGTH,
        sql: { ...POINT_WRITE_SQL, upsertSource: UPSERT_SOURCE_SQL },
      },
    });
    // Idle between imports: the thread alone must not keep the process alive.
    this.#worker.unref();
    this.#worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.seq);
      if (!pending) return;
      this.#pending.delete(reply.seq);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(errorFrom(reply.error));
    });
    const failAll = (error: Error): void => {
      this.#failure ??= error;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    this.#worker.on('error', failAll);
    this.#worker.on('exit', (code) => failAll(new Error(`The import thread stopped (exit code ${code}).`)));
  }

  /** True once the thread has stopped (crashed, ran out of memory, or closed): start another. */
  get stopped(): boolean {
    return this.#failure !== null;
  }

  #send(request: Request): Promise<number> {
    if (this.#failure) return Promise.reject(this.#failure);
    const seq = this.#nextSeq++;
    const reply = new Promise<number>((resolve, reject) => this.#pending.set(seq, { resolve, reject }));
    this.#worker.postMessage({ ...request, seq });
    return reply;
  }

  /**
   * Replaces the points of `sourceId` with `points` in one transaction, then writes the
   * source's registry row (`sourceRow({ written, byPrecision })`, called once the stream has
   * ended) and commits. Throws, with nothing changed, if the stream or any write fails.
   */
  async replace(
    sourceId: string,
    points: PointStream,
    modifiedAt: string,
    sourceRow: (written: WrittenPoints) => unknown[],
    onProgress?: (written: number) => void,
  ): Promise<WrittenPoints> {
    this.#worker.ref();
    const inFlight: Promise<number>[] = [];
    let confirmed = 0;
    const confirm = async (): Promise<void> => {
      confirmed += await inFlight.shift()!;
      onProgress?.(confirmed);
    };
    try {
      // Not awaited: the first batches are made while the thread starts and deletes the
      // source's previous points; a failure there surfaces at the first confirm().
      const begun = this.#send({ op: 'begin', sourceId }).then(() => 0);
      begun.catch(() => undefined);
      inFlight.push(begun);
      const byPrecision = emptyPrecisionCounts();
      let written = 0;
      let batch: unknown[] = [];
      let batchChars = 0;
      const post = async (): Promise<void> => {
        const sent = this.#send({ op: 'rows', sourceId, rows: batch });
        // Rejections are seen when the batch's turn comes; until then, not "unhandled".
        sent.catch(() => undefined);
        inFlight.push(sent);
        batch = [];
        batchChars = 0;
        if (inFlight.length >= MAX_BATCHES_IN_FLIGHT) await confirm();
      };
      // Synchronous, so a point costs no promise: only a full batch waits for the thread.
      const take = (point: ServicePoint): boolean => {
        checkPointSource(point, sourceId);
        batchChars += pushRow(batch, point, sourceId, modifiedAt);
        byPrecision[precisionOf(point)] += 1;
        written += 1;
        return batch.length === BATCH_SIZE * ROW_LENGTH || batchChars >= BATCH_CHARS;
      };
      if (Symbol.asyncIterator in points) {
        for await (const point of points) if (take(point)) await post();
      } else {
        for (const point of points) if (take(point)) await post();
      }
      if (batch.length > 0) await post();
      while (inFlight.length > 0) await confirm();
      if (written === 0) onProgress?.(0);
      const result = { written, byPrecision };
      await this.#send({ op: 'commit', sourceRow: sourceRow(result) });
      return result;
    } catch (error) {
      // Let every batch already posted settle, then make sure the transaction is gone.
      await Promise.allSettled(inFlight);
      await this.#send({ op: 'rollback' }).catch(() => undefined);
      throw error;
    } finally {
      this.#worker.unref();
    }
  }

  /** Closes the thread's connection and ends the thread. */
  async close(): Promise<void> {
    if (this.#failure) {
      await this.#worker.terminate();
      return;
    }
    this.#worker.ref();
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    await this.#send({ op: 'close' }).catch(() => undefined);
    await exited;
  }
}
