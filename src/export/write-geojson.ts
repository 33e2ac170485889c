import type { Writable } from 'node:stream';
import type { ServicePoint } from '../domain/service-point.js';
import { pointToExportRow } from './export-columns.js';
import { write } from './write-csv.js';

/** A record as a GeoJSON Feature (null geometry when not located), properties in the export layout. */
export function pointToFeature(point: ServicePoint): {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, string>;
} {
  const properties: Record<string, string> = pointToExportRow(point);
  delete properties['latitude'];
  delete properties['longitude'];
  return {
    type: 'Feature',
    id: point.id,
    geometry: point.geocode ? { type: 'Point', coordinates: [point.geocode.lon, point.geocode.lat] } : null,
    properties,
  };
}

/** Streams points as a GeoJSON FeatureCollection (RFC 7946); returns the number written. */
export async function writeGeoJson(points: AsyncIterable<ServicePoint>, out: Writable): Promise<number> {
  let count = 0;
  await write(out, '{"type":"FeatureCollection","features":[\n');
  for await (const point of points) {
    await write(out, `${count === 0 ? '' : ',\n'}${JSON.stringify(pointToFeature(point))}`);
    count++;
  }
  await write(out, '\n]}\n');
  return count;
}
