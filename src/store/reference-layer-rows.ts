import type { BilingualText } from '../domain/bilingual-text.js';
import type { GeocodePrecision } from '../domain/geocode.js';
import type { ProvinceCode } from '../domain/province.js';
import type { Boundary, Community, CommunityType, Place, PopulationUnit } from '../domain/reference.js';

// The rows of the reference layers, as both stores keep them: one column per field,
// optional fields stored as NULL and left out when read; nullable fields (population,
// CWB values) stay null: a suppressed value is never 0. The rows here have their columns
// decoded; each store encodes JSON columns its own way (SQLite as text).

function bilingualFrom(en: string | null, fr: string | null): BilingualText {
  const text: BilingualText = {};
  if (en !== null) text.en = en;
  if (fr !== null) text.fr = fr;
  return text;
}

/** A `population_unit` row. */
export interface PopulationUnitRow {
  csd_code: string;
  name: string;
  province: ProvinceCode | null;
  csd_type: string | null;
  population: number | null;
  cwb_score: number | null;
  cwb_income: number | null;
  cwb_education: number | null;
  cwb_housing: number | null;
  cwb_labour_force: number | null;
  community_type: CommunityType;
  lat: number | null;
  lon: number | null;
  precision: GeocodePrecision;
  located_by: string | null;
}

/** The row of a population unit, keys in column order. */
export function populationUnitToRow(u: PopulationUnit): PopulationUnitRow {
  return {
    csd_code: u.csdCode,
    name: u.name,
    province: u.province,
    csd_type: u.csdType ?? null,
    population: u.population,
    cwb_score: u.cwb.score,
    cwb_income: u.cwb.income,
    cwb_education: u.cwb.education,
    cwb_housing: u.cwb.housing,
    cwb_labour_force: u.cwb.labourForce,
    community_type: u.communityType,
    lat: u.lat,
    lon: u.lon,
    precision: u.precision,
    located_by: u.locatedBy,
  };
}

/** The population unit of a row. */
export function populationUnitFromRow(r: PopulationUnitRow): PopulationUnit {
  const unit: PopulationUnit = {
    csdCode: r.csd_code,
    name: r.name,
    province: r.province,
    population: r.population,
    cwb: {
      score: r.cwb_score,
      income: r.cwb_income,
      education: r.cwb_education,
      housing: r.cwb_housing,
      labourForce: r.cwb_labour_force,
    },
    communityType: r.community_type,
    lat: r.lat,
    lon: r.lon,
    precision: r.precision,
    locatedBy: r.located_by,
  };
  if (r.csd_type !== null) unit.csdType = r.csd_type;
  return unit;
}

/** A `community` row. */
export interface CommunityRow {
  id: string;
  kind: Community['kind'];
  name_en: string | null;
  name_fr: string | null;
  province: ProvinceCode | null;
  lat: number;
  lon: number;
  population: number | null;
  region: string | null;
  csd_code: string | null;
  source_id: string;
}

/** The row of a First Nations or Inuit community, keys in column order. */
export function communityToRow(c: Community): CommunityRow {
  return {
    id: c.id,
    kind: c.kind,
    name_en: c.name.en ?? null,
    name_fr: c.name.fr ?? null,
    province: c.province,
    lat: c.lat,
    lon: c.lon,
    population: c.population,
    region: c.region ?? null,
    csd_code: c.csdCode ?? null,
    source_id: c.sourceId,
  };
}

/** The community of a row. */
export function communityFromRow(r: CommunityRow): Community {
  const community: Community = {
    id: r.id,
    kind: r.kind,
    name: bilingualFrom(r.name_en, r.name_fr),
    province: r.province,
    lat: r.lat,
    lon: r.lon,
    population: r.population,
    sourceId: r.source_id,
  };
  if (r.region !== null) community.region = r.region;
  if (r.csd_code !== null) community.csdCode = r.csd_code;
  return community;
}

/** A `place` row (gazetteer), alternate names decoded. */
export interface PlaceRow {
  id: string;
  name: string;
  alternate_names: string[];
  province: ProvinceCode | null;
  lat: number;
  lon: number;
  population: number | null;
  csd_code: string | null;
}

/** The row of a gazetteer place, keys in column order. */
export function placeToRow(p: Place): PlaceRow {
  return {
    id: p.id,
    name: p.name,
    alternate_names: p.alternateNames,
    province: p.province,
    lat: p.lat,
    lon: p.lon,
    population: p.population,
    csd_code: p.csdCode ?? null,
  };
}

/** The gazetteer place of a row. */
export function placeFromRow(r: PlaceRow): Place {
  const place: Place = {
    id: r.id,
    name: r.name,
    alternateNames: r.alternate_names,
    province: r.province,
    lat: r.lat,
    lon: r.lon,
    population: r.population,
  };
  if (r.csd_code !== null) place.csdCode = r.csd_code;
  return place;
}

/** A `boundary` row, geometry decoded. */
export interface BoundaryRow {
  province: ProvinceCode;
  name_en: string | null;
  name_fr: string | null;
  geometry: Boundary['geometry'];
}

/** The row of a province/territory boundary, keys in column order. */
export function boundaryToRow(b: Boundary): BoundaryRow {
  return {
    province: b.province,
    name_en: b.name.en ?? null,
    name_fr: b.name.fr ?? null,
    geometry: b.geometry,
  };
}

/** The boundary of a row. */
export function boundaryFromRow(r: BoundaryRow): Boundary {
  return { province: r.province, name: bilingualFrom(r.name_en, r.name_fr), geometry: r.geometry };
}
