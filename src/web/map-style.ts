import type { StyleSpecification } from 'maplibre-gl';
import { communitiesLayer, communitiesSource, COMMUNITIES_SOURCE_ID } from './communities-layer.js';
import type { MapConfig } from './map-config.js';
import { offlineStyle } from './offline-style.js';
import { pointsLayers, pointsSource, POINTS_SOURCE_ID } from './points-layer.js';
import { unitsLayer, unitsSource, UNITS_SOURCE_ID } from './units-layer.js';

const BOUNDARIES_ATTRIBUTION = { en: 'Made with Natural Earth', fr: 'Réalisé avec Natural Earth' } as const;

/**
 * The whole map style for a page: the offline basemap, then the census subdivisions when the
 * page has them (analysis), then the communities, then the clustered service points on top. Pure: the same config gives the same style.
 * @example new Map({ container, style: mapStyle(mapConfigFromDataset(element.dataset, document.baseURI)) })
 */
export function mapStyle(config: MapConfig): StyleSpecification {
  const style = offlineStyle({
    boundaries: config.boundariesUrl,
    boundariesAttribution: BOUNDARIES_ATTRIBUTION[config.lang],
    raster: config.tileUrl === null ? null : { tileUrl: config.tileUrl, attribution: config.tileAttribution },
  });
  if (config.units !== null) {
    style.sources[UNITS_SOURCE_ID] = unitsSource(config.units.url);
    style.layers.push(unitsLayer(config.units));
  }
  if (config.communitiesUrl !== null) {
    style.sources[COMMUNITIES_SOURCE_ID] = communitiesSource(config.communitiesUrl);
    style.layers.push(communitiesLayer());
  }
  style.sources[POINTS_SOURCE_ID] = pointsSource(config.pointsUrl);
  style.layers.push(...pointsLayers());
  return style;
}
