// @ts-check
// The SQLite side of an import, on its own thread (see point-write-thread.ts, which starts it
// and is the only code that talks to it). The main thread parses, normalises, geocodes and
// dedupes; this thread runs the INSERTs into point, point_service_type and point_fts, so on a machine with two cores the two halves of an import overlap.
//
// Plain JavaScript because a worker is loaded by Node itself, outside the TypeScript loader
// the CLI and the tests run under. It knows no domain type: the main thread sends the
// statements' SQL and each point's parameters already laid out (PointWriteRow below).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { uuidV5In } from './point-uuid.mjs';

/**
 * @typedef {{
 *   path: string,
 *   pragmas: string[],
 *   uuidNamespace: string,
 *   uuidColumn: number,
 *   rowLength: number,
 *   sql: {
 *     insertPoint: string, insertServiceType: string, insertFts: string,
 *     ownerOf: string, deleteFts: string, deletePoints: string,
 *     upsertSource: string,
 *   },
 * }} ThreadData
 * PointWriteRow, the `rowLength` values of one point, flat in a batch: its columns in
 * INSERT_POINT_SQL order (id first; the UUID last, null: computed here), its six FTS
 * columns (the rid, which only this thread learns, goes before them), its service types.
 * @typedef {{ seq: number, op: 'begin', sourceId: string }
 *   | { seq: number, op: 'rows', sourceId: string, rows: unknown[] }
 *   | { seq: number, op: 'commit', sourceRow: unknown[] }
 *   | { seq: number, op: 'rollback' }
 *   | { seq: number, op: 'close' }} Request
 */

if (!parentPort) throw new Error('point-write-thread.worker.mjs runs only as a worker thread');
const port = parentPort;
const { path, pragmas, uuidNamespace, uuidColumn, rowLength, sql } = /** @type {ThreadData} */ (workerData);
const pointUuid = uuidV5In(uuidNamespace);

/**
 * Opens the connection and prepares the statements. Errors become plain Errors: better-sqlite3's
 * SqliteError reaches the main thread as an object with only its code, without its message.
 */
function setUp() {
  try {
    const db = new Database(path, { fileMustExist: true });
    for (const pragma of pragmas) db.pragma(pragma);
    return {
      db,
      insertPoint: db.prepare(sql.insertPoint),
      insertServiceType: db.prepare(sql.insertServiceType),
      insertFts: db.prepare(sql.insertFts),
      ownerOf: db.prepare(sql.ownerOf).pluck(),
      deleteFts: db.prepare(sql.deleteFts),
      deletePoints: db.prepare(sql.deletePoints),
      upsertSource: db.prepare(sql.upsertSource),
    };
  } catch (caught) {
    const error = /** @type {{ message?: unknown, code?: unknown }} */ (caught);
    const code = typeof error.code === 'string' ? ` (${error.code})` : '';
    throw new Error(`The import thread cannot open ${path}: ${String(error.message)}${code}`);
  }
}

const { db, insertPoint, insertServiceType, insertFts, ownerOf, deleteFts, deletePoints, upsertSource } = setUp();

/** Why the open import failed, once it has; later batches of it are refused with this. */
let failure = /** @type {Error | null} */ (null);

/** @param {string} sourceId @param {unknown[]} rows PointWriteRow after PointWriteRow */
function writeRows(sourceId, rows) {
  const ftsAt = uuidColumn + 1;
  const typesAt = ftsAt + 6;
  for (let at = 0; at < rows.length; at += rowLength) {
    const id = /** @type {string} */ (rows[at]);
    const uuid = rows[at + uuidColumn] ?? pointUuid(id);
    let rid;
    try {
      // prettier-ignore
      rid = insertPoint.run(
        id, rows[at + 1], rows[at + 2], rows[at + 3], rows[at + 4], rows[at + 5], rows[at + 6],
        rows[at + 7], rows[at + 8], rows[at + 9], rows[at + 10], rows[at + 11], rows[at + 12],
        rows[at + 13], uuid,
      ).lastInsertRowid;
    } catch (error) {
      if (/** @type {{ code?: unknown }} */ (error).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      // The main thread turns this into the same message as the in-thread PointWriter.
      throw Object.assign(new Error(`duplicate point id ${id}`), {
        duplicateId: id,
        owner: ownerOf.get(id) ?? null,
        sourceId,
      });
    }
    for (const serviceType of /** @type {string[]} */ (rows[at + typesAt])) insertServiceType.run(id, serviceType);
    // prettier-ignore
    insertFts.run(rid, rows[at + ftsAt], rows[at + ftsAt + 1], rows[at + ftsAt + 2], rows[at + ftsAt + 3],
      rows[at + ftsAt + 4], rows[at + ftsAt + 5]);
  }
  return rows.length / rowLength;
}

/** @param {Request} request */
function handle(request) {
  switch (request.op) {
    case 'begin':
      failure = null;
      // IMMEDIATE takes the write lock now, so the import cannot fail half-way on SQLITE_BUSY.
      db.exec('BEGIN IMMEDIATE');
      deleteFts.run(request.sourceId);
      return deletePoints.run(request.sourceId).changes;
    case 'rows':
      if (failure) throw failure;
      return writeRows(request.sourceId, request.rows);
    case 'commit':
      if (failure) throw failure;
      upsertSource.run(request.sourceRow);
      db.exec('COMMIT');
      return 0;
    case 'rollback':
      if (db.inTransaction) db.exec('ROLLBACK');
      return 0;
    case 'close':
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
      port.close();
      return 0;
  }
}

port.on('message', (/** @type {Request} */ request) => {
  try {
    port.postMessage({ seq: request.seq, ok: true, value: handle(request) });
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    // A failed write leaves the transaction open with a partial import: undo it at once, so
    // the database is as before even if the main thread never sends its rollback.
    if (request.op !== 'rollback' && request.op !== 'close') {
      failure ??= error;
      if (db.open && db.inTransaction) db.exec('ROLLBACK');
    }
    const { duplicateId, owner, sourceId, code } = /** @type {Record<string, unknown>} */ (
      /** @type {unknown} */ (error)
    );
    port.postMessage({
      seq: request.seq,
      ok: false,
      error: { message: error.message, code: code ?? null, duplicateId, owner, sourceId },
    });
  }
});
