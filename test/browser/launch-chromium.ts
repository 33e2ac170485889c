// Real-browser tests: Debian's Chromium driven by playwright-core (Playwright cannot download
// its own browser here). Install with `apt-get install -y chromium`.
import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep Chromium headless, sandbox-free (we run as root) and off the network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type ChromiumContextOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

/** True when Debian's Chromium is installed; browser suites skip (saying why) when it is not. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Launches headless Chromium with a fresh temporary profile, deleted by the context's close().
 * `options` are Playwright context options (viewport, locale, geolocation, permissions, …).
 * @example const context = await launchChromium({ viewport: { width: 1000, height: 700 } });
 */
export async function launchChromium(options: ChromiumContextOptions = {}): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'repere-chromium-'));
  // Chromium may still be writing its profile as it exits, hence the retries.
  const removeProfile = (): Promise<void> =>
    rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      ...options,
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  // The profile goes with the browser: close() resolves once both are gone.
  const close = context.close.bind(context);
  context.close = async (closeOptions) => {
    await close(closeOptions);
    await removeProfile();
  };
  return context;
}

/** Requests that tried to leave the machine, all aborted. */
export interface ExternalRequests {
  readonly count: number;
  readonly urls: readonly string[];
}

/**
 * Aborts every request from `context` to anything but loopback (127.0.0.0/8, localhost, [::1])
 * and records it, so a test can assert `count === 0`: pages must work offline.
 * @example const external = await blockExternalRequests(context); …; expect(external.urls).toEqual([]);
 */
export async function blockExternalRequests(context: BrowserContext): Promise<ExternalRequests> {
  const urls: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLoopback(url)) {
      await route.continue();
      return;
    }
    urls.push(url);
    await route.abort('blockedbyclient');
  });
  return {
    get count() {
      return urls.length;
    },
    urls,
  };
}

function isLoopback(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
