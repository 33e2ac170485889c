import type pg from 'pg';

/**
 * Key of the advisory lock held while migrating, so that several servers started at once
 * over one database apply each migration exactly once ("rpr" + 1).
 */
const MIGRATION_LOCK_KEY = 0x72707201;

/** PostgreSQL's read_only_sql_transaction (a hot standby, or default_transaction_read_only). */
const READ_ONLY_TRANSACTION = '25006';

/**
 * The schema, as numbered migrations. Migration n (1-based) brings `schema_version` from
 * n - 1 to n; never edit a migration that has shipped, append a new one.
 */
const MIGRATIONS: readonly string[] = [
  /* 1: points with their spatial and text indexes, sources, reference layers, meta. */ `
  -- Needs a superuser, or a DBA who ran it once beforehand (IF NOT EXISTS then skips the check).
  CREATE EXTENSION IF NOT EXISTS postgis;

  -- Ids and keys compare by bytes (COLLATE "C"), as in SQLite: every "in id order" result is
  -- the same on both stores, and the primary key index serves ORDER BY id.
  CREATE TABLE source (
    id            text COLLATE "C" PRIMARY KEY,
    title         text NOT NULL,
    licence       text NOT NULL,
    attribution   text,
    origin        text NOT NULL,
    retrieved_at  text NOT NULL,
    last_verified text,
    imported_at   timestamptz NOT NULL,
    records       integer NOT NULL,
    -- ImportReport counters, flattened.
    report_source text NOT NULL,
    rows_read     integer NOT NULL,
    imported      integer NOT NULL,
    rejected      integer NOT NULL,
    duplicates    integer NOT NULL,
    -- issue code -> count, geocode precision -> count (json keeps the key order as written).
    issue_counts  json NOT NULL,
    by_precision  json NOT NULL,
    -- Tokens in the searchable text of this source's points: bm25's average document length
    -- is sum(text_tokens) / sum(records), as FTS5 keeps it for the SQLite store.
    text_tokens   bigint NOT NULL
  );

  CREATE TABLE point (
    id                 text COLLATE "C" PRIMARY KEY,
    -- The HSDS id, stableUuid(id): /locations/{uuid} is one index lookup.
    uuid               uuid NOT NULL UNIQUE,
    -- Deferred: the source row is written at the end of the import transaction.
    source_id          text COLLATE "C" NOT NULL REFERENCES source(id) DEFERRABLE INITIALLY DEFERRED,
    layer              text NOT NULL,
    role               text NOT NULL,
    jurisdiction_level text NOT NULL,
    jurisdiction_code  text NOT NULL,
    channel            text NOT NULL,
    province           text,
    lat                double precision,
    lon                double precision,
    precision          text NOT NULL,
    csd_code           text,
    service_types      text[] NOT NULL,
    -- When this version of the record was written (its import's start).
    modified_at        timestamptz NOT NULL,
    -- On the sphere: <-> orders by great-circle distance in metres. Never geometry in
    -- degrees, whose nearest neighbours are wrong at Canadian latitudes.
    geog               geography(Point, 4326),
    -- Built by text-search.ts: the distinct words (matching), the six columns' words (bm25
    -- term frequencies) and the word count (bm25 document length).
    search             tsvector NOT NULL,
    search_columns     text[] NOT NULL,
    search_tokens      integer NOT NULL,
    -- The whole ServicePoint as JSON text: reads return this and never rebuild from columns.
    data               json NOT NULL
  );
  -- Serves nearest (<->), radius (ST_DWithin) and box queries (point-queries.ts).
  CREATE INDEX point_by_geog ON point USING gist (geog);
  CREATE INDEX point_by_search ON point USING gin (search);
  CREATE INDEX point_by_service_type ON point USING gin (service_types);
  CREATE INDEX point_by_source ON point (source_id);
  CREATE INDEX point_by_modified ON point (modified_at);

  CREATE TABLE population_unit (
    csd_code         text COLLATE "C" PRIMARY KEY,
    name             text NOT NULL,
    province         text,
    csd_type         text,
    population       integer,
    -- Community Well-Being 2021; suppressed values are NULL, never 0.
    cwb_score        double precision,
    cwb_income       double precision,
    cwb_education    double precision,
    cwb_housing      double precision,
    cwb_labour_force double precision,
    community_type   text NOT NULL,
    lat              double precision,
    lon              double precision,
    precision        text NOT NULL,
    located_by       text
  );

  CREATE TABLE community (
    id         text COLLATE "C" PRIMARY KEY,
    kind       text NOT NULL,
    name_en    text,
    name_fr    text,
    province   text,
    lat        double precision NOT NULL,
    lon        double precision NOT NULL,
    population integer,
    region     text,
    csd_code   text,
    source_id  text NOT NULL
  );

  CREATE TABLE place (
    id              text COLLATE "C" PRIMARY KEY,
    name            text NOT NULL,
    alternate_names text[] NOT NULL,
    province        text,
    lat             double precision NOT NULL,
    lon             double precision NOT NULL,
    population      integer,
    csd_code        text
  );

  CREATE TABLE fsa_centroid (
    fsa      text COLLATE "C" PRIMARY KEY,
    lat      double precision NOT NULL,
    lon      double precision NOT NULL,
    province text
  );

  CREATE TABLE boundary (
    province text COLLATE "C" PRIMARY KEY,
    name_en  text,
    name_fr  text,
    geometry json NOT NULL -- GeoJSON geometry
  );

  CREATE TABLE meta (
    key   text COLLATE "C" PRIMARY KEY,
    value text NOT NULL
  );
  `,
  /* 2: analyst accounts and their server-side sessions (src/auth, src/http/auth). */ `
  -- "user" is reserved in PostgreSQL.
  CREATE TABLE app_user (
    email         text COLLATE "C" PRIMARY KEY,
    -- scrypt, self-describing: $scrypt$ln=…,r=…,p=…$salt$hash (src/auth/password-hash.ts).
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL
  );

  -- One row per signed-in browser, shared by every server; the id itself is only in the
  -- cookie, its SHA-256 here.
  CREATE TABLE app_session (
    id_hash    text COLLATE "C" PRIMARY KEY,
    email      text COLLATE "C" NOT NULL REFERENCES app_user(email) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX app_session_by_email ON app_session (email);
  CREATE INDEX app_session_by_expiry ON app_session (expires_at);
  `,
];

/** The schema version this code writes: the number of migrations. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Applies the migrations the database has not seen yet, each in its own transaction under an
 * advisory lock, and records each in `schema_version`. Idempotent, and safe when several
 * servers start at once. `upTo` stops at an older version (tests of the upgrade path).
 */
export async function migrate(pool: pg.Pool, upTo: number = SCHEMA_VERSION): Promise<void> {
  // Up to date: nothing is written, so servers can start over a read-only replica.
  const current = await schemaVersion(pool);
  if (current > SCHEMA_VERSION) throw tooNew(current);
  if (current >= Math.min(upTo, SCHEMA_VERSION)) return;
  const { rows } = await pool.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
  if (rows[0].standby) throw readOnly();
  const client = await pool.connect();
  try {
    // DDL on a cold database can outlast a short per-connection statement timeout.
    await client.query('SET statement_timeout = 0');
    for (;;) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        await client.query(`
          CREATE TABLE IF NOT EXISTS schema_version (
            version    integer PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
          )`);
        const { rows } = await client.query<{ version: number }>(
          'SELECT coalesce(max(version), 0)::int AS version FROM schema_version',
        );
        const applied = rows[0].version;
        if (applied > SCHEMA_VERSION) throw tooNew(applied);
        const next = applied + 1;
        if (next > Math.min(upTo, SCHEMA_VERSION)) {
          await client.query('COMMIT');
          return;
        }
        await client.query(MIGRATIONS[next - 1]);
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [next]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        if ((error as { code?: string }).code === READ_ONLY_TRANSACTION) throw readOnly(error);
        throw error;
      }
    }
  } finally {
    // RESET before release: the pool's next user gets the per-connection timeout back.
    await client.query('RESET statement_timeout').catch(() => undefined);
    client.release();
  }
}

function readOnly(cause?: unknown): Error {
  return new Error(
    `The database schema is not at version ${SCHEMA_VERSION} and this connection cannot change it ` +
      '(a read replica, or a read-only role): run `repere migrate --db <primary URL>` first.',
    { cause },
  );
}

function tooNew(version: number): Error {
  return new Error(
    `Database schema version is ${version} but this build knows only up to ${SCHEMA_VERSION}: ` +
      'open it with a newer Repère, or migrate a fresh database.',
  );
}

/** The schema version recorded in the database (0 when never migrated). */
export async function schemaVersion(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ exists: boolean }>(
    "SELECT to_regclass('schema_version') IS NOT NULL AS exists",
  );
  if (!rows[0].exists) return 0;
  const result = await pool.query<{ version: number }>(
    'SELECT coalesce(max(version), 0)::int AS version FROM schema_version',
  );
  return result.rows[0].version;
}
