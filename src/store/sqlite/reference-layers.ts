import type Database from 'better-sqlite3';
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

// Each layer is one table, replaced whole: DELETE then one prepared INSERT reused per row,
// in the caller's transaction. Optional fields are stored as NULL and left out when read;
// nullable fields (population, CWB values) stay null: a suppressed value is never 0.

function bilingualFrom(en: string | null, fr: string | null): BilingualText {
  const text: BilingualText = {};
  if (en !== null) text.en = en;
  if (fr !== null) text.fr = fr;
  return text;
}

/** Replaces every population unit (census subdivision) with `units`. */
export function writePopulationUnits(db: Database.Database, units: readonly PopulationUnit[]): void {
  db.prepare('DELETE FROM population_unit').run();
  const insert = db.prepare(`
    INSERT INTO population_unit (csd_code, name, province, csd_type, population, cwb_score, cwb_income,
      cwb_education, cwb_housing, cwb_labour_force, community_type, lat, lon, precision, located_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const u of units) {
    insert.run(
      u.csdCode,
      u.name,
      u.province,
      u.csdType ?? null,
      u.population,
      u.cwb.score,
      u.cwb.income,
      u.cwb.education,
      u.cwb.housing,
      u.cwb.labourForce,
      u.communityType,
      u.lat,
      u.lon,
      u.precision,
      u.locatedBy,
    );
  }
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
export function readPopulationUnits(db: Database.Database): PopulationUnit[] {
  const rows = db.prepare('SELECT * FROM population_unit ORDER BY csd_code').all() as PopulationUnitRow[];
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
export function writeCommunities(db: Database.Database, communities: readonly Community[]): void {
  db.prepare('DELETE FROM community').run();
  const insert = db.prepare(`
    INSERT INTO community (id, kind, name_en, name_fr, province, lat, lon, population, region, csd_code, source_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const c of communities) {
    insert.run(
      c.id,
      c.kind,
      c.name.en ?? null,
      c.name.fr ?? null,
      c.province,
      c.lat,
      c.lon,
      c.population,
      c.region ?? null,
      c.csdCode ?? null,
      c.sourceId,
    );
  }
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
export function readCommunities(db: Database.Database): Community[] {
  const rows = db.prepare('SELECT * FROM community ORDER BY id').all() as CommunityRow[];
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
export function writePlaces(db: Database.Database, places: readonly Place[]): void {
  db.prepare('DELETE FROM place').run();
  const insert = db.prepare(`
    INSERT INTO place (id, name, alternate_names, province, lat, lon, population, csd_code)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const p of places) {
    insert.run(
      p.id,
      p.name,
      JSON.stringify(p.alternateNames),
      p.province,
      p.lat,
      p.lon,
      p.population,
      p.csdCode ?? null,
    );
  }
}

interface PlaceRow {
  id: string;
  name: string;
  alternate_names: string;
  province: ProvinceCode | null;
  lat: number;
  lon: number;
  population: number | null;
  csd_code: string | null;
}

/** Every gazetteer place, ordered by id. */
export function readPlaces(db: Database.Database): Place[] {
  const rows = db.prepare('SELECT * FROM place ORDER BY id').all() as PlaceRow[];
  return rows.map((r) => {
    const place: Place = {
      id: r.id,
      name: r.name,
      alternateNames: JSON.parse(r.alternate_names) as string[],
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
export function writeFsaCentroids(db: Database.Database, fsas: readonly FsaCentroid[]): void {
  db.prepare('DELETE FROM fsa_centroid').run();
  const insert = db.prepare('INSERT INTO fsa_centroid (fsa, lat, lon, province) VALUES (?, ?, ?, ?)');
  for (const f of fsas) insert.run(f.fsa, f.lat, f.lon, f.province);
}

/** Every FSA centroid, ordered by FSA. */
export function readFsaCentroids(db: Database.Database): FsaCentroid[] {
  return db.prepare('SELECT fsa, lat, lon, province FROM fsa_centroid ORDER BY fsa').all() as FsaCentroid[];
}

/** Replaces every province/territory boundary with `boundaries`. */
export function writeBoundaries(db: Database.Database, boundaries: readonly Boundary[]): void {
  db.prepare('DELETE FROM boundary').run();
  const insert = db.prepare(
    'INSERT INTO boundary (province, name_en, name_fr, geometry) VALUES (?, ?, ?, ?)',
  );
  for (const b of boundaries)
    insert.run(b.province, b.name.en ?? null, b.name.fr ?? null, JSON.stringify(b.geometry));
}

interface BoundaryRow {
  province: ProvinceCode;
  name_en: string | null;
  name_fr: string | null;
  geometry: string;
}

/** Every boundary, ordered by province code. */
export function readBoundaries(db: Database.Database): Boundary[] {
  const rows = db.prepare('SELECT * FROM boundary ORDER BY province').all() as BoundaryRow[];
  return rows.map((r) => ({
    province: r.province,
    name: bilingualFrom(r.name_en, r.name_fr),
    geometry: JSON.parse(r.geometry) as Boundary['geometry'],
  }));
}
