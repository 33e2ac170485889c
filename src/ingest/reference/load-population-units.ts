import { join } from 'node:path';
import { provinceFromCsdCode } from '../../domain/province.js';
import type { CommunityType, CommunityWellBeing, PopulationUnit } from '../../domain/reference.js';
import { cleanText } from '../../domain/text.js';
import { openCsv } from '../csv/index.js';
import { loadCommunities } from './load-communities.js';
import { loadFederalBuildingPoints, loadHealthFacilityPoints } from './load-csd-points.js';
import { loadPlaces } from './load-places.js';
import { locateCsds } from './locate-csds.js';

const FILE = join('cwb_community_wellbeing_2021', 'CWB_2021.csv');

const COMMUNITY_TYPES: Readonly<Record<string, CommunityType>> = {
  'First Nations Community': 'first_nations',
  'Inuit Community': 'inuit',
  'Non-Indigenous Community': 'non_indigenous',
};

/**
 * Reads the 5,161 census subdivisions of the CWB 2021 file with their population and
 * Community Well-Being scores, without a location yet (precision `none`). Blank cells are
 * suppressed or unavailable values and become null, never 0.
 * @example (await loadCwbUnits('data')).length // 5161
 */
export async function loadCwbUnits(dataDir: string): Promise<PopulationUnit[]> {
  const path = join(dataDir, FILE);
  const units: PopulationUnit[] = [];
  for await (const { row, fields } of (await openCsv(path)).rows()) {
    const csdCode = (fields['CSD Code 2021'] ?? '').trim();
    if (!/^\d{7}$/.test(csdCode)) {
      throw new Error(`${path}: row ${row} has CSD code "${csdCode}", expected 7 digits such as 3520005`);
    }
    const cwb: CommunityWellBeing = {
      score: scoreOrNull(fields['CWB 2021']),
      income: scoreOrNull(fields['Income 2021']),
      education: scoreOrNull(fields['Education 2021']),
      housing: scoreOrNull(fields['Housing 2021']),
      labourForce: scoreOrNull(fields['Labour Force Activity 2021']),
    };
    units.push({
      csdCode,
      // StatCan writes some names with double spaces ("Division No.  1, Subd. V").
      name: cleanText(fields['CSD Name 2021'] ?? ''),
      province: provinceFromCsdCode(csdCode),
      population: scoreOrNull(fields['Census Population 2021']),
      cwb,
      communityType: COMMUNITY_TYPES[(fields['Community Type 2021'] ?? '').trim()] ?? 'other',
      lat: null,
      lon: null,
      precision: 'none',
      locatedBy: null,
    });
  }
  return units;
}

/**
 * The CWB 2021 census subdivisions, each with a representative point from every bundled source
 * that links to CSD codes (GeoNames, ISC communities, DFRP buildings, ODHF facilities); see
 * `locateCsds`.
 * @example (await loadPopulationUnits('data')).find((u) => u.csdCode === '6204003')?.name // 'Iqaluit'
 */
export async function loadPopulationUnits(dataDir: string): Promise<PopulationUnit[]> {
  const [units, places, communities, buildings, facilities] = await Promise.all([
    loadCwbUnits(dataDir),
    loadPlaces(dataDir),
    loadCommunities(dataDir),
    loadFederalBuildingPoints(dataDir),
    loadHealthFacilityPoints(dataDir),
  ]);
  return locateCsds(units, { places, communities, pointSources: [buildings, facilities] });
}

function scoreOrNull(cell: string | undefined): number | null {
  const text = (cell ?? '').trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
