import { join } from 'node:path';
import { normaliseFsa } from '../../domain/postal-code.js';
import { provinceFromText } from '../../domain/province.js';
import type { FsaCentroid } from '../../domain/reference.js';
import { openCsv } from '../csv/index.js';

const FILE = join('fsa_centroids_2011', 'fsa_centroids.csv');

/**
 * Reads the 2011 FSA centroids (decimal degrees, NAD83 ≈ WGS84). Rows without coordinates are
 * skipped: only H0H, Canada Post's Santa Claus code, whose source point was 90°N 0°E.
 * @example (await loadFsaCentroids('data')).find((f) => f.fsa === 'V9W') // { fsa: 'V9W', province: 'BC', … }
 */
export async function loadFsaCentroids(dataDir: string): Promise<FsaCentroid[]> {
  const path = join(dataDir, FILE);
  const out: FsaCentroid[] = [];
  for await (const { row, fields } of (await openCsv(path)).rows()) {
    const fsa = normaliseFsa(fields['fsa'] ?? '');
    if (!fsa)
      throw new Error(
        `${path}: row ${row} has FSA "${fields['fsa']}", expected a letter-digit-letter code such as V9W`,
      );
    if (!fields['latitude'] || !fields['longitude']) continue;
    const lat = Number(fields['latitude']);
    const lon = Number(fields['longitude']);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
      throw new Error(
        `${path}: row ${row} (${fsa}) has coordinates "${fields['latitude']}, ${fields['longitude']}", expected decimal degrees`,
      );
    }
    out.push({ fsa, lat, lon, province: provinceFromText(fields['province_code'] ?? '') });
  }
  return out;
}
