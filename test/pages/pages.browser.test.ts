// The pages in Debian's Chromium (playwright-core), served by the real app on 127.0.0.1 over the
// bundled data (page-fixture.ts): searching by postal code and by place in both languages, with
// and without JavaScript; the language toggle; the skip link; axe-core on home, results and
// detail pages in both languages; the map canvas. Every request that would leave the machine is
// aborted and fails the test. Set REPERE_SCREENSHOT_DIR to keep screenshots.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR } from '../../src/http/pages/static-assets.js';
import {
  blockExternalRequests,
  CHROMIUM_PATH,
  hasChromium,
  launchChromium,
  type ExternalRequests,
} from '../browser/launch-chromium.js';
import { openPageFixture } from './page-fixture.js';
import type { PageFixture } from './page-fixture.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

const chromiumFound = hasChromium();
const suite = chromiumFound ? describe : describe.skip;
const suiteName = chromiumFound
  ? 'pages in Chromium'
  : `pages in Chromium — SKIPPED: ${CHROMIUM_PATH} not found (apt-get install -y chromium)`;
// The default reporter shows skipped suites only as a count: say why here too.
if (!chromiumFound) console.warn(suiteName);

interface Browsers {
  withJs: BrowserContext;
  withoutJs: BrowserContext;
  /** For axe only: addScriptTag inlines the script, which the pages' CSP rightly refuses. */
  axe: BrowserContext;
}

suite(suiteName, () => {
  let fixture: PageFixture;
  let origin: string;
  let browsers: Browsers;
  const external: ExternalRequests[] = [];
  /** Console errors (CSP violations included), page errors, failed requests, HTTP errors. */
  const problems: string[] = [];

  beforeAll(async () => {
    await buildMapBundleIfMissing();
    fixture = await openPageFixture();
    const address = await fixture.app.listen({ host: '127.0.0.1', port: 0 });
    origin = address;
    expect((fixture.app.server.address() as AddressInfo).address).toBe('127.0.0.1');
    const open = async (options: Parameters<typeof launchChromium>[0]): Promise<BrowserContext> => {
      const context = await launchChromium(options);
      external.push(await blockExternalRequests(context));
      return context;
    };
    browsers = {
      withJs: await open({ viewport: DESKTOP }),
      withoutJs: await open({ viewport: PHONE, javaScriptEnabled: false }),
      axe: await open({ viewport: DESKTOP, bypassCSP: true }),
    };
  });

  afterAll(async () => {
    await Promise.all(Object.values(browsers ?? {}).map((context: BrowserContext) => context.close()));
    await fixture?.close();
    // Checked last, over every page of every test: nothing left 127.0.0.1.
    expect(external.flatMap((e) => e.urls)).toEqual([]);
    expect(external.reduce((n, e) => n + e.count, 0)).toBe(0);
  });

  /** Opens a page, recording problems; a 404 page is expected only where `expectedStatus` says so. */
  async function open(context: BrowserContext, path: string, expectedStatus = 200): Promise<Page> {
    const page = await context.newPage();
    const expected = (url: string, status: number): boolean =>
      url === origin + path && status === expectedStatus;
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // SwiftShader's performance notes are not problems of the page.
      if (/GL Driver Message|GPU stall/.test(message.text())) return;
      if (/status of 404/.test(message.text()) && expected(message.location().url, 404)) return;
      problems.push(`${path}: console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${path}: page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`${path}: request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && !expected(response.url(), response.status())) {
        problems.push(`${path}: HTTP ${response.status()}: ${response.url()}`);
      }
    });
    const response = await page.goto(origin + path);
    expect(response?.status(), path).toBe(expectedStatus);
    return page;
  }

  async function firstResult(page: Page): Promise<string> {
    return (await page.locator('.results-list > li h3 a').first().textContent())?.trim() ?? '';
  }

  async function search(context: BrowserContext, lang: 'en' | 'fr', text: string): Promise<Page> {
    const page = await open(context, `/${lang}/`);
    await page
      .getByLabel(lang === 'en' ? 'Place, postal code or keywords' : 'Lieu, code postal ou mots-clés')
      .fill(text);
    await Promise.all([
      page.waitForURL(/\/search\?/),
      page
        .getByRole('button', { name: lang === 'en' ? 'Search' : 'Rechercher' })
        .first()
        .click(),
    ]);
    return page;
  }

  for (const js of [true, false]) {
    const how = js ? 'with JavaScript' : 'without JavaScript';
    for (const [lang, text, heading, first] of [
      ['en', 'V9W 2P8', /^[\d,]+ results near V9W 2P8$/, 'WorkBC Centre - Campbell River'],
      ['fr', 'V9W 2P8', /^[\d\s]+ résultats près de V9W 2P8$/, 'WorkBC Centre - Campbell River'],
      ['en', 'Iqaluit', /^[\d,]+ results near Iqaluit, NU$/, 'Iqaluit Service Canada Centre'],
      ['fr', 'Iqaluit', /^[\d\s]+ résultats près de Iqaluit, NU$/, 'Iqaluit Service Canada Centre'],
    ] as const) {
      it(`searches "${text}" in ${lang} ${how}`, async () => {
        const page = await search(js ? browsers.withJs : browsers.withoutJs, lang, text);
        expect(new URL(page.url()).pathname).toBe(`/${lang}/search`);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect((await page.locator('h1').textContent())?.trim()).toMatch(heading);
        expect(await firstResult(page)).toBe(first);
        expect(await page.locator('.results-list > li').count()).toBe(10);
        // The map is an enhancement: hidden without JavaScript, shown by its script otherwise.
        if (js) await page.locator('#map[data-map-state="ready"]').waitFor();
        else expect(await page.locator('#map').isHidden()).toBe(true);
        await page.close();
      });
    }
  }

  it('keeps the query when switching language, both ways, without JavaScript', async () => {
    const page = await open(browsers.withoutJs, '/en/search?q=emploi&jurisdiction=provincial&page=2');
    await Promise.all([page.waitForURL(/\/fr\//), page.getByRole('link', { name: 'Français' }).click()]);
    expect(page.url()).toBe(`${origin}/fr/search?q=emploi&jurisdiction=provincial&page=2`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('.paging__status').textContent()).toMatch(/^Page 2 de \d+$/);
    expect(await page.locator('#jurisdiction-provincial').isChecked()).toBe(true);
    await Promise.all([page.waitForURL(/\/en\//), page.getByRole('link', { name: 'English' }).click()]);
    expect(page.url()).toBe(`${origin}/en/search?q=emploi&jurisdiction=provincial&page=2`);
    await page.close();
  });

  it('filters with the checkboxes of the plain GET form, without JavaScript', async () => {
    const page = await open(browsers.withoutJs, '/en/search?q=Toronto');
    await page.locator('.options summary').click();
    await page.getByLabel('Municipal').check();
    await Promise.all([
      page.waitForURL(/jurisdiction=municipal/),
      page.locator('.options__body button[type="submit"]').click(),
    ]);
    const tags = await page.locator('.results-list .tag').allTextContents();
    expect(tags.length).toBe(10);
    expect(new Set(tags.map((tag) => tag.replace('Order of government: ', '').trim()))).toEqual(
      new Set(['Municipal']),
    );
    await page.close();
  });

  it('skip link: first Tab stop, visible when focused, moves focus to main', async () => {
    for (const context of [browsers.withJs, browsers.withoutJs]) {
      const page = await open(context, '/fr/');
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await skip.textContent()).toBe('Passer au contenu principal');
      const box = await skip.boundingBox();
      expect(box !== null && box.y >= 0 && box.height > 0).toBe(true);
      expect(await skip.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
      await page.close();
    }
  });

  it('shows a visible focus outline on links, fields and buttons', async () => {
    const page = await open(browsers.withoutJs, '/en/search?q=V9W+2P8');
    for (const selector of ['.results-list h3 a', '#q', '.search-box button', '.paging a', '.lang-toggle']) {
      const element = page.locator(selector).first();
      await element.focus();
      const outline = await element.evaluate((el) => {
        const style = getComputedStyle(el);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(outline.style, selector).not.toBe('none');
      expect(outline.width, selector).toBeGreaterThanOrEqual(2);
    }
    await page.close();
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const page = await open(browsers.withoutJs, '/fr/locations/workbc%3Ap1');
    await page.setViewportSize({ width: 320, height: 700 });
    for (const path of ['/fr/locations/workbc%3Ap1', '/en/search?q=V9W+2P8', '/fr/sources']) {
      await page.goto(origin + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it('prints the list and the details: no menu, form, paging or map; website addresses written out', async () => {
    const page = await open(browsers.withJs, '/en/search?q=V9W+2P8');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-nav', '.search-panel', '.paging', '#map', '.lang-toggle']) {
      expect(await page.locator(selector).isHidden(), selector).toBe(true);
    }
    expect(await page.locator('.results-list > li').count()).toBe(10);
    expect(await page.locator('.results-list > li').first().isVisible()).toBe(true);
    const after = await page
      .locator('.results-list a[href^="https://workbc.ca"]')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toBe('" <https://workbc.ca/WorkBC-Centres/Vancouver-Island-Coast/Campbell-River.aspx>"');
    await page.close();
  });

  const AXE_PAGES = [
    '/en/',
    '/fr/',
    '/en/search?q=V9W+2P8',
    '/fr/search?q=Iqaluit',
    '/fr/search?q=emploi&near=Campbell+River&jurisdiction=provincial',
    '/en/search?q=X9X+9X9',
    '/en/locations/workbc%3Ap1',
    '/fr/locations/workbc%3Ap1',
    '/fr/locations/inuit_community_offices%3AIN14',
    '/en/sources',
    '/fr/sources',
    '/fr/locations/inconnu%3A1',
  ];

  it.each(AXE_PAGES)('axe-core finds no WCAG 2.1 A/AA or best-practice violation on %s', async (path) => {
    const page = await open(browsers.axe, path, path.includes('inconnu') ? 404 : 200);
    const withMap = (await page.locator('#map').count()) > 0;
    if (withMap) await page.locator('#map[data-map-state="ready"]').waitFor();
    await page.addScriptTag({ path: AXE_PATH });
    const run = (context: unknown, rules: { only?: string[]; skip?: string[] }): Promise<string[]> =>
      page.evaluate(
        async ({ context, rules }) => {
          type Result = {
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>;
          };
          const axe = (
            window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }
          ).axe;
          const result = await axe.run(context ?? document, {
            runOnly: rules.only
              ? { type: 'rule', values: rules.only }
              : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            rules: Object.fromEntries((rules.skip ?? []).map((id) => [id, { enabled: false }])),
          });
          return result.violations.map(
            (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
          );
        },
        { context, rules },
      );
    // Every rule, the map's canvas included: it is a landmark named apart from its container.
    expect(await run(null, {})).toEqual([]);
    await page.close();
  });

  it('draws the map of the results (a non-blank canvas), after the list', async () => {
    const page = await open(browsers.withJs, '/en/search?q=V9W+2P8');
    await page.locator('#map[data-map-state="ready"]').waitFor();
    // Let the points arrive and render.
    await page.waitForTimeout(1500);
    const canvas = page.locator('#map canvas');
    expect(await canvas.count()).toBe(1);
    const png = await page.locator('#map').screenshot();
    const directory = process.env['REPERE_SCREENSHOT_DIR'];
    if (directory !== undefined) writeFileSync(join(directory, 'results-map.png'), png);
    const colours = await distinctColours(page, png);
    expect(colours).toBeGreaterThan(20);
    const order = await page.evaluate(() => {
      const list = document.querySelector('.results-list')!;
      const map = document.getElementById('map')!;
      return list.compareDocumentPosition(map) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await page.close();
  });

  it('takes screenshots of the English results and the French detail page (phone and desktop)', async () => {
    const directory = process.env['REPERE_SCREENSHOT_DIR'];
    for (const [path, name] of [
      ['/en/search?q=V9W+2P8', 'results-en'],
      ['/fr/locations/workbc%3Ap1', 'detail-fr'],
    ] as const) {
      for (const [viewport, size] of [
        [PHONE, 'phone'],
        [DESKTOP, 'desktop'],
      ] as const) {
        const page = await open(browsers.withJs, path);
        await page.setViewportSize(viewport);
        await page.locator('#map[data-map-state="ready"]').waitFor();
        const png = await page.screenshot({ fullPage: true });
        expect(png.length).toBeGreaterThan(10_000);
        if (directory !== undefined) writeFileSync(join(directory, `${name}-${size}.png`), png);
        await page.close();
      }
    }
  });

  it('met no console error, CSP violation, failed request or HTTP error on any page', () => {
    expect(problems).toEqual([]);
  });
});

/** Counts the distinct colours of a PNG, decoded in the page (no image library in Node here). */
async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let offset = 0; offset < data.length; offset += 4)
      seen.add((data[offset]! << 16) | (data[offset + 1]! << 8) | data[offset + 2]!);
    return seen.size;
  }, png.toString('base64'));
}

/** Builds the map bundle (the map engineer's vite.web.config.ts) when public/build has none. */
async function buildMapBundleIfMissing(): Promise<void> {
  if (existsSync(join(BUILD_DIR, 'map.js'))) return;
  const { build } = await import('vite');
  await build({
    configFile: new URL('../../vite.web.config.ts', import.meta.url).pathname,
    logLevel: 'warn',
  });
}
