import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithPostgres } from '../../../test/postgis/postgis-suite.js';
import { createTestDatabase } from '../../../test/postgis/throwaway-cluster.js';
import type { ImportReport } from '../../domain/row-issue.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { runStoreConformance } from '../store.case.test.js';
import type { SourceInfo } from '../store.js';
import { geocodeAt, makePoint } from '../test-points.js';
import { createPool, DEFAULT_POSTGIS_OPTIONS } from './connection.js';
import { SCHEMA_VERSION, schemaVersion } from './migrations.js';
import { PostgisStore } from './postgis-store.js';

// Every table the store writes, emptied between tests (one database per file, migrated once).
const TABLES =
  'point, source, population_unit, community, place, fsa_centroid, boundary, meta, app_session, app_user';

describeWithPostgres(
  'PostgisStore',
  (server) => {
    let database: { url: string; drop: () => Promise<void> };
    let admin: pg.Client;

    beforeAll(async () => {
      database = await createTestDatabase(server().adminUrl, 'store');
      admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
    });

    afterAll(async () => {
      await admin?.end();
      await database?.drop();
    });

    /** A migrated store over the file's database, emptied first. */
    async function emptyStore(): Promise<PostgisStore> {
      const store = await PostgisStore.open(database.url, {
        maxConnections: 4,
        applicationName: 'repere-tests',
      });
      await admin.query(`TRUNCATE ${TABLES}`);
      return store;
    }

    runStoreConformance('postgis', emptyStore);

    describe('PostGIS specifics', () => {
      const SOURCE: SourceInfo = {
        id: 'workbc',
        title: 'WorkBC Centres (February 2021)',
        licence: 'Apache-2.0',
        origin: 'data/workbc_centres_2021/workbc_centres.csv',
        retrievedAt: '2021-02-23',
        lastVerified: null,
      };
      const reportOf = (points: readonly ServicePoint[]) => (): ImportReport => ({
        source: 'workbc_centres.csv',
        rows_read: points.length,
        imported: points.length,
        rejected: 0,
        duplicates: 0,
        issues: [],
      });

      it('records the schema version; every pooled connection has statement_timeout and application_name', async () => {
        const store = await emptyStore();
        await store.close();
        const options = {
          ...DEFAULT_POSTGIS_OPTIONS,
          statementTimeoutMs: 200,
          applicationName: 'repere-tests',
        };
        const pool = createPool(database.url, options);
        try {
          expect(await schemaVersion(pool)).toBe(SCHEMA_VERSION);
          const { rows } = await pool.query<{ timeout: string; name: string }>(
            "SELECT current_setting('statement_timeout') AS timeout, current_setting('application_name') AS name",
          );
          expect(rows[0]).toEqual({ timeout: '200ms', name: 'repere-tests' });
          await expect(pool.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
        } finally {
          await pool.end();
        }
        // Settings in the URL win, so a deployment can tune them in DATABASE_URL alone.
        const tuned = createPool(`${database.url}?application_name=web-3&statement_timeout=5000`, options);
        try {
          const { rows } = await tuned.query<{ timeout: string; name: string }>(
            "SELECT current_setting('statement_timeout') AS timeout, current_setting('application_name') AS name",
          );
          expect(rows[0]).toEqual({ timeout: '5s', name: 'web-3' });
        } finally {
          await tuned.end();
        }
      });

      it('opens over a read-only connection (a replica) once migrated, and says what to do when not', async () => {
        const readOnly = (url: string): string =>
          `${url}?options=${encodeURIComponent('-c default_transaction_read_only=on')}`;
        const store = await PostgisStore.open(readOnly(database.url));
        try {
          expect(await store.getMeta('anything')).toBeNull();
          await expect(store.setMeta('k', 'v')).rejects.toThrow(/read-only transaction/);
        } finally {
          await store.close();
        }
        const fresh = await createTestDatabase(server().adminUrl, 'fresh');
        try {
          await expect(PostgisStore.open(readOnly(fresh.url))).rejects.toThrow(
            /repere migrate --db <primary URL>/,
          );
        } finally {
          await fresh.drop();
        }
      });

      it('an import is not cut short by the statement timeout of reads', async () => {
        const store = await PostgisStore.open(database.url, { maxConnections: 2, statementTimeoutMs: 50 });
        try {
          const points = Array.from({ length: 5000 }, (_, i) =>
            makePoint({
              sourceId: 'workbc',
              sourceRecordId: `p${i}`,
              geocode: geocodeAt(50, -125 + i / 10000),
            }),
          );
          await expect(store.replaceSource(SOURCE, points, reportOf(points))).resolves.toEqual({
            written: 5000,
          });
        } finally {
          await store.close();
        }
      });

      it('withinBBox matches brute force on seeded points world-wide, across the equator and the antimeridian', async () => {
        const store = await emptyStore();
        try {
          let seed = 20240206;
          const random = (): number => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return seed / 2147483648;
          };
          const points = Array.from({ length: 600 }, (_, i) =>
            makePoint({
              sourceId: 'workbc',
              sourceRecordId: String(i).padStart(3, '0'),
              // Every tenth point on a whole degree, so some sit exactly on box edges.
              geocode:
                i % 10 === 0
                  ? geocodeAt(Math.round(random() * 160 - 80), Math.round(random() * 358 - 179))
                  : geocodeAt(random() * 170 - 85, random() * 360 - 180),
            }),
          );
          await store.replaceSource(SOURCE, points, reportOf(points));
          for (let q = 0; q < 80; q++) {
            const south = Math.round(random() * 150 - 80);
            const north = Math.min(90, south + Math.round(random() * 60));
            const west = Math.round(random() * 358 - 179);
            const east =
              q % 4 === 0
                ? west - Math.round(random() * 40) - 1
                : Math.min(180, west + Math.round(random() * 120));
            const crosses = west > east;
            const expected = points
              .filter(({ geocode }) => {
                const { lat, lon } = geocode!;
                return (
                  lat >= south &&
                  lat <= north &&
                  (crosses ? lon >= west || lon <= east : lon >= west && lon <= east)
                );
              })
              .map((p) => p.id);
            const found = (await store.withinBBox({ west, south, east, north }, {}, 1000)).map((p) => p.id);
            expect(found, JSON.stringify({ west, south, east, north })).toEqual(expected);
          }
        } finally {
          await store.close();
        }
      });

      it('a record of another source aborts the COPY, changes nothing, and the pool stays usable', async () => {
        const store = await emptyStore();
        try {
          const ours = makePoint({
            sourceId: 'workbc',
            sourceRecordId: 'p1',
            geocode: geocodeAt(50.02, -125.24),
          });
          await store.replaceSource(SOURCE, [ours], reportOf([ours]));
          const stray = makePoint({ sourceId: 'odhf', sourceRecordId: '1971' });
          const many = Array.from({ length: 3000 }, (_, i) =>
            makePoint({ sourceId: 'workbc', sourceRecordId: `q${i}` }),
          );
          for (let attempt = 0; attempt < 6; attempt++) {
            await expect(store.replaceSource(SOURCE, [...many, stray], reportOf([]))).rejects.toThrow(
              /says it comes from source "odhf"/,
            );
          }
          expect(await store.listPoints({ limit: 10, offset: 0 })).toEqual({ items: [ours], total: 1 });
        } finally {
          await store.close();
        }
      });

      it('a second store over the same database sees an import only once it commits', async () => {
        const writer = await emptyStore();
        const reader = await PostgisStore.open(database.url, { maxConnections: 2 });
        try {
          let release!: () => void;
          const gate = new Promise<void>((resolve) => (release = resolve));
          const seenDuringImport: number[] = [];
          async function* slow(): AsyncGenerator<ServicePoint> {
            yield makePoint({ sourceId: 'workbc', sourceRecordId: 'p1', geocode: geocodeAt(50.02, -125.24) });
            await gate;
            yield makePoint({ sourceId: 'workbc', sourceRecordId: 'p2', geocode: geocodeAt(49.69, -124.99) });
          }
          const importing = writer.replaceSource(SOURCE, slow(), () => reportOf([])());
          // Let the first row reach the server, then look from the other store.
          await new Promise((resolve) => setTimeout(resolve, 200));
          seenDuringImport.push((await reader.listPoints({ limit: 10, offset: 0 })).total);
          release();
          await importing;
          expect(seenDuringImport).toEqual([0]);
          expect((await reader.listPoints({ limit: 10, offset: 0 })).total).toBe(2);
        } finally {
          await reader.close();
          await writer.close();
        }
      });
    });
  },
  { announceSkip: true },
);
