import type { RowTransform } from './row-transform.js';

// Service Canada names its offices after their community: "Moose Jaw Service Canada Centre",
// "Webequie First Nation Scheduled Outreach Site", "Laval Service Canada Centre - Passport
// Services", "Montreal Lake/Timber Bay Scheduled Outreach Site". 482 of 595 rows have no
// address, so the name is the only location we have.
const OFFICE_SUFFIXES = [
  /\s*-\s*passport services?$/i,
  /\s+and passport (services?|office)$/i,
  /\s+service canada centre$/i,
  /\s+scheduled outreach site$/i,
  /\s+service delivery partner$/i,
  /\s+passport office$/i,
  /\s+city hall$/i,
];

/** Place names hidden in an office name, most specific first. */
export function placesFromOfficeName(name: string): string[] {
  let place = name.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of OFFICE_SUFFIXES) {
      const next = place.replace(suffix, '');
      if (next !== place) {
        place = next.trim();
        changed = true;
      }
    }
  }
  if (!place || place === name.trim()) return [];
  const out = new Set<string>([place]);
  // "Montreal Lake/Timber Bay": either community locates the site.
  for (const part of place.split('/')) out.add(part.trim());
  // "Winnipeg St. Boniface", "Fergus/Elora": the leading words name the larger place.
  const words = place.split(/\s+/);
  for (let n = words.length - 1; n >= 1; n--) out.add(words.slice(0, n).join(' '));
  return [...out].filter(Boolean);
}

/** Fills an empty city from the office name; keeps the other candidates for the geocoder. */
export const placeFromOfficeName: RowTransform = (row) => {
  const candidates = placesFromOfficeName(row.name ?? '');
  if (row.city && row.city.trim()) return { row, placeCandidates: candidates };
  const [first] = candidates;
  return first ? { row: { ...row, city: first }, placeCandidates: candidates.slice(1) } : { row };
};
