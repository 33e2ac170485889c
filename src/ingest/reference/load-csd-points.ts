import { join } from 'node:path';
import { openCsv } from '../csv/index.js';
import type { CsdPoint, CsdPointSource } from './locate-csds.js';

const DFRP_SOURCE_ID = 'dfrp_federal_offices_2023';
const ODHF_SOURCE_ID = 'odhf_healthcare_facilities_v1.1';

/**
 * Federal office buildings and properties (DFRP, January 2023) as points keyed by their `SGC
 * Code`, the 2021 CSD code. Foreign, "Protected" and blank positions are skipped.
 * @example (await loadFederalBuildingPoints('data')).points.length // 3908
 */
export async function loadFederalBuildingPoints(dataDir: string): Promise<CsdPointSource> {
  const folder = join(dataDir, DFRP_SOURCE_ID);
  const points = [
    ...(await readPoints(
      join(folder, 'dfrp_office_buildings_2023-01.csv'),
      'SGC Code',
      'Latitude',
      'Longitude',
    )),
    ...(await readPoints(
      join(folder, 'dfrp_office_properties_2023-01.csv'),
      'SGC Code',
      'Latitude',
      'Longitude',
    )),
  ];
  return { sourceId: DFRP_SOURCE_ID, points };
}

/**
 * Health facilities (ODHF v1.1) as points keyed by `CSDuid`. These are 2016 CSD codes; most
 * are unchanged in 2021, and codes that no longer exist simply match no 2021 CSD.
 * @example (await loadHealthFacilityPoints('data')).points.length // 6549
 */
export async function loadHealthFacilityPoints(dataDir: string): Promise<CsdPointSource> {
  const path = join(dataDir, ODHF_SOURCE_ID, 'odhf_v1.1.csv');
  return { sourceId: ODHF_SOURCE_ID, points: await readPoints(path, 'CSDuid', 'latitude', 'longitude') };
}

async function readPoints(
  path: string,
  codeField: string,
  latField: string,
  lonField: string,
): Promise<CsdPoint[]> {
  const points: CsdPoint[] = [];
  for await (const { fields } of (await openCsv(path)).rows()) {
    const csdCode = (fields[codeField] ?? '').trim();
    const lat = Number(fields[latField]);
    const lon = Number(fields[lonField]);
    // Empty cells read as 0 and "Protected" as NaN: neither is a Canadian position.
    if (!/^\d{7}$/.test(csdCode) || !isCanadianLatLon(lat, lon)) continue;
    points.push({ csdCode, lat, lon });
  }
  return points;
}

/** Inside Canada's extent (41.6–83.2 °N, 141–52.6 °W), a cheap guard against blanks and typos. */
function isCanadianLatLon(lat: number, lon: number): boolean {
  return (
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    lat >= 41.6 &&
    lat <= 83.2 &&
    lon >= -141.1 &&
    lon <= -52.6
  );
}
