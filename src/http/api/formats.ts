import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServicePoint } from '../../domain/service-point.js';
import { EXPORT_COLUMNS, pointToExportRow } from '../../export/export-columns.js';
import { csvCell } from '../../export/write-csv.js';
import { pointToFeature } from '../../export/write-geojson.js';

/** What a list endpoint can answer in. */
export type ListFormat = 'json' | 'geojson' | 'csv';

export const FORMAT_SCHEMA = {
  type: 'string',
  enum: ['json', 'geojson', 'csv'],
  description:
    'Response format; default from Accept (application/geo+json, text/csv), else JSON. CSV and GeoJSON use the export layout.',
} as const;

export const GEOJSON_TYPE = 'application/geo+json';
const CSV_TYPE = 'text/csv';

/**
 * The format of a list response: `?format=` wins; else the first of GeoJSON or CSV that
 * Accept names explicitly (wildcards and JSON keep JSON); else JSON.
 * @example listFormatOf(undefined, 'text/csv;q=0.9, application/json;q=0.5') // 'csv'
 */
export function listFormatOf(format: ListFormat | undefined, accept: string | undefined): ListFormat {
  if (format) return format;
  for (const part of (accept ?? '').split(',')) {
    const type = part.split(';')[0].trim().toLowerCase();
    if (type === GEOJSON_TYPE) return 'geojson';
    if (type === CSV_TYPE) return 'csv';
    if (type === 'application/json') return 'json';
  }
  return 'json';
}

/** The negotiated format of a request with an optional `format` query parameter. */
export function requestFormat(request: FastifyRequest): ListFormat {
  return listFormatOf((request.query as { format?: ListFormat }).format, request.headers.accept);
}

/** One row of a list in CSV or GeoJSON: the point, its distance, and extra columns (e.g. HSDS ids). */
export interface ExportItem {
  point: ServicePoint;
  distanceMetres: number | null;
  extra?: Readonly<Record<string, string>>;
}

type GeoJsonValue = string | number;

/** A point as a GeoJSON Feature in the export layout, with `distance_metres` and extra properties when given. */
export function exportFeature(item: ExportItem): {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, GeoJsonValue>;
} {
  const feature = pointToFeature(item.point);
  const properties: Record<string, GeoJsonValue> = { ...feature.properties, ...item.extra };
  if (item.distanceMetres !== null) properties['distance_metres'] = Math.round(item.distanceMetres);
  return { ...feature, properties };
}

/** Sends a GeoJSON FeatureCollection (RFC 7946). */
export function sendFeatureCollection(reply: FastifyReply, features: readonly unknown[]): FastifyReply {
  return reply
    .type(`${GEOJSON_TYPE}; charset=utf-8`)
    .send(JSON.stringify({ type: 'FeatureCollection', features }));
}

/**
 * Sends items as UTF-8 CSV (RFC 4180) in the export layout, as an attachment named
 * `filename`; `distance_metres` and the extra columns follow the export columns when present.
 */
export function sendCsv(reply: FastifyReply, items: readonly ExportItem[], filename: string): FastifyReply {
  const extraColumns = [...new Set(items.flatMap((item) => Object.keys(item.extra ?? {})))];
  const withDistance = items.some((item) => item.distanceMetres !== null);
  const columns = [...EXPORT_COLUMNS, ...extraColumns, ...(withDistance ? ['distance_metres'] : [])];
  const lines = [columns.join(',')];
  for (const item of items) {
    const row: Record<string, string> = { ...pointToExportRow(item.point), ...item.extra };
    if (item.distanceMetres !== null) row['distance_metres'] = String(Math.round(item.distanceMetres));
    lines.push(columns.map((c) => csvCell(row[c] ?? '')).join(','));
  }
  return reply
    .type(`${CSV_TYPE}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(`${lines.join('\r\n')}\r\n`);
}

/** Sends items as GeoJSON or CSV per `format` (not JSON: each endpoint shapes its own JSON). */
export function sendExport(
  reply: FastifyReply,
  format: Exclude<ListFormat, 'json'>,
  items: readonly ExportItem[],
  basename: string,
): FastifyReply {
  return format === 'csv'
    ? sendCsv(reply, items, `${basename}.csv`)
    : sendFeatureCollection(reply, items.map(exportFeature));
}
