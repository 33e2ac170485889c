// The analyst pages in Debian's Chromium (playwright-core) on the bundled dataset (data/, built
// into a temporary SQLite file): a visitor is refused the pages and the API; an analyst (created
// by the code path of `repere user add`) signs in, changes the radius, sees the tables change,
// downloads a CSV; axe-core finds nothing on the sign-in and analysis pages in English and
// French. Everything is served from 127.0.0.1; any other request is aborted and fails the test.
// The CSP stays on: axe-core is served from the same origin by a test-only route.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnalysisInputs } from '../../src/analysis/load-inputs.js';
import { runGaps } from '../../src/analysis/vulnerability.js';
import { addUser } from '../../src/auth/user-accounts.js';
import { buildApp } from '../../src/http/app.js';
import { buildDefaultDataset } from '../../src/ingest/build-default.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import {
  blockExternalRequests,
  hasChromium,
  launchChromium,
  type ExternalRequests,
} from '../browser/launch-chromium.js';

declare global {
  interface Window {
    axe: {
      run: (
        context?: unknown,
        options?: unknown,
      ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
    };
    __analysisMap?: MapLibreMap;
  }
}

const ANALYST = 'analyst@example.gc.ca';
const PASSWORD = 'a long and unguessable passphrase';
const AXE_PATH = '/__test__/axe.min.js';

let tmp: string;
let store: SqliteStore;
let app: FastifyInstance;
let origin: string;
let context: BrowserContext;
let external: ExternalRequests;
const problems: string[] = [];

/** MapLibre's notes about software rendering in headless Chromium are not problems of the page. */
const isSoftwareGlNote = (text: string): boolean => /^\[\.WebGL-[^\]]+\]GL Driver Message/.test(text);

beforeAll(async () => {
  if (!hasChromium()) return;
  if (!existsSync(resolve('public/build/map.js'))) {
    const { build } = await import('vite');
    await build({ configFile: resolve('vite.web.config.ts'), logLevel: 'warn' });
  }
  tmp = mkdtempSync(join(tmpdir(), 'repere-analysis-browser-'));
  store = SqliteStore.open(join(tmp, 'default.db'));
  await buildDefaultDataset(store, resolve('data'));
  await addUser(store, ANALYST, PASSWORD);
  app = await buildApp({ store, rateLimitPerMinute: 0 });
  const axe = readFileSync(resolve('node_modules/axe-core/axe.min.js'));
  app.get(AXE_PATH, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(axe));
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
  context = await launchChromium({
    viewport: { width: 1200, height: 900 },
    locale: 'en-CA',
    acceptDownloads: true,
  });
  // Test hook, not part of the page: keeps the map the bundle announces, to ask what it drew.
  await context.addInitScript(() => {
    document.addEventListener(
      'repere:mapready',
      (event) => {
        window.__analysisMap = (event as CustomEvent<{ map: MapLibreMap }>).detail.map;
      },
      true,
    );
  });
  external = await blockExternalRequests(context);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await app?.close();
  await store?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    // Refusals (401, 400, 429) are what several steps ask for; responses are checked below.
    if (isSoftwareGlNote(message.text()) || message.text().startsWith('Failed to load resource')) return;
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page cancels the map's requests still in flight, and a download's request ends
    // when the page hands it over: both are aborted, not failed.
    const error = request.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed (${error}): ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() === 404 || response.status() >= 500)
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: AXE_PATH });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The caption of a table, whitespace collapsed. */
async function captionOf(page: Page, table: string): Promise<string> {
  return ((await page.locator(`#${table} caption`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The names in a table's row headers, in order. */
async function rowNames(page: Page, table: string): Promise<string[]> {
  return page.locator(`#${table} tbody th[scope="row"]`).allTextContents();
}

describe.skipIf(!hasChromium())('analyst pages in Chromium', () => {
  it('refuses a visitor who is not signed in: the page sends to sign-in, the API answers 401', async () => {
    const page = await newPage();
    await page.goto(`${origin}/en/analysis?radius_km=25`);
    expect(page.url()).toBe(`${origin}/en/signin?next=%2Fen%2Fanalysis%3Fradius_km%3D25`);
    expect(await page.locator('h1').textContent()).toBe('Sign in to the analysis');
    await expect(page.locator('#table-underserved').count()).resolves.toBe(0);

    const api = await page.goto(`${origin}/api/v1/analysis/gaps?format=csv`);
    expect(api?.status()).toBe(401);
    expect(JSON.parse(await api!.text())).toMatchObject({ error: { status: 401, code: 'unauthorized' } });
    // Nor from a script of the site's own pages.
    await page.goto(`${origin}/en/`);
    const fromScript = await page.evaluate(() => fetch('/api/v1/analysis/coverage').then((r) => r.status));
    expect(fromScript).toBe(401);
    await page.close();
  });

  it('has no axe-core violations on the sign-in page, in English and French, also with an error shown', async () => {
    const page = await newPage();
    for (const lang of ['en', 'fr']) {
      await page.goto(`${origin}/${lang}/signin`);
      expect(await axeViolations(page), lang).toEqual([]);
    }
    await page.fill('#email', ANALYST);
    await page.fill('#password', 'not my password at all');
    await Promise.all([page.waitForLoadState('load'), page.click('.signin-form button[type="submit"]')]);
    await expect(page.locator('.error-summary').textContent()).resolves.toContain(
      'L’adresse courriel ou le mot de passe est incorrect.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('lets an analyst sign in, change the radius, see the tables change and download a CSV', async () => {
    const inputs = await loadAnalysisInputs(store, {});
    const at50 = runGaps(inputs, { radius_km: 50 });
    const at25 = runGaps(inputs, { radius_km: 25 });
    expect(at25.units_beyond).toBeGreaterThan(at50.units_beyond);

    const page = await newPage();
    await page.goto(`${origin}/en/analysis`);
    await page.fill('#email', ANALYST);
    await page.fill('#password', PASSWORD);
    await Promise.all([
      page.waitForURL(`${origin}/en/analysis`),
      page.click('.signin-form button[type="submit"]'),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Who is far from service');

    // The map draws the census subdivisions as circles, with their legend.
    await page.locator('#map[data-map-state="ready"]').waitFor({ timeout: 60_000 });
    const drawn = await page.evaluate(
      () => window.__analysisMap!.queryRenderedFeatures({ layers: ['units'] }).length,
    );
    expect(drawn).toBeGreaterThan(1000);
    await expect(page.locator('.repere-legend__title').textContent()).resolves.toBe(
      'Distance to the nearest point (circle area: population)',
    );

    expect(await captionOf(page, 'table-underserved')).toBe(
      `Underserved census subdivisions (first 25 of ${at50.units_beyond}, by Rank, ascending)`,
    );
    expect((await rowNames(page, 'table-underserved')).slice(0, 3)).toEqual(
      at50.units.slice(0, 3).map((u) => u.name),
    );

    await page.fill('#radius_km', '25');
    await Promise.all([page.waitForURL(/radius_km=25/), page.click('.analysis-form button[type="submit"]')]);
    // Focus lands on the new results.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('summary-heading');
    await expect(page.locator('#summary-lead').textContent()).resolves.toMatch(
      / within 25 km of one of the 2,683 points measured\.$/,
    );
    expect(await captionOf(page, 'table-underserved')).toBe(
      `Underserved census subdivisions (first 25 of ${at25.units_beyond}, by Rank, ascending)`,
    );
    expect((await rowNames(page, 'table-underserved')).slice(0, 3)).toEqual(
      at25.units.slice(0, 3).map((u) => u.name),
    );
    await expect(page.locator('#table-units thead th').last().textContent()).resolves.toBe('Within 25 km');

    // Sorting by a column header reloads the page sorted, back at the table.
    await Promise.all([
      page.waitForURL(/underserved_sort=population&underserved_order=desc#table-underserved$/),
      page.locator('#table-underserved thead').getByRole('link', { name: 'Population', exact: true }).click(),
    ]);
    await expect(page.locator('#table-underserved th[aria-sort]').textContent()).resolves.toContain(
      'Population',
    );
    await expect(page.locator('#table-underserved th[aria-sort]').getAttribute('aria-sort')).resolves.toBe(
      'descending',
    );
    const biggest = [...at25.units].sort((a, b) => b.population - a.population || a.rank - b.rank)[0]!;
    expect((await rowNames(page, 'table-underserved'))[0]).toBe(biggest.name);

    const link = page.locator('a[href*="/api/v1/analysis/gaps?"][href*="table=units"][href*="format=csv"]');
    // The form sends the channels it shows checked (in person and outreach, the default).
    await expect(link.getAttribute('href')).resolves.toBe(
      '/api/v1/analysis/gaps?channels=in_person&channels=outreach&radius_km=25&format=csv&table=units',
    );
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('repere-gaps-units.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'rank,csd_code,name,province,community_type,population,cwb_score,cwb_missing,weight,weighted_population,nearest_metres,nearest_point_id,lat,lon,precision',
    );
    expect(lines[1]!.startsWith(`1,${at25.units[0]!.csd_code},`)).toBe(true);
    expect(lines).toHaveLength(at25.units_beyond + 2);
    await page.close();
  });

  it('has no axe-core violations on the analysis page, in English and French, for both measures and an error', async () => {
    const page = await newPage();
    for (const path of [
      '/en/analysis',
      '/fr/analysis?metric=access&method=2sfca',
      '/fr/analysis?radius_km=0',
    ]) {
      await page.goto(`${origin}${path}`);
      expect(page.url(), 'still signed in').toBe(`${origin}${path}`);
      if (!path.includes('radius_km=0'))
        await page.locator('#map[data-map-state="ready"]').waitFor({ timeout: 60_000 });
      // Open the data tables of the charts too.
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')),
      );
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.close();
  });

  it('signs out, after which the pages and the API are refused again; nothing left 127.0.0.1', async () => {
    const page = await newPage();
    await page.goto(`${origin}/fr/analysis`);
    // Signing out while the map still loads would refuse its last requests (401), rightly.
    await page.locator('#map[data-map-state="ready"]').waitFor({ timeout: 60_000 });
    await Promise.all([
      page.waitForURL(`${origin}/fr/signin?signed_out=1`),
      page.click('.analysis-account button[type="submit"]'),
    ]);
    await expect(page.locator('.notice').textContent()).resolves.toBe('Vous êtes déconnecté.');
    const api = await page.goto(`${origin}/api/v1/analysis/coverage`);
    expect(api?.status()).toBe(401);
    await page.goto(`${origin}/fr/analysis`);
    expect(page.url()).toBe(`${origin}/fr/signin?next=%2Ffr%2Fanalysis`);
    await page.close();
    expect(problems).toEqual([]);
    expect(external.urls).toEqual([]);
  });
});
