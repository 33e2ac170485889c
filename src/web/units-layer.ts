import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';

export const UNITS_SOURCE_ID = 'units';
export const UNITS_LAYER_ID = 'units';

/**
 * Census subdivisions as proportional symbols (the analysis page): a circle per unit, its area
 * proportional to `population`, its colour the class of a metric property. The server chooses
 * the property, the class limits, the colours and the legend's words (data-units-legend).
 */
export interface UnitsLayerConfig {
  /** Absolute URL of a GeoJSON FeatureCollection of points with `population` and the metric. */
  url: string;
  /** The metric's property, e.g. `nearest_metres` or `access`. */
  property: string;
  /** Upper limits of every class but the last (a value equal to a limit is in the class above), increasing. */
  breaks: number[];
  /** `#rrggbb`, one per class: breaks.length + 1. */
  colours: string[];
  /** The legend's words for each class. */
  labels: string[];
  /** Units whose metric is null (no point in reach). */
  missing: { colour: string; label: string };
  /** The legend's heading, e.g. "Distance to the nearest point (circle area: population)". */
  title: string;
}

/** Circle edge: pale classes stay visible on the land, neighbouring circles stay apart. */
export const UNIT_EDGE_COLOUR = '#333333';
// Toronto (2.8 million people) is about 50 px across at zoom 3; a village of 100 gets the minimum.
const SIZE_BY_ZOOM: ReadonlyArray<[zoom: number, pxPerSqrtPerson: number]> = [
  [3, 0.03],
  [6, 0.06],
  [9, 0.12],
];
const MIN_RADIUS_PX = 2.5;

/** The GeoJSON source of the units; `url` is absolute. */
export function unitsSource(url: string): GeoJSONSourceSpecification {
  return { type: 'geojson', data: url };
}

/** The class colour of a feature's metric: `step` over the breaks; null or not a number is `missing`. */
export function unitColourExpression(config: UnitsLayerConfig): ExpressionSpecification {
  const steps: (string | number)[] = [config.colours[0]];
  config.breaks.forEach((limit, k) => steps.push(limit, config.colours[k + 1]));
  return [
    'case',
    ['==', ['typeof', ['get', config.property]], 'number'],
    ['step', ['get', config.property], ...steps] as unknown as ExpressionSpecification,
    config.missing.colour,
  ];
}

/**
 * The circle layer: radius ∝ √population (so area ∝ population), growing with the zoom, at
 * least 2.5 px; small units drawn over large ones; a thin dark edge.
 */
export function unitsLayer(config: UnitsLayerConfig): LayerSpecification {
  const population: ExpressionSpecification = ['max', 0, ['to-number', ['get', 'population'], 0]];
  const radiusAt = (scale: number): ExpressionSpecification => [
    'max',
    MIN_RADIUS_PX,
    ['*', scale, ['sqrt', population]],
  ];
  return {
    id: UNITS_LAYER_ID,
    type: 'circle',
    source: UNITS_SOURCE_ID,
    layout: { 'circle-sort-key': ['-', 0, population] },
    paint: {
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        ...SIZE_BY_ZOOM.flatMap(([zoom, scale]) => [zoom, radiusAt(scale)]),
      ] as unknown as ExpressionSpecification,
      'circle-color': unitColourExpression(config),
      'circle-opacity': 0.85,
      'circle-stroke-color': UNIT_EDGE_COLOUR,
      'circle-stroke-width': 0.6,
    },
  };
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const PROPERTY = /^[a-z_][a-z0-9_]{0,63}$/;

/**
 * Reads `data-units-url` (resolved already) and the `data-units-legend` JSON; null, with a
 * warning, when the legend is missing or malformed: the rest of the map still works.
 */
export function unitsLayerFrom(url: string | null, legendJson: string | undefined): UnitsLayerConfig | null {
  if (url === null) return null;
  const legend = parseLegend(legendJson);
  if (legend === null) {
    console.warn('Repère map: data-units-legend is missing or malformed; the units layer is left out.');
    return null;
  }
  return { url, ...legend };
}

function parseLegend(json: string | undefined): Omit<UnitsLayerConfig, 'url'> | null {
  let value: unknown;
  try {
    value = json === undefined ? null : JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const { property, breaks, colours, labels, missing, title } = v;
  const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
  if (typeof property !== 'string' || !PROPERTY.test(property) || !isText(title)) return null;
  if (!Array.isArray(breaks) || !breaks.every((b) => typeof b === 'number' && Number.isFinite(b)))
    return null;
  if (!(breaks as number[]).every((b, k) => k === 0 || b > (breaks as number[])[k - 1])) return null;
  const classes = breaks.length + 1;
  if (
    !Array.isArray(colours) ||
    colours.length !== classes ||
    !colours.every((c) => typeof c === 'string' && COLOUR.test(c))
  )
    return null;
  if (!Array.isArray(labels) || labels.length !== classes || !labels.every(isText)) return null;
  if (typeof missing !== 'object' || missing === null) return null;
  const m = missing as Record<string, unknown>;
  if (typeof m['colour'] !== 'string' || !COLOUR.test(m['colour']) || !isText(m['label'])) return null;
  return {
    property,
    breaks: breaks as number[],
    colours: colours as string[],
    labels: labels as string[],
    missing: { colour: m['colour'], label: m['label'] },
    title,
  };
}
