import type { Boundary, FsaCentroid, Place, PopulationUnit } from '../domain/reference.js';
import { Gazetteer } from './geocode/gazetteer.js';
import { ProvinceLocator } from './geocode/province-locator.js';
import type { CountryOutlines } from './geocode/province-locator.js';
import type { GeoContext } from './geo-context.js';
import { loadAddressPlaces } from './reference/load-address-places.js';
import { loadBoundaries, loadCanadaOutline } from './reference/load-boundaries.js';
import { loadCommunities } from './reference/load-communities.js';
import type { NamedCommunity } from './reference/load-communities.js';
import { loadFederalBuildingPoints, loadHealthFacilityPoints } from './reference/load-csd-points.js';
import { loadFsaCentroids } from './reference/load-fsa-centroids.js';
import { loadPlaces } from './reference/load-places.js';
import { loadCwbUnits } from './reference/load-population-units.js';
import { locateCsds } from './reference/locate-csds.js';

/** Every bundled reference layer, loaded once. */
export interface ReferenceLayers {
  places: Place[];
  fsas: FsaCentroid[];
  communities: NamedCommunity[];
  boundaries: Boundary[];
  outlines: CountryOutlines;
  units: PopulationUnit[];
  /** Village points derived from facility addresses (geocoding only; not a published layer). */
  addressPlaces: Place[];
}

/**
 * Loads the reference layers from the bundled data folder, each file read once (places
 * and communities feed both the gazetteer and the CSD representative points).
 */
export async function loadReferenceLayers(dataDir: string): Promise<ReferenceLayers> {
  const [places, fsas, communities, boundaries, outlines, cwb, buildings, facilities, addressPlaces] = await Promise.all([
    loadPlaces(dataDir),
    loadFsaCentroids(dataDir),
    loadCommunities(dataDir),
    loadBoundaries(dataDir),
    loadCanadaOutline(dataDir),
    loadCwbUnits(dataDir),
    loadFederalBuildingPoints(dataDir),
    loadHealthFacilityPoints(dataDir),
    loadAddressPlaces(dataDir),
  ]);
  const units = locateCsds(cwb, { places, communities, pointSources: [buildings, facilities] });
  return { places, fsas, communities, boundaries, outlines, units, addressPlaces };
}

/** The offline geocoder and province locator over the reference layers. */
export function geoContextFrom(layers: ReferenceLayers): GeoContext & { gazetteer: Gazetteer; locator: ProvinceLocator } {
  return {
    locator: new ProvinceLocator(layers.boundaries, { outlines: layers.outlines }),
    gazetteer: Gazetteer.from({
      places: layers.places,
      communities: layers.communities,
      fsas: layers.fsas,
      units: layers.units,
      addressPlaces: layers.addressPlaces,
    }),
  };
}
