import type { Lang } from '../domain/bilingual-text.js';
import type { Bilingual, Catalogue, CatalogueService, LifeEvent } from './catalogue.js';
import { isSameWord, needTokens, wordSimilarity } from './need-tokens.js';

/** How a service came to be matched: named directly, or as part of a life event. */
export type MatchSource = { kind: 'service'; term: string } | { kind: 'life_event'; id: string; term: string };

export interface ServiceMatch {
  service: CatalogueService;
  /** Higher is better; comparable within one query. */
  score: number;
  via: MatchSource;
}

export interface LifeEventMatch {
  lifeEvent: LifeEvent;
  score: number;
  term: string;
}

/** A catalogue entry the need may have meant, for "no match" answers and "see also". */
export interface Suggestion {
  kind: 'service' | 'life_event';
  id: string;
  name: Bilingual;
}

/** What a free-text need matched, ranked. `suggestions` is never empty when `services` is. */
export interface NeedMatch {
  text: string;
  services: ServiceMatch[];
  lifeEvents: LifeEventMatch[];
  suggestions: Suggestion[];
}

interface Term {
  text: string;
  tokens: string[];
  /** The entry's own name rather than a synonym. */
  isName: boolean;
}

interface Entry {
  kind: 'service' | 'life_event';
  id: string;
  name: Bilingual;
  terms: Term[];
}

interface Candidate {
  entry: Entry;
  term: Term;
  /** Positions of the query tokens the term covers. */
  covered: number[];
  score: number;
}

/** How many entries a "no match" answer suggests. */
export const SUGGESTION_COUNT = 5;
// When nothing in the catalogue resembles the need: what call centres are asked most.
const FALLBACK_SUGGESTIONS = ['lost_wallet', 'health_card', 'drivers_licence', 'sin', 'passport'];

/**
 * Matches free-text needs, French or English, against the catalogue's services and life
 * events: names, synonyms and plain-language words, accent- and case-insensitive, in any word
 * order. Built once per catalogue; `matchNeed` is pure.
 * @example new NeedMatcher(catalogue).matchNeed('perdu mon portefeuille').lifeEvents[0]?.lifeEvent.id // 'lost_wallet'
 */
export class NeedMatcher {
  readonly #catalogue: Catalogue;
  readonly #entries: Entry[];

  constructor(catalogue: Catalogue) {
    this.#catalogue = catalogue;
    this.#entries = [
      ...catalogue.lifeEvents.map((event) => entryOf('life_event', event)),
      ...catalogue.services.map((service) => entryOf('service', service)),
    ];
  }

  /**
   * The services a need asks for, best first; a life event brings its services in the order a
   * person would do them. A need that matches nothing gets `suggestions`: the closest entries by
   * shared words and prefixes, or the most asked-for ones.
   * @example matcher.matchNeed('baby bonus').services[0]?.service.id // 'ccb'
   */
  matchNeed(text: string, lang: Lang = 'en'): NeedMatch {
    const tokens = needTokens(text);
    const kept = keepLongest(candidatesOf(this.#entries, tokens));
    const lifeEvents: LifeEventMatch[] = [];
    const services: ServiceMatch[] = [];
    const seen = new Set<string>();
    for (const candidate of kept) {
      const { entry, term, score } = candidate;
      if (entry.kind === 'life_event') {
        const lifeEvent = this.#catalogue.lifeEventsById.get(entry.id)!;
        lifeEvents.push({ lifeEvent, score, term: term.text });
        for (const id of lifeEvent.services) {
          if (seen.has(id)) continue;
          seen.add(id);
          services.push({ service: this.#catalogue.byId.get(id)!, score, via: { kind: 'life_event', id: entry.id, term: term.text } });
        }
      } else if (!seen.has(entry.id)) {
        seen.add(entry.id);
        services.push({ service: this.#catalogue.byId.get(entry.id)!, score, via: { kind: 'service', term: term.text } });
      }
    }
    const suggestions = services.length > 0 ? this.#related(services) : this.#closest(tokens, lang);
    return { text, services, lifeEvents, suggestions };
  }

  /** "See also": services related to the matched ones that were not matched themselves. */
  #related(services: readonly ServiceMatch[]): Suggestion[] {
    const matched = new Set(services.map((match) => match.service.id));
    const ids = [...new Set(services.flatMap((match) => match.service.related ?? []))].filter((id) => !matched.has(id));
    return ids.map((id) => suggestionOf(this.#catalogue.byId.get(id)!, 'service'));
  }

  /** The entries whose words are most like the need's, padded with the most asked-for. */
  #closest(tokens: readonly string[], lang: Lang): Suggestion[] {
    const scored = this.#entries
      .map((entry) => ({ entry, score: similarityTo(entry, tokens, lang) }))
      .filter((item) => item.score >= 0.4)
      .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    const ids = scored.slice(0, SUGGESTION_COUNT).map((item) => item.entry);
    for (const id of FALLBACK_SUGGESTIONS) {
      if (ids.length >= SUGGESTION_COUNT) break;
      const entry = this.#entries.find((e) => e.id === id);
      if (entry && !ids.includes(entry)) ids.push(entry);
    }
    return ids.map((entry) => ({ kind: entry.kind, id: entry.id, name: entry.name }));
  }
}

function entryOf(kind: Entry['kind'], item: CatalogueService | LifeEvent): Entry {
  const texts = [
    { text: item.name.en, isName: true },
    { text: item.name.fr, isName: true },
    ...[...item.synonyms.en, ...item.synonyms.fr].map((text) => ({ text, isName: false })),
  ];
  const terms: Term[] = [];
  for (const { text, isName } of texts) {
    const tokens = needTokens(text);
    if (tokens.length === 0) continue;
    if (terms.some((t) => t.tokens.join(' ') === tokens.join(' '))) continue;
    terms.push({ text, tokens, isName });
  }
  return { kind, id: item.id, name: item.name, terms };
}

function suggestionOf(item: CatalogueService | LifeEvent, kind: Suggestion['kind']): Suggestion {
  return { kind, id: item.id, name: item.name };
}

/** For each entry, its best term that the query covers entirely (any order). */
function candidatesOf(entries: readonly Entry[], tokens: readonly string[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const entry of entries) {
    let best: Candidate | null = null;
    for (const term of entry.terms) {
      const covered = coverage(term.tokens, tokens);
      if (!covered) continue;
      // Longer terms say more; a term found in order, as typed, a little more; the name a hair more.
      const score = term.tokens.length + (isInOrder(covered) ? 0.5 : 0) + (term.isName ? 0.1 : 0);
      if (!best || score > best.score) best = { entry, term, covered, score };
    }
    if (best) candidates.push(best);
  }
  return candidates;
}

/** The query positions covering each term token, or null when one is missing. */
function coverage(termTokens: readonly string[], tokens: readonly string[]): number[] | null {
  const used = new Set<number>();
  const positions: number[] = [];
  for (const wanted of termTokens) {
    const at = tokens.findIndex((token, i) => !used.has(i) && isSameWord(token, wanted));
    if (at < 0) return null;
    used.add(at);
    positions.push(at);
  }
  return positions;
}

function isInOrder(positions: readonly number[]): boolean {
  return positions.every((p, i) => i === 0 || p === positions[i - 1]! + 1);
}

/**
 * Longest matches first; a match whose words all belong to a longer match of another entry
 * is dropped ("assurance emploi" is Employment Insurance, not employment services too).
 */
function keepLongest(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) => b.score - a.score || Number(b.entry.kind === 'life_event') - Number(a.entry.kind === 'life_event') || a.entry.id.localeCompare(b.entry.id),
  );
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    const subsumed = kept.some(
      (longer) =>
        longer.term.tokens.length > candidate.term.tokens.length && candidate.covered.every((p) => longer.covered.includes(p)),
    );
    if (!subsumed) kept.push(candidate);
  }
  return kept;
}

/** How much an entry looks like the query words: best term, mean of per-word best similarity. */
function similarityTo(entry: Entry, tokens: readonly string[], lang: Lang): number {
  if (tokens.length === 0) return 0;
  let best = 0;
  for (const term of entry.terms) {
    const perToken = tokens.map((token) => Math.max(...term.tokens.map((t) => wordSimilarity(token, t))));
    // Mean similarity of the typed words, a little less when the term has words not typed.
    const mean = perToken.reduce((sum, s) => sum + s, 0) / tokens.length;
    const score = mean * (0.75 + (0.25 * Math.min(tokens.length, term.tokens.length)) / Math.max(tokens.length, term.tokens.length));
    // Ties go to terms of the asker's language, so suggestions read naturally.
    const inLang = term.text === entry.name[lang] ? 0.01 : 0;
    best = Math.max(best, score + inLang);
  }
  return best;
}
