// The referral routes in-process (app.inject) on the whole bundled dataset: the API contract
// with its exact answers, parameter errors, and the pages without JavaScript.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReferralApp, openDefaultDataset } from './default-dataset.js';
import type { DefaultDataset } from './default-dataset.js';

let dataset: DefaultDataset;
let app: FastifyInstance;

beforeAll(async () => {
  dataset = await openDefaultDataset();
  app = await buildReferralApp(dataset);
}, 120_000);
afterAll(async () => {
  await app.close();
  await dataset.close();
});

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await app.inject({ url });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

async function getPage(url: string): Promise<{ status: number; html: string; headers: Record<string, unknown> }> {
  const response = await app.inject({ url });
  return { status: response.statusCode, html: response.body, headers: response.headers };
}

interface ServiceJson {
  id: string;
  name: { en: string; fr: string };
  jurisdiction_level: string;
  handled_by: { name: { en: string; fr: string }; phone: string | null; url: string | null; last_verified: string | null; verification: Record<string, { status: string }> } | null;
  nearest_points: Array<{ id: string; name: string; distance_metres: number }>;
}

describe('GET /api/v1/referral', () => {
  it('answers lost wallet + E3B 1A1 with the contract’s fields and the real nearest Service Canada point', async () => {
    const { status, body } = await getJson('/api/v1/referral?q=lost%20wallet&postcode=E3B%201A1');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['query', 'lang', 'location', 'called', 'catalogue_version', 'life_events', 'services', 'wrong_door', 'suggestions']);
    expect(body['query']).toBe('lost wallet');
    expect(body['location']).toEqual({ lat: 45.9535, lon: -66.6704, province: 'NB', precision: 'fsa', label: 'E3B 1A1', kind: 'postal_code', provinces: ['NB'] });
    const services = body['services'] as ServiceJson[];
    expect(services.map((s) => [s.id, s.jurisdiction_level, s.handled_by?.name.en])).toEqual([
      ['drivers_licence', 'provincial', 'Service New Brunswick'],
      ['health_card', 'provincial', 'Medicare New Brunswick (Department of Health)'],
      ['vehicle_registration', 'provincial', 'Service New Brunswick'],
      ['sin', 'federal', 'Service Canada'],
      ['status_card', 'federal', 'Indigenous Services Canada'],
    ]);
    const sin = services[3]!;
    expect(sin.name).toEqual({ en: 'Social Insurance Number', fr: 'Numéro d’assurance sociale' });
    expect(sin.handled_by).toMatchObject({
      name: { en: 'Service Canada', fr: 'Service Canada' },
      phone: '1-866-274-6627',
      url: 'https://www.canada.ca/en/employment-social-development/services/sin.html',
      last_verified: null,
    });
    expect(sin.nearest_points).toEqual([
      { id: 'service_canada:1687', name: 'Fredericton Service Canada Centre and Passport Services', name_lang: 'en', distance_metres: 974, channel: 'in_person', organization: { en: 'Service Canada', fr: 'Service Canada' }, precision: 'community', url: '/en/locations/service_canada%3A1687' },
      { id: 'service_canada:1688', name: 'Woodstock Service Canada Centre', name_lang: 'en', distance_metres: 74056, channel: 'in_person', organization: { en: 'Service Canada', fr: 'Service Canada' }, precision: 'community', url: '/en/locations/service_canada%3A1688' },
      { id: 'service_canada:1617', name: 'Saint John Service Canada Centre', name_lang: 'en', distance_metres: 89699, channel: 'in_person', organization: { en: 'Service Canada', fr: 'Service Canada' }, precision: 'community', url: '/en/locations/service_canada%3A1617' },
    ]);
    expect(body['wrong_door']).toEqual([]);
  });

  it('gives the same services for portefeuille perdu, and the wrong-door hints of the federal line in both languages', async () => {
    const { body } = await getJson('/api/v1/referral?q=portefeuille%20perdu&postcode=E3B1A1&lang=fr&called=federal');
    expect((body['services'] as ServiceJson[]).map((s) => s.id)).toEqual(['drivers_licence', 'health_card', 'vehicle_registration', 'sin', 'status_card']);
    expect(body['wrong_door']).toEqual([
      {
        service_id: 'drivers_licence',
        called: 'federal',
        handled_by_level: 'provincial',
        handled_by: { name: { en: 'Service New Brunswick', fr: 'Service Nouveau-Brunswick' }, phone: '1-888-762-8600', url: 'https://www2.snb.ca/' },
        message: { en: 'Driver’s licence: provincial, handled by Service New Brunswick.', fr: 'Permis de conduire\u00a0: provincial, relève de Service Nouveau-Brunswick.' },
      },
      {
        service_id: 'health_card',
        called: 'federal',
        handled_by_level: 'provincial',
        handled_by: { name: { en: 'Medicare New Brunswick (Department of Health)', fr: 'Assurance-maladie du Nouveau-Brunswick (ministère de la Santé)' }, phone: null, url: 'https://www2.gnb.ca/' },
        message: {
          en: 'Health card: provincial, handled by Medicare New Brunswick (Department of Health).',
          fr: 'Carte d’assurance maladie\u00a0: provincial, relève de Assurance-maladie du Nouveau-Brunswick (ministère de la Santé).',
        },
      },
      {
        service_id: 'vehicle_registration',
        called: 'federal',
        handled_by_level: 'provincial',
        handled_by: { name: { en: 'Service New Brunswick', fr: 'Service Nouveau-Brunswick' }, phone: '1-888-762-8600', url: 'https://www2.snb.ca/' },
        message: {
          en: 'Vehicle registration and licence plates: provincial, handled by Service New Brunswick.',
          fr: 'Immatriculation des véhicules et plaques\u00a0: provincial, relève de Service Nouveau-Brunswick.',
        },
      },
    ]);
  });

  it('dates handled_by only when every contact fact shown is verified', async () => {
    const { body } = await getJson('/api/v1/referral?q=beneficiary%20card&place=Iqaluit');
    const [enrolment] = body['services'] as ServiceJson[];
    expect(enrolment!.handled_by).toMatchObject({ phone: '1-888-646-0006', url: 'http://www.tunngavik.com/', last_verified: '2019-03-29' });
    expect(enrolment!.handled_by!.verification['name']!.status).toBe('unverified');
    const { body: ontario } = await getJson('/api/v1/referral?q=health%20card&postcode=K7L');
    const [health] = ontario['services'] as ServiceJson[];
    expect(health!.handled_by).toMatchObject({ phone: '1-888-376-5197', last_verified: null });
    expect(health!.handled_by!.verification['phone']!.status).toBe('verified');
  });

  it('answers an unknown need with no services and the closest catalogue entries', async () => {
    const { status, body } = await getJson('/api/v1/referral?q=xyzzy&postcode=E3B');
    expect(status).toBe(200);
    expect(body['services']).toEqual([]);
    expect((body['suggestions'] as Array<{ id: string }>).map((s) => s.id)).toEqual(['lost_wallet', 'health_card', 'drivers_licence', 'sin', 'passport']);
  });

  it('answers 400 naming the bad parameter', async () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/referral', 'q'],
      ['/api/v1/referral?q=', 'q'],
      [`/api/v1/referral?q=${'a'.repeat(201)}`, 'q'],
      ['/api/v1/referral?q=sin&postcode=12345', 'postcode'],
      ['/api/v1/referral?q=sin&province=Atlantis', 'province'],
      ['/api/v1/referral?q=sin&postcode=E3B&province=ON', 'province'],
      ['/api/v1/referral?q=sin&place=Nowhereville', 'place'],
      ['/api/v1/referral?q=sin&called=regional', 'called'],
      ['/api/v1/referral?q=sin&lang=de', 'lang'],
      ['/api/v1/referral?q=sin&k=50', 'k'],
    ];
    for (const [url, parameter] of cases) {
      const { status, body } = await getJson(url);
      expect(status, url).toBe(400);
      expect((body['error'] as { parameter: string }).parameter, url).toBe(parameter);
    }
  });
});

describe('GET /api/v1/partnerships', () => {
  it('returns the catalogue as JSON, filtered by point on request', async () => {
    const { body } = await getJson('/api/v1/partnerships');
    expect((body['partnerships'] as Array<{ id: string }>).map((p) => p.id)).toEqual([
      'pleasure-craft-licences-snb',
      'grand-manan-virtual-services',
      'picton-shared-office',
      'sechelt-outreach-service-bc',
    ]);
    const { body: picton } = await getJson('/api/v1/partnerships?point=service_canada%3A3220');
    expect((picton['partnerships'] as Array<{ id: string }>).map((p) => p.id)).toEqual(['picton-shared-office']);
  });

  it('returns the Repère points taking part as GeoJSON, every point id found in the store', async () => {
    const response = await app.inject({ url: '/api/v1/partnerships?format=geojson&lang=fr' });
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const collection = response.json() as { features: Array<{ id: string; geometry: { coordinates: number[] }; properties: Record<string, string> }> };
    expect(collection.features.map((f) => [f.id, f.geometry.coordinates, f.properties['partnership_ids']])).toEqual([
      ['service_canada:NB-SAD', [-66.82109, 44.69824], 'grand-manan-virtual-services'],
      ['service_canada:3220', [-77.14637, 44.00176], 'picton-shared-office'],
      ['serviceontario:533cdd1d-cf93-42aa-9748-92000f4b9d10', [-77.14637, 44.00176], 'picton-shared-office'],
      ['service_canada:BC-SBO', [-123.75903, 49.47512], 'sechelt-outreach-service-bc'],
    ]);
    expect(collection.features[1]!.properties).toMatchObject({ name: 'Picton Service Canada Centre', name_lang: 'en', jurisdiction_level: 'federal', precision: 'community' });
    const { status, body } = await getJson('/api/v1/partnerships?format=kml');
    expect(status).toBe(400);
    expect((body['error'] as { parameter: string }).parameter).toBe('format');
  });
});

describe('referral pages', () => {
  it('renders the answer without JavaScript: cards, tel: links, visible “unverified”, point links, summary, slip link', async () => {
    const { status, html, headers } = await getPage('/en/referral?q=lost+wallet&where=E3B+1A1&called=federal');
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<form class="referral-form" method="get" action="/en/referral"');
    expect(html).toContain('<h2 id="answer-heading" tabindex="-1">Answer for “lost wallet”</h2>');
    expect(html).toContain('<p>Caller’s location: E3B 1A1, New Brunswick.</p>');
    expect([...html.matchAll(/<h3 id="service-([a-z_]+)-heading">/g)].map((m) => m[1])).toEqual(['drivers_licence', 'health_card', 'vehicle_registration', 'sin', 'status_card']);
    expect(html).toContain('<a href="tel:+18662746627" class="referral-phone">1-866-274-6627</a> <span class="fact fact--unverified">unverified</span>');
    expect(html).toContain('<a href="/en/locations/service_canada%3A1687">Fredericton Service Canada Centre and Passport Services</a> <span class="referral-points__distance">about 970 m away</span>');
    expect(html).toContain('<li><a href="#service-health_card">Health card: provincial, handled by Medicare New Brunswick (Department of Health).</a></li>');
    expect(html).toMatch(/<textarea id="summary-text" class="referral-summary__text" readonly rows="\d+" spellcheck="false">Referral for “lost wallet”\nNear E3B 1A1 \(New Brunswick\)\n\n1\. Driver’s licence \(provincial\)\n {3}Service New Brunswick \(unverified\)\n {3}Phone: 1-888-762-8600 \(unverified\)/);
    expect(html).toContain('Nearest in person: Fredericton Service Canada Centre and Passport Services, about 970 m away');
    expect(html).toContain('<button type="button" class="referral-button" data-copy-target="summary-text" data-status-target="copy-status" hidden>Copy summary</button>');
    expect(html).toContain('<a class="referral-slip-link" href="/en/referral/slip?q=lost+wallet&amp;where=E3B+1A1&amp;called=federal">');
    expect(html).toMatch(/<script type="module" src="\/assets\/referral\/referral\.js\?v=[0-9a-f]{10}"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*src=)/);
  });

  it('renders French with French bodies and messages', async () => {
    const { html } = await getPage('/fr/referral?q=portefeuille+perdu&where=E3B+1A1');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h2 id="answer-heading" tabindex="-1">Réponse pour «\u00a0portefeuille perdu\u00a0»</h2>');
    expect(html).toContain('<span class="referral-body">Service Nouveau-Brunswick</span> <span class="fact fact--unverified">non vérifié</span>');
    expect(html).toContain('à environ 970 m');
  });

  it('escapes what the caller typed', async () => {
    const { html } = await getPage('/en/referral?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&where=%22%3E%3Cimg');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('"><img');
    expect(html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('reports an unknown location next to its field, with status 400', async () => {
    const { status, html } = await getPage('/en/referral?q=sin&where=Nowhereville');
    expect(status).toBe(400);
    expect(html).toContain('<div class="referral-error" role="alert" aria-labelledby="error-heading">');
    expect(html).toContain('aria-describedby="where-error where-hint" aria-invalid="true"');
    expect(html).toContain('“Nowhereville” is not a postal code, FSA, province or place we know.');
  });

  it('suggests the closest entries when nothing matches, as links that ask again', async () => {
    const { status, html } = await getPage('/en/referral?q=pasport&where=E3B');
    expect(status).toBe(200);
    expect(html).toContain('No service matches “pasport”');
    expect(html).toContain('<li><a href="/en/referral?q=Passport&amp;where=E3B">Passport</a></li>');
  });

  it('prints the slip in both languages, each half with its language', async () => {
    const { status, html } = await getPage('/fr/referral/slip?q=lost+wallet&where=E3B+1A1');
    expect(status).toBe(200);
    expect(html).toContain('<h1 class="referral-slip-title">Fiche d’aiguillage / <span lang="en">Referral slip</span></h1>');
    expect(html).toContain('<section class="referral-slip__half" aria-labelledby="slip-fr">');
    expect(html).toContain('<section class="referral-slip__half" lang="en" aria-labelledby="slip-en">');
    expect(html).toContain('<h3>Numéro d’assurance sociale</h3>');
    expect(html).toContain('<h3>Social Insurance Number</h3>');
    expect(html).toContain('Préparée le 29 novembre 2026 avec Repère.');
    expect(html).toContain('Prepared on November 29, 2026 with Repère.');
  });

  it('lists the partnerships with their sources and links to the partner points', async () => {
    const { html } = await getPage('/en/partnerships');
    expect([...html.matchAll(/<li class="partnership" id="([a-z-]+)">/g)].map((m) => m[1])).toEqual([
      'pleasure-craft-licences-snb',
      'grand-manan-virtual-services',
      'picton-shared-office',
      'sechelt-outreach-service-bc',
    ]);
    expect(html).toContain('<a href="/en/locations/service_canada%3A3220">Picton Service Canada Centre</a>, <a href="/en/locations/serviceontario%3A533cdd1d-cf93-42aa-9748-92000f4b9d10">ServiceOntario Picton</a>');
    expect(html).toContain('<q lang="fr">prestation de services virtuels à Grand Manan : Service Nouveau-Brunswick, Service Canada.</q>');
    expect(html).toContain('data-points-url="/api/v1/partnerships?format=geojson&amp;lang=en"');
  });

  it('links the New Brunswick boat-licence card to its partnership', async () => {
    const { html } = await getPage('/en/referral?q=boat+licence&where=Fredericton');
    expect(html).toContain('<a href="/en/partnerships#pleasure-craft-licences-snb">Partnership: Pleasure craft licences at Service New Brunswick</a>');
  });

  it('serves its stylesheet and script', async () => {
    const css = await app.inject({ url: '/assets/referral/referral.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('@media print');
    const js = await app.inject({ url: '/assets/referral/referral.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain('data-copy-target');
  });
});
