import type { Store } from '../store/store.js';
import type { PlaceSearch } from '../search/origin.js';
import type { AnalysisService } from './api/analysis-service.js';
import type { Auth } from './auth/auth.js';

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
  /** Analyst sign-in: who is signed in, sessions, CSRF tokens (src/http/auth). */
  auth: Auth;
  /** The analyses, with their inputs read once per dataset version (API and analysis pages). */
  analysis: AnalysisService;
  /** Service-delivery partnerships a point takes part in (the partnerships catalogue). */
  partnershipsForPoint: (pointId: string) => ReadonlyArray<{ id: string; name: { en: string; fr: string } }>;
}
