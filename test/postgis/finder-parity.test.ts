// Acceptance of the PostGIS store: `repere build-default --db postgres://…` and `--db file.db`
// build the bundled dataset (data/) into each store, and the finder answers the same on both,
// id by id: nearest points, text search (bm25 scores included), paging, and the HTTP API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDefault } from '../../src/cli/commands/build-default.js';
import { openStore } from '../../src/cli/open-store.js';
import { buildApp } from '../../src/http/app.js';
import { findServicePoints, type FinderQuery } from '../../src/search/finder.js';
import type { NearestQuery, Store, TextQuery } from '../../src/store/store.js';
import { describeWithPostgres } from './postgis-suite.js';
import { createTestDatabase } from './throwaway-cluster.js';

const DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

// Query points: the Iqaluit Service Canada Centre's community point and WorkBC Campbell River.
const IQALUIT = { lat: 63.7467, lon: -68.517 };
const CAMPBELL_RIVER = { lat: 50.0240613, lon: -125.2434889 };
const ALL_ROLES = { roles: [] };
const NOW = new Date('2026-01-14T17:00:00Z');

/** `repere build-default --db <db> --json`, its JSON summary kept off the test output. */
async function buildDefaultQuietly(db: string): Promise<void> {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await buildDefault(db, DATA_DIR, true);
  } finally {
    write.mockRestore();
  }
}

describeWithPostgres('finder parity: SQLite and PostGIS on the default dataset', (server) => {
  let dir: string;
  let database: { url: string; drop: () => Promise<void> };
  let sqlite: Store;
  let postgis: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'repere-parity-'));
    database = await createTestDatabase(server().adminUrl, 'parity');
    await buildDefaultQuietly(join(dir, 'repere.db'));
    await buildDefaultQuietly(database.url);
    // The CLI's selection: a file path is SQLite, a postgres:// URL is PostGIS.
    sqlite = await openStore(join(dir, 'repere.db'));
    postgis = await openStore(database.url);
  }, 180_000);

  afterAll(async () => {
    await sqlite?.close();
    await postgis?.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('selects each store from the --db setting', () => {
    expect([sqlite.kind, postgis.kind]).toEqual(['sqlite', 'postgis']);
  });

  it('has the same sources, reports and counts', async () => {
    const withoutTimes = async (store: Store): Promise<unknown> =>
      (await store.listSources()).map(({ importedAt: _at, ...rest }) => rest);
    const sources = await withoutTimes(sqlite);
    expect(await withoutTimes(postgis)).toStrictEqual(sources);
    expect((sources as unknown[]).length).toBeGreaterThan(10);
    expect(await postgis.listPlaces()).toStrictEqual(await sqlite.listPlaces());
    expect(await postgis.listPopulationUnits()).toStrictEqual(await sqlite.listPopulationUnits());
    expect(await postgis.listCommunities()).toStrictEqual(await sqlite.listCommunities());
    expect(await postgis.listFsaCentroids()).toStrictEqual(await sqlite.listFsaCentroids());
    expect(await postgis.listBoundaries()).toStrictEqual(await sqlite.listBoundaries());
  });

  const nearestCases: [string, NearestQuery][] = [
    ['Iqaluit, k=10', { ...IQALUIT, k: 10 }],
    ['Iqaluit, k=10, federal only', { ...IQALUIT, k: 10, jurisdictionLevels: ['federal'] }],
    [
      'Iqaluit, k=10, territorial and municipal, every role',
      { ...IQALUIT, k: 10, jurisdictionLevels: ['territorial', 'municipal'], ...ALL_ROLES },
    ],
    ['Campbell River, k=10', { ...CAMPBELL_RIVER, k: 10 }],
    ['Campbell River, k=25, every role', { ...CAMPBELL_RIVER, k: 25, ...ALL_ROLES }],
    ['Campbell River, within 50 km', { ...CAMPBELL_RIVER, k: 500, maxDistanceMetres: 50_000, ...ALL_ROLES }],
  ];
  it.each(nearestCases)('findNearest: %s', async (_name, query) => {
    const [a, b] = await Promise.all([sqlite.findNearest(query), postgis.findNearest(query)]);
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((h) => h.point.id)).toEqual(a.map((h) => h.point.id));
    b.forEach((hit, i) => expect(hit.distanceMetres).toBe(a[i].distanceMetres));
    expect(b.map((h) => h.point)).toStrictEqual(a.map((h) => h.point));
  });

  const textCases: [string, TextQuery][] = [
    ['quebec', { q: 'quebec', limit: 5000 }],
    ['emploi', { q: 'emploi', limit: 5000 }],
    ['jerome', { q: 'jerome', limit: 5000, ...ALL_ROLES }],
    ['passport', { q: 'passport', limit: 5000 }],
    ['centre, every role, page 3', { q: 'centre', limit: 20, offset: 40, ...ALL_ROLES }],
    ['Bibliothèque, municipal', { q: 'Bibliothèque', limit: 5000, jurisdictionLevels: ['municipal'] }],
  ];
  it.each(textCases)('searchText: %s (same ids, order and bm25 scores)', async (_name, query) => {
    const [a, b] = await Promise.all([sqlite.searchText(query), postgis.searchText(query)]);
    expect(a.total).toBeGreaterThan(0);
    expect(b.total).toBe(a.total);
    expect(b.hits.map((h) => h.point.id)).toEqual(a.hits.map((h) => h.point.id));
    expect(b.hits.map((h) => h.score)).toEqual(a.hits.map((h) => h.score));
  });

  it('listPoints pages through every point in the same order', async () => {
    for (const filter of [
      ALL_ROLES,
      {},
      { jurisdictionLevels: ['federal' as const], serviceTypes: ['passport'] },
    ]) {
      const ids: [string[], string[]] = [[], []];
      let total = -1;
      for (let offset = 0; ; offset += 1000) {
        const [a, b] = await Promise.all(
          [sqlite, postgis].map((s) => s.listPoints({ ...filter, limit: 1000, offset })),
        );
        expect(b.total).toBe(a.total);
        total = a.total;
        ids[0].push(...a.items.map((p) => p.id));
        ids[1].push(...b.items.map((p) => p.id));
        if (a.items.length < 1000) break;
      }
      expect(ids[0]).toHaveLength(total);
      expect(ids[1]).toEqual(ids[0]);
    }
  });

  it('the finder (search/finder.ts) answers the same: keywords, origin, both, filters, paging', async () => {
    const queries: Omit<FinderQuery, 'now'>[] = [
      { text: 'emploi', limit: 20, offset: 0 },
      { text: 'passport', limit: 20, offset: 20 },
      {
        origin: { ...IQALUIT, label: 'Iqaluit', precision: 'community', kind: 'place' },
        limit: 10,
        offset: 0,
      },
      {
        origin: { ...IQALUIT, label: 'Iqaluit', precision: 'community', kind: 'place' },
        jurisdictionLevels: ['federal'],
        limit: 10,
        offset: 0,
      },
      {
        text: 'service',
        origin: { ...CAMPBELL_RIVER, label: 'Campbell River', precision: 'building', kind: 'coordinates' },
        limit: 10,
        offset: 10,
      },
      {
        origin: { ...CAMPBELL_RIVER, label: 'Campbell River', precision: 'building', kind: 'coordinates' },
        openNow: true,
        limit: 10,
        offset: 0,
      },
    ];
    for (const query of queries) {
      const [a, b] = await Promise.all(
        [sqlite, postgis].map((s) => findServicePoints(s, { ...query, now: NOW })),
      );
      expect(a.hits.length).toBeGreaterThan(0);
      expect(b).toStrictEqual(a);
    }
  });

  describe('the HTTP API over each store', () => {
    let apps: FastifyInstance[] = [];
    beforeAll(async () => {
      apps = await Promise.all(
        [sqlite, postgis].map((store) => buildApp({ store, now: () => NOW, rateLimitPerMinute: 0 })),
      );
    });
    afterAll(async () => {
      await Promise.all(apps.map((app) => app.close()));
    });

    it.each([
      '/api/v1/nearby?lat=63.7467&lon=-68.517&limit=10',
      '/api/v1/nearby?lat=63.7467&lon=-68.517&limit=10&jurisdiction=federal',
      '/api/v1/nearby?lat=50.0240613&lon=-125.2434889&limit=10',
      '/api/v1/search?q=quebec',
      '/api/v1/search?q=emploi&lang=fr',
      '/api/v1/search?q=jerome',
      '/api/v1/search?q=passport&offset=20',
      '/api/v1/search?q=service&postcode=V9W%202P8',
      '/api/v1/search?place=Iqaluit&jurisdiction=federal',
    ])('GET %s', async (url) => {
      const [a, b] = await Promise.all(apps.map((app) => app.inject({ method: 'GET', url })));
      expect(a.statusCode).toBe(200);
      expect(b.statusCode).toBe(200);
      expect(b.json()).toStrictEqual(a.json());
    });
  });
});
