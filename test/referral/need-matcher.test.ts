// Matching callers' words (French or English, plain language, accents or not) against the
// real catalogue (data/catalogue/), with the exact services expected in order.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/referral/load-catalogue.js';
import { NeedMatcher } from '../../src/referral/need-matcher.js';
import { isSameWord, needTokens, wordSimilarity } from '../../src/referral/need-tokens.js';

let matcher: NeedMatcher;
beforeAll(async () => {
  matcher = new NeedMatcher(await loadCatalogue(resolve('data/catalogue')));
});

const ids = (text: string): string[] => matcher.matchNeed(text).services.map((m) => m.service.id);
const LOST_WALLET = ['drivers_licence', 'health_card', 'vehicle_registration', 'sin', 'status_card'];

describe('needTokens', () => {
  it('splits elisions, folds accents, drops stopwords, cuts plurals and maps spellings', () => {
    expect(needTokens("J'ai perdu mon portefeuille")).toEqual(['perdu', 'portefeuille']);
    expect(needTokens('perte d’emploi')).toEqual(['perte', 'emploi']);
    expect(needTokens("I need my driver's license")).toEqual(['driver', 'licence']);
    expect(needTokens('Taxes foncières')).toEqual(['taxe', 'fonciere']);
    expect(needTokens('  ')).toEqual([]);
  });

  it('compares words leniently for matching and loosely for suggestions', () => {
    expect(isSameWord('passports', 'passport')).toBe(true);
    expect(isSameWord('ei', 'eis')).toBe(false);
    expect(isSameWord('retire', 'retirement')).toBe(false);
    expect(wordSimilarity('pasport', 'passport')).toBeGreaterThan(0.5);
    expect(wordSimilarity('xyzzy', 'passport')).toBe(0);
  });
});

describe('matchNeed', () => {
  it('expands a lost wallet to its services in the order a person would do them', () => {
    const match = matcher.matchNeed('lost wallet');
    expect(match.lifeEvents.map((e) => e.lifeEvent.id)).toEqual(['lost_wallet']);
    expect(match.services.map((m) => [m.service.id, m.via])).toEqual(
      LOST_WALLET.map((id) => [id, { kind: 'life_event', id: 'lost_wallet', term: 'lost wallet' }]),
    );
    expect(match.suggestions.map((s) => s.id)).toEqual(['inuit_enrolment']);
  });

  it('gives the same services in French, in any word order, with or without accents', () => {
    for (const text of ['portefeuille perdu', "J'ai perdu mon portefeuille", 'PERDU MON PORTEFEUILLE', 'on m’a volé mon portefeuille', 'I lost my wallet', 'wallet stolen']) {
      expect(ids(text), text).toEqual(LOST_WALLET);
    }
  });

  it('understands plain-language and slang words for services', () => {
    const expected: Array<[string, string[]]> = [
      ['baby bonus', ['ccb']],
      ['chômage', ['ei']],
      ['chomage', ['ei']],
      ['assurance-emploi', ['ei']],
      ['pogey', ['ei']],
      ['carte soleil', ['health_card']],
      ['OHIP card', ['health_card']],
      ['I need a driver’s license', ['drivers_licence']],
      ['permis d’embarcation', ['boat_licence']],
      ['welfare', ['income_assistance']],
      ['aide sociale', ['income_assistance']],
      ['impôt foncier', ['property_tax']],
      ['property taxes', ['property_tax']],
      ['NAS', ['sin']],
      ['passports', ['passport']],
      ['status card', ['status_card']],
      ['emploi', ['employment_services']],
      ['work permit', ['pr_card']],
    ];
    for (const [text, want] of expected) expect(ids(text), text).toEqual(want);
  });

  it('matches the other life events in French and English', () => {
    const expected: Array<[string, string]> = [
      ['new baby', 'having_a_baby'],
      ['naissance', 'having_a_baby'],
      ['déménagement', 'moving'],
      ['change of address', 'moving'],
      ['nouvel arrivant', 'new_to_canada'],
      ['lost my job', 'losing_a_job'],
      ['perte d’emploi', 'losing_a_job'],
      ['turning 65', 'turning_65'],
      ['retraite', 'turning_65'],
      ['my husband died', 'death_of_a_loved_one'],
      ['décès d’un proche', 'death_of_a_loved_one'],
      ['first job', 'youth'],
      ['étudiant', 'youth'],
    ];
    for (const [text, event] of expected) expect(matcher.matchNeed(text).lifeEvents.map((e) => e.lifeEvent.id), text).toEqual([event]);
  });

  it('prefers the longer reading: a service inside a life event’s words wins over the event', () => {
    expect(ids('death certificate')).toEqual(['death_certificate']);
    expect(ids('retirement pension')).toEqual(['cpp']);
    expect(ids('assurance emploi')).toEqual(['ei']);
  });

  it('ranks a life event and a service named together, the event first', () => {
    expect(ids('lost wallet and passport')).toEqual([...LOST_WALLET, 'passport']);
  });

  it('never answers empty-handed: an unknown need gets the closest entries', () => {
    const typo = matcher.matchNeed('pasport');
    expect(typo.services).toEqual([]);
    expect(typo.suggestions.map((s) => s.id)).toEqual(['passport', 'lost_wallet', 'health_card', 'drivers_licence', 'sin']);
    expect(matcher.matchNeed('licence').suggestions.map((s) => s.id)).toEqual([
      'drivers_licence',
      'marriage_licence',
      'boat_licence',
      'vehicle_registration',
      'losing_a_job',
    ]);
    expect(matcher.matchNeed('health').suggestions.map((s) => s.id)).toEqual(['health_card', 'lost_wallet', 'drivers_licence', 'sin', 'passport']);
    const nothing = matcher.matchNeed('xyzzy');
    expect(nothing.services).toEqual([]);
    expect(nothing.suggestions.map((s) => [s.kind, s.id])).toEqual([
      ['life_event', 'lost_wallet'],
      ['service', 'health_card'],
      ['service', 'drivers_licence'],
      ['service', 'sin'],
      ['service', 'passport'],
    ]);
    expect(matcher.matchNeed('').suggestions).toHaveLength(5);
  });

  it('does not change with the asker’s language, except suggestion ties', () => {
    expect(matcher.matchNeed('chômage', 'fr').services.map((m) => m.service.id)).toEqual(matcher.matchNeed('chômage', 'en').services.map((m) => m.service.id));
  });
});
