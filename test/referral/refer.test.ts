// refer() on the whole bundled dataset (data/, built as `npm start` does): who handles each
// need where the caller lives, their contacts, and the nearest in-person points, with the
// exact points and distances of the real data.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProvinceLocator } from '../../src/ingest/geocode/province-locator.js';
import type { Catalogue } from '../../src/referral/catalogue.js';
import { loadCatalogue } from '../../src/referral/load-catalogue.js';
import { NeedMatcher } from '../../src/referral/need-matcher.js';
import { refer } from '../../src/referral/refer.js';
import type { ReferOptions, Referral } from '../../src/referral/refer.js';
import { openDefaultDataset } from './default-dataset.js';
import type { DefaultDataset } from './default-dataset.js';

let dataset: DefaultDataset;
let catalogue: Catalogue;
let base: Omit<ReferOptions, 'text'>;

beforeAll(async () => {
  dataset = await openDefaultDataset();
  catalogue = await loadCatalogue(resolve('data/catalogue'));
  base = {
    store: dataset.store,
    places: dataset.places,
    catalogue,
    matcher: new NeedMatcher(catalogue),
    locator: new ProvinceLocator(await dataset.store.listBoundaries()),
  };
}, 120_000);
afterAll(async () => {
  await dataset.close();
});

/** One line per service: id, level, body (English), basis and the nearest points with distances. */
function outline(referral: Referral): string[] {
  return referral.services.map(({ service, level, body, nearest }) => {
    const points = (nearest?.hits ?? []).map((hit) => `${hit.point.id}@${Math.round(hit.distanceMetres)}`).join(' ');
    return `${service.id} | ${level} | ${body?.name.en ?? '-'} | ${nearest?.basis ?? 'no point'}${points ? ` | ${points}` : ''}`;
  });
}

describe('refer', () => {
  it('lost wallet in Fredericton (E3B 1A1): provincial cards at New Brunswick bodies, the SIN at Service Canada', async () => {
    const referral = await refer({ ...base, text: 'lost wallet', location: { postcode: 'E3B 1A1' } });
    expect(referral.location).toEqual({
      lat: 45.9535,
      lon: -66.6704,
      province: 'NB',
      provinces: ['NB'],
      precision: 'fsa',
      label: 'E3B 1A1',
      kind: 'postal_code',
    });
    expect(outline(referral)).toEqual([
      'drivers_licence | provincial | Service New Brunswick | none',
      'health_card | provincial | Medicare New Brunswick (Department of Health) | none',
      'vehicle_registration | provincial | Service New Brunswick | none',
      'sin | federal | Service Canada | body | service_canada:1687@974 service_canada:1688@74056 service_canada:1617@89699',
      'status_card | federal | Indigenous Services Canada | same_order | service_canada:1687@974 service_canada:1688@74056 service_canada:1617@89699',
    ]);
    const sin = referral.services.find((s) => s.service.id === 'sin')!;
    expect(sin.nearest!.hits[0]!.point.name.en).toBe('Fredericton Service Canada Centre and Passport Services');
    expect(sin.body!.phone).toBe('1-866-274-6627');
    expect(sin.body!.facts.phone).toEqual({
      value: '1-866-274-6627',
      source_url: 'https://www.canada.ca/en/employment-social-development/services/sin.html',
      last_verified: null,
      status: 'unverified',
    });
    expect(referral.wrongDoor).toEqual([]);
    expect(referral.catalogueVersion).toBe('1.0.0');
  });

  it('gives the same services for the same need in French', async () => {
    const english = await refer({ ...base, text: 'lost wallet', location: { postcode: 'E3B 1A1' } });
    const french = await refer({ ...base, text: 'portefeuille perdu', location: 'E3B 1A1', lang: 'fr' });
    expect(outline(french)).toEqual(outline(english));
  });

  it('answers an unknown need with no services and the closest catalogue entries', async () => {
    const referral = await refer({ ...base, text: 'pasport renewel', location: { postcode: 'E3B 1A1' } });
    expect(referral.services).toEqual([]);
    expect(referral.match.suggestions.map((s) => s.id)).toEqual(['passport', 'lost_wallet', 'health_card', 'drivers_licence', 'sin']);
  });

  it('tells the federal line which provincial bodies handle the cards in the wallet', async () => {
    const referral = await refer({ ...base, text: 'lost wallet', location: { postcode: 'E3B 1A1' }, calledLine: 'federal' });
    expect(referral.wrongDoor.map((hint) => [hint.service.id, hint.level, hint.body?.name.en, hint.body?.phone ?? null])).toEqual([
      ['drivers_licence', 'provincial', 'Service New Brunswick', '1-888-762-8600'],
      ['health_card', 'provincial', 'Medicare New Brunswick (Department of Health)', null],
      ['vehicle_registration', 'provincial', 'Service New Brunswick', '1-888-762-8600'],
    ]);
    const provincial = await refer({ ...base, text: 'health card', location: 'Toronto', calledLine: 'provincial' });
    expect(provincial.wrongDoor).toEqual([]);
    const territorial = await refer({ ...base, text: 'carte santé', location: 'Iqaluit', calledLine: 'provincial' });
    expect(outline(territorial)[0]).toMatch(/^health_card \| territorial \| Nunavut Health Care Plan, Department of Health \| /);
    expect(territorial.wrongDoor).toEqual([]);
    const status = await refer({ ...base, text: 'status card', location: 'Iqaluit', calledLine: 'provincial' });
    expect(status.wrongDoor.map((h) => [h.service.id, h.level, h.body?.name.en])).toEqual([['status_card', 'federal', 'Indigenous Services Canada']]);
  });

  it('lists the ServiceOntario centres for a health card in Toronto, with the health card line from the data', async () => {
    const referral = await refer({ ...base, text: 'OHIP card', location: { place: 'Toronto' } });
    const [health] = referral.services;
    expect(health!.body!.name.en).toBe('ServiceOntario');
    expect(health!.body!.facts.phone).toMatchObject({ value: '1-888-376-5197', status: 'verified', last_verified: '2019-12-01' });
    expect(health!.nearest!.basis).toBe('body');
    expect(health!.nearest!.hits.map((h) => [h.point.organization.id, h.point.address.province])).toEqual([
      ['serviceontario', 'ON'],
      ['serviceontario', 'ON'],
      ['serviceontario', 'ON'],
    ]);
  });

  it('finds WorkBC centres for employment services in Campbell River', async () => {
    const referral = await refer({ ...base, text: 'find a job', location: { postcode: 'V9W 2P8' } });
    expect(outline(referral)).toEqual(['employment_services | provincial | WorkBC | body | workbc:p1@2123 workbc:p3@38792 workbc:p4@53903']);
  });

  it('sends Ontario marriage licences to the city hall, and New Brunswick property tax to the province', async () => {
    const marriage = await refer({ ...base, text: 'marriage licence', location: 'K7L 2Z5' });
    expect(outline(marriage)[0]).toMatch(/^marriage_licence \| municipal \| Your municipal clerk’s office \(Ontario marriage licence\) \| body \| municipal_facilities:Kingston_point-of-interest\.csv:848@/);
    const tax = await refer({ ...base, text: 'taxe foncière', location: { postcode: 'E3B' } });
    expect(outline(tax)).toEqual(['property_tax | provincial | Service New Brunswick (property assessment and tax bills) | none']);
  });

  it('settles X postal codes with the province polygons and falls back to the same order of government', async () => {
    const referral = await refer({ ...base, text: 'beneficiary card', location: { postcode: 'X0A 0H0' } });
    expect(referral.location).toMatchObject({ province: 'NU', provinces: ['NT', 'NU'] });
    const [enrolment] = referral.services;
    expect(enrolment!.body!.name.en).toBe('Nunavut Tunngavik Inc.');
    expect(enrolment!.body!.facts.phone).toMatchObject({ value: '1-888-646-0006', status: 'verified', last_verified: '2019-03-29' });
    expect(enrolment!.nearest!.basis).toBe('same_order');
    expect(enrolment!.nearest!.hits.every((h) => h.point.layer === 'inuit_community_offices' && h.point.address.province === 'NU')).toBe(true);
  });

  it('without a point (province only) names the bodies and lists no points', async () => {
    const referral = await refer({ ...base, text: 'driver’s licence', location: { province: 'QC' } });
    expect(outline(referral)).toEqual(['drivers_licence | provincial | Société de l’assurance automobile du Québec (SAAQ) | no point']);
    const nowhere = await refer({ ...base, text: 'health card' });
    expect(outline(nowhere)).toEqual(['health_card | provincial | - | no point']);
  });

  it('does not change its inputs', async () => {
    const location = { postcode: 'E3B 1A1' };
    const before = JSON.stringify(catalogue.services);
    await refer({ ...base, text: 'lost wallet', location });
    expect(location).toEqual({ postcode: 'E3B 1A1' });
    expect(JSON.stringify(catalogue.services)).toBe(before);
  });
});
