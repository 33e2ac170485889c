import { describe, expect, it } from 'vitest';
import { geocodeAt, makePoint } from '../../store/test-points.js';
import { exportFeature, listFormatOf } from './formats.js';

describe('listFormatOf', () => {
  it('lets ?format= win, then the first GeoJSON, CSV or JSON type Accept names, else JSON', () => {
    expect(listFormatOf('csv', 'application/geo+json')).toBe('csv');
    expect(listFormatOf(undefined, 'application/geo+json')).toBe('geojson');
    expect(listFormatOf(undefined, 'text/csv;q=0.9, application/json;q=0.5')).toBe('csv');
    expect(listFormatOf(undefined, 'application/json, text/csv')).toBe('json');
    expect(listFormatOf(undefined, '*/*')).toBe('json');
    expect(listFormatOf(undefined, undefined)).toBe('json');
  });
});

describe('exportFeature', () => {
  // WorkBC Centres p1 (data/workbc_centres_2021/workbc_centres.csv), reduced.
  const point = makePoint({
    sourceId: 'workbc',
    sourceRecordId: 'p1',
    name: { en: 'WorkBC Centre - Campbell River' },
    geocode: geocodeAt(50.0240613, -125.2434889),
  });

  it('adds the rounded distance and extra properties to the export feature', () => {
    const feature = exportFeature({ point, distanceMetres: 861.6, extra: { service_id: 'x' } });
    expect(feature.id).toBe('workbc:p1');
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [-125.2434889, 50.0240613] });
    expect(feature.properties).toMatchObject({
      id: 'p1',
      name: 'WorkBC Centre - Campbell River',
      service_id: 'x',
      distance_metres: 862,
    });
  });

  it('leaves distance_metres out without a distance', () => {
    expect(exportFeature({ point, distanceMetres: null }).properties).not.toHaveProperty('distance_metres');
  });
});
