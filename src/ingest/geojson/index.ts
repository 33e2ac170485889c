import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { detectEncoding } from '../csv/detect-encoding.js';
import type { OpenSource, OpenedSource, ReadOptions, SourceRow } from '../source-row.js';

type Point = { lon: number; lat: number };

/** A feature checked at open time, its properties already turned into cell text. */
interface ReadFeature {
  fields: Map<string, string>;
  geometry: Point | null;
}

/**
 * Opens a GeoJSON FeatureCollection: properties become fields (numbers and booleans as text,
 * null as ""), a Point (or the first point of a MultiPoint) becomes `geometry`, any other
 * geometry gives `geometry: null` and the row is kept. The file is parsed whole at open.
 * @example
 * const source = await openGeoJson('test/fixtures/ingest/points.geojson');
 * for await (const { row, geometry } of source.rows()) console.log(row, geometry?.lat);
 */
export const openGeoJson: OpenSource = async (path: string, options: ReadOptions = {}) => {
  const bytes = await readSource(path);
  const detected = detectEncoding(bytes, true);
  if (detected.encoding === 'utf-16') {
    throw new Error(`${path}: the file is UTF-16; GeoJSON must be UTF-8 (RFC 7946). Re-save it as UTF-8.`);
  }
  const encoding = options.encoding ?? detected.encoding;
  const body = bytes.subarray(detected.bom ? 3 : 0);
  const text =
    encoding === 'utf-8' ? new TextDecoder('utf-8').decode(body) : iconv.decode(body, 'windows-1252');
  const features = featuresFrom(path, parseJson(path, text));

  const headers: string[] = [];
  const seen = new Set<string>();
  for (const feature of features) {
    for (const name of feature.fields.keys()) {
      if (!seen.has(name)) headers.push(name);
      seen.add(name);
    }
  }
  const source: OpenedSource = {
    headers,
    detected: { format: 'geojson', encoding, bom: detected.bom },
    rows: () => rowsFrom(features, headers),
  };
  return source;
};

async function readSource(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const reason =
      code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw new Error(`${path}: cannot open the GeoJSON file (${reason}); check the path and permissions.`, {
      cause: error,
    });
  }
}

// Rows are built on each iteration so that callers never share (or mutate) one object.
async function* rowsFrom(
  features: readonly ReadFeature[],
  headers: readonly string[],
): AsyncGenerator<SourceRow> {
  for (const [index, feature] of features.entries()) {
    const fields: Record<string, string> = {};
    for (const header of headers) fields[header] = feature.fields.get(header) ?? '';
    const geometry = feature.geometry === null ? null : { ...feature.geometry };
    yield { row: index + 1, fields, geometry };
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 reports a character offset ("… in JSON at position 123"); people need a line.
    const position = /position (\d+)/.exec(message);
    const line = position === null ? null : text.slice(0, Number(position[1])).split('\n').length;
    const where = line === null ? '' : ` line ${line}:`;
    throw new Error(
      `${path}:${where} not valid JSON (${message}). Fix the file or re-export it as GeoJSON.`,
      {
        cause: error,
      },
    );
  }
}

function featuresFrom(path: string, document: unknown): ReadFeature[] {
  if (!isObject(document) || document.type !== 'FeatureCollection' || !Array.isArray(document.features)) {
    const found = isObject(document)
      ? `"type": ${JSON.stringify(document.type ?? null)}`
      : describe(document);
    throw new Error(
      `${path}: expected a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": [...]}), ` +
        `found ${found}. Export the layer as a FeatureCollection.`,
    );
  }
  checkCrs(path, document.crs);
  return document.features.map((feature: unknown, index: number) => {
    if (!isObject(feature) || feature.type !== 'Feature') {
      throw new Error(
        `${path}: feature ${index + 1}: expected an object with "type": "Feature", found ${describe(feature)}.`,
      );
    }
    const properties = feature.properties ?? {};
    if (!isObject(properties)) {
      throw new Error(
        `${path}: feature ${index + 1}: "properties" must be an object or null, found ${describe(properties)}.`,
      );
    }
    const fields = new Map<string, string>();
    for (const [name, value] of Object.entries(properties)) fields.set(name, cellText(value));
    return { fields, geometry: pointFrom(feature.geometry) };
  });
}

/** GeoJSON 2008 files may name another CRS; RFC 7946 allows only WGS84 longitude/latitude. */
function checkCrs(path: string, crs: unknown): void {
  if (!isObject(crs) || !isObject(crs.properties) || typeof crs.properties.name !== 'string') return;
  const name = crs.properties.name;
  if (/CRS84|EPSG:+4326$/i.test(name)) return;
  throw new Error(
    `${path}: coordinates are in ${name}, not WGS84 longitude/latitude. ` +
      'Reproject the file first, e.g. `ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson`.',
  );
}

function pointFrom(geometry: unknown): Point | null {
  if (!isObject(geometry)) return null;
  if (geometry.type === 'Point') return positionFrom(geometry.coordinates);
  if (geometry.type === 'MultiPoint' && Array.isArray(geometry.coordinates)) {
    return positionFrom(geometry.coordinates[0]);
  }
  return null;
}

function positionFrom(position: unknown): Point | null {
  if (!Array.isArray(position)) return null;
  const [lon, lat] = position as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  return { lon, lat };
}

/** Property value → cell text: strings as they are, null → "", objects and arrays as JSON. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
