import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

/** Picks the Store implementation once, from the database setting (DESIGN.md "Store"). */
export async function openStore(db: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    throw new Error(`PostGIS is not available in this build yet; use a SQLite file path instead of "${redact(db)}"`);
  }
  const store = SqliteStore.open(db);
  await store.migrate();
  return store;
}

/** Hides the password of a connection URL in messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
