import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bilingual } from '../../domain/bilingual-text.js';
import { provinceFromSgc } from '../../domain/province.js';
import type { Boundary } from '../../domain/reference.js';
import type { AreaGeometry, CountryOutlines } from '../geocode/province-locator.js';

const FOLDER = 'provinces_territories_ne50m';

interface Feature {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}

/**
 * Reads the 13 Natural Earth 1:50m province/territory polygons (WGS84), keyed by the StatCan
 * `pruid` and named in English and French.
 * @example (await loadBoundaries('data')).map((b) => b.province) // ['AB', 'BC', …]
 */
export async function loadBoundaries(dataDir: string): Promise<Boundary[]> {
  const path = join(dataDir, FOLDER, 'canada_provinces_ne_50m.geojson');
  return (await readFeatures(path)).map((feature, index) => {
    const props = feature.properties ?? {};
    const pruid = String(props['pruid'] ?? '');
    const province = provinceFromSgc(pruid);
    if (!province) {
      throw new Error(
        `${path}: feature ${index + 1} has pruid "${pruid}", expected a 2-digit province code (10…62)`,
      );
    }
    return {
      province,
      name: bilingual(stringProp(props, 'name_en'), stringProp(props, 'name_fr')),
      geometry: areaGeometry(feature, path, index),
    };
  });
}

/**
 * Reads the Natural Earth 1:50m outlines of Canada and the USA, for telling a coastal
 * Canadian point (outside the coarse province polygons) from a US border city.
 */
export async function loadCanadaOutline(dataDir: string): Promise<CountryOutlines> {
  const path = join(dataDir, FOLDER, 'canada_usa_outline_ne_50m.geojson');
  const features = await readFeatures(path);
  const find = (iso: string): AreaGeometry => {
    const index = features.findIndex((f) => f.properties?.['iso_a3'] === iso);
    if (index < 0)
      throw new Error(`${path}: no feature with iso_a3 "${iso}"; expected the CAN and USA outlines`);
    return areaGeometry(features[index], path, index);
  };
  return { canada: find('CAN'), usa: find('USA') };
}

async function readFeatures(path: string): Promise<Feature[]> {
  const json: unknown = JSON.parse(await readFile(path, 'utf8'));
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new Error(`${path}: expected a GeoJSON FeatureCollection`);
  return features as Feature[];
}

function areaGeometry(feature: Feature, path: string, index: number): AreaGeometry {
  const g = feature.geometry;
  if (g?.type === 'Polygon' && Array.isArray(g.coordinates)) {
    return { type: 'Polygon', coordinates: g.coordinates as number[][][] };
  }
  if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates)) {
    return { type: 'MultiPolygon', coordinates: g.coordinates as number[][][][] };
  }
  throw new Error(
    `${path}: feature ${index + 1} has geometry ${g?.type ?? 'null'}, expected Polygon or MultiPolygon`,
  );
}

function stringProp(props: Record<string, unknown>, key: string): string | null {
  const value = props[key];
  return typeof value === 'string' ? value : null;
}
