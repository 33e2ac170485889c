// The bundled default dataset (data/, real open data) built into a temporary SQLite file, as
// `npm start` does on first run, plus the app the referral routes are registered on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { Gazetteer } from '../../src/ingest/geocode/gazetteer.js';
import { buildDefaultDataset } from '../../src/ingest/build-default.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

/** The clock of every test: pages print "prepared on" with it. */
export const NOW = new Date('2026-11-29T15:00:00Z');

export interface DefaultDataset {
  store: SqliteStore;
  places: Gazetteer;
  close(): Promise<void>;
}

export async function openDefaultDataset(): Promise<DefaultDataset> {
  const dir = mkdtempSync(join(tmpdir(), 'repere-referral-'));
  const store = SqliteStore.open(join(dir, 'default.db'));
  await buildDefaultDataset(store, resolve('data'));
  const [places, communities, fsas, units] = await Promise.all([
    store.listPlaces(),
    store.listCommunities(),
    store.listFsaCentroids(),
    store.listPopulationUnits(),
  ]);
  return {
    store,
    places: Gazetteer.from({ places, communities, fsas, units }),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The whole app on the dataset (routes.ts registers the referral routes). */
export async function buildReferralApp(dataset: DefaultDataset): Promise<FastifyInstance> {
  return buildApp({ store: dataset.store, now: () => NOW, rateLimitPerMinute: 0 });
}
