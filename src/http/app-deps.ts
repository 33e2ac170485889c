import type { Store } from '../store/store.js';
import type { PlaceSearch } from '../search/origin.js';

/** Everything route modules need, built once at start-up by `buildApp`. */
export interface AppDeps {
  store: Store;
  /** Offline gazetteer over the store's reference layers (postal codes, places, communities). */
  places: PlaceSearch & {
    lookupFsa(fsa: string): { fsa: string; lat: number; lon: number } | null;
  };
  /** The clock, injectable so "open now" is testable. */
  now: () => Date;
  /** Public base URL path prefix (no trailing slash), "" by default. */
  basePath: string;
  /** Optional raster tile URL template for the map (empty: offline style only). */
  tileUrl: string;
  /** Address for "report a correction" mail. */
  correctionsEmail: string;
  /** Service-delivery partnerships a point takes part in (the partnerships catalogue). */
  partnershipsForPoint: (pointId: string) => ReadonlyArray<{ id: string; name: { en: string; fr: string } }>;
}
