import type { Geocode } from '../domain/geocode.js';
import type { ProvinceCode } from '../domain/province.js';

/**
 * The offline geography the pipeline needs, as the two questions it asks. Implemented by
 * `ProvinceLocator` and `Gazetteer` (src/ingest/geocode/), built from the reference layers.
 */
export interface GeoContext {
  locator: {
    isInCanada(lat: number, lon: number): boolean;
    provinceAt(lat: number, lon: number): ProvinceCode | null;
  };
  gazetteer: {
    geocode(query: { postalCode?: string; city?: string; province?: ProvinceCode }): Geocode | null;
  };
}
