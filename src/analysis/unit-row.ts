import type { ProvinceCode } from '../domain/province.js';
import type { PopulationUnit } from '../domain/reference.js';

/** The columns every per-unit result row starts with (coverage, access): which CSD, and where. */
export interface UnitRow {
  csd_code: string;
  name: string;
  province: ProvinceCode | null;
  population: number | null;
  lat: number | null;
  lon: number | null;
  precision: PopulationUnit['precision'];
}

/** The names of `UnitRow`'s columns, in download order. */
export const UNIT_COLUMNS = [
  'csd_code',
  'name',
  'province',
  'population',
  'lat',
  'lon',
  'precision',
] as const;

/** The leading columns of a unit's result row. */
export function unitRowOf(unit: PopulationUnit): UnitRow {
  return {
    csd_code: unit.csdCode,
    name: unit.name,
    province: unit.province,
    population: unit.population,
    lat: unit.lat,
    lon: unit.lon,
    precision: unit.precision,
  };
}
