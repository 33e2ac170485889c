import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';

export const COMMUNITIES_SOURCE_ID = 'communities';
export const COMMUNITIES_LAYER_ID = 'communities';
/** Generated at run time (the style has no sprite): see communityIconImage. */
export const COMMUNITY_ICON_ID = 'repere-community';

/** A triangle, so a community never reads as a service point (circles) whatever the colour vision. */
export const COMMUNITY_COLOURS = { fill: '#F0E442', edge: '#1b1b1b' } as const;
const ICON_SIZE_PX = 14;

/** The GeoJSON source of First Nations and Inuit community points; `url` is absolute. */
export function communitiesSource(url: string): GeoJSONSourceSpecification {
  return { type: 'geojson', data: url };
}

/** Community triangles, under the service points; shown by default, toggled by CommunitiesToggle. */
export function communitiesLayer(): LayerSpecification {
  return {
    id: COMMUNITIES_LAYER_ID,
    type: 'symbol',
    source: COMMUNITIES_SOURCE_ID,
    layout: {
      'icon-image': COMMUNITY_ICON_ID,
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      visibility: 'visible',
    },
  };
}

/**
 * Draws the community triangle for `map.addImage(COMMUNITY_ICON_ID, image, { pixelRatio })`:
 * an ImageData of ICON_SIZE_PX × pixelRatio pixels square.
 */
export function communityIconImage(doc: Document, pixelRatio: number): ImageData {
  const size = Math.round(ICON_SIZE_PX * pixelRatio);
  const canvas = doc.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (context === null)
    throw new Error('expected a 2D canvas context to draw the community icon, found none');
  const edge = 1.5 * pixelRatio;
  context.beginPath();
  context.moveTo(size / 2, edge);
  context.lineTo(size - edge, size - edge);
  context.lineTo(edge, size - edge);
  context.closePath();
  context.fillStyle = COMMUNITY_COLOURS.fill;
  context.fill();
  context.lineJoin = 'round';
  context.lineWidth = edge;
  context.strokeStyle = COMMUNITY_COLOURS.edge;
  context.stroke();
  return context.getImageData(0, 0, size, size);
}
