/** Default age after which a source is flagged stale: two years. */
export const DEFAULT_MAX_AGE_DAYS = 730;

const DAY_MS = 86_400_000;

/** Which date a source's freshness is measured from. */
export type FreshnessBasis = 'last_verified' | 'portal_modified' | 'retrieved_at';

export interface Freshness {
  /** The date the data is known to be current as of, as recorded; null when no date parses. */
  asOf: string | null;
  basis: FreshnessBasis | null;
  /** Whole days from `asOf` to the report date; null when unknown. */
  ageDays: number | null;
  maxAgeDays: number;
  /** Older than `maxAgeDays`, or of unknown age. */
  stale: boolean;
}

export interface FreshnessDates {
  lastVerified: string | null;
  retrievedAt: string;
  /** For harvested sources: the portal's `last_modified` of the resource, else the dataset's `metadata_modified`. */
  portalModified?: string | null;
}

/**
 * How old a source's data is: measured from the latest of its last verification and its
 * data date. The data date of a harvested source is the portal's modification date (the
 * download date says nothing about the data); of any other source, `retrievedAt`.
 * @example freshnessOf({ lastVerified: null, retrievedAt: '2021-01-01' }, new Date('2024-01-01'), 730) // { asOf: '2021-01-01', basis: 'retrieved_at', ageDays: 1095, maxAgeDays: 730, stale: true }
 */
export function freshnessOf(dates: FreshnessDates, now: Date, maxAgeDays: number): Freshness {
  const candidates: Array<{ date: string; basis: FreshnessBasis; time: number }> = [];
  const add = (date: string | null | undefined, basis: FreshnessBasis): void => {
    const time = date ? parseTime(date) : null;
    if (date && time !== null) candidates.push({ date, basis, time });
  };
  add(dates.lastVerified, 'last_verified');
  if (dates.portalModified) add(dates.portalModified, 'portal_modified');
  else add(dates.retrievedAt, 'retrieved_at');
  const latest = candidates.sort((a, b) => b.time - a.time)[0];
  if (!latest) return { asOf: null, basis: null, ageDays: null, maxAgeDays, stale: true };
  const ageDays = Math.floor((now.getTime() - latest.time) / DAY_MS);
  return { asOf: latest.date, basis: latest.basis, ageDays, maxAgeDays, stale: ageDays > maxAgeDays };
}

/** Milliseconds of an ISO 8601 date or timestamp; one without a zone (CKAN's) is read as UTC. */
function parseTime(text: string): number | null {
  const trimmed = text.trim();
  // Date.parse also guesses at free text ("sometime in 2020"): only ISO dates count.
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(trimmed)) return null;
  const withZone = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(trimmed) ? `${trimmed}Z` : trimmed;
  const time = Date.parse(withZone);
  return Number.isNaN(time) ? null : time;
}
