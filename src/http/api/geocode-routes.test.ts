// GET /api/v1/geocode against the bundled gazetteer (data/fsa_centroids_2011, geonames_ca_places,
// isc_inuit_communities, isc_first_nations_locations).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, getJson, type TestApp } from './test-app.js';

interface GeocodeBody {
  query: string;
  results: { label: string; lat: number; lon: number; precision: string; kind: string }[];
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const geocode = async (q: string, extra = ''): Promise<GeocodeBody> => {
  const { status, body } = await getJson<GeocodeBody>(
    t.app,
    `/api/v1/geocode?q=${encodeURIComponent(q)}${extra}`,
  );
  expect(status).toBe(200);
  return body;
};

describe('GET /api/v1/geocode', () => {
  it('locates a postal code at its FSA centroid', async () => {
    expect(await geocode('v9w-2p8')).toEqual({
      query: 'v9w-2p8',
      results: [{ label: 'V9W 2P8', lat: 50.0059, lon: -125.2343, precision: 'fsa', kind: 'postal_code' }],
    });
  });

  it('locates an FSA', async () => {
    expect((await geocode('X0A')).results).toEqual([
      { label: 'FSA X0A', lat: 70.4643, lon: -68.4789, precision: 'fsa', kind: 'fsa' },
    ]);
  });

  it('locates place names, accents and case ignored, best first', async () => {
    const iqaluit = await geocode('iqaluit');
    expect(iqaluit.results[0]).toMatchObject({ label: 'Iqaluit, NU', precision: 'community' });
    expect(iqaluit.results[0].lat).toBeCloseTo(63.75, 1);
    expect((await geocode('quebec')).results).toEqual([
      { label: 'Québec, QC', lat: 46.81228, lon: -71.21454, precision: 'community', kind: 'place' },
    ]);
    const saint = await geocode('saint-j', '&limit=3');
    expect(saint.results.map((r) => r.label)).toEqual([
      "St. John's, NL",
      'Saint-Jean-sur-Richelieu, QC',
      'Saint John, NB',
    ]);
  });

  it('answers an unknown name with no results, never 404', async () => {
    expect(await geocode('Zzyzxqwv')).toEqual({ query: 'Zzyzxqwv', results: [] });
  });
});
