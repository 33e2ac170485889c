import {
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type MapOptions,
  type PointLike,
} from 'maplibre-gl';
import { COMMUNITIES_LAYER_ID, COMMUNITY_ICON_ID, communityIconImage } from './communities-layer.js';
import { CommunitiesToggle } from './communities-toggle.js';
import { LocateControl } from './locate-control.js';
import type { InitialView, MapConfig } from './map-config.js';
import { mapStyle } from './map-style.js';
import { maplibreLocale } from './maplibre-locale.js';
import { CLICKABLE_POINT_LAYERS, POINTS_LAYER_IDS, POINTS_SOURCE_ID } from './points-layer.js';
import { popupContent, pointSummaryFrom } from './popup.js';
import { UnitsLegend } from './units-legend.js';

/** Fired on the map element once the map has loaded and first drawn its data. */
export const MAP_READY_EVENT = 'repere:mapready';
export interface MapReadyDetail {
  map: MapLibreMap;
}

/** Half the side of the square searched around a click or tap, px: 44 px targets for fingers. */
const TOUCH_HIT_RADIUS_PX = 22;
const MOUSE_HIT_RADIUS_PX = 10;
const EASE_DURATION_MS = 400;

/**
 * Turns the server-rendered map element into an interactive map: points and clusters, a
 * popup per point, "use my location", the communities checkbox. Throws if WebGL is missing.
 * @example createServiceMap(document.getElementById('map')!, mapConfigFromDataset(element.dataset, document.baseURI))
 */
export function createServiceMap(container: HTMLElement, config: MapConfig): MapLibreMap {
  const doc = container.ownerDocument;
  const win = doc.defaultView;
  if (win === null) throw new Error('expected the map element to be in a window, found a detached document');
  const coarsePointer = win.matchMedia('(pointer: coarse)').matches;

  container.dataset['mapState'] = 'loading';
  const map = new MapLibreMap({
    container,
    style: mapStyle(config),
    ...viewOptions(config.view),
    locale: maplibreLocale(config.lang, container.getAttribute('aria-label')),
    // No maxBounds: on wide screens it forces a zoom at which data-bounds no longer fit.
    minZoom: 1,
    renderWorldCopies: false,
    // A flat, north-up map: rotation and tilt only disorient here.
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    // On touch screens one finger scrolls the page, two move the map: the map must not trap
    // a phone user who only wants to reach the list below it.
    cooperativeGestures: coarsePointer,
    // Labels appear at once rather than fading in when motion is to be reduced.
    fadeDuration: prefersReducedMotion(win) ? 0 : 300,
  });
  map.keyboard.disableRotation();
  map.touchZoomRotate.disableRotation();

  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  const geolocation = win.isSecureContext ? win.navigator.geolocation : undefined;
  if (geolocation !== undefined) {
    map.addControl(
      new LocateControl({
        label: config.messages.useMyLocation,
        locating: config.messages.locating,
        failed: config.messages.locationDenied,
        geolocation,
        currentHref: () => win.location.href,
        navigate: (url) => win.location.assign(url),
      }),
      'top-left',
    );
  }
  if (config.communitiesUrl !== null) {
    map.addControl(
      new CommunitiesToggle({
        label: config.messages.communities,
        layerId: COMMUNITIES_LAYER_ID,
        visible: true,
      }),
      'bottom-left',
    );
  }

  if (config.units !== null) map.addControl(new UnitsLegend(config.units), 'bottom-right');

  // The style has no sprite: the community triangle is drawn when a tile first asks for it.
  map.setMissingStyleImageResolver((id) => {
    if (id !== COMMUNITY_ICON_ID || map.hasImage(id)) return;
    const pixelRatio = Math.max(1, Math.ceil(win.devicePixelRatio));
    map.addImage(id, communityIconImage(doc, pixelRatio), { pixelRatio });
  });

  const hitRadius = coarsePointer ? TOUCH_HIT_RADIUS_PX : MOUSE_HIT_RADIUS_PX;
  map.on('click', (event) => {
    const feature = nearestPointFeature(map, event.point, hitRadius);
    if (feature === null) return;
    if (feature.layer.id === POINTS_LAYER_IDS.clusters) {
      zoomIntoCluster(map, feature, prefersReducedMotion(win)).catch((error: unknown) => {
        console.warn('Repère map: could not expand the cluster.', error);
      });
    } else {
      openPointPopup(map, feature, config, doc);
    }
  });
  const canvas = map.getCanvas();
  map.on('mouseenter', [...CLICKABLE_POINT_LAYERS], () => {
    canvas.style.cursor = 'pointer';
  });
  map.on('mouseleave', [...CLICKABLE_POINT_LAYERS], () => {
    canvas.style.cursor = '';
  });

  map.once('load', () => {
    map.once('idle', () => {
      container.dataset['mapState'] = 'ready';
      container.dispatchEvent(new CustomEvent<MapReadyDetail>(MAP_READY_EVENT, { detail: { map } }));
    });
  });
  return map;
}

function viewOptions(view: InitialView): Pick<MapOptions, 'bounds' | 'fitBoundsOptions' | 'center' | 'zoom'> {
  if (view.kind === 'bounds') {
    const [west, south, east, north] = view.bounds;
    return {
      bounds: [
        [west, south],
        [east, north],
      ],
      fitBoundsOptions: { padding: 24 },
    };
  }
  return { center: view.center, zoom: view.zoom };
}

/** The point or cluster nearest to `point` (px) within a square of ±radius px, or null. */
function nearestPointFeature(map: MapLibreMap, point: PointLike, radius: number): MapGeoJSONFeature | null {
  const [x, y] = Array.isArray(point) ? point : [point.x, point.y];
  const features = map.queryRenderedFeatures(
    [
      [x - radius, y - radius],
      [x + radius, y + radius],
    ],
    { layers: [...CLICKABLE_POINT_LAYERS] },
  );
  let nearest: MapGeoJSONFeature | null = null;
  let nearestDistance = Number.POSITIVE_INFINITY;
  for (const feature of features) {
    const coordinates = pointCoordinates(feature);
    if (coordinates === null) continue;
    const projected = map.project(coordinates);
    const distance = Math.hypot(projected.x - x, projected.y - y);
    if (distance < nearestDistance) {
      nearest = feature;
      nearestDistance = distance;
    }
  }
  return nearest;
}

async function zoomIntoCluster(
  map: MapLibreMap,
  cluster: MapGeoJSONFeature,
  reducedMotion: boolean,
): Promise<void> {
  const source = map.getSource<GeoJSONSource>(POINTS_SOURCE_ID);
  const clusterId = cluster.properties['cluster_id'];
  const center = pointCoordinates(cluster);
  if (source === undefined || typeof clusterId !== 'number' || center === null) return;
  const zoom = await source.getClusterExpansionZoom(clusterId);
  // No flying: a short ease, or a jump when the user asked for reduced motion.
  if (reducedMotion) map.jumpTo({ center, zoom });
  else map.easeTo({ center, zoom, duration: EASE_DURATION_MS });
}

function openPointPopup(
  map: MapLibreMap,
  feature: MapGeoJSONFeature,
  config: MapConfig,
  doc: Document,
): void {
  const summary = pointSummaryFrom(feature.properties);
  const coordinates = pointCoordinates(feature);
  if (summary === null || coordinates === null) return;
  // focusAfterOpen moves focus into the popup; Escape closes it and returns focus to the map.
  const popup = new Popup({ className: 'repere-popup', maxWidth: '18rem', focusAfterOpen: true })
    .setLngLat(coordinates)
    .setDOMContent(popupContent(doc, summary, config))
    .addTo(map);
  popup.getElement().addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    popup.remove();
    map.getCanvas().focus();
  });
}

function pointCoordinates(feature: MapGeoJSONFeature): [number, number] | null {
  if (feature.geometry.type !== 'Point') return null;
  const [lon, lat] = feature.geometry.coordinates;
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : null;
}

function prefersReducedMotion(win: Window): boolean {
  return win.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
