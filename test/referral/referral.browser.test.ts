// The referral aid in Debian's Chromium (playwright-core), on the whole bundled dataset served
// by buildApp with the referral routes: the agent's flow with the keyboard only, the copy
// button, the printed bilingual slip, and axe-core on every referral page. Everything is served
// from 127.0.0.1; any other request is aborted and fails the test. The page's CSP stays on:
// axe-core is served from the same origin by a test-only route, not injected inline.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockExternalRequests, hasChromium, launchChromium } from '../browser/launch-chromium.js';
import type { ExternalRequests } from '../browser/launch-chromium.js';
import { buildReferralApp, openDefaultDataset } from './default-dataset.js';
import type { DefaultDataset } from './default-dataset.js';

declare global {
  interface Window {
    axe: { run: (context?: unknown, options?: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> };
  }
}

const AXE_PATH = '/__test__/axe.min.js';

let dataset: DefaultDataset;
let app: FastifyInstance;
let origin: string;
let context: BrowserContext;
let external: ExternalRequests;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!hasChromium()) return;
  dataset = await openDefaultDataset();
  app = await buildReferralApp(dataset);
  const axe = readFileSync(resolve('node_modules/axe-core/axe.min.js'));
  app.get(AXE_PATH, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(axe));
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
  context = await launchChromium({ viewport: { width: 1100, height: 900 }, locale: 'en-CA' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  external = await blockExternalRequests(context);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await app?.close();
  await dataset?.close();
});

async function openPage(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  return page;
}

/** What has focus: tag, id and text, enough to tell the stops of the Tab order apart. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const id = element.id ? `#${element.id}` : '';
    return `${element.tagName.toLowerCase()}${id} ${(element.textContent ?? '').trim().slice(0, 60)}`.trim();
  });
}

/** Presses Tab until `predicate` holds for the focused element's description; fails after `max`. */
async function tabUntil(page: Page, predicate: (description: string) => boolean, max = 80): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const description = await focused(page);
    stops.push(description);
    if (predicate(description)) return stops;
  }
  throw new Error(`Tab never reached the element; stops: ${stops.join(' | ')}`);
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: AXE_PATH });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!hasChromium())('referral aid in Chromium', () => {
  it('runs the whole referral with the keyboard only: shortcut, form, answer, copy, slip', async () => {
    const page = await openPage('/en/referral');
    expect(await focused(page)).toBe('body');

    // The documented shortcut focuses the need box.
    await page.keyboard.press('/');
    expect(await focused(page)).toBe('input#q');
    await page.keyboard.type('lost wallet');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#where');
    await page.keyboard.type('E3B 1A1');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^select#called/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button Find who handles it');
    await Promise.all([page.waitForURL(/\/en\/referral\?q=lost\+wallet&where=E3B\+1A1&called=federal$/), page.keyboard.press('Enter')]);
    await page.waitForLoadState('load');

    // The answer's heading has focus; Tab continues into the answer.
    expect(await focused(page)).toBe('h2#answer-heading Answer for “lost wallet”');
    const headings = await page.locator('.referral-card h3').allTextContents();
    expect(headings).toEqual(['Driver’s licence', 'Health card', 'Vehicle registration and licence plates', 'Social Insurance Number', 'Indian status card']);
    expect(await page.locator('.referral-wrong-door li').allTextContents()).toEqual([
      'Driver’s licence: provincial, handled by Service New Brunswick.',
      'Health card: provincial, handled by Medicare New Brunswick (Department of Health).',
      'Vehicle registration and licence plates: provincial, handled by Service New Brunswick.',
    ]);
    await expect(page.locator('#service-sin .fact--unverified').first().isVisible()).resolves.toBe(true);

    const toPoint = await tabUntil(page, (d) => d.startsWith('a Fredericton Service Canada Centre'));
    expect(toPoint[0]).toMatch(/^a Driver’s licence: provincial, handled by Service New Bruns/);
    expect(toPoint).toContain('a 1-888-762-8600');
    expect(toPoint).toContain('a 1-866-274-6627');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'))).toBe('/en/locations/service_canada%3A1687');

    // The copy button appears with JavaScript and copies the summary.
    await tabUntil(page, (d) => d === 'button Copy summary');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Summary copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#summary-text').inputValue());
    expect(copied.split('\n').slice(0, 4)).toEqual(['Referral for “lost wallet”', 'Near E3B 1A1 (New Brunswick)', '', '1. Driver’s licence (provincial)']);

    // The slip link, then print media: both languages, nothing but the slip.
    await tabUntil(page, (d) => d === 'a Printable referral slip (English and French)');
    await Promise.all([page.waitForURL(/\/en\/referral\/slip\?/), page.keyboard.press('Enter')]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.referral-slip__half').count()).toBe(2);
    await expect(page.locator('#slip-en').isVisible()).resolves.toBe(true);
    await expect(page.locator('#slip-fr').isVisible()).resolves.toBe(true);
    await expect(page.locator('.referral-slip-actions').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    const printed = await page.locator('main').innerText();
    expect(printed).toContain('Referral slip');
    expect(printed).toContain('Fiche d’aiguillage');
    expect(printed).toContain('Social Insurance Number');
    expect(printed).toContain('Numéro d’assurance sociale');
    expect(printed).toContain('Fredericton Service Canada Centre and Passport Services, about 970 m away');
    expect(printed).toContain('Fredericton Service Canada Centre and Passport Services, à environ 970 m');
    expect(await page.locator('section[aria-labelledby="slip-fr"]').getAttribute('lang')).toBe('fr');
    await page.emulateMedia({ media: 'screen' });
    await page.close();
    expect(external.urls).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('finds no axe-core violations on the referral pages, in both languages', async () => {
    const paths = [
      '/en/referral',
      '/en/referral?q=lost+wallet&where=E3B+1A1&called=federal',
      '/fr/referral?q=portefeuille+perdu&where=E3B+1A1&called=federal',
      '/en/referral?q=pasport&where=E3B',
      '/en/referral?q=sin&where=Nowhereville',
      '/en/referral/slip?q=lost+wallet&where=E3B+1A1',
      '/fr/referral/slip?q=naissance&where=Iqaluit',
      '/en/partnerships',
      '/fr/partnerships',
    ];
    for (const path of paths) {
      const page = await openPage(path);
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
    expect(external.urls).toEqual([]);
  });
});
