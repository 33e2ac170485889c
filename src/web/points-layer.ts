import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { GEOCODE_PRECISIONS, isApproximate, type GeocodePrecision } from '../domain/geocode.js';
import type { JurisdictionLevel } from '../domain/jurisdiction.js';

export const POINTS_SOURCE_ID = 'points';

/** Layer ids, bottom to top. */
export const POINTS_LAYER_IDS = {
  clusters: 'points-clusters',
  clusterCount: 'points-cluster-count',
  halo: 'points-halo',
  points: 'points',
} as const;

/** The layers a click or tap can hit. */
export const CLICKABLE_POINT_LAYERS: readonly string[] = [POINTS_LAYER_IDS.clusters, POINTS_LAYER_IDS.points];

/**
 * One colour per order of government, from the Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies). Colour is never the only cue: the popup names the order
 * of government in words.
 */
export const LEVEL_COLOURS: Readonly<Record<JurisdictionLevel, string>> = {
  federal: '#0072B2',
  provincial: '#D55E00',
  territorial: '#CC79A7',
  municipal: '#009E73',
  indigenous: '#E69F00',
  other: '#000000',
};

/** Dark edge drawn around every point so light fills (orange, purple) still stand out on land. */
export const POINT_EDGE_COLOUR = '#1b1b1b';
export const CLUSTER_COLOUR = '#2b3a45';

/** Outer radius of a point, px; the dark edge adds 1 px. */
const POINT_RADIUS_PX = 8;
const SOLID_RING_PX = 1.5;
const HOLLOW_RING_PX = 3;

/** Precisions drawn hollow: FSA, community and CSD points are not where the counter is. */
export const APPROXIMATE_PRECISIONS: readonly GeocodePrecision[] = GEOCODE_PRECISIONS.filter(isApproximate);

const isApproximateExpression: ExpressionSpecification = [
  'in',
  ['get', 'precision'],
  ['literal', [...APPROXIMATE_PRECISIONS]],
];

/** The colour of a point's `jurisdiction_level`; unknown levels are drawn as `other`. */
export const levelColourExpression: ExpressionSpecification = [
  'match',
  ['get', 'jurisdiction_level'],
  'federal',
  LEVEL_COLOURS.federal,
  'provincial',
  LEVEL_COLOURS.provincial,
  'territorial',
  LEVEL_COLOURS.territorial,
  'municipal',
  LEVEL_COLOURS.municipal,
  'indigenous',
  LEVEL_COLOURS.indigenous,
  LEVEL_COLOURS.other,
];

/**
 * The clustered GeoJSON source of service points (`cluster: true`); `url` is absolute.
 * @example map.addSource(POINTS_SOURCE_ID, pointsSource('https://x.ca/api/v1/map/points.geojson'))
 */
export function pointsSource(url: string): GeoJSONSourceSpecification {
  return { type: 'geojson', data: url, cluster: true, clusterRadius: 40, clusterMaxZoom: 11 };
}

/**
 * Clusters (sized by count, with the count as a label drawn from local fonts: the style has no
 * glyphs URL) and single points: solid for a located counter, hollow (white centre, coloured
 * ring) for an approximate location, each with a dark edge.
 */
export function pointsLayers(): LayerSpecification[] {
  const single: ExpressionSpecification = ['!', ['has', 'point_count']];
  return [
    {
      id: POINTS_LAYER_IDS.clusters,
      type: 'circle',
      source: POINTS_SOURCE_ID,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': CLUSTER_COLOUR,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 16, 100, 20, 1000, 24],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: POINTS_LAYER_IDS.clusterCount,
      type: 'symbol',
      source: POINTS_SOURCE_ID,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': ['Open Sans Bold'],
        'text-size': 13,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: POINTS_LAYER_IDS.halo,
      type: 'circle',
      source: POINTS_SOURCE_ID,
      filter: single,
      paint: { 'circle-color': POINT_EDGE_COLOUR, 'circle-radius': POINT_RADIUS_PX + 1 },
    },
    {
      id: POINTS_LAYER_IDS.points,
      type: 'circle',
      source: POINTS_SOURCE_ID,
      filter: single,
      paint: {
        // Circle strokes are drawn outside the radius, so radius + ring = POINT_RADIUS_PX for both.
        'circle-radius': [
          'case',
          isApproximateExpression,
          POINT_RADIUS_PX - HOLLOW_RING_PX,
          POINT_RADIUS_PX - SOLID_RING_PX,
        ],
        'circle-color': ['case', isApproximateExpression, '#ffffff', levelColourExpression],
        'circle-stroke-color': ['case', isApproximateExpression, levelColourExpression, '#ffffff'],
        'circle-stroke-width': ['case', isApproximateExpression, HOLLOW_RING_PX, SOLID_RING_PX],
      },
    },
  ];
}
