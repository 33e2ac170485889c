import type Database from 'better-sqlite3';
import type { SessionRecord, UserAccount } from '../store.js';

interface UserRow {
  email: string;
  password_hash: string;
  created_at: string;
}

interface SessionRow {
  id_hash: string;
  email: string;
  created_at: string;
  expires_at: string;
}

/** ISO 8601 in the one form `Date#toISOString` writes, so stored times compare as text. */
export function isoInstant(text: string): string {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new RangeError(`expected an ISO 8601 date-time, got "${text}"`);
  return date.toISOString();
}

const userOf = (row: UserRow): UserAccount => ({
  email: row.email,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});

const sessionOf = (row: SessionRow): SessionRecord => ({
  idHash: row.id_hash,
  email: row.email,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

export function readUser(db: Database.Database, email: string): UserAccount | null {
  const row = db
    .prepare('SELECT email, password_hash, created_at FROM app_user WHERE email = ?')
    .get(email) as UserRow | undefined;
  return row ? userOf(row) : null;
}

export function readUsers(db: Database.Database): UserAccount[] {
  const rows = db
    .prepare('SELECT email, password_hash, created_at FROM app_user ORDER BY email')
    .all() as UserRow[];
  return rows.map(userOf);
}

/** Inserts or replaces an account; a replaced account loses its sessions (same transaction). */
export function writeUser(db: Database.Database, user: UserAccount): void {
  db.transaction(() => {
    db.prepare('DELETE FROM app_session WHERE email = ?').run(user.email);
    db.prepare(
      `INSERT INTO app_user (email, password_hash, created_at) VALUES (?, ?, ?)
       ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash, created_at = excluded.created_at`,
    ).run(user.email, user.passwordHash, isoInstant(user.createdAt));
  }).immediate();
}

/** Deletes an account (its sessions go with it: ON DELETE CASCADE); true when it existed. */
export function removeUser(db: Database.Database, email: string): boolean {
  return db.prepare('DELETE FROM app_user WHERE email = ?').run(email).changes > 0;
}

/** False when the account does not exist (the foreign key refuses the row). */
export function writeSession(db: Database.Database, session: SessionRecord): boolean {
  const exists = db.prepare('SELECT 1 FROM app_user WHERE email = ?').get(session.email) !== undefined;
  if (!exists) return false;
  db.prepare('INSERT INTO app_session (id_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    session.idHash,
    session.email,
    isoInstant(session.createdAt),
    isoInstant(session.expiresAt),
  );
  return true;
}

export function readSession(db: Database.Database, idHash: string, now: string): SessionRecord | null {
  const row = db
    .prepare(
      'SELECT id_hash, email, created_at, expires_at FROM app_session WHERE id_hash = ? AND expires_at > ?',
    )
    .get(idHash, isoInstant(now)) as SessionRow | undefined;
  return row ? sessionOf(row) : null;
}

export function removeSession(db: Database.Database, idHash: string): void {
  db.prepare('DELETE FROM app_session WHERE id_hash = ?').run(idHash);
}

export function removeExpiredSessions(db: Database.Database, now: string): number {
  return db.prepare('DELETE FROM app_session WHERE expires_at <= ?').run(isoInstant(now)).changes;
}
