import { describe, expect, it } from 'vitest';
import { defaultMessages, type MapConfig } from './map-config.js';
import { mapStyle } from './map-style.js';

const CONFIG: MapConfig = {
  lang: 'en',
  pointsUrl: 'https://repere.example/api/v1/map/points.geojson?level=federal',
  boundariesUrl: 'https://repere.example/api/v1/map/boundaries.geojson',
  communitiesUrl: 'https://repere.example/api/v1/map/communities.geojson',
  detailBase: '/en/locations/',
  tileUrl: null,
  tileAttribution: null,
  view: { kind: 'center', center: [-96, 56], zoom: 3 },
  messages: defaultMessages('en'),
  units: null,
};

describe('mapStyle', () => {
  it('stacks basemap, communities, then points, all from the configured URLs and nothing remote', () => {
    const style = mapStyle(CONFIG);
    expect(style.layers.map((layer) => layer.id)).toEqual([
      'background',
      'provinces-fill',
      'provinces-outline',
      'communities',
      'points-clusters',
      'points-cluster-count',
      'points-halo',
      'points',
    ]);
    expect(style.sources).toEqual({
      boundaries: { type: 'geojson', data: CONFIG.boundariesUrl, attribution: 'Made with Natural Earth' },
      communities: { type: 'geojson', data: CONFIG.communitiesUrl },
      points: {
        type: 'geojson',
        data: CONFIG.pointsUrl,
        cluster: true,
        clusterRadius: 40,
        clusterMaxZoom: 11,
      },
    });
    // No sprite, no glyph server: the cluster counts draw with the browser's local fonts.
    expect(style).not.toHaveProperty('sprite');
    expect(style).not.toHaveProperty('glyphs');
  });

  it('credits Natural Earth in French on French pages', () => {
    const style = mapStyle({ ...CONFIG, lang: 'fr', messages: defaultMessages('fr') });
    expect(style.sources['boundaries']).toMatchObject({ attribution: 'Réalisé avec Natural Earth' });
  });

  it('leaves the communities out when there is no communities URL', () => {
    const style = mapStyle({ ...CONFIG, communitiesUrl: null });
    expect(Object.keys(style.sources)).toEqual(['boundaries', 'points']);
    expect(style.layers.some((layer) => layer.id === 'communities')).toBe(false);
  });

  it('puts raster tiles under the province outlines in place of the land fill', () => {
    const style = mapStyle({
      ...CONFIG,
      tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png',
      tileAttribution: '© <b>Example</b> & co',
    });
    expect(style.layers.slice(0, 3).map((layer) => layer.id)).toEqual([
      'background',
      'raster-tiles',
      'provinces-outline',
    ]);
    expect(style.sources['raster-tiles']).toEqual({
      type: 'raster',
      tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'],
      tileSize: 256,
      maxzoom: 19,
      // MapLibre writes attributions as HTML: the configured text is escaped.
      attribution: '© &#60;b&#62;Example&#60;/b&#62; &#38; co',
    });
  });
});
