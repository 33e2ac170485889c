import type Database from 'better-sqlite3';

/**
 * Prepared statements of one connection, by SQL text. Queries built from filters are
 * prepared once per shape and reused: preparing costs more than running a small query.
 */
export class StatementCache {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** The prepared statement for `sql`, prepared on first use. */
  get(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
