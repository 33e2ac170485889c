// The map bundle (public/build) in Debian's Chromium, against a harness page laid out as the
// server contract says (test/web/harness.html) and real GeoJSON fixtures (test/web/fixtures/,
// README there). Everything is served from 127.0.0.1; any other request is aborted and fails
// the test. Set REPERE_SCREENSHOT_DIR to keep a screenshot of each variant's map.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockExternalRequests,
  CHROMIUM_PATH,
  hasChromium,
  launchChromium,
  type ExternalRequests,
} from '../../test/browser/launch-chromium.js';
import { COMMUNITIES_LAYER_ID, COMMUNITY_COLOURS } from './communities-layer.js';
import { BASEMAP_COLOURS } from './offline-style.js';
import { CLUSTER_COLOUR, LEVEL_COLOURS, POINTS_LAYER_IDS } from './points-layer.js';

declare global {
  interface Window {
    __map?: MapLibreMap;
    __xss?: unknown;
    __zooms?: number[];
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_DIR = join(ROOT, 'public/build');
const FIXTURES = join(ROOT, 'test/web/fixtures');
const VIEWPORT = { width: 1024, height: 1000 };
/** The fake device position (downtown Vancouver) and what the URL must carry (3 decimals). */
const DEVICE_POSITION = { latitude: 49.28273, longitude: -123.12074 };

// Fixture coordinates (see test/web/fixtures/points.geojson).
const FORT_ST_JOHN: [number, number] = [-120.8462465, 56.2457817];
const PANGNIRTUNG: [number, number] = [-65.71748132300002, 66.139532997];
const RANKIN_INLET: [number, number] = [-92.08774122099999, 62.80891294999998];
const HOSTILE_POINT: [number, number] = [-75.6972, 45.4215];
const HOSTILE_NAME = '<img src=x onerror=alert(window.__xss=1)>';

interface Variant {
  path: string;
  /** `center`/`zoom` or `bounds` are the map's view; the others are text. Empty = absent. */
  slots: Record<
    | 'title'
    | 'mapLabel'
    | 'detailBase'
    | 'skipToList'
    | 'resultsHeading'
    | 'center'
    | 'zoom'
    | 'bounds'
    | 'tileUrl'
    | 'tileAttribution',
    string
  >;
  messages: Record<string, string>;
}

const VARIANTS = {
  en: {
    path: '/en/map',
    slots: {
      title: 'Service points',
      mapLabel: 'Map of the service points listed below',
      detailBase: '/en/locations/',
      skipToList: 'Skip the map',
      resultsHeading: 'Results',
      center: '-96,56',
      zoom: '3',
      bounds: '',
      tileUrl: '',
      tileAttribution: '',
    },
    messages: {
      useMyLocation: 'Use my location',
      communities: 'First Nations and Inuit communities',
      detail: 'Details',
      approximate: 'Approximate location',
      federal: 'Federal',
      provincial: 'Provincial',
      territorial: 'Territorial',
      municipal: 'Municipal',
      indigenous: 'Indigenous',
      other: 'Other',
      locating: 'Locating…',
      locationDenied: 'Your location could not be found.',
    },
  },
  fr: {
    path: '/fr/carte',
    slots: {
      title: 'Points de service',
      mapLabel: 'Carte des points de service énumérés ci-dessous',
      detailBase: '/fr/emplacements/',
      skipToList: 'Passer la carte',
      resultsHeading: 'Résultats',
      // Canada's extent, to exercise data-bounds.
      center: '',
      zoom: '',
      bounds: '-141,41.7,-52.6,83.1',
      tileUrl: '',
      tileAttribution: '',
    },
    messages: {
      useMyLocation: 'Utiliser ma position',
      communities: 'Communautés des Premières Nations et inuites',
      detail: 'Détails',
      approximate: 'Emplacement approximatif',
      federal: 'Fédéral',
      provincial: 'Provincial',
      territorial: 'Territorial',
      municipal: 'Municipal',
      indigenous: 'Autochtone',
      other: 'Autre',
      locating: 'Localisation en cours…',
      locationDenied: "Votre position n'a pas pu être trouvée.",
    },
  },
} satisfies Record<'en' | 'fr', Variant>;

/** English, with a raster basemap configured on a host that does not exist. */
const TILES_VARIANT: Variant = {
  path: '/en/map-tiles',
  slots: {
    ...VARIANTS.en.slots,
    tileUrl: 'https://tiles.example.invalid/{z}/{x}/{y}.png',
    tileAttribution: '© Example <Tiles> & co',
  },
  messages: VARIANTS.en.messages,
};

const chromiumFound = hasChromium();
const suite = chromiumFound ? describe : describe.skip;
const suiteName = chromiumFound
  ? 'map bundle in Chromium'
  : `map bundle in Chromium — SKIPPED: ${CHROMIUM_PATH} not found (apt-get install -y chromium)`;
// The default reporter shows skipped suites only as a count: say why here too.
if (!chromiumFound) console.warn(suiteName);

suite(suiteName, () => {
  let server: Server;
  let origin: string;
  let requestedPaths: string[];
  let context: BrowserContext;
  let external: ExternalRequests;

  beforeAll(async () => {
    await buildBundleIfStale();
    ({ server, origin, requestedPaths } = await startServer());
    context = await launchChromium({
      viewport: VIEWPORT,
      geolocation: DEVICE_POSITION,
      permissions: ['geolocation'],
    });
    external = await blockExternalRequests(context);
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  interface Session {
    page: Page;
    /** Console errors and warnings, page errors, dialogs, failed or 4xx/5xx requests. */
    problems: string[];
  }

  async function openMap(path: string): Promise<Session> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (isSoftwareGlNote(message.text())) return;
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(origin + path);
    await page.locator('#map[data-map-state="ready"]').waitFor();
    return { page, problems };
  }

  async function closeClean({ page, problems }: Session): Promise<void> {
    await page.close();
    expect(problems).toEqual([]);
    expect(external.urls).toEqual([]);
    expect(external.count).toBe(0);
  }

  it('draws the provinces, coloured points, clusters and communities without leaving 127.0.0.1', async () => {
    const session = await openMap(VARIANTS.en.path);
    const png = await session.page.locator('#map').screenshot();
    const directory = process.env['REPERE_SCREENSHOT_DIR'];
    if (directory !== undefined) writeFileSync(join(directory, 'map-en.png'), png);

    const census = await colourCensus(session.page, png, {
      background: BASEMAP_COLOURS.background,
      land: BASEMAP_COLOURS.land,
      provincial: LEVEL_COLOURS.provincial,
      indigenous: LEVEL_COLOURS.indigenous,
      federal: LEVEL_COLOURS.federal,
      cluster: CLUSTER_COLOUR,
      community: COMMUNITY_COLOURS.fill,
    });
    expect(census.distinct).toBeGreaterThan(50);
    expect(census.counts['background']).toBeGreaterThan(10_000);
    expect(census.counts['land']).toBeGreaterThan(100_000);
    // Two solid provincial points (r 6.5 px), two hollow indigenous rings, one federal point,
    // one cluster, and the community triangles in view (8 of 10 at this centre and zoom).
    expect(census.counts['provincial']).toBeGreaterThan(150);
    expect(census.counts['indigenous']).toBeGreaterThan(100);
    expect(census.counts['federal']).toBeGreaterThan(60);
    expect(census.counts['cluster']).toBeGreaterThan(300);
    expect(census.counts['community']).toBeGreaterThan(100);

    // The fetched data is the fixture's: 9 points, of which 4 in the one cluster.
    const rendered = await session.page.evaluate(
      ({ points, clusters }) => ({
        points: window.__map!.queryRenderedFeatures({ layers: [points] }).length,
        clusterSizes: window
          .__map!.queryRenderedFeatures({ layers: [clusters] })
          .map((feature) => feature.properties['point_count'] as number),
      }),
      { points: POINTS_LAYER_IDS.points, clusters: POINTS_LAYER_IDS.clusters },
    );
    expect(rendered).toEqual({ points: 5, clusterSizes: [4] });
    expect(requestedPaths).toEqual(
      expect.arrayContaining([
        '/assets/map.js',
        '/assets/map.css',
        '/assets/maplibre-gl-worker.js',
        '/api/v1/map/points.geojson',
        '/api/v1/map/boundaries.geojson',
        '/api/v1/map/communities.geojson',
      ]),
    );
    await closeClean(session);
  });

  it('opens a popup naming the order of government, with a link to the detail page', async () => {
    const session = await openMap(VARIANTS.en.path);
    const { page } = session;
    await clickLngLat(page, FORT_ST_JOHN);
    const popup = page.locator('.maplibregl-popup');
    await popup.waitFor();
    await expect(popup.locator('.repere-popup__name').textContent()).resolves.toBe(
      'WorkBC Centre - Fort St John',
    );
    // Same language as the page: no lang attribute of its own.
    await expect(popup.locator('.repere-popup__name').getAttribute('lang')).resolves.toBeNull();
    await expect(popup.locator('.repere-popup__level').textContent()).resolves.toBe('Provincial');
    await expect(popup.locator('.repere-popup__address').textContent()).resolves.toBe(
      '101-9907 99 Avenue, Fort St John, BC V1J 1V1',
    );
    await expect(popup.locator('.repere-popup__approximate').count()).resolves.toBe(0);
    // Chromium puts a space before the visually hidden part of the name: "Details : WorkBC…".
    const link = popup.getByRole('link', { name: /^Details ?: WorkBC Centre - Fort St John$/ });
    await expect(link.getAttribute('href')).resolves.toBe('/en/locations/workbc%3Ap98');

    await link.click();
    await page.waitForURL(`${origin}/en/locations/workbc%3Ap98`);
    await closeClean(session);
  });

  it('marks an approximate location in words and a French name with lang="fr"', async () => {
    const session = await openMap(VARIANTS.en.path);
    const { page } = session;
    await clickLngLat(page, PANGNIRTUNG);
    const popup = page.locator('.maplibregl-popup');
    await popup.waitFor();
    const name = popup.locator('.repere-popup__name');
    await expect(name.textContent()).resolves.toBe('Bureau communautaire de Pangnirtung');
    await expect(name.getAttribute('lang')).resolves.toBe('fr');
    await expect(popup.locator('.repere-popup__level').textContent()).resolves.toBe('Indigenous');
    await expect(popup.locator('.repere-popup__approximate').textContent()).resolves.toBe(
      'Approximate location',
    );
    await expect(popup.locator('.repere-swatch--hollow').count()).resolves.toBe(1);
    await expect(popup.getByRole('link').getAttribute('href')).resolves.toBe(
      '/en/locations/inuit_community_offices%3AIN30',
    );
    await closeClean(session);
  });

  it('renders a name and address that contain markup as text, never as HTML', async () => {
    const session = await openMap(VARIANTS.en.path);
    const { page } = session;
    await clickLngLat(page, HOSTILE_POINT);
    const popup = page.locator('.maplibregl-popup');
    await popup.waitFor();
    await expect(popup.locator('.repere-popup__name').textContent()).resolves.toBe(HOSTILE_NAME);
    await expect(popup.locator('.repere-popup__address').textContent()).resolves.toBe(
      '<script>window.__xss=2</script><b onmouseover="window.__xss=3">1 Main St</b>',
    );
    await expect(popup.locator('img, script, b').count()).resolves.toBe(0);
    await popup.locator('.repere-popup__address').hover();
    await expect(page.evaluate(() => window.__xss)).resolves.toBeUndefined();
    await expect(popup.getByRole('link').getAttribute('href')).resolves.toBe('/en/locations/test%3Axss');
    expect(requestedPaths).not.toContain('/x');
    await closeClean(session);
  });

  it('French page: French wording, data-bounds, and an English name marked lang="en"', async () => {
    const session = await openMap(`${VARIANTS.fr.path}?niveau=provincial`);
    const { page } = session;
    const directory = process.env['REPERE_SCREENSHOT_DIR'];
    if (directory !== undefined)
      await page.locator('#map').screenshot({ path: join(directory, 'map-fr.png') });
    await expect(page.getByRole('button', { name: 'Utiliser ma position' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Zoom avant' }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('checkbox', { name: 'Communautés des Premières Nations et inuites' }).isChecked(),
    ).resolves.toBe(true);
    // The canvas is a landmark of its own, named apart from the map element (axe landmark-unique).
    await expect(page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).resolves.toBe('Carte interactive');

    // data-bounds (all of Canada) wins over centre/zoom: the whole country is in view.
    const bounds = await page.evaluate(() => window.__map!.getBounds().toArray().flat());
    expect(bounds[0]).toBeLessThan(-141);
    expect(bounds[1]).toBeLessThan(41.7);
    expect(bounds[2]).toBeGreaterThan(-52.6);
    expect(bounds[3]).toBeGreaterThan(83.1);

    await clickLngLat(page, RANKIN_INLET);
    const popup = page.locator('.maplibregl-popup');
    await popup.waitFor();
    await expect(popup.locator('.repere-popup__name').getAttribute('lang')).resolves.toBe('en');
    await expect(popup.locator('.repere-popup__level').textContent()).resolves.toBe('Autochtone');
    await expect(popup.locator('.repere-popup__approximate').textContent()).resolves.toBe(
      'Emplacement approximatif',
    );
    const link = popup.getByRole('link');
    await expect(link.textContent()).resolves.toBe('Détails\u00a0: Rankin Inlet community office');
    await expect(link.locator('span').getAttribute('lang')).resolves.toBe('en');
    await expect(link.getAttribute('href')).resolves.toBe('/fr/emplacements/inuit_community_offices%3AIN33');
    await expect(popup.getByRole('button', { name: 'Fermer' }).count()).resolves.toBe(1);

    // The popup took focus; Escape closes it and gives focus back to the map.
    await expect(
      page.evaluate(() => document.activeElement?.closest('.maplibregl-popup') !== null),
    ).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(popup.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('maplibregl-canvas');
    await closeClean(session);
  });

  it('zooms into a cluster on click, jumping rather than animating under prefers-reduced-motion', async () => {
    const session = await openMap(VARIANTS.en.path);
    const { page } = session;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const { zoom, cluster } = await page.evaluate((layer) => {
      const map = window.__map!;
      window.__zooms = [];
      map.on('zoom', () => window.__zooms!.push(map.getZoom()));
      const [feature] = map.queryRenderedFeatures({ layers: [layer] });
      const coordinates = feature!.geometry.type === 'Point' ? feature!.geometry.coordinates : [];
      return { zoom: map.getZoom(), cluster: coordinates as [number, number] };
    }, POINTS_LAYER_IDS.clusters);
    await clickLngLat(page, cluster);
    // The expansion zoom: where the cluster's points first separate (4 for these four).
    await page.waitForFunction((before) => window.__map!.getZoom() > before + 0.5, zoom);
    // A jump fires one zoom event; a 400 ms ease would fire one per frame.
    await expect(page.evaluate(() => window.__zooms!.length)).resolves.toBe(1);
    await closeClean(session);
  });

  it('the communities checkbox hides and shows the communities layer (mouse and keyboard)', async () => {
    const session = await openMap(VARIANTS.en.path);
    const { page } = session;
    // Distinct ids: a feature on a tile edge is returned once per tile.
    const renderedCommunities = (): Promise<number> =>
      page.evaluate(
        (layer) =>
          new Set(window.__map!.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties['id']))
            .size,
        COMMUNITIES_LAYER_ID,
      );
    const checkbox = page.getByRole('checkbox', { name: 'First Nations and Inuit communities' });
    await expect(checkbox.isChecked()).resolves.toBe(true);
    // 8 of the 10 fixture communities are in view; Inuvik's triangle grazes the top edge and
    // Cambridge Bay is north of it.
    const inView = await renderedCommunities();
    expect(inView).toBeGreaterThanOrEqual(8);
    expect(inView).toBeLessThanOrEqual(9);

    await checkbox.uncheck();
    await expect.poll(renderedCommunities).toBe(0);
    await expect(
      page.evaluate((layer) => window.__map!.getLayoutProperty(layer, 'visibility'), COMMUNITIES_LAYER_ID),
    ).resolves.toBe('none');

    await checkbox.focus();
    await page.keyboard.press('Space');
    await expect(checkbox.isChecked()).resolves.toBe(true);
    await expect.poll(renderedCommunities).toBe(inView);
    await closeClean(session);
  });

  it('"Use my location" reloads the page with lat/lon and without q/postcode/place', async () => {
    const session = await openMap(
      `${VARIANTS.en.path}?q=campbell&postcode=V9W%202P8&place=Campbell+River&level=provincial`,
    );
    const { page } = session;
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.waitForURL(/[?&]lat=/);
    const url = new URL(page.url());
    expect(url.pathname).toBe(VARIANTS.en.path);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      level: 'provincial',
      lat: '49.283',
      lon: '-123.121',
    });
    await page.locator('#map[data-map-state="ready"]').waitFor();
    await closeClean(session);
  });

  it('announces in a live region when the location cannot be had', async () => {
    await context.clearPermissions();
    try {
      const session = await openMap(VARIANTS.en.path);
      const { page } = session;
      await page.getByRole('button', { name: 'Use my location' }).click();
      const status = page.getByRole('status');
      await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
      await page.waitForFunction(
        (text) => document.querySelector('.repere-locate__status')?.textContent === text,
        VARIANTS.en.messages.locationDenied,
      );
      expect(new URL(page.url()).searchParams.has('lat')).toBe(false);
      await closeClean(session);
    } finally {
      await context.grantPermissions(['geolocation']);
    }
  });

  it('Tab walks through the map controls and out of the map; focus is visible', async () => {
    const session = await openMap(VARIANTS.en.path);
    const { page } = session;
    await page.locator('#before-map').focus();
    const visited: string[] = [];
    for (let step = 0; step < 20 && visited.at(-1) !== '#after-map'; step += 1) {
      await page.keyboard.press('Tab');
      visited.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLInputElement;
          if (element.id !== '') return `#${element.id}`;
          const name =
            element.getAttribute('aria-label') ?? element.labels?.[0]?.textContent ?? element.textContent;
          return `${element.tagName.toLowerCase()} ${name ?? ''}`.trim();
        }),
      );
    }
    expect(visited.at(-1)).toBe('#after-map');
    expect(visited).toEqual(
      expect.arrayContaining([
        'canvas Interactive map',
        'button Use my location',
        'button Zoom in',
        'button Zoom out',
        'input First Nations and Inuit communities',
      ]),
    );

    await page.locator('#before-map').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return {
        text: document.activeElement!.textContent,
        style: style.outlineStyle,
        width: style.outlineWidth,
      };
    });
    expect(outline).toEqual({ text: 'Use my location', style: 'solid', width: '3px' });
    await closeClean(session);
  });

  it('gives every control and popup target at least 44 × 44 px', async () => {
    const session = await openMap(VARIANTS.en.path);
    const { page } = session;
    await clickLngLat(page, FORT_ST_JOHN);
    await page.locator('.maplibregl-popup').waitFor();
    const sizes = await page.evaluate(() =>
      [
        '.repere-locate__button',
        '.maplibregl-ctrl-zoom-in',
        '.maplibregl-ctrl-zoom-out',
        '.repere-toggle__label',
        '.maplibregl-popup-close-button',
        '.repere-popup__link',
      ].map((selector) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        return { selector, fits: box.width >= 44 && box.height >= 44 };
      }),
    );
    expect(sizes.filter((size) => !size.fits)).toEqual([]);
    await closeClean(session);
  });

  it('with data-tile-url, requests raster tiles (blocked here) and credits them as text', async () => {
    // A browser of its own: this page is meant to try leaving the machine.
    const tilesContext = await launchChromium({ viewport: VIEWPORT });
    try {
      const blocked = await blockExternalRequests(tilesContext);
      const page = await tilesContext.newPage();
      await page.goto(origin + TILES_VARIANT.path);
      await expect.poll(() => blocked.count).toBeGreaterThan(0);
      expect(
        blocked.urls.filter((url) => !/^https:\/\/tiles\.example\.invalid\/\d+\/\d+\/\d+\.png$/.test(url)),
      ).toEqual([]);
      const attribution = page.locator('.maplibregl-ctrl-attrib-inner');
      await expect.poll(() => attribution.textContent()).toContain('© Example <Tiles> & co');
      await expect(attribution.locator('b, script, img').count()).resolves.toBe(0);
    } finally {
      await tilesContext.close();
    }
  });
});

/**
 * Chromium's software WebGL (SwiftShader, as --disable-gpu gives) logs performance notes such as
 * "GL Driver Message (OpenGL, Performance, …): GPU stall due to ReadPixels" as console warnings.
 * They come from the browser's GL layer, not from page code, so they are not page problems.
 */
function isSoftwareGlNote(text: string): boolean {
  return /^\[\.WebGL-[^\]]+\]GL Driver Message \(OpenGL, Performance,/.test(text);
}

/** Clicks the map at a longitude/latitude, via the map's own projection. */
async function clickLngLat(page: Page, lngLat: [number, number]): Promise<void> {
  const { x, y } = await page.evaluate((coordinates) => {
    const map = window.__map!;
    const point = map.project(coordinates);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, lngLat);
  await page.mouse.click(x, y);
}

/**
 * Decodes a PNG in the page (no image library in Node here) and counts its distinct colours and
 * the pixels within a small distance of each target colour (`#rrggbb`).
 */
async function colourCensus(
  page: Page,
  png: Buffer,
  targets: Record<string, string>,
): Promise<{ distinct: number; counts: Record<string, number> }> {
  return page.evaluate(
    async ({ base64, targets: colours }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const wanted = Object.entries(colours).map(([name, hex]) => ({
        name,
        rgb: [1, 3, 5].map((index) => parseInt(hex.slice(index, index + 2), 16)),
      }));
      const counts: Record<string, number> = Object.fromEntries(wanted.map(({ name }) => [name, 0]));
      const distinct = new Set<number>();
      for (let offset = 0; offset < data.length; offset += 4) {
        const [red, green, blue] = [data[offset]!, data[offset + 1]!, data[offset + 2]!];
        distinct.add((red << 16) | (green << 8) | blue);
        for (const { name, rgb } of wanted) {
          if (Math.abs(red - rgb[0]!) + Math.abs(green - rgb[1]!) + Math.abs(blue - rgb[2]!) <= 12)
            counts[name]! += 1;
        }
      }
      return { distinct: distinct.size, counts };
    },
    { base64: png.toString('base64'), targets },
  );
}

/** Builds public/build with vite.web.config.ts when it is missing or older than src/web. */
async function buildBundleIfStale(): Promise<void> {
  const bundle = join(BUILD_DIR, 'map.js');
  const sources = [
    join(ROOT, 'vite.web.config.ts'),
    ...readdirSync(join(ROOT, 'src/web'))
      .filter((name) => /\.(ts|css)$/.test(name) && !name.endsWith('.test.ts'))
      .map((name) => join(ROOT, 'src/web', name)),
  ];
  const newestSource = Math.max(...sources.map((path) => statSync(path).mtimeMs));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource) return;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.web.config.ts'), logLevel: 'warn' });
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.geojson': 'application/geo+json',
};

/** Serves the harness, the bundle under /assets/, and the GeoJSON of the contract, on 127.0.0.1. */
async function startServer(): Promise<{ server: Server; origin: string; requestedPaths: string[] }> {
  const harness = readFileSync(join(ROOT, 'test/web/harness.html'), 'utf8');
  const pages = new Map(
    [...Object.values(VARIANTS), TILES_VARIANT].map(
      (variant) => [variant.path, harnessPage(harness, variant)] as const,
    ),
  );
  const assets = new Map(readdirSync(BUILD_DIR).map((name) => [`/assets/${name}`, join(BUILD_DIR, name)]));
  const geojson = new Map<string, string>([
    ['/api/v1/map/points.geojson', readFileSync(join(FIXTURES, 'points.geojson'), 'utf8')],
    ['/api/v1/map/communities.geojson', readFileSync(join(FIXTURES, 'communities.geojson'), 'utf8')],
    ['/api/v1/map/boundaries.geojson', boundariesGeoJson()],
  ]);
  const requestedPaths: string[] = [];

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    requestedPaths.push(pathname);
    const page = pages.get(pathname);
    const asset = assets.get(pathname);
    const data = geojson.get(pathname);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (asset !== undefined) {
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(asset)] ?? 'application/octet-stream',
      });
      response.end(readFileSync(asset));
    } else if (data !== undefined) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.geojson']! }).end(data);
    } else if (/^\/(en\/locations|fr\/emplacements)\/[^/]+$/.test(pathname)) {
      const html = `<!doctype html><html lang="${pathname.slice(1, 3)}"><head><meta charset="utf-8"><title>Detail</title><link rel="icon" href="data:,"></head><body><h1>Detail</h1></body></html>`;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, requestedPaths };
}

function harnessPage(template: string, variant: Variant): string {
  const lang = variant.path.slice(1, 3);
  const slots: Record<string, string> = {
    ...variant.slots,
    lang,
    query: `lang=${lang}`,
    messages: JSON.stringify(variant.messages),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`harness.html has a {{${name}}} slot the test does not fill`);
    return escapeHtml(value);
  });
}

/** The 13 Natural Earth provinces/territories with the contract's `province` and `name` properties. */
function boundariesGeoJson(): string {
  const source = JSON.parse(
    readFileSync(join(ROOT, 'data/provinces_territories_ne50m/canada_provinces_ne_50m.geojson'), 'utf8'),
  ) as { features: { geometry: unknown; properties: { province_code: string; name_en: string } }[] };
  return JSON.stringify({
    type: 'FeatureCollection',
    features: source.features.map(({ geometry, properties }) => ({
      type: 'Feature',
      geometry,
      properties: { province: properties.province_code, name: properties.name_en },
    })),
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
