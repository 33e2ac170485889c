import Database from 'better-sqlite3';

/** How long a connection waits for another process's write lock before SQLITE_BUSY, in ms. */
const BUSY_TIMEOUT_MS = 5_000;

/** True for the paths better-sqlite3 opens as a private in-memory database. */
export function isMemoryPath(path: string): boolean {
  return path === ':memory:' || path === '';
}

/**
 * Opens the writing connection: WAL so readers never block the writer (and a killed import
 * leaves only uncommitted WAL frames, discarded on the next open), synchronous=NORMAL
 * (safe against process crashes in WAL mode; only an OS crash can lose the last commits),
 * foreign keys on, a busy timeout for other processes.
 */
export function openWriter(path: string): Database.Database {
  const db = new Database(path);
  for (const pragma of WRITER_PRAGMAS) db.pragma(pragma);
  return db;
}

/** The writing connection's settings (openWriter's comment says why), also the import thread's. */
export const WRITER_PRAGMAS: readonly string[] = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  `busy_timeout = ${BUSY_TIMEOUT_MS}`,
  // Speed: sorts and the temporary b-trees of IN (…) filters stay in memory.
  'temp_store = MEMORY',
];

/**
 * Opens a second connection to a database file for reads only. In WAL mode it sees the
 * last committed state, so queries made while an import is in progress (the import awaits
 * its input between rows) never see half a source.
 */
export function openReader(path: string): Database.Database {
  const db = new Database(path, { fileMustExist: true });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('temp_store = MEMORY');
  db.pragma('query_only = ON');
  return db;
}
