import type Database from 'better-sqlite3';
import { stableUuid } from '../../domain/stable-uuid.js';

/**
 * SQL function the migrations may call: `repere_stable_uuid(id)` is `stableUuid(id)`, the
 * HSDS UUID of a point (SQLite has no UUID v5 of its own).
 */
const STABLE_UUID_FUNCTION = 'repere_stable_uuid';

/**
 * The schema, as numbered migrations. Migration n (1-based) brings `PRAGMA user_version`
 * from n - 1 to n; never edit a migration that has shipped, append a new one.
 */
const MIGRATIONS: readonly string[] = [
  /* 1: points, their full-text and spatial indexes, sources, reference layers, meta. */ `
  CREATE TABLE source (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    licence       TEXT NOT NULL,
    attribution   TEXT,
    origin        TEXT NOT NULL,
    retrieved_at  TEXT NOT NULL,
    last_verified TEXT,
    imported_at   TEXT NOT NULL,
    records       INTEGER NOT NULL,
    -- ImportReport counters, flattened.
    report_source TEXT NOT NULL,
    rows_read     INTEGER NOT NULL,
    imported      INTEGER NOT NULL,
    rejected      INTEGER NOT NULL,
    duplicates    INTEGER NOT NULL,
    -- JSON objects: issue code -> count, geocode precision -> count.
    issue_counts  TEXT NOT NULL,
    by_precision  TEXT NOT NULL
  );

  -- rid is the rowid alias that point_rtree and point_fts are keyed on: an INTEGER PRIMARY
  -- KEY keeps its value through VACUUM, a bare rowid does not. id is the public key.
  CREATE TABLE point (
    rid                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    -- Deferred: the source row is written at the end of the import transaction.
    source_id          TEXT NOT NULL REFERENCES source(id) DEFERRABLE INITIALLY DEFERRED,
    layer              TEXT NOT NULL,
    role               TEXT NOT NULL,
    jurisdiction_level TEXT NOT NULL,
    jurisdiction_code  TEXT NOT NULL,
    channel            TEXT NOT NULL,
    province           TEXT,
    lat                REAL,
    lon                REAL,
    precision          TEXT NOT NULL,
    csd_code           TEXT,
    -- When this version of the record was written (its import's start, ISO 8601 UTC).
    modified_at        TEXT NOT NULL,
    -- The whole ServicePoint as JSON: reads parse this once and never touch the columns.
    data               TEXT NOT NULL
  );
  CREATE INDEX point_by_source ON point(source_id);
  CREATE INDEX point_by_modified ON point(modified_at);

  CREATE TABLE point_service_type (
    point_id     TEXT NOT NULL REFERENCES point(id) ON DELETE CASCADE,
    service_type TEXT NOT NULL,
    PRIMARY KEY (point_id, service_type)
  ) WITHOUT ROWID;
  CREATE INDEX point_service_type_by_type ON point_service_type(service_type, point_id);

  -- R*Tree for bbox queries; only points with coordinates have a row. Its 32-bit floats
  -- round outward, so queries re-check the exact lat/lon of point.
  CREATE VIRTUAL TABLE point_rtree USING rtree(rid, min_lon, max_lon, min_lat, max_lat);

  -- Contentless (content=''): the text is only indexed, never stored twice, which keeps the
  -- database smaller and imports faster; contentless_delete lets a source's rows be deleted.
  -- Column order matters: bm25() weights in text-search.ts follow it.
  CREATE VIRTUAL TABLE point_fts USING fts5(
    name, organization, description, address, province, keywords,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 2"
  );

  CREATE TABLE population_unit (
    csd_code         TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    province         TEXT,
    csd_type         TEXT,
    population       INTEGER,
    -- Community Well-Being 2021; suppressed values are NULL, never 0.
    cwb_score        REAL,
    cwb_income       REAL,
    cwb_education    REAL,
    cwb_housing      REAL,
    cwb_labour_force REAL,
    community_type   TEXT NOT NULL,
    lat              REAL,
    lon              REAL,
    precision        TEXT NOT NULL,
    located_by       TEXT
  );

  CREATE TABLE community (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    name_en    TEXT,
    name_fr    TEXT,
    province   TEXT,
    lat        REAL NOT NULL,
    lon        REAL NOT NULL,
    population INTEGER,
    region     TEXT,
    csd_code   TEXT,
    source_id  TEXT NOT NULL
  );

  CREATE TABLE place (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    alternate_names TEXT NOT NULL, -- JSON array of strings
    province        TEXT,
    lat             REAL NOT NULL,
    lon             REAL NOT NULL,
    population      INTEGER,
    csd_code        TEXT
  );

  CREATE TABLE fsa_centroid (
    fsa      TEXT PRIMARY KEY,
    lat      REAL NOT NULL,
    lon      REAL NOT NULL,
    province TEXT
  );

  CREATE TABLE boundary (
    province TEXT PRIMARY KEY,
    name_en  TEXT,
    name_fr  TEXT,
    geometry TEXT NOT NULL -- GeoJSON geometry
  );

  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  /* 2: the HSDS UUID of each point (stableUuid(id)), so /locations/{uuid} is one index lookup. */ `
  -- Nullable only because ALTER TABLE cannot add a NOT NULL column without a default;
  -- the writer always sets it, and rows already there get it here.
  ALTER TABLE point ADD COLUMN uuid TEXT;
  UPDATE point SET uuid = ${STABLE_UUID_FUNCTION}(id);
  CREATE UNIQUE INDEX point_by_uuid ON point(uuid);
  `,
  /* 3: analyst accounts and their server-side sessions (src/auth, src/http/auth). */ `
  CREATE TABLE app_user (
    email         TEXT PRIMARY KEY,
    -- scrypt, self-describing: $scrypt$ln=…,r=…,p=…$salt$hash (src/auth/password-hash.ts).
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
  );

  -- One row per signed-in browser; the id itself is only in the cookie, its SHA-256 here.
  -- Times are ISO 8601 UTC strings of one length, so they compare as text.
  CREATE TABLE app_session (
    id_hash    TEXT PRIMARY KEY,
    email      TEXT NOT NULL REFERENCES app_user(email) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX app_session_by_email ON app_session(email);
  CREATE INDEX app_session_by_expiry ON app_session(expires_at);
  `,
  /* 4: the finder counts and lists public service points by role and filters; without this
     index every results page scanned the whole point table (17 ms → 0.07 ms, bench/README.md). */ `
  CREATE INDEX point_by_role ON point(role, jurisdiction_level, channel, layer);
  `,
  /* 5: no R*Tree. Boxes are answered by the in-memory kd-tree that nearest queries already
     use (point-index.ts), exactly rather than through 32-bit bounds; the R*Tree's inserts
     were a sixth of an import's SQLite time (bench/README.md). */ `
  DROP TABLE point_rtree;
  `,
];

/** The schema version this code writes: the number of migrations. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Applies the migrations the database has not seen yet, each in its own transaction, and
 * records progress in `PRAGMA user_version`. Idempotent. `upTo` stops at an older version
 * (tests of the upgrade path build a database as an older release left it).
 */
export function migrate(db: Database.Database, upTo: number = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `Database schema version is ${current} but this build knows only up to ${SCHEMA_VERSION}: ` +
        'open it with a newer Repère, or rebuild the database.',
    );
  }
  db.function(STABLE_UUID_FUNCTION, { deterministic: true }, (id: unknown) => stableUuid(String(id)));
  for (let version = current + 1; version <= Math.min(upTo, SCHEMA_VERSION); version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}
