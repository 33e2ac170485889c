// Shared set-up of the API tests: the bundled default dataset (data/, 12 sources, reference
// layers) built once per test file into a temporary SQLite file, plus one markup fixture,
// served by the real app in-process (app.inject).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildDefaultDataset } from '../../ingest/build-default.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { SourceInfo, Store } from '../../store/store.js';
import { geocodeAt, makePoint } from '../../store/test-points.js';
import { buildApp } from '../app.js';

/** The bundled data folder. */
export const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

/**
 * The tests' clock: Wednesday 14 January 2026, 17:00 UTC (noon in Toronto, 9 a.m. in
 * Vancouver), when WorkBC Campbell River (Wednesday 8:30 a.m. to 6 p.m.) is open.
 */
export const FIXED_NOW = new Date('2026-01-14T17:00:00Z');

/** A record whose name is markup, as open data may contain: the API must return it as is. */
export const MARKUP_NAME = '<img src=x onerror=alert(1)>';

const MARKUP_SOURCE: SourceInfo = {
  id: 'test-markup',
  title: 'Test fixture: a record whose text is HTML',
  licence: 'unclear',
  origin: 'src/http/api/test-app.ts',
  retrievedAt: '2026-01-01',
  lastVerified: null,
};

// Located in Hudson Bay, far from every real point, so it never changes a nearest-point answer.
export const MARKUP_POINT = makePoint({
  sourceId: 'test-markup',
  sourceRecordId: 'x1',
  layer: 'test',
  name: { en: MARKUP_NAME, fr: '"Bureau" <script>alert(2)</script> & cie' },
  organization: { id: 'test-markup-org', name: { en: '<b>Markup</b> & Co' } },
  serviceTypes: ['government_services'],
  address: { street: '1 <i>Main</i> Street', city: 'Nowhere', province: 'NU', country: 'CA' },
  geocode: geocodeAt(59.5, -85.5),
});

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  /** Closes the app and the store and removes the temporary database. */
  close(): Promise<void>;
}

/**
 * Builds the default dataset into a fresh temporary database (about 3 s) and an app over it
 * with the fixed clock and no rate limit. Call once per test file, in `beforeAll`.
 */
export async function buildTestApp(): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'repere-api-'));
  const store = SqliteStore.open(join(dir, 'repere.db'));
  await buildDefaultDataset(store, DATA_DIR);
  await store.replaceSource(MARKUP_SOURCE, [MARKUP_POINT], () => ({
    source: 'test-app.ts',
    rows_read: 1,
    imported: 1,
    rejected: 0,
    duplicates: 0,
    issues: [],
  }));
  const app = await buildApp({ store, now: () => FIXED_NOW, rateLimitPerMinute: 0 });
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** GETs `url` and parses the JSON body, failing loudly on a non-JSON answer. */
export async function getJson<T = unknown>(
  app: FastifyInstance,
  url: string,
  headers: InjectOptions['headers'] = {},
): Promise<{ status: number; body: T; response: LightMyRequestResponse }> {
  const response = await app.inject({ method: 'GET', url, headers });
  const type = String(response.headers['content-type'] ?? '');
  if (!type.includes('json')) {
    throw new Error(
      `expected a JSON response from ${url}, got ${response.statusCode} ${type}: ${response.body.slice(0, 200)}`,
    );
  }
  return { status: response.statusCode, body: response.json<T>(), response };
}
