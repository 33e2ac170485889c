import type { GeoContext } from '../ingest/geo-context.js';
import { geoContextFrom, loadReferenceLayers } from '../ingest/reference-layers.js';

/** The offline geocoder built from the bundled reference layers in `dataDir`. */
export async function loadGeoContext(dataDir: string): Promise<GeoContext> {
  return geoContextFrom(await loadReferenceLayers(dataDir));
}
