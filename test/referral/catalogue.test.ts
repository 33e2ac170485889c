// The service catalogue and life events (data/catalogue/) against their schemas and the rules
// a schema cannot express; broken inputs are in fixtures/ (see its README).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../../src/domain/province.js';
import { CatalogueError, factsOf } from '../../src/referral/catalogue.js';
import type { Body, Catalogue, Fact, PointSelector } from '../../src/referral/catalogue.js';
import { catalogueFromDocuments, loadCatalogue, readCatalogueFile } from '../../src/referral/load-catalogue.js';
import { schemaIssues } from '../../src/referral/json-schema.js';

const DIR = resolve('data/catalogue');
const FIXTURES = resolve('test/referral/fixtures');

interface SourceProfile {
  id: string;
  file: string;
  retrievedAt: string;
  defaults: { layer: string; organization: { id: string } };
  rules?: Array<{ set?: { layer?: string; organization?: { id: string } } }>;
}
const profiles = (JSON.parse(readFileSync(resolve('data/sources.json'), 'utf8')) as { sources: SourceProfile[] }).sources;

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue(DIR);
});

/** Every body of the catalogue with where it is: "sin body", "health_card NB". */
function allBodies(): Array<{ where: string; body: Body }> {
  return catalogue.services.flatMap((service) => [
    ...(service.body ? [{ where: `${service.id} body`, body: service.body }] : []),
    ...PROVINCE_CODES.flatMap((code) => {
      const body = service.bodies?.[code];
      return body ? [{ where: `${service.id} ${code}`, body }] : [];
    }),
  ]);
}

function allFacts(): Array<{ where: string; key: string; fact: Fact }> {
  return allBodies().flatMap(({ where, body }) => factsOf(body).map(([key, fact]) => ({ where, key, fact })));
}

describe('data/catalogue', () => {
  it('validates against its JSON Schemas and loads', async () => {
    const services = await readCatalogueFile(DIR, 'services.json');
    const schema = (await readCatalogueFile(DIR, 'schema.json')) as Record<string, unknown>;
    const events = await readCatalogueFile(DIR, 'life-events.json');
    const eventsSchema = (await readCatalogueFile(DIR, 'life-events.schema.json')) as Record<string, unknown>;
    expect(schemaIssues(schema, services)).toEqual([]);
    expect(schemaIssues(eventsSchema, events)).toEqual([]);
    expect(catalogue.version).toBe('1.0.0');
    expect(catalogue.updated).toBe('2026-11-29');
  });

  it('has the services people confuse across orders of government, and the eight life events', () => {
    expect(catalogue.services.map((s) => [s.id, s.jurisdiction_level])).toEqual([
      ['sin', 'federal'],
      ['passport', 'federal'],
      ['ei', 'federal'],
      ['cpp', 'federal'],
      ['oas', 'federal'],
      ['ccb', 'federal'],
      ['income_tax', 'federal'],
      ['pr_card', 'federal'],
      ['status_card', 'federal'],
      ['boat_licence', 'federal'],
      ['inuit_enrolment', 'indigenous'],
      ['birth_certificate', 'provincial'],
      ['death_certificate', 'provincial'],
      ['health_card', 'provincial'],
      ['drivers_licence', 'provincial'],
      ['vehicle_registration', 'provincial'],
      ['marriage_licence', 'provincial'],
      ['income_assistance', 'provincial'],
      ['employment_services', 'provincial'],
      ['business_registration', 'provincial'],
      ['student_aid', 'provincial'],
      ['property_tax', 'municipal'],
    ]);
    expect(catalogue.lifeEvents.map((e) => [e.id, e.services])).toEqual([
      ['lost_wallet', ['drivers_licence', 'health_card', 'vehicle_registration', 'sin', 'status_card']],
      ['having_a_baby', ['birth_certificate', 'health_card', 'sin', 'ccb', 'ei']],
      ['moving', ['health_card', 'drivers_licence', 'vehicle_registration', 'income_tax', 'property_tax']],
      ['new_to_canada', ['sin', 'health_card', 'pr_card', 'ccb', 'employment_services', 'drivers_licence', 'income_tax']],
      ['losing_a_job', ['ei', 'employment_services', 'income_assistance']],
      ['turning_65', ['cpp', 'oas', 'income_tax']],
      ['death_of_a_loved_one', ['death_certificate', 'cpp', 'oas', 'income_tax', 'ccb', 'health_card', 'drivers_licence']],
      ['youth', ['sin', 'employment_services', 'student_aid', 'income_tax', 'drivers_licence']],
    ]);
  });

  it('names the body of every provincial service in each of the 13 provinces and territories', () => {
    for (const service of catalogue.services.filter((s) => s.jurisdiction_level === 'provincial')) {
      expect(Object.keys(service.bodies ?? {}).sort(), service.id).toEqual([...PROVINCE_CODES].sort());
      for (const code of PROVINCE_CODES) {
        const body = service.bodies![code]!;
        expect(body.name.en.length, `${service.id} ${code}`).toBeGreaterThan(0);
        expect(body.name.fr.length, `${service.id} ${code}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives every contact fact a source, and a last-verified date exactly when it is verified', () => {
    const bodies = allBodies();
    // 12 services with one body everywhere, 10 provincial services × 13, and 7 provincial
    // bodies of other services (boat licences NB; Inuit enrolment QC, NL, NT, NU; property tax NB, PE).
    expect(bodies).toHaveLength(12 + 10 * 13 + 7);
    for (const { where, body } of bodies) {
      for (const key of ['phone', 'tty', 'url'] as const) {
        if (body[key] === undefined) continue;
        const fact = body.facts[key];
        expect(fact, `${where} ${key}`).toBeDefined();
        expect(fact!.value, `${where} ${key}`).toBe(body[key]);
      }
    }
    for (const { where, key, fact } of allFacts()) {
      const label = `${where} ${key}`;
      expect(fact.source_url, label).toMatch(/^https?:\/\/[^ ]+$/);
      if (fact.status === 'verified') {
        expect(fact.last_verified, label).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(fact.last_verified!)), label).toBe(false);
      } else {
        expect(fact.status, label).toBe('unverified');
        expect(fact.last_verified, label).toBeNull();
      }
    }
  });

  it('counts 335 facts: 18 verified against bundled data, 317 unverified', () => {
    const facts = allFacts();
    const verified = facts.filter(({ fact }) => fact.status === 'verified');
    expect(facts).toHaveLength(335);
    expect(verified.map(({ where, key, fact }) => `${where} ${key} ${fact.value}`)).toEqual([
      'inuit_enrolment NL phone 1-709-922-2942',
      'inuit_enrolment NL url http://www.nunatsiavut.com/',
      'inuit_enrolment QC phone 1-877-625-4845',
      'inuit_enrolment QC url http://www.makivik.org/',
      'inuit_enrolment NT phone 1-855-777-7011',
      'inuit_enrolment NT url http://www.inuvialuit.com/',
      'inuit_enrolment NU phone 1-888-646-0006',
      'inuit_enrolment NU url http://www.tunngavik.com/',
      'birth_certificate ON phone 1-800-267-8097',
      'death_certificate ON phone 1-800-267-8097',
      'health_card ON name ServiceOntario',
      'health_card ON phone 1-888-376-5197',
      'drivers_licence ON name ServiceOntario',
      'drivers_licence ON phone 1-800-387-3445',
      'vehicle_registration ON name ServiceOntario',
      'vehicle_registration ON phone 1-800-387-3445',
      'employment_services BC name WorkBC',
      'business_registration ON phone 1-800-267-8097',
    ]);
  });

  it('reads every verified fact from a bundled file, dated with that data’s retrieval date', () => {
    for (const { where, key, fact } of allFacts().filter(({ fact }) => fact.status === 'verified')) {
      const label = `${where} ${key}`;
      expect(fact.source_file, label).toBeDefined();
      expect(fact.source_location, label).toBeDefined();
      const text = readFileSync(resolve(fact.source_file!), 'utf8');
      expect(text.includes(fact.value), `${label}: "${fact.value}" in ${fact.source_file}`).toBe(true);
      const profile = profiles.find((p) => dirname(join('data', p.file)) === dirname(fact.source_file!));
      expect(profile, label).toBeDefined();
      expect(fact.last_verified, label).toBe(profile!.retrievedAt);
    }
  });

  it('points only at layers and organizations of data/sources.json', () => {
    const layers = new Set(profiles.flatMap((p) => [p.defaults.layer, ...(p.rules ?? []).flatMap((r) => (r.set?.layer ? [r.set.layer] : []))]));
    const organizations = new Set(
      profiles.flatMap((p) => [p.defaults.organization.id, ...(p.rules ?? []).flatMap((r) => (r.set?.organization ? [r.set.organization.id] : []))]),
    );
    const selectors = allBodies().flatMap(({ where, body }) => (body.points ? [{ where, points: body.points as PointSelector }] : []));
    expect(selectors).toHaveLength(15);
    for (const { where, points } of selectors) {
      for (const layer of points.layers ?? []) expect(layers.has(layer), `${where} layer ${layer}`).toBe(true);
      for (const id of points.organizations ?? []) expect(organizations.has(id), `${where} organization ${id}`).toBe(true);
    }
  });

  it('gives every service and life event names and synonyms in both languages', () => {
    for (const item of [...catalogue.services, ...catalogue.lifeEvents]) {
      expect(item.name.en && item.name.fr, item.id).toBeTruthy();
      expect(item.synonyms.en.length, item.id).toBeGreaterThan(0);
      expect(item.synonyms.fr.length, item.id).toBeGreaterThan(0);
    }
  });
});

describe('loadCatalogue on broken input', () => {
  const realSchema = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Record<string, unknown>;
  const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
  const realEvents = { data: JSON.parse(readFileSync(join(DIR, 'life-events.json'), 'utf8')) as unknown, schema: realSchema('life-events.schema.json'), file: 'life-events.json' };

  function errorOf(run: () => unknown): CatalogueError {
    try {
      run();
    } catch (error) {
      if (error instanceof CatalogueError) return error;
      throw error;
    }
    throw new Error('expected a CatalogueError, got none');
  }

  it('rejects a verified fact without a date and an unverified fact with one, naming both', () => {
    const error = errorOf(() =>
      catalogueFromDocuments(
        { data: fixture('services-unverified-dated.json'), schema: realSchema('schema.json'), file: 'services-unverified-dated.json' },
        realEvents,
      ),
    );
    expect(error.file).toBe('services-unverified-dated.json');
    expect(error.issues).toEqual([
      '/services/0/body/facts/phone/last_verified: must be string',
      '/services/0/body/facts/phone: must match "then" schema',
      '/services/0/body/facts/url/last_verified: must be null',
      '/services/0/body/facts/url: must match "then" schema',
    ]);
    expect(error.message).toContain('services-unverified-dated.json is not a valid catalogue (4 problems):');
    expect(error.message).toContain('Fix the file');
  });

  it('rejects a fact that is not the body’s own value and an invalid phone number', () => {
    const error = errorOf(() =>
      catalogueFromDocuments(
        { data: fixture('services-phone-mismatch.json'), schema: realSchema('schema.json'), file: 'services-phone-mismatch.json' },
        realEvents,
      ),
    );
    expect(error.issues).toEqual([
      'service "sin" body: tty "1-911-555-0100" is not a valid North American number',
      'service "sin" body: facts.phone.value "1-800-622-6232" differs from phone "1-866-274-6627"',
    ]);
  });

  it('rejects a life event naming a service that does not exist', async () => {
    const services = { data: await readCatalogueFile(DIR, 'services.json'), schema: realSchema('schema.json'), file: 'services.json' };
    const error = errorOf(() =>
      catalogueFromDocuments(services, { ...realEvents, data: fixture('life-events-unknown-service.json'), file: 'life-events-unknown-service.json' }),
    );
    expect(error.issues).toEqual(['life event "lost_wallet": "health_cards" is not a service id of services.json']);
  });

  it('says which file is missing or not JSON', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'repere-catalogue-'));
    try {
      await expect(loadCatalogue(empty)).rejects.toThrow(/services\.json is not a valid catalogue \(1 problem\):\n {2}- the file cannot be read: ENOENT/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    await expect(readCatalogueFile(FIXTURES, 'not-json.json')).rejects.toThrow(/not-json\.json is not a valid catalogue \(1 problem\):\n {2}- the file is not valid JSON/);
  });
});
