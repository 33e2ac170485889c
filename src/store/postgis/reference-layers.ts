import type pg from 'pg';
import type { BilingualText } from '../../domain/bilingual-text.js';
import type { GeocodePrecision } from '../../domain/geocode.js';
import type { ProvinceCode } from '../../domain/province.js';
import type {
  Boundary,
  Community,
  CommunityType,
  FsaCentroid,
  Place,
  PopulationUnit,
} from '../../domain/reference.js';

// Each layer is one table, replaced whole in the caller's transaction: DELETE, then one
// INSERT … SELECT FROM json_populate_recordset per batch (a JSON array of rows whose keys
// are the column names). Optional fields are stored as NULL and left out when read;
// nullable fields (population, CWB values) stay null: a suppressed value is never 0.

/** Rows per INSERT: bounds the size of one JSON parameter (the gazetteer has ~40k places). */
const BATCH_ROWS = 5_000;

async function replaceTable(client: pg.PoolClient, table: string, rows: readonly object[]): Promise<void> {
  await client.query(`DELETE FROM ${table}`);
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    await client.query(
      `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`,
      [JSON.stringify(rows.slice(start, start + BATCH_ROWS))],
    );
  }
}

function bilingualFrom(en: string | null, fr: string | null): BilingualText {
  const text: BilingualText = {};
  if (en !== null) text.en = en;
  if (fr !== null) text.fr = fr;
  return text;
}

/** Replaces every population unit (census subdivision) with `units`. */
export function writePopulationUnits(client: pg.PoolClient, units: readonly PopulationUnit[]): Promise<void> {
  return replaceTable(
    client,
    'population_unit',
    units.map((u) => ({
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
    })),
  );
}

interface PopulationUnitRow {
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

/** Every population unit, ordered by CSD code. */
export async function readPopulationUnits(db: pg.Pool): Promise<PopulationUnit[]> {
  const { rows } = await db.query<PopulationUnitRow>('SELECT * FROM population_unit ORDER BY csd_code');
  return rows.map((r) => {
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
  });
}

/** Replaces every First Nations and Inuit community with `communities`. */
export function writeCommunities(client: pg.PoolClient, communities: readonly Community[]): Promise<void> {
  return replaceTable(
    client,
    'community',
    communities.map((c) => ({
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
    })),
  );
}

interface CommunityRow {
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

/** Every community, ordered by id. */
export async function readCommunities(db: pg.Pool): Promise<Community[]> {
  const { rows } = await db.query<CommunityRow>('SELECT * FROM community ORDER BY id');
  return rows.map((r) => {
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
  });
}

/** Replaces the gazetteer with `places`. */
export function writePlaces(client: pg.PoolClient, places: readonly Place[]): Promise<void> {
  return replaceTable(
    client,
    'place',
    places.map((p) => ({
      id: p.id,
      name: p.name,
      alternate_names: p.alternateNames,
      province: p.province,
      lat: p.lat,
      lon: p.lon,
      population: p.population,
      csd_code: p.csdCode ?? null,
    })),
  );
}

interface PlaceRow {
  id: string;
  name: string;
  alternate_names: string[];
  province: ProvinceCode | null;
  lat: number;
  lon: number;
  population: number | null;
  csd_code: string | null;
}

/** Every gazetteer place, ordered by id. */
export async function readPlaces(db: pg.Pool): Promise<Place[]> {
  const { rows } = await db.query<PlaceRow>('SELECT * FROM place ORDER BY id');
  return rows.map((r) => {
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
  });
}

/** Replaces every FSA centroid with `fsas`. */
export function writeFsaCentroids(client: pg.PoolClient, fsas: readonly FsaCentroid[]): Promise<void> {
  return replaceTable(
    client,
    'fsa_centroid',
    fsas.map((f) => ({ fsa: f.fsa, lat: f.lat, lon: f.lon, province: f.province })),
  );
}

/** Every FSA centroid, ordered by FSA. */
export async function readFsaCentroids(db: pg.Pool): Promise<FsaCentroid[]> {
  const { rows } = await db.query<FsaCentroid>(
    'SELECT fsa, lat, lon, province FROM fsa_centroid ORDER BY fsa',
  );
  return rows;
}

/** Replaces every province/territory boundary with `boundaries`. */
export function writeBoundaries(client: pg.PoolClient, boundaries: readonly Boundary[]): Promise<void> {
  return replaceTable(
    client,
    'boundary',
    boundaries.map((b) => ({
      province: b.province,
      name_en: b.name.en ?? null,
      name_fr: b.name.fr ?? null,
      geometry: b.geometry,
    })),
  );
}

interface BoundaryRow {
  province: ProvinceCode;
  name_en: string | null;
  name_fr: string | null;
  geometry: Boundary['geometry'];
}

/** Every boundary, ordered by province code. */
export async function readBoundaries(db: pg.Pool): Promise<Boundary[]> {
  const { rows } = await db.query<BoundaryRow>('SELECT * FROM boundary ORDER BY province');
  return rows.map((r) => ({
    province: r.province,
    name: bilingualFrom(r.name_en, r.name_fr),
    geometry: r.geometry,
  }));
}
