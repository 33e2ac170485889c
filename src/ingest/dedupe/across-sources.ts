import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { ServicePoint } from '../../domain/service-point.js';
import { foldText } from '../../domain/text.js';

/** Two points of different sources this close (metres) with similar names are likely the same place. */
export const LIKELY_DUPLICATE_RADIUS_METRES = 150;
const NAME_SIMILARITY = 0.5;

interface Candidate {
  id: string;
  sourceId: string;
  tokens: Set<string>;
  streetKey: string;
}

// Words that every government office shares and that say nothing about which one it is.
const STOP_WORDS = new Set(['the', 'of', 'de', 'du', 'des', 'la', 'le', 'les', 'and', 'et', 'centre', 'center', 'office', 'bureau', 'branch', 'succursale']);

/**
 * Flags records that probably duplicate a record of another source (e.g. a Service Canada
 * office listed both by Service Canada and by a city's facility file). Built once from
 * the store's other sources; matching is a geokdbush radius query plus a name-token or
 * street comparison, so it is cheap per row. Flags only: both records are kept.
 */
export class CrossSourceMatcher {
  readonly #candidates: Candidate[] = [];
  readonly #byStreet = new Map<string, Candidate[]>();
  #index: KDBush | null = null;
  readonly #coords: Array<[number, number]> = [];

  static async fromPoints(points: AsyncIterable<ServicePoint> | Iterable<ServicePoint>, excludeSourceId: string): Promise<CrossSourceMatcher> {
    const matcher = new CrossSourceMatcher();
    const located: Candidate[] = [];
    for await (const point of points) {
      if (point.provenance.sourceId === excludeSourceId) continue;
      const candidate = toCandidate(point);
      if (candidate.streetKey) {
        const list = matcher.#byStreet.get(candidate.streetKey) ?? [];
        list.push(candidate);
        matcher.#byStreet.set(candidate.streetKey, list);
      }
      if (point.geocode) {
        located.push(candidate);
        matcher.#coords.push([point.geocode.lon, point.geocode.lat]);
      }
    }
    if (located.length > 0) {
      const index = new KDBush(located.length);
      for (const [lon, lat] of matcher.#coords) index.add(lon, lat);
      index.finish();
      matcher.#index = index;
      matcher.#candidates.push(...located);
    }
    return matcher;
  }

  /** Ids of records of other sources that are likely the same place as `point`. */
  match(point: ServicePoint): string[] {
    // The first source of a fresh database has nothing to match: skip folding its names.
    if (this.#byStreet.size === 0 && !this.#index) return [];
    const mine = toCandidate(point);
    const found = new Set<string>();
    if (mine.streetKey) {
      for (const other of this.#byStreet.get(mine.streetKey) ?? []) {
        if (similarity(mine.tokens, other.tokens) >= NAME_SIMILARITY) found.add(other.id);
      }
    }
    if (this.#index && point.geocode && point.geocode.precision !== 'fsa' && point.geocode.precision !== 'community' && point.geocode.precision !== 'csd') {
      const hits = around(this.#index, point.geocode.lon, point.geocode.lat, 20, LIKELY_DUPLICATE_RADIUS_METRES / 1000);
      for (const i of hits) {
        const other = this.#candidates[i];
        if (other && similarity(mine.tokens, other.tokens) >= NAME_SIMILARITY) found.add(other.id);
      }
    }
    return [...found].sort();
  }
}

function toCandidate(point: ServicePoint): Candidate {
  const name = `${point.name.en ?? ''} ${point.name.fr ?? ''}`;
  const tokens = new Set(foldText(name).split(' ').filter((t) => t.length > 1 && !STOP_WORDS.has(t)));
  const a = point.address;
  const streetKey = a.street && a.city ? `${foldText(a.street)}|${foldText(a.city)}` : '';
  return { id: point.id, sourceId: point.provenance.sourceId, tokens, streetKey };
}

/** Share of the smaller name's tokens found in the other (overlap coefficient). */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.min(a.size, b.size);
}
