import type pg from 'pg';
import type { SessionRecord, UserAccount } from '../store.js';
import { inTransaction, prepared } from './connection.js';

interface UserRow {
  email: string;
  password_hash: string;
  created_at: Date;
}

interface SessionRow {
  id_hash: string;
  email: string;
  created_at: Date;
  expires_at: Date;
}

/** PostgreSQL's foreign_key_violation. */
const FOREIGN_KEY_VIOLATION = '23503';

const userOf = (row: UserRow): UserAccount => ({
  email: row.email,
  passwordHash: row.password_hash,
  createdAt: row.created_at.toISOString(),
});

const sessionOf = (row: SessionRow): SessionRecord => ({
  idHash: row.id_hash,
  email: row.email,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
});

export async function readUser(pool: pg.Pool, email: string): Promise<UserAccount | null> {
  const { rows } = await pool.query<UserRow>(
    prepared('SELECT email, password_hash, created_at FROM app_user WHERE email = $1', [email]),
  );
  return rows[0] ? userOf(rows[0]) : null;
}

export async function readUsers(pool: pg.Pool): Promise<UserAccount[]> {
  const { rows } = await pool.query<UserRow>(
    'SELECT email, password_hash, created_at FROM app_user ORDER BY email',
  );
  return rows.map(userOf);
}

/** Inserts or replaces an account; a replaced account loses its sessions (same transaction). */
export async function writeUser(pool: pg.Pool, user: UserAccount): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('DELETE FROM app_session WHERE email = $1', [user.email]);
    await client.query(
      `INSERT INTO app_user (email, password_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash, created_at = excluded.created_at`,
      [user.email, user.passwordHash, user.createdAt],
    );
  });
}

/** Deletes an account (its sessions go with it: ON DELETE CASCADE); true when it existed. */
export async function removeUser(pool: pg.Pool, email: string): Promise<boolean> {
  const { rowCount } = await pool.query('DELETE FROM app_user WHERE email = $1', [email]);
  return (rowCount ?? 0) > 0;
}

/** False when the account does not exist (the foreign key refuses the row). */
export async function writeSession(pool: pg.Pool, session: SessionRecord): Promise<boolean> {
  try {
    await pool.query(
      'INSERT INTO app_session (id_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [session.idHash, session.email, session.createdAt, session.expiresAt],
    );
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return false;
    throw error;
  }
}

export async function readSession(pool: pg.Pool, idHash: string, now: string): Promise<SessionRecord | null> {
  const { rows } = await pool.query<SessionRow>(
    prepared(
      'SELECT id_hash, email, created_at, expires_at FROM app_session WHERE id_hash = $1 AND expires_at > $2',
      [idHash, now],
    ),
  );
  return rows[0] ? sessionOf(rows[0]) : null;
}

export async function removeSession(pool: pg.Pool, idHash: string): Promise<void> {
  await pool.query('DELETE FROM app_session WHERE id_hash = $1', [idHash]);
}

export async function removeExpiredSessions(pool: pg.Pool, now: string): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM app_session WHERE expires_at <= $1', [now]);
  return rowCount ?? 0;
}
