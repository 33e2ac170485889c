// Server-rendered pages, in process (app.inject), on the real bundled data (see page-fixture.ts)
// with the clock fixed at NOW. Expected names and values are those of data/ as shipped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR } from '../../src/http/pages/static-assets.js';
import { HOSTILE, XSS_ID, idOf, openPageFixture, resultsOf, textOf, unescapeHtml } from './page-fixture.js';
import type { PageFixture } from './page-fixture.js';

let fixture: PageFixture;

beforeAll(async () => {
  fixture = await openPageFixture();
});

afterAll(async () => {
  await fixture?.close();
});

async function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const response = await fixture.app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.body, headers: response.headers };
}

async function page(url: string): Promise<string> {
  const response = await get(url);
  expect(response.status, url).toBe(200);
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  return response.body;
}

function h1Of(body: string): string {
  const all = [...body.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)];
  expect(all).toHaveLength(1);
  return textOf(all[0]![1]!);
}

async function levelsOf(hrefs: readonly string[]): Promise<string[]> {
  const points = await fixture.store.getPoints(hrefs.map(idOf));
  return points.map((point) => point.jurisdictionLevel);
}

describe('language negotiation', () => {
  it.each([
    ['fr-CA,fr;q=0.9,en;q=0.8', '/fr/'],
    ['en-CA,en;q=0.9,fr;q=0.8', '/en/'],
    ['de-DE,fr;q=0.5', '/fr/'],
    ['', '/en/'],
  ])(
    'redirects / with Accept-Language %j to %s (302, Vary: Accept-Language)',
    async (acceptLanguage, location) => {
      const response = await get('/', acceptLanguage ? { 'accept-language': acceptLanguage } : {});
      expect(response.status).toBe(302);
      expect(response.headers['location']).toBe(location);
      expect(String(response.headers['vary'])).toMatch(/Accept-Language/i);
    },
  );

  it('gives every page <html lang>, hreflang alternates and a toggle that keeps path and query', async () => {
    const body = await page('/en/search?q=V9W+2P8&jurisdiction=provincial');
    expect(body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(body).toContain(
      '<link rel="alternate" hreflang="fr" href="http://localhost:80/fr/search?q=V9W+2P8&amp;jurisdiction=provincial">',
    );
    expect(body).toContain(
      '<link rel="alternate" hreflang="en" href="http://localhost:80/en/search?q=V9W+2P8&amp;jurisdiction=provincial">',
    );
    expect(body).toContain(
      '<a class="lang-toggle" href="/fr/search?q=V9W+2P8&amp;jurisdiction=provincial" lang="fr" hreflang="fr">Français</a>',
    );
    const fr = await page('/fr/locations/workbc%3Ap1');
    expect(fr).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(fr).toContain(
      '<a class="lang-toggle" href="/en/locations/workbc%3Ap1" lang="en" hreflang="en">English</a>',
    );
  });

  it('has a skip link to <main id="main">, the footer attribution and aria-current on the menu', async () => {
    const body = await page('/fr/');
    expect(body).toContain('<a class="skip-link" href="#main">Passer au contenu principal</a>');
    expect(body).toContain('<main id="main" tabindex="-1" class="container">');
    expect(body).toContain('<li><a href="/fr/" aria-current="page">Trouver des services</a></li>');
    expect(body).toContain('Noms de lieux et coordonnées\u00a0: GeoNames (geonames.org), CC BY 4.0.');
    expect(body).toContain('Licence du gouvernement ouvert – Canada');
    expect(body).toContain('Limites du fond de carte\u00a0: réalisé avec Natural Earth');
    expect(body).toContain('<a href="/fr/sources">Toutes les sources de données et leurs licences</a>');
    const en = await page('/en/sources');
    expect(en).toContain('<li><a href="/en/sources" aria-current="page">Data sources</a></li>');
    expect(en).toContain('Place names and coordinates: GeoNames (geonames.org), CC BY 4.0.');
    expect(en).toContain('includes information copied with permission from Canada Post Corporation.');
    expect(en).toContain(
      'WorkBC centre data: Province of British Columbia (Apache-2.0 repository bcgov/workbc-wage-subsidy).',
    );
  });
});

describe('home and search', () => {
  it('home: the form with labelled controls and fieldsets, no map and no script', async () => {
    const body = await page('/en/');
    expect(h1Of(body)).toBe('Find government services near you');
    expect(body).toContain('<form class="search-form" action="/en/search" method="get" role="search"');
    expect(body).toContain('<label for="q">Place, postal code or keywords</label>');
    expect(body).toContain('<legend>Order of government</legend>');
    expect(body).toContain('<legend>How the service is offered</legend>');
    expect(body).toContain('<label for="channel-digital">Online</label>');
    expect(body).toContain('<option value="employment">Employment services</option>');
    // Types without public service points are not offered: they would always find nothing.
    expect(body).not.toContain('value="federal_office"');
    expect(body).not.toContain('value="health"');
    expect(body).not.toContain('<script');
    expect(body).not.toContain('id="map"');
    // Every control has a label (ids of inputs/selects all have a <label for>).
    const ids = [...body.matchAll(/<(?:input|select)[^>]* id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBe(13);
    for (const id of ids) expect(body).toContain(`<label for="${id}">`);
    const fr = await page('/fr/search');
    expect(h1Of(fr)).toBe('Trouver des services gouvernementaux près de chez vous');
    expect(fr).toContain('<option value="employment">Services d&#39;emploi</option>');
  });

  it('postal code V9W 2P8: WorkBC Centre - Campbell River first, sorted by distance, with the map', async () => {
    const body = await page('/en/search?q=V9W+2P8');
    expect(h1Of(body)).toMatch(/^[\d,]+ results near V9W 2P8$/);
    const results = resultsOf(body);
    expect(results).toHaveLength(10);
    expect(results[0]).toEqual({
      href: '/en/locations/workbc%3Ap1',
      name: 'WorkBC Centre - Campbell River',
      lang: null,
    });
    expect(results.slice(0, 3).map((r) => r.name)).toEqual([
      'WorkBC Centre - Campbell River',
      'Campbell River Branch',
      'Campbell River Service Canada Centre',
    ]);
    const distances = [
      ...body.matchAll(/<strong class="result__distance">(?:About )?([\d.,]+)\u00a0km away<\/strong>/g),
    ].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(distances).toHaveLength(10);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // The first result: open status, phone as tel: (fax left for the detail page), website, language.
    const start = body.indexOf('<li class="result">');
    const first = body.slice(start, body.indexOf('</li>', start));
    expect(first).toContain('<strong class="result__distance">0.0\u00a0km away</strong>');
    expect(first).toContain('<span class="visually-hidden">Order of government: </span>Provincial</span>');
    expect(first).toContain('<p class="status status--open">Open now · closes at 6 p.m.</p>');
    expect(first).toContain('<dd>920 Alder Street, Campbell River, BC\u00a0\u00a0V9W 2P8</dd>');
    expect(first).toContain('<a href="tel:+12502863441" class="nowrap">250-286-3441</a>');
    expect(first).not.toContain('250-286-3447');
    expect(first).toContain(
      '<a href="https://workbc.ca/WorkBC-Centres/Vancouver-Island-Coast/Campbell-River.aspx" class="break">workbc.ca</a>',
    );
    expect(first).toContain('<dt>Languages</dt><dd>English</dd>');
    // The Service Canada centre is placed at its FSA centroid: said so, distance "about".
    expect(body).toContain('<strong class="result__distance">About 2.1\u00a0km away</strong>');
    expect(body).toContain('<p class="note">Approximate location: centre of the postal code area V9W</p>');
    expect(body).toContain('<p class="status status--unknown">Hours unknown</p>');
    // The map comes after the list, hidden until its script runs, and the page loads it.
    expect(body.indexOf('id="map"')).toBeGreaterThan(body.indexOf('</ol>'));
    expect(body).toMatch(/<script type="module" src="\/assets\/map\.js(\?v=\w+)?"><\/script>/);
    expect(body).toMatch(/<link rel="stylesheet" href="\/assets\/map\.css(\?v=\w+)?">/);
    const map = /<div id="map"[^>]*><\/div>/.exec(body)![0];
    expect(map).toContain(
      'class="map" role="region" aria-label="Map of the service points listed" hidden data-lang="en"',
    );
    expect(map).toContain(
      'data-points-url="/api/v1/map/points.geojson?lat=50.024061&amp;lon=-125.243489&amp;lang=en"',
    );
    expect(map).toContain('data-boundaries-url="/api/v1/map/boundaries.geojson?lang=en"');
    expect(map).toContain('data-communities-url="/api/v1/map/communities.geojson?lang=en"');
    expect(map).toContain(
      'data-detail-base="/en/locations/" data-tile-url="" data-center="-125.24349,50.02406" data-zoom="9"',
    );
    const messages = JSON.parse(unescapeHtml(/data-messages="([^"]*)"/.exec(map)![1]!)) as Record<
      string,
      string
    >;
    expect(messages).toEqual({
      useMyLocation: 'Use my location',
      communities: 'First Nations and Inuit communities',
      detail: 'Details',
      approximate: 'Approximate location',
      locating: 'Locating…',
      locationDenied: 'Your location could not be found.',
      federal: 'Federal',
      provincial: 'Provincial',
      territorial: 'Territorial',
      municipal: 'Municipal',
      indigenous: 'Indigenous',
      other: 'Other organization',
    });
  });

  it('place Iqaluit in French: a point in Iqaluit first, French labels, lang on English-only names', async () => {
    const body = await page('/fr/search?q=Iqaluit');
    expect(body).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(h1Of(body)).toMatch(/^\d[\d\s]* résultats près de Iqaluit, NU$/);
    const results = resultsOf(body);
    const [first] = await fixture.store.getPoints([idOf(results[0]!.href)]);
    expect(first!.address.city).toBe('Iqaluit');
    expect(results[0]).toEqual({
      href: '/fr/locations/service_canada%3A4936',
      name: 'Iqaluit Service Canada Centre',
      lang: 'en',
    });
    // The test's hostile record sits 10 m away, so the community office is third.
    expect(results[2]).toEqual({
      href: '/fr/locations/inuit_community_offices%3AIN14',
      name: 'Bureau communautaire de Iqaluit',
      lang: null,
    });
    expect(body).toContain('<label for="q">Lieu, code postal ou mots-clés</label>');
    expect(body).toContain('<button type="submit" class="button">Rechercher</button>');
    expect(body).toContain('Triés selon la distance, du plus proche au plus éloigné.');
    expect(body).toContain('<p class="note">Emplacement approximatif\u00a0: centre de la localité</p>');
    expect(body).toContain('<strong class="result__distance">À environ 0,0\u00a0km</strong>');
    expect(body).toContain('<dt>Langues</dt><dd>inuktitut, anglais</dd>');
    expect(body).toContain('aria-label="Carte des points de service de la liste"');
    expect(body).toContain('&quot;useMyLocation&quot;:&quot;Utiliser ma position&quot;');
    expect(body).toContain('&quot;locationDenied&quot;:&quot;Votre position n’a pas pu être trouvée.&quot;');
  });

  it('keywords "emploi": employment services by relevance, and near a place by distance', async () => {
    const body = await page('/fr/search?q=emploi');
    expect(h1Of(body)).toMatch(/^\d+ résultats pour « emploi »$/);
    expect(body).toContain('Triés par pertinence.');
    // Keywords with no place: "More options" is open so the near box is in view.
    expect(body).toContain('<details class="options" open>');
    const results = resultsOf(body);
    expect(results).toHaveLength(10);
    const points = await fixture.store.getPoints(results.map((r) => idOf(r.href)));
    expect(points.every((point) => point.serviceTypes.includes('employment'))).toBe(true);
    expect(body).not.toContain('class="result__distance"');

    const near = await page('/en/search?q=emploi&near=Campbell+River');
    expect(h1Of(near)).toMatch(/^\d+ results for “emploi” near Campbell River, BC$/);
    expect(resultsOf(near)[0]!.name).toBe('WorkBC Centre - Campbell River');
    expect(near).toContain(
      'data-points-url="/api/v1/map/points.geojson?q=emploi&amp;lat=50.01634&amp;lon=-125.24459&amp;lang=en"',
    );
  });

  it('filters: municipal only, channel, service type and open now', async () => {
    const municipal = await page('/en/search?q=Toronto&jurisdiction=municipal');
    const results = resultsOf(municipal);
    expect(results).toHaveLength(10);
    expect(new Set(await levelsOf(results.map((r) => r.href)))).toEqual(new Set(['municipal']));
    expect(municipal).toContain(
      '<input type="checkbox" id="jurisdiction-municipal" name="jurisdiction" value="municipal" checked>',
    );
    expect(municipal).toContain('<summary>More options (1 selected)</summary>');
    expect(municipal).toContain('1 filter is on.');

    const two = resultsOf(await page('/en/search?q=Toronto&jurisdiction=federal&jurisdiction=provincial'));
    expect(new Set(await levelsOf(two.map((r) => r.href)))).toEqual(new Set(['federal', 'provincial']));

    const outreach = resultsOf(await page('/en/search?q=Yellowknife&channel=outreach'));
    const outreachPoints = await fixture.store.getPoints(outreach.map((r) => idOf(r.href)));
    expect(outreachPoints.length).toBeGreaterThan(0);
    expect(outreachPoints.every((point) => point.channel === 'outreach')).toBe(true);

    const passports = await page('/fr/search?q=Gatineau&service_type=passport');
    expect(passports).toContain('<option value="passport" selected>Passeports</option>');
    const passportPoints = await fixture.store.getPoints(resultsOf(passports).map((r) => idOf(r.href)));
    expect(passportPoints.every((point) => point.serviceTypes.includes('passport'))).toBe(true);

    // 11:00 on a Wednesday in Vancouver: only places whose hours say so.
    const open = await page('/en/search?q=V9W+2P8&open_now=true');
    expect(open).toContain('Showing only places whose published hours say they are open now.');
    const statuses = [...open.matchAll(/<p class="status status--(\w+)">/g)].map((m) => m[1]);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['open']));
  });

  it('pages by 10 with previous/next links that keep the query, and "page 2 of N"', async () => {
    const body = await page('/en/search?q=emploi&jurisdiction=provincial&page=2');
    const status = /<p class="paging__status">Page 2 of (\d+)<\/p>/.exec(body);
    expect(status).not.toBeNull();
    const pages = Number(status![1]);
    expect(pages).toBeGreaterThan(2);
    expect(body).toContain('<ol class="results-list" start="11">');
    expect(body).toContain(
      '<a href="/en/search?q=emploi&amp;jurisdiction=provincial" rel="prev">Previous page</a>',
    );
    expect(body).toContain(
      '<a href="/en/search?q=emploi&amp;jurisdiction=provincial&amp;page=3" rel="next">Next page</a>',
    );
    expect(body).toContain(
      '<a href="/en/search?q=emploi&amp;jurisdiction=provincial&amp;page=2" aria-current="page">',
    );
    const first = resultsOf(await page('/en/search?q=emploi&jurisdiction=provincial'));
    const second = resultsOf(body);
    expect(second).toHaveLength(10);
    expect(second.filter((r) => first.some((f) => f.href === r.href))).toEqual([]);
    // Past the end: the last page.
    const past = await page('/en/search?q=emploi&jurisdiction=provincial&page=299');
    expect(past).toContain(`<p class="paging__status">Page ${pages} of ${pages}</p>`);
    expect(past).not.toContain('rel="next"');
  });

  it('a position (lat/lon, as "use my location" sets it) sorts by distance from it', async () => {
    const body = await page('/en/search?lat=50.0240613&lon=-125.2434889');
    expect(h1Of(body)).toMatch(/^[\d,]+ results near your location$/);
    expect(resultsOf(body)[0]!.name).toBe('WorkBC Centre - Campbell River');
  });

  it('the near box alone is the place', async () => {
    const body = await page('/fr/search?q=&near=Iqaluit');
    expect(h1Of(body)).toMatch(/^\d[\d\s]* résultats près de Iqaluit, NU$/);
    expect(resultsOf(body)[0]!.name).toBe('Iqaluit Service Canada Centre');
  });

  it('no results: a helpful message, and a link to search again without the filters', async () => {
    const body = await page('/en/search?q=Iqaluit&jurisdiction=territorial&channel=phone');
    expect(h1Of(body)).toBe('No results near Iqaluit, NU');
    expect(body).toContain('Check the spelling, try a nearby town or a postal code, or use fewer keywords.');
    expect(body).toContain('<a href="/en/search?q=Iqaluit">Search again without filters</a>');
    const words = await page('/fr/search?q=zzzxqj');
    expect(h1Of(words)).toBe('Aucun résultat pour « zzzxqj »');
  });

  it('an unknown postal code is an error in text, tied to the field, not by colour alone', async () => {
    const body = await page('/en/search?q=X9X+9X9');
    expect(h1Of(body)).toBe('Your search could not be done');
    expect(body).toMatch(/<title>Error: Your search could not be done – Repère<\/title>/);
    expect(body).toContain('<h2 id="error-summary-heading">There is a problem with your search</h2>');
    expect(body).toContain(
      '<li><a href="#q">We could not find the postal code X9X 9X9. Check it, or type the name of your town.</a></li>',
    );
    expect(body).toContain(
      '<p class="error-message" id="q-error"><strong>Error:</strong> We could not find the postal code X9X 9X9.',
    );
    expect(body).toContain('aria-describedby="q-hint q-error" aria-invalid="true"');
    expect(resultsOf(body)).toEqual([]);
    expect(body).not.toContain('id="map"');

    const fr = await page('/fr/search?q=');
    expect(fr).toContain('<strong>Erreur\u00a0:</strong> Tapez un lieu, un code postal ou des mots-clés.');

    const near = await page('/en/search?q=emploi&near=Qwxzzy');
    expect(near).toContain(
      '<p class="error-message" id="near-error"><strong>Error:</strong> We could not find the place “Qwxzzy”.',
    );
    expect(near).toContain('aria-describedby="near-hint near-error" aria-invalid="true"');
    expect(resultsOf(near)).toHaveLength(10);
  });
});

describe('location detail', () => {
  it('shows everything known about WorkBC Centre - Campbell River', async () => {
    const body = await page('/en/locations/workbc%3Ap1');
    expect(h1Of(body)).toBe('WorkBC Centre - Campbell River');
    expect(body).toContain('<title>WorkBC Centre - Campbell River – Repère</title>');
    expect(body).toContain('<p class="status status--open">Open now · closes at 6 p.m.</p>');
    expect(body).toContain(
      '<div><dt>Phone</dt><dd><a href="tel:+12502863441" class="nowrap">250-286-3441</a></dd></div>',
    );
    expect(body).toContain(
      '<div><dt>Fax</dt><dd><a href="tel:+12502863447" class="nowrap">250-286-3447</a></dd></div>',
    );
    expect(body).toContain(
      '<a href="mailto:centre-campbellriver@workbc.ca" class="break">centre-campbellriver@workbc.ca</a>',
    );
    expect(body).toContain('<tr><th scope="row">Monday</th><td>8:30 a.m. to 4:30 p.m.</td></tr>');
    expect(body).toContain('<tr><th scope="row">Wednesday</th><td>8:30 a.m. to 6 p.m.</td></tr>');
    expect(body).toContain('<tr><th scope="row">Sunday</th><td>Closed</td></tr>');
    expect(body).toContain('<p>Time zone: Pacific Time (America/Vancouver)</p>');
    expect(body).toContain('<p>Closed on statutory holidays.</p>');
    expect(body).toContain(
      '<q>8:30 am to 4:30 pm Monday, Tuesday, Thursday, Friday; 8:30 am to 6:00 pm Wednesday; Statutory Holidays - Closed</q>',
    );
    expect(body).toContain('<div><dt>Order of government</dt><dd>Provincial government</dd></div>');
    expect(body).toContain('<div><dt>Services</dt><dd>Employment services</dd></div>');
    expect(body).toContain('<div><dt>Official-language designation</dt><dd>English</dd></div>');
    expect(body).toContain('<p>Located at the building, from the coordinates published by the source.</p>');
    expect(body).toContain('<div><dt>Source</dt><dd>WorkBC Centres (2021)</dd></div>');
    expect(body).toContain('<div><dt>Licence</dt><dd>Apache-2.0</dd></div>');
    expect(body).toContain('<div><dt>Retrieved</dt><dd>January 1, 2021</dd></div>');
    expect(body).toContain('<div><dt>Last verified</dt><dd>Never verified</dd></div>');
    // Nearby: five points, none provincial, with distances.
    const nearby = body.slice(
      body.indexOf('<ol class="nearby">'),
      body.indexOf('</ol>', body.indexOf('<ol class="nearby">')),
    );
    const hrefs = [...nearby.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs).toHaveLength(5);
    expect((await levelsOf(hrefs)).includes('provincial')).toBe(false);
    expect(nearby).toContain(
      '>Campbell River Branch</a> <span class="nearby__facts">Municipal · 0.4\u00a0km away</span>',
    );
    expect(nearby).toContain(
      '<a href="/en/locations/service_canada%3A5920">Campbell River Service Canada Centre</a> <span class="nearby__facts">Federal · About 2.1\u00a0km away</span>',
    );
    // The map, on the point and its neighbours within 25 km (Campbell River, Quadra Island, Cortes Island).
    expect(body).toContain(
      'data-center="-125.24349,50.02406" data-zoom="13" data-bounds="-125.27162,49.99634,-124.95672,50.1111"',
    );
    expect(body).toContain('aria-label="Map of this service point and its neighbours"');
    // Report a correction: subject and body prefilled, encoded.
    const mailto = unescapeHtml(/<a class="button button--secondary" href="([^"]+)"/.exec(body)![1]!);
    const url = new URL(mailto);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('corrections@repere.example');
    expect(url.searchParams.get('subject')).toBe('Correction: WorkBC Centre - Campbell River (workbc:p1)');
    expect(url.searchParams.get('body')).toBe(
      'Service point: WorkBC Centre - Campbell River\r\nIdentifier: workbc:p1\r\nPage: http://localhost:80/en/locations/workbc%3Ap1\r\n\r\nWhat should be corrected:\r\n',
    );
  });

  it('in French: both names, licence unclear flagged, approximate location explained', async () => {
    const inuit = await page('/fr/locations/inuit_community_offices%3AIN14');
    expect(h1Of(inuit)).toBe('Bureau communautaire de Iqaluit');
    expect(inuit).toContain(
      '<p class="other-name">Nom en anglais\u00a0: <span lang="en">Iqaluit community office</span></p>',
    );
    expect(inuit).toContain('<dt>Ordre de gouvernement</dt><dd>Gouvernement ou communauté autochtone</dd>');
    expect(inuit).toContain('<dd>29 mars 2019</dd>');
    expect(inuit).toContain('La source ne publie pas les heures d’ouverture de ce lieu.');

    const sc = await page('/fr/locations/service_canada%3A5920');
    expect(h1Of(sc)).toBe('Campbell River Service Canada Centre');
    expect(sc).toContain('<h1 lang="en">Campbell River Service Canada Centre</h1>');
    expect(sc).toContain(
      '<dd><strong class="flag">Licence incertaine</strong> L’éditeur n’indique aucune licence pour ces données.</dd>',
    );
    expect(sc).toContain('<p class="note">Emplacement approximatif\u00a0: centre de la zone postale V9W</p>');
    expect(sc).toContain(
      'La source ne donne pas de position exacte\u00a0: le point sur la carte et les distances sont des estimations.',
    );
    expect(sc).toContain('<dd>Jamais vérifié</dd>');
    expect(sc).toContain('data-zoom="11"');
  });

  it('links a partner location to its partnership (Picton: shared Service Canada / ServiceOntario office)', async () => {
    const response = await get('/en/locations/service_canada%3A3220');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<h2 id="partnerships">Partnerships between governments here</h2>');
    expect(response.body).toMatch(/<a href="\/en\/partnerships#picton-shared-office">[^<]+<\/a>/);
    const other = await get('/fr/locations/workbc%3Ap1');
    expect(other.body).not.toContain('id="partnerships"');
  });

  it('answers 404 in the page language for an unknown id, and for unknown pages', async () => {
    for (const [url, lang, text] of [
      ['/en/locations/nope%3A1', 'en', 'We could not find this service point.'],
      ['/fr/locations/nope%3A1', 'fr', 'Nous n’avons pas trouvé ce point de service.'],
      ['/fr/nulle-part', 'fr', 'Nous n’avons pas trouvé cette page.'],
    ] as const) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.body).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
      expect(response.body).toContain(text);
    }
  });

  it('does not show candidate sites (federal office buildings) as public pages', async () => {
    const [building] = await fixture.store
      .listPoints({ roles: ['candidate_site'], limit: 1, offset: 0 })
      .then((r) => r.items);
    expect((await get(`/en/locations/${encodeURIComponent(building!.id)}`)).status).toBe(404);
  });
});

describe('sources page (data stewards)', () => {
  it('gives every bundled source its quality figures, in both languages', async () => {
    const en = await page('/en/sources');
    expect(en).toContain('<h2 id="source-workbc">WorkBC Centres (2021)</h2>');
    expect(en).toContain('<caption>Quality figures of WorkBC Centres (2021)</caption>');
    expect(en).toContain('<tr><th scope="row">With a phone number</th><td>102 (100.0%)</td></tr>');
    expect(en).toContain('<tr><th scope="row">Rows rejected</th><td>72</td></tr>');
    expect(en).toContain('<h2 id="municipal-gaps">Places without a municipal source</h2>');
    for (const id of ['service_canada', 'workbc', 'ns_works', 'serviceontario', 'healthcare', 'federal_buildings']) {
      expect(en, id).toContain(`id="source-${id}"`);
    }
    const fr = await page('/fr/sources');
    expect(fr).toContain('<caption>Indicateurs de qualité de WorkBC Centres (2021)</caption>');
    expect(fr).toContain('<tr><th scope="row">Avec un numéro de téléphone</th>');
  });
});

describe('escaping of open data and of what users type', () => {
  const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

  function expectNoMarkupFromData(body: string): void {
    expect(body).not.toContain(HOSTILE);
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<svg');
    expect(body).not.toContain('<b onclick');
    expect(body).not.toContain('<i>licence');
    expect(body).not.toMatch(/(?:href|src|action)=["']?\s*javascript:/i);
    // No tag carries an event-handler attribute (quoted values, where escaped text may say
    // "onerror=", are taken out first).
    const handlers = [...body.matchAll(/<[a-z][^>]*>/gi)]
      .map((tag) => tag[0].replace(/"[^"]*"|'[^']*'/g, '""'))
      .filter((tag) => /\son\w+\s*=/i.test(tag));
    expect(handlers).toEqual([]);
  }

  it('renders the hostile record as text in the list, the detail page (title too) and the source page', async () => {
    const list = await page('/en/search?q=onerror');
    expectNoMarkupFromData(list);
    expect(resultsOf(list).find((r) => r.href === `/en/locations/${encodeURIComponent(XSS_ID)}`)?.name).toBe(
      HOSTILE,
    );
    expect(list).toContain(`>${ESCAPED}</a></h3>`);

    const detail = await page(`/en/locations/${encodeURIComponent(XSS_ID)}`);
    expectNoMarkupFromData(detail);
    expect(detail).toContain(`<title>${ESCAPED} – Repère</title>`);
    expect(detail).toContain(`<h1>${ESCAPED}</h1>`);
    expect(detail).toContain('<q>Mon-Fri 9 am to 5 pm; &lt;b onclick=alert(6)&gt;holidays&lt;/b&gt;</q>');
    expect(detail).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;, Iqaluit');
    expect(detail).toContain('<dd>&lt;i&gt;licence&lt;/i&gt;</dd>');
    // A javascript: website is not linked at all.
    expect(detail).not.toContain('<dt>Website</dt>');
    const mailto = unescapeHtml(/<a class="button button--secondary" href="([^"]+)"/.exec(detail)![1]!);
    expect(new URL(mailto).searchParams.get('subject')).toBe(`Correction: ${HOSTILE} (${XSS_ID})`);

    const sources = await page('/en/sources');
    expectNoMarkupFromData(sources);
    expect(sources).toContain(`<h2 id="source-xss_fixture">${ESCAPED} source</h2>`);

    // On a neighbour's page (the Iqaluit Service Canada Centre), in its list of nearby points.
    const nearby = await page('/en/locations/service_canada%3A4936');
    expect(nearby).toContain(`>${ESCAPED}</a> <span class="nearby__facts">Municipal`);
    expectNoMarkupFromData(nearby);
  });

  it('escapes what is typed in the title, heading, input, toggle link and map data attributes', async () => {
    const typed = `"><script>alert(1)</script>`;
    const body = await page(
      `/en/search?q=${encodeURIComponent(typed)}&near=${encodeURIComponent(`'><img src=x onerror=alert(1)>`)}`,
    );
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(body).toContain('href="/fr/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&amp;near=');
    expect(h1Of(body)).toContain('“"><script>alert(1)</script>”');
  });
});

describe('assets and weight', () => {
  it('serves the stylesheet from public/css with a long cache and links it with a version', async () => {
    const response = await get('/assets/css/site.css');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/css/);
    expect(response.headers['cache-control']).toBe('public, max-age=604800');
    const body = await page('/en/');
    expect(body).toMatch(/<link rel="stylesheet" href="\/assets\/css\/site\.css\?v=[0-9a-f]{10}">/);
    expect((await get('/assets/css/nothing.css')).status).toBe(404);
  });

  it('keeps the results page under 60 KB gzipped without the map, and reports the weight with it', async () => {
    const body = await page('/en/search?q=V9W+2P8');
    const css = readFileSync(new URL('../../public/css/site.css', import.meta.url));
    const pageBytes = gzipSync(body).length;
    const cssBytes = gzipSync(css).length;
    expect(pageBytes + cssBytes).toBeLessThan(60_000);
    const fr = await page('/fr/search?q=emploi&near=Gatineau');
    expect(gzipSync(fr).length + cssBytes).toBeLessThan(60_000);
    const mapFiles = ['map.js', 'map.css', 'maplibre-gl-worker.js'].map((name) => join(BUILD_DIR, name));
    if (mapFiles.every((file) => existsSync(file))) {
      const mapBytes = mapFiles.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
      // Reported, not bounded: the map bundle belongs to src/web (MapLibre alone is ~290 KB).
      console.info(
        `results page ${pageBytes} B + css ${cssBytes} B gzip; with the map bundle ${pageBytes + cssBytes + mapBytes} B`,
      );
      expect(mapBytes).toBeGreaterThan(0);
    }
  });
});
