import type { GeocodePrecision } from '../domain/geocode.js';
import { foldPlaceName } from '../domain/text.js';

/** Where distances are measured from, and what the user typed that gave it. */
export interface Origin {
  lat: number;
  lon: number;
  label: string;
  precision: GeocodePrecision;
  kind: 'coordinates' | 'postal_code' | 'fsa' | 'place' | 'community';
}

/** What the finder needs from the offline gazetteer. */
export interface PlaceSearch {
  search(
    text: string,
    limit: number,
  ): Array<{ label: string; lat: number; lon: number; precision: GeocodePrecision; kind: 'postal_code' | 'fsa' | 'place' | 'community' }>;
}

/**
 * Reads a place box: a postal code or FSA, or a place name ("Iqaluit", "Saint-Jérôme",
 * "Campbell River, BC"). Returns null when the text is not a known place.
 */
export function originFromPlaceText(text: string, places: PlaceSearch): Origin | null {
  const [best] = places.search(text, 1);
  return best ? { ...best } : null;
}

/**
 * Reads the one-box home search: a postal code, FSA or a place name whose folded form
 * equals the typed text becomes the origin; anything else is keywords. "Quebec" is the
 * city, "emploi" is keywords, "emploi Gatineau" stays keywords (the place is not guessed
 * out of a phrase).
 */
export function originFromOneBox(text: string, places: PlaceSearch): Origin | null {
  const [best] = places.search(text, 1);
  if (!best) return null;
  if (best.kind === 'postal_code' || best.kind === 'fsa') return { ...best };
  const typed = foldPlaceName(text.replace(/,.*$/, ''));
  const found = foldPlaceName(best.label.replace(/,.*$/, ''));
  return typed === found ? { ...best } : null;
}
