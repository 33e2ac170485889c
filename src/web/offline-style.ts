import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';

/**
 * Basemap colours. The background stands for everything that is not Canada (sea and the
 * United States alike, since only the 13 provinces and territories are drawn), so it is a
 * muted blue-grey rather than a "water" blue; land is near-white so the coloured points keep
 * their contrast.
 */
export const BASEMAP_COLOURS = {
  background: '#cfd9df',
  land: '#f7f5ef',
  outline: '#7b858c',
} as const;

export const BOUNDARIES_SOURCE_ID = 'boundaries';
export const RASTER_SOURCE_ID = 'raster-tiles';

export interface RasterTiles {
  /** URL template with `{z}`, `{x}`, `{y}`, kept verbatim. */
  tileUrl: string;
  /** Plain text; escaped here because MapLibre renders attributions as HTML. */
  attribution: string | null;
}

export interface OfflineStyleOptions {
  /** The provinces/territories FeatureCollection, or the (absolute) URL it is served at. */
  boundaries: GeoJSONSourceSpecification['data'];
  /** Credit for the boundaries, plain text (e.g. "Made with Natural Earth"). */
  boundariesAttribution: string;
  /** Optional raster basemap drawn under the province outlines. */
  raster: RasterTiles | null;
}

/**
 * The basemap style: background, province/territory fills and outlines from GeoJSON, no
 * sprite, no glyphs and no remote source unless raster tiles are configured.
 * @example new Map({ container, style: offlineStyle({ boundaries: url, boundariesAttribution: 'Natural Earth', raster: null }) })
 */
export function offlineStyle(options: OfflineStyleOptions): StyleSpecification {
  const { raster } = options;
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.background } },
  ];
  if (raster === null) {
    layers.push({
      id: 'provinces-fill',
      type: 'fill',
      source: BOUNDARIES_SOURCE_ID,
      paint: { 'fill-color': BASEMAP_COLOURS.land },
    });
  } else {
    // Tiles replace the land fill; the outlines stay on top to show the province borders.
    layers.push({ id: 'raster-tiles', type: 'raster', source: RASTER_SOURCE_ID });
  }
  layers.push({
    id: 'provinces-outline',
    type: 'line',
    source: BOUNDARIES_SOURCE_ID,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': BASEMAP_COLOURS.outline,
      'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.6],
    },
  });

  const style: StyleSpecification = {
    version: 8,
    sources: {
      [BOUNDARIES_SOURCE_ID]: {
        type: 'geojson',
        data: options.boundaries,
        attribution: escapeHtml(options.boundariesAttribution),
      },
    },
    layers,
  };
  if (raster !== null) {
    style.sources[RASTER_SOURCE_ID] = {
      type: 'raster',
      tiles: [raster.tileUrl],
      tileSize: 256,
      maxzoom: 19,
      ...(raster.attribution === null ? {} : { attribution: escapeHtml(raster.attribution) }),
    };
  }
  return style;
}

/** Escapes text for the HTML that MapLibre's attribution control writes with innerHTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
