import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

/** True for a PostgreSQL connection URL (`postgres://…` or `postgresql://…`). */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * Picks the Store implementation once, from the database setting (DESIGN.md "Store"): a
 * PostgreSQL URL opens the PostGIS store, anything else is a SQLite file path. Either way
 * the schema is migrated before the store is returned.
 */
export async function openStore(db: string): Promise<Store> {
  if (isPostgresUrl(db)) {
    try {
      // Loaded on demand: SQLite users never load the PostgreSQL driver.
      const { PostgisStore } = await import('../store/postgis/postgis-store.js');
      return await PostgisStore.open(db);
    } catch (error) {
      throw new Error(`Cannot open the PostGIS database ${redact(db)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const store = SqliteStore.open(db);
  await store.migrate();
  return store;
}

/** Hides the password of a connection URL in messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
