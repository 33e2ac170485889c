// The analysis API and the analyst pages in-process (app.inject) on the bundled dataset (data/,
// built into a temporary SQLite file as `repere build-default` does): sign-in with its CSRF
// token, sessions, the 401 and 303 a visitor gets, exact figures (those of bundled.test.ts and
// README.md "Analysis"), downloads, and 400s that name the parameter.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCoverage } from '../../src/analysis/coverage.js';
import { loadAnalysisInputs } from '../../src/analysis/load-inputs.js';
import { addUser } from '../../src/auth/user-accounts.js';
import { buildApp } from '../../src/http/app.js';
import { buildDefaultDataset } from '../../src/ingest/build-default.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const ANALYST = 'ana.analyst@example.gc.ca';
const PASSWORD = 'correct horse battery staple';
const FORM = 'application/x-www-form-urlencoded';

let tmp: string;
let store: SqliteStore;
let app: FastifyInstance;
/** The app's clock, moved by the session-expiry test. */
let clock = new Date('2026-01-14T17:00:00Z');

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-analysis-http-'));
  store = SqliteStore.open(join(tmp, 'default.db'));
  await buildDefaultDataset(store, resolve('data'));
  // The code path of `repere user add`.
  await addUser(store, ANALYST, PASSWORD);
  app = await buildApp({
    store,
    rateLimitPerMinute: 0,
    now: () => clock,
    auth: { signInAttempts: { perAccount: 50, perClient: 100, windowMinutes: 15 } },
    // As deployed behind one TLS-terminating proxy (REPERE_TRUST_PROXY=1).
    trustProxy: 1,
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The `name=value` of a Set-Cookie header, or null. */
function cookieOf(
  response: LightMyRequestResponse,
  name: string,
): { pair: string; attributes: string } | null {
  const headers = response.headers['set-cookie'];
  const all = headers === undefined ? [] : Array.isArray(headers) ? headers : [headers];
  const found = all.find((h) => h.startsWith(`${name}=`));
  if (!found) return null;
  const [pair, ...rest] = found.split(';');
  return { pair: pair!, attributes: rest.join(';') };
}

/** The sign-in form as a browser gets it: its nonce cookie and CSRF token. */
async function signInForm(
  target: FastifyInstance = app,
  path = '/en/signin',
): Promise<{ cookie: string; csrf: string }> {
  const response = await target.inject({ url: path });
  expect(response.statusCode).toBe(200);
  const csrf = /name="csrf" value="([^"]+)"/.exec(response.body)?.[1];
  const cookie = cookieOf(response, 'repere_signin')?.pair;
  expect(csrf).toMatch(/^[\w-]{43}$/);
  expect(cookie).toBeDefined();
  return { cookie: cookie!, csrf: csrf! };
}

async function postSignIn(
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  target: FastifyInstance = app,
): Promise<LightMyRequestResponse> {
  return target.inject({
    method: 'POST',
    url: '/en/signin',
    headers: { 'content-type': FORM, ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** Signs in as the analyst; returns the session cookie (`repere_session=…`). */
async function signIn(target: FastifyInstance = app): Promise<string> {
  const form = await signInForm(target);
  const response = await postSignIn(
    { csrf: form.csrf, email: ANALYST, password: PASSWORD },
    { cookie: form.cookie },
    target,
  );
  expect(response.statusCode).toBe(303);
  return cookieOf(response, 'repere_session')!.pair;
}

const errorSummary = (body: string): string =>
  /<section class="error-summary"[\s\S]*?<\/section>/.exec(body)?.[0].replace(/\s+/g, ' ') ?? '';

describe('a visitor who is not signed in', () => {
  it('gets 401 JSON from every analysis endpoint, before any parameter is checked', async () => {
    for (const path of ['coverage', 'access', 'gaps', 'colocation', 'siting']) {
      for (const query of ['', '?radius_km=0&format=csv']) {
        const response = await app.inject({ url: `/api/v1/analysis/${path}${query}` });
        expect(response.statusCode, path).toBe(401);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.json()).toEqual({
          error: {
            status: 401,
            code: 'unauthorized',
            message:
              'The analysis API is for signed-in analysts: sign in at /en/signin (/fr/signin), then call it from the same browser session.',
          },
        });
      }
    }
  });

  it('is sent to sign in (303) from the analysis page, and brought back to the same analysis', async () => {
    const response = await app.inject({ url: '/en/analysis?radius_km=25&layers=service_canada' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(
      '/en/signin?next=%2Fen%2Fanalysis%3Fradius_km%3D25%26layers%3Dservice_canada',
    );
    const french = await app.inject({ url: '/fr/analysis' });
    expect(french.headers.location).toBe('/fr/signin?next=%2Ffr%2Fanalysis');
    const form = await app.inject({ url: response.headers.location as string });
    expect(form.body).toContain(
      '<input type="hidden" name="next" value="/en/analysis?radius_km=25&amp;layers=service_canada">',
    );
  });

  it('is rate-limited like the rest of /api', async () => {
    const limited = await buildApp({ store, rateLimitPerMinute: 2, now: () => clock });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await limited.inject({ url: '/api/v1/analysis/coverage' })).statusCode);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('cannot get in with a made-up or tampered session cookie', async () => {
    const session = await signIn();
    const [name, value] = session.split('=');
    const [id, signature] = value!.split('.');
    for (const cookie of [
      `${name}=${id}`,
      `${name}=${id}.${'A'.repeat(signature!.length)}`,
      `${name}=${'x'.repeat(43)}.${signature}`,
      `repere_session=${createHash('sha256').update(id!).digest('hex')}`,
    ]) {
      const response = await app.inject({ url: '/api/v1/analysis/coverage', headers: { cookie } });
      expect(response.statusCode, cookie).toBe(401);
    }
  });
});

describe('signing in', () => {
  it('serves a form with a CSRF token tied to an HttpOnly, SameSite=Strict nonce cookie, never cached', async () => {
    const response = await app.inject({ url: '/fr/signin' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(cookieOf(response, 'repere_signin')?.attributes).toBe(
      ' Max-Age=3600; Path=/; HttpOnly; SameSite=Strict',
    );
    expect(response.body).toContain('<form class="signin-form" method="post" action="/fr/signin">');
    expect(response.body).toContain('autocomplete="current-password"');
  });

  it('refuses a POST without the token, with a token of another form, or from another site (403), and starts no session', async () => {
    const form = await signInForm();
    const other = await signInForm();
    const attempts: [Record<string, string>, Record<string, string>][] = [
      [{ email: ANALYST, password: PASSWORD }, { cookie: form.cookie }],
      [{ csrf: form.csrf, email: ANALYST, password: PASSWORD }, {}],
      [{ csrf: other.csrf, email: ANALYST, password: PASSWORD }, { cookie: form.cookie }],
      [
        { csrf: form.csrf, email: ANALYST, password: PASSWORD },
        { cookie: form.cookie, origin: 'https://evil.example' },
      ],
      [
        { csrf: form.csrf, email: ANALYST, password: PASSWORD },
        { cookie: form.cookie, 'sec-fetch-site': 'cross-site' },
      ],
    ];
    for (const [fields, headers] of attempts) {
      const response = await postSignIn(fields, headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(cookieOf(response, 'repere_session')).toBeNull();
      expect(errorSummary(response.body)).toContain(
        'The form had expired or did not come from this site. Please try again.',
      );
    }
  });

  it('answers a wrong password and an unknown address with the same generic message (401)', async () => {
    const form = await signInForm();
    const wrong = await postSignIn(
      { csrf: form.csrf, email: ANALYST, password: 'not the password' },
      { cookie: form.cookie },
    );
    const unknown = await postSignIn(
      { csrf: form.csrf, email: 'nobody@example.gc.ca', password: PASSWORD },
      { cookie: form.cookie },
    );
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(cookieOf(response, 'repere_session')).toBeNull();
      expect(response.body).not.toContain('not the password');
      expect(response.body).not.toContain(PASSWORD);
    }
    expect(errorSummary(wrong.body)).toBe(errorSummary(unknown.body));
    expect(errorSummary(wrong.body)).toContain('The email address or the password is incorrect.');
    // The address is kept in the form, so it is typed once.
    expect(wrong.body).toContain(`value="${ANALYST}"`);
  });

  it('starts a session on the right password: a new random id, signed, HttpOnly, SameSite=Lax; only its hash is stored', async () => {
    const form = await signInForm();
    const response = await postSignIn(
      {
        csrf: form.csrf,
        email: 'Ana.Analyst@Example.GC.ca',
        password: PASSWORD,
        next: '/fr/analysis?radius_km=25',
      },
      { cookie: form.cookie },
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/fr/analysis?radius_km=25');
    const session = cookieOf(response, 'repere_session')!;
    expect(session.attributes).toBe(' Max-Age=28800; Path=/; HttpOnly; SameSite=Lax');
    const [id] = session.pair.slice('repere_session='.length).split('.');
    expect(id).toMatch(/^[\w-]{43}$/);
    const stored = await store.getSession(
      createHash('sha256').update(id!).digest('hex'),
      clock.toISOString(),
    );
    expect(stored).toMatchObject({ email: ANALYST, expiresAt: '2026-01-15T01:00:00.000Z' });
    expect(await store.getSession(id!, clock.toISOString())).toBeNull();
  });

  it('ends the browser’s previous session when it signs in again', async () => {
    const first = await signIn();
    const form = await signInForm();
    const response = await postSignIn(
      { csrf: form.csrf, email: ANALYST, password: PASSWORD },
      { cookie: `${form.cookie}; ${first}` },
    );
    const second = cookieOf(response, 'repere_session')!.pair;
    expect(second).not.toBe(first);
    const status = async (cookie: string) =>
      (await app.inject({ url: '/api/v1/analysis/coverage?layers=service_canada', headers: { cookie } }))
        .statusCode;
    expect([await status(first), await status(second)]).toEqual([401, 200]);
  });

  it('marks the cookie Secure behind an HTTPS proxy, and goes nowhere but this site afterwards', async () => {
    const form = await signInForm();
    const response = await postSignIn(
      { csrf: form.csrf, email: ANALYST, password: PASSWORD, next: '//evil.example/en/analysis' },
      { cookie: form.cookie, 'x-forwarded-proto': 'https' },
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/analysis');
    expect(cookieOf(response, 'repere_session')?.attributes).toContain('; Secure');
  });

  it('ignores X-Forwarded-* when no proxy is trusted (the default), so clients cannot pose as one', async () => {
    const direct = await buildApp({ store, rateLimitPerMinute: 0, now: () => clock });
    const page = await direct.inject({ url: '/en/signin' });
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookie = (page.cookies as Array<{ name: string; value: string }>).map((c) => `${c.name}=${c.value}`).join('; ');
    const response = await direct.inject({
      method: 'POST',
      url: '/en/signin',
      headers: { cookie, 'x-forwarded-proto': 'https', 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
      payload: new URLSearchParams({ csrf, email: ANALYST, password: PASSWORD, next: '/en/analysis' }).toString(),
    });
    expect(response.statusCode).toBe(303);
    expect(cookieOf(response, 'repere_session')?.attributes).not.toContain('; Secure');
    await direct.close();
  });

  it('ends the session after 8 hours', async () => {
    const session = await signIn();
    expect(
      (
        await app.inject({
          url: '/api/v1/analysis/coverage?layers=service_canada',
          headers: { cookie: session },
        })
      ).statusCode,
    ).toBe(200);
    const start = clock;
    clock = new Date(start.getTime() + 8 * 3_600_000);
    try {
      expect(
        (await app.inject({ url: '/api/v1/analysis/coverage', headers: { cookie: session } })).statusCode,
      ).toBe(401);
    } finally {
      clock = start;
    }
  });

  it('makes a client wait after repeated failures, even for the right password', async () => {
    const strict = await buildApp({
      store,
      rateLimitPerMinute: 0,
      now: () => clock,
      auth: { signInAttempts: { perAccount: 3, perClient: 20, windowMinutes: 15 } },
    });
    try {
      const form = await signInForm(strict);
      const attempt = (password: string) =>
        postSignIn({ csrf: form.csrf, email: ANALYST, password }, { cookie: form.cookie }, strict);
      for (let i = 0; i < 3; i++) expect((await attempt(`wrong guess ${i}`)).statusCode).toBe(401);
      const blocked = await attempt(PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBe('900');
      expect(cookieOf(blocked, 'repere_session')).toBeNull();
      expect(errorSummary(blocked.body)).toContain('Too many unsuccessful attempts. Try again in 15 min.');
    } finally {
      await strict.close();
    }
  });
});

describe('signing out', () => {
  it('needs the session’s token (403 without), then ends the session everywhere', async () => {
    const session = await signIn();
    const page = await app.inject({
      url: '/en/analysis?layers=service_canada',
      headers: { cookie: session },
    });
    const csrf = /action="\/en\/signout">\s*<input type="hidden" name="csrf" value="([^"]+)"/.exec(
      page.body,
    )?.[1];
    expect(csrf).toMatch(/^[\w-]{43}$/);
    const post = (fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/en/signout',
        headers: { cookie: session, 'content-type': FORM },
        payload: new URLSearchParams(fields).toString(),
      });
    expect((await post({})).statusCode).toBe(403);
    expect((await post({ csrf: 'x'.repeat(43) })).statusCode).toBe(403);
    expect(
      (await app.inject({ url: '/api/v1/analysis/coverage', headers: { cookie: session } })).statusCode,
    ).toBe(200);
    const out = await post({ csrf: csrf! });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/en/signin?signed_out=1');
    expect(cookieOf(out, 'repere_session')?.pair).toBe('repere_session=');
    expect(
      (await app.inject({ url: '/api/v1/analysis/coverage', headers: { cookie: session } })).statusCode,
    ).toBe(401);
    const signedOut = await app.inject({ url: '/en/signin?signed_out=1' });
    expect(signedOut.body).toContain('<p class="notice" role="status">You are signed out.</p>');
  });
});

describe('the analysis API, signed in', () => {
  let session: string;
  beforeAll(async () => {
    session = await signIn();
  });
  const get = (url: string) => app.inject({ url, headers: { cookie: session } });

  it('gives national coverage within 50 km of Service Canada: the figures of README.md and bundled.test.ts', async () => {
    const response = await get('/api/v1/analysis/coverage?layers=service_canada&radius_km=50');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const result = response.json<Record<string, unknown> & { coverage_share: number; units: unknown[] }>();
    expect(result).toMatchObject({
      parameters: {
        layers: ['service_canada'],
        jurisdiction_levels: [],
        channels: ['in_person', 'outreach'],
        radius_km: 50,
        distance: 'great_circle',
      },
      points_used: 581,
      population_total: 34_277_488,
      population_covered: 33_964_496,
      population_uncovered: 312_992,
      population_unlocated: 2_714_493,
    });
    expect(result.coverage_share).toBeCloseTo(0.990869, 6);
    expect(result.units).toHaveLength(5161);
  });

  it('answers exactly what the CLI’s loader and runCoverage give (`repere analyze coverage --json`)', async () => {
    const inputs = await loadAnalysisInputs(store, { layers: ['service_canada'] });
    const expected = runCoverage(inputs, { layers: ['service_canada'], radius_km: 25 });
    const response = await get('/api/v1/analysis/coverage?layers=service_canada&radius_km=25');
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('answers every analysis with its parameters, and lists repeated or comma-separated', async () => {
    const access = (
      await get('/api/v1/analysis/access?layers=service_canada&method=2sfca&catchment_km=30')
    ).json<{ parameters: Record<string, unknown> }>();
    expect(access.parameters).toMatchObject({ method: '2sfca', catchment_km: 30, normalise: false });
    const gaps = (await get('/api/v1/analysis/gaps?layers=service_canada&limit=3')).json<{
      units: { csd_code: string }[];
      population_beyond: number;
    }>();
    expect(gaps.units.map((u) => u.csd_code)).toEqual(['4817095', '5949005', '3560090']);
    expect(gaps.population_beyond).toBe(312_992);
    const colocation = (
      await get(
        '/api/v1/analysis/colocation?jurisdiction_levels=federal,provincial&jurisdiction_levels=municipal',
      )
    ).json<{ parameters: Record<string, unknown> }>();
    expect(colocation.parameters).toMatchObject({
      jurisdiction_levels: ['federal', 'provincial', 'municipal'],
      within_metres: 500,
    });
    const siting = (await get('/api/v1/analysis/siting?layers=service_canada&budget=3&swap=false')).json<{
      sites: unknown[];
      parameters: Record<string, unknown>;
    }>();
    expect(siting.sites).toHaveLength(3);
    expect(siting.parameters).toMatchObject({ budget: 3, swap: false });
  });

  it('downloads any table of a result as CSV or GeoJSON', async () => {
    const csv = await get('/api/v1/analysis/coverage?layers=service_canada&format=csv&table=by_province');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="repere-coverage-by_province.csv"');
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(csv.body.split('\r\n')[0]).toBe(
      'province,population_total,population_covered,population_uncovered,coverage_share,population_unlocated',
    );
    expect(rows.find((r) => r['province'] === 'NU')).toMatchObject({ population_total: '36657' });
    const bands = await get(
      '/api/v1/analysis/coverage?layers=service_canada&format=csv&table=distance_bands',
    );
    expect(bands.body.split('\r\n')[0]).toBe('from_km,to_km,units,population,population_share');
    const geojson = await get('/api/v1/analysis/gaps?layers=service_canada&limit=2&format=geojson');
    expect(geojson.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(geojson.json()).toMatchObject({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point' },
          properties: { rank: 1, csd_code: '4817095', name: 'Mackenzie County' },
        },
        { properties: { rank: 2, csd_code: '5949005' } },
      ],
    });
    const byAccept = await app.inject({
      url: '/api/v1/analysis/siting?budget=1',
      headers: { cookie: session, accept: 'text/csv' },
    });
    expect(byAccept.headers['content-disposition']).toBe('attachment; filename="repere-siting-sites.csv"');
  });

  it('answers 400 naming the parameter for every bad or unknown one', async () => {
    const cases: [string, string][] = [
      ['coverage?radius_km=0', 'radius_km'],
      ['coverage?radius_km=1001', 'radius_km'],
      ['coverage?radius_km=far', 'radius_km'],
      ['siting?budget=101', 'budget'],
      ['siting?budget=2.5', 'budget'],
      ['siting?candidates=castle', 'candidates'],
      ['access?method=magic', 'method'],
      ['access?method=gravity&catchment_km=30', 'catchment_km'],
      ['access?bands_km=10,x', 'bands_km'],
      ['coverage?layers=no_such_layer', 'layers'],
      ['coverage?channels=telepathy', 'channels'],
      ['gaps?jurisdiction_levels=galactic', 'jurisdiction_levels'],
      ['coverage?radius=20', 'radius'],
      ['coverage?format=csv&table=pairs', 'table'],
      ['colocation?within_metres=20000', 'within_metres'],
    ];
    for (const [query, parameter] of cases) {
      const response = await get(`/api/v1/analysis/${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ error: { parameter: string; code: string } }>().error, query).toMatchObject({
        code: 'bad_request',
        parameter,
      });
    }
  });
});

describe('the analysis page, signed in', () => {
  let session: string;
  beforeAll(async () => {
    session = await signIn();
  });
  const page = (url: string) => app.inject({ url, headers: { cookie: session } });

  it('shows the coverage figures, both languages, with downloads pointing at the API', async () => {
    const en = await page('/en/analysis?layers=service_canada&radius_km=50');
    expect(en.statusCode).toBe(200);
    expect(en.headers['cache-control']).toBe('no-store');
    expect(en.body).toContain(
      '<p class="lead" id="summary-lead">99.1% of the located population lives within 50 km of one of the 581 points measured.</p>',
    );
    expect(en.body).toContain(`Signed in as <strong>${ANALYST}</strong>`);
    expect(en.body).toContain(
      'href="/api/v1/analysis/coverage?layers=service_canada&amp;radius_km=50&amp;format=csv&amp;table=units" download>CSV',
    );
    expect(en.body).toContain(
      'data-units-url="/api/v1/analysis/coverage?layers=service_canada&amp;radius_km=50&amp;format=geojson&amp;table=units"',
    );
    expect(en.body).toContain('<a href="/en/analysis" aria-current="page">Analysis</a>');
    const fr = await page('/fr/analysis?layers=service_canada&radius_km=50');
    expect(fr.body).toContain(
      '99,1\u00a0% de la population localisée habite à 50\u00a0km ou moins d’un des 581\u00a0points mesurés.',
    );
    expect(fr.body).toContain('<html lang="fr">');
  });

  it('ranks the underserved communities and sorts them server-side, with aria-sort on the sorted column', async () => {
    const ranked = await page('/en/analysis?layers=service_canada');
    const table = (body: string, id: string) =>
      new RegExp(`<table class="data-table" id="${id}">[\\s\\S]*?</table>`).exec(body)![0];
    const names = (html: string) =>
      [...html.matchAll(/<tr><td class="numeric">\d+<\/td><th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);
    const underserved = table(ranked.body, 'table-underserved');
    expect(names(underserved).slice(0, 3)).toEqual(['Mackenzie County', 'Kitimat', 'Kenora, Unorganized']);
    expect(underserved).toContain(
      '<th scope="col" class="numeric" aria-sort="ascending"><a class="sort-link" href="/en/analysis?layers=service_canada&amp;underserved_sort=rank&amp;underserved_order=desc#table-underserved">Rank',
    );
    const byPopulation = await page(
      '/en/analysis?layers=service_canada&underserved_sort=population&underserved_order=desc',
    );
    const sorted = table(byPopulation.body, 'table-underserved');
    expect(sorted.match(/aria-sort="[a-z]+"/g)).toEqual(['aria-sort="descending"']);
    expect(sorted).toMatch(
      /aria-sort="descending"><a class="sort-link" href="[^"]*underserved_sort=population&amp;underserved_order=asc#table-underserved">Population/,
    );
    const populations = [
      ...sorted.matchAll(/<td class="numeric">([\d,]+)<\/td><td class="numeric">\d+<\/td>/g),
    ].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(populations.length).toBe(25);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    // The other tables keep their own default order.
    expect(table(byPopulation.body, 'table-communities')).toContain('aria-sort="ascending"');
  });

  it('links co-location opportunities to the partnerships page as candidate partnerships', async () => {
    const response = await page('/en/analysis?partnerships_sort=metres&partnerships_order=desc');
    const partnerships = /<table class="data-table" id="table-partnerships">[\s\S]*?<\/table>/.exec(
      response.body,
    )![0];
    // The farthest pair first: the Job Junction outreach site, 4,955 m from the Halifax centre.
    expect(partnerships).toContain('<td class="numeric">5.0\u00a0km</td>');
    expect(partnerships).toContain(
      '<a href="/en/partnerships">Candidate partnership<span class="visually-hidden">',
    );
    expect(partnerships).toContain(
      'href="/en/locations/ns_works%3Ah1c1826127383">Job Junction (itinerant office - call for office hours)</a>',
    );
  });

  it('draws the charts as SVG images with a title, a description and a data table', async () => {
    const response = await page('/en/analysis?layers=service_canada');
    for (const id of ['chart-distance', 'chart-cumulative', 'chart-siting']) {
      expect(response.body).toContain(
        `<svg class="chart" id="${id}" viewBox="0 0 640 300" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">`,
      );
    }
    expect(response.body).toContain(
      '<desc id="chart-distance-desc">Bar chart of the located population in each distance band; 312,992 people live farther than 50 km.</desc>',
    );
    expect(response.body).toContain('<table class="data-table" id="table-distance-bands">');
    expect(response.body).toContain('<table class="data-table" id="table-cumulative">');
    expect(response.body).toContain('<table class="data-table" id="table-sites">');
  });

  it('answers 400 with the form and an error naming the field for a bad parameter', async () => {
    const response = await page('/en/analysis?radius_km=0');
    expect(response.statusCode).toBe(400);
    expect(errorSummary(response.body)).toContain(
      '<a href="#radius_km">Enter a radius in kilometres, more than 0 and at most 1,000.</a>',
    );
    expect(response.body).toContain('aria-describedby="radius_km-hint radius_km-error" aria-invalid="true"');
    expect(response.body).not.toContain('id="summary-heading"');
    const fr = await page('/fr/analysis?budget=500');
    expect(fr.statusCode).toBe(400);
    expect(errorSummary(fr.body)).toContain(
      '<a href="#budget">Entrez un nombre entier de points de 1 à 100.</a>',
    );
  });
});
