import type Database from 'better-sqlite3';
import type { Boundary, Community, FsaCentroid, Place, PopulationUnit } from '../../domain/reference.js';
import {
  boundaryFromRow,
  boundaryToRow,
  communityFromRow,
  communityToRow,
  placeFromRow,
  placeToRow,
  populationUnitFromRow,
  populationUnitToRow,
  type BoundaryRow,
  type CommunityRow,
  type PlaceRow,
  type PopulationUnitRow,
} from '../reference-layer-rows.js';

// Each layer is one table, replaced whole: DELETE then one prepared INSERT reused per row,
// in the caller's transaction. The rows are mapped in ../reference-layer-rows.ts and bound by
// column name (`@csd_code`); JSON columns (alternate names, geometry) are stored as text.

/** Replaces every population unit (census subdivision) with `units`. */
export function writePopulationUnits(db: Database.Database, units: readonly PopulationUnit[]): void {
  db.prepare('DELETE FROM population_unit').run();
  const insert = db.prepare(`
    INSERT INTO population_unit (csd_code, name, province, csd_type, population, cwb_score, cwb_income,
      cwb_education, cwb_housing, cwb_labour_force, community_type, lat, lon, precision, located_by)
    VALUES (@csd_code, @name, @province, @csd_type, @population, @cwb_score, @cwb_income,
      @cwb_education, @cwb_housing, @cwb_labour_force, @community_type, @lat, @lon, @precision, @located_by)`);
  for (const u of units) insert.run(populationUnitToRow(u));
}

/** Every population unit, ordered by CSD code. */
export function readPopulationUnits(db: Database.Database): PopulationUnit[] {
  const rows = db.prepare('SELECT * FROM population_unit ORDER BY csd_code').all() as PopulationUnitRow[];
  return rows.map(populationUnitFromRow);
}

/** Replaces every First Nations and Inuit community with `communities`. */
export function writeCommunities(db: Database.Database, communities: readonly Community[]): void {
  db.prepare('DELETE FROM community').run();
  const insert = db.prepare(`
    INSERT INTO community (id, kind, name_en, name_fr, province, lat, lon, population, region, csd_code, source_id)
    VALUES (@id, @kind, @name_en, @name_fr, @province, @lat, @lon, @population, @region, @csd_code, @source_id)`);
  for (const c of communities) insert.run(communityToRow(c));
}

/** Every community, ordered by id. */
export function readCommunities(db: Database.Database): Community[] {
  const rows = db.prepare('SELECT * FROM community ORDER BY id').all() as CommunityRow[];
  return rows.map(communityFromRow);
}

/** Replaces the gazetteer with `places`. */
export function writePlaces(db: Database.Database, places: readonly Place[]): void {
  db.prepare('DELETE FROM place').run();
  const insert = db.prepare(`
    INSERT INTO place (id, name, alternate_names, province, lat, lon, population, csd_code)
    VALUES (@id, @name, @alternate_names, @province, @lat, @lon, @population, @csd_code)`);
  for (const p of places) insert.run({ ...placeToRow(p), alternate_names: JSON.stringify(p.alternateNames) });
}

/** A place row as SQLite returns it: the alternate names as JSON text. */
type SqlitePlaceRow = Omit<PlaceRow, 'alternate_names'> & { alternate_names: string };

/** Every gazetteer place, ordered by id. */
export function readPlaces(db: Database.Database): Place[] {
  const rows = db.prepare('SELECT * FROM place ORDER BY id').all() as SqlitePlaceRow[];
  return rows.map((r) => placeFromRow({ ...r, alternate_names: JSON.parse(r.alternate_names) as string[] }));
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
    'INSERT INTO boundary (province, name_en, name_fr, geometry) VALUES (@province, @name_en, @name_fr, @geometry)',
  );
  for (const b of boundaries) insert.run({ ...boundaryToRow(b), geometry: JSON.stringify(b.geometry) });
}

/** A boundary row as SQLite returns it: the geometry as GeoJSON text. */
type SqliteBoundaryRow = Omit<BoundaryRow, 'geometry'> & { geometry: string };

/** Every boundary, ordered by province code. */
export function readBoundaries(db: Database.Database): Boundary[] {
  const rows = db.prepare('SELECT * FROM boundary ORDER BY province').all() as SqliteBoundaryRow[];
  return rows.map((r) => boundaryFromRow({ ...r, geometry: JSON.parse(r.geometry) as Boundary['geometry'] }));
}
