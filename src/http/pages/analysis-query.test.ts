import { describe, expect, it } from 'vitest';
import { analysisApiUrl, analysisPageQueryFrom, pageParameters, pageQueryString } from './analysis-query.js';

const query = (qs: string) => analysisPageQueryFrom(new URLSearchParams(qs));

describe('analysisPageQueryFrom', () => {
  it('reads the form with the API names, lists repeated or comma-separated, and each table’s sort', () => {
    const q = query(
      'metric=access&layers=service_canada,workbc&layers=workbc&channels=in_person&radius_km=25&method=2sfca&budget=5&underserved_sort=population&underserved_order=desc',
    );
    expect(q).toMatchObject({
      metric: 'access',
      layers: ['service_canada', 'workbc'],
      jurisdictionLevels: [],
      channels: ['in_person'],
      radiusKm: '25',
      method: '2sfca',
      budget: '5',
    });
    expect(q.sorts.underserved).toEqual({ column: 'population', order: 'desc' });
    expect(q.sorts.units).toEqual({ column: null, order: null });
  });

  it('falls back to the distance metric and blank fields', () => {
    expect(query('metric=<script>')).toMatchObject({ metric: 'distance', radiusKm: '', budget: '' });
  });
});

describe('pageParameters', () => {
  it('passes numbers as numbers (a French decimal comma too) and text as is, for the analysis to name', () => {
    expect(pageParameters(query('radius_km=12,5&budget=3')).siting).toMatchObject({
      radius_km: 12.5,
      budget: 3,
    });
    expect(pageParameters(query('radius_km=far')).coverage.radius_km).toBe('far');
    expect(pageParameters(query('')).coverage.radius_km).toBeUndefined();
  });

  it('uses the radius as the catchment, except for gravity, and normalises the score', () => {
    expect(pageParameters(query('radius_km=30')).access).toMatchObject({ catchment_km: 30, normalise: true });
    expect(pageParameters(query('radius_km=30&method=gravity')).access).not.toHaveProperty('catchment_km');
  });
});

describe('analysisApiUrl', () => {
  it('passes the page’s parameters to the API under the same names', () => {
    const q = query('layers=service_canada&radius_km=12,5&budget=3&channels=in_person&underserved_sort=rank');
    expect(analysisApiUrl('/api/v1', 'coverage', q, { format: 'csv', table: 'units' })).toBe(
      '/api/v1/analysis/coverage?layers=service_canada&channels=in_person&radius_km=12.5&format=csv&table=units',
    );
    expect(analysisApiUrl('/api/v1', 'siting', q)).toBe(
      '/api/v1/analysis/siting?layers=service_canada&channels=in_person&radius_km=12.5&budget=3',
    );
    expect(analysisApiUrl('/api/v1', 'access', query('method=gravity&radius_km=20'))).toBe(
      '/api/v1/analysis/access?method=gravity&normalise=true',
    );
  });
});

describe('pageQueryString', () => {
  it('changes one table’s sort and keeps everything else', () => {
    const params = new URLSearchParams('radius_km=25&pairs_sort=metres');
    expect(pageQueryString(params, { units_sort: 'population', units_order: 'desc' })).toBe(
      'radius_km=25&pairs_sort=metres&units_sort=population&units_order=desc',
    );
    expect(pageQueryString(params, { pairs_sort: null })).toBe('radius_km=25');
  });
});
