import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultMessages, mapConfigFromDataset, type MapConfig } from './map-config.js';
import { mapStyle } from './map-style.js';
import { unitColourExpression, unitsLayer, unitsLayerFrom, type UnitsLayerConfig } from './units-layer.js';

const LEGEND = {
  property: 'nearest_metres',
  breaks: [25_000.5, 50_000.5, 100_000.5, 200_000.5],
  colours: ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'],
  labels: ['25 km or less', '25 to 50 km', '50 to 100 km', '100 to 200 km', 'over 200 km'],
  missing: { colour: '#bdbdbd', label: 'No point in reach' },
  title: 'Distance to the nearest point (circle area: population)',
};
const UNITS: UnitsLayerConfig = {
  url: 'https://repere.example/api/v1/analysis/coverage?format=geojson',
  ...LEGEND,
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('unitsLayerFrom', () => {
  it('reads the legend JSON the analysis page renders', () => {
    expect(unitsLayerFrom(UNITS.url, JSON.stringify(LEGEND))).toEqual(UNITS);
  });

  it('leaves the layer out, with a warning, when the legend is missing or malformed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const bad of [
      undefined,
      '{not json',
      JSON.stringify({ ...LEGEND, breaks: [2, 1, 3, 4] }),
      JSON.stringify({ ...LEGEND, colours: ['red', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'] }),
      JSON.stringify({ ...LEGEND, labels: LEGEND.labels.slice(1) }),
      JSON.stringify({ ...LEGEND, property: 'x"]' }),
      JSON.stringify({ ...LEGEND, missing: { colour: '#bdbdbd' } }),
    ]) {
      expect(unitsLayerFrom(UNITS.url, bad)).toBeNull();
    }
    expect(warn).toHaveBeenCalledTimes(7);
    expect(unitsLayerFrom(null, JSON.stringify(LEGEND))).toBeNull();
  });

  it('is read from data-units-url and data-units-legend, the URL resolved against the page', () => {
    const config = mapConfigFromDataset(
      {
        lang: 'en',
        pointsUrl: '/api/v1/map/points.geojson',
        boundariesUrl: '/api/v1/map/boundaries.geojson',
        detailBase: '/en/locations/',
        unitsUrl: '/api/v1/analysis/coverage?format=geojson',
        unitsLegend: JSON.stringify(LEGEND),
      },
      'https://repere.example/en/analysis',
    );
    expect(config.units).toEqual(UNITS);
  });
});

describe('unitsLayer', () => {
  it('colours by class of the metric, grey when it is null', () => {
    expect(unitColourExpression(UNITS)).toEqual([
      'case',
      ['==', ['typeof', ['get', 'nearest_metres']], 'number'],
      [
        'step',
        ['get', 'nearest_metres'],
        '#fef0d9',
        25_000.5,
        '#fdcc8a',
        50_000.5,
        '#fc8d59',
        100_000.5,
        '#e34a33',
        200_000.5,
        '#b30000',
      ],
      '#bdbdbd',
    ]);
  });

  it('sizes circles by the square root of the population, small ones on top', () => {
    const layer = unitsLayer(UNITS);
    expect(layer).toMatchObject({ id: 'units', type: 'circle', source: 'units' });
    const population = ['max', 0, ['to-number', ['get', 'population'], 0]];
    expect(layer.layout).toEqual({ 'circle-sort-key': ['-', 0, population] });
    expect((layer.paint as Record<string, unknown>)['circle-radius']).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      3,
      ['max', 2.5, ['*', 0.03, ['sqrt', population]]],
      6,
      ['max', 2.5, ['*', 0.06, ['sqrt', population]]],
      9,
      ['max', 2.5, ['*', 0.12, ['sqrt', population]]],
    ]);
  });

  it('goes between the basemap and the communities in the page style', () => {
    const config: MapConfig = {
      lang: 'en',
      pointsUrl: 'https://repere.example/api/v1/analysis/access?format=geojson&table=points',
      boundariesUrl: 'https://repere.example/api/v1/map/boundaries.geojson',
      communitiesUrl: 'https://repere.example/api/v1/map/communities.geojson',
      detailBase: '/en/locations/',
      tileUrl: null,
      tileAttribution: null,
      view: { kind: 'center', center: [-96, 56], zoom: 3 },
      messages: defaultMessages('en'),
      units: UNITS,
    };
    const style = mapStyle(config);
    expect(style.layers.map((layer) => layer.id).slice(0, 5)).toEqual([
      'background',
      'provinces-fill',
      'provinces-outline',
      'units',
      'communities',
    ]);
    expect(style.sources['units']).toEqual({ type: 'geojson', data: UNITS.url });
  });
});
