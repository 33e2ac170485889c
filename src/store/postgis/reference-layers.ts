import type pg from 'pg';
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

// Each layer is one table, replaced whole in the caller's transaction: DELETE, then one
// INSERT … SELECT FROM json_populate_recordset per batch (a JSON array of rows whose keys
// are the column names). The rows are mapped in ../reference-layer-rows.ts.

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

/** Replaces every population unit (census subdivision) with `units`. */
export function writePopulationUnits(client: pg.PoolClient, units: readonly PopulationUnit[]): Promise<void> {
  return replaceTable(client, 'population_unit', units.map(populationUnitToRow));
}

/** Every population unit, ordered by CSD code. */
export async function readPopulationUnits(db: pg.Pool): Promise<PopulationUnit[]> {
  const { rows } = await db.query<PopulationUnitRow>('SELECT * FROM population_unit ORDER BY csd_code');
  return rows.map(populationUnitFromRow);
}

/** Replaces every First Nations and Inuit community with `communities`. */
export function writeCommunities(client: pg.PoolClient, communities: readonly Community[]): Promise<void> {
  return replaceTable(client, 'community', communities.map(communityToRow));
}

/** Every community, ordered by id. */
export async function readCommunities(db: pg.Pool): Promise<Community[]> {
  const { rows } = await db.query<CommunityRow>('SELECT * FROM community ORDER BY id');
  return rows.map(communityFromRow);
}

/** Replaces the gazetteer with `places`. */
export function writePlaces(client: pg.PoolClient, places: readonly Place[]): Promise<void> {
  return replaceTable(client, 'place', places.map(placeToRow));
}

/** Every gazetteer place, ordered by id. */
export async function readPlaces(db: pg.Pool): Promise<Place[]> {
  const { rows } = await db.query<PlaceRow>('SELECT * FROM place ORDER BY id');
  return rows.map(placeFromRow);
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
  return replaceTable(client, 'boundary', boundaries.map(boundaryToRow));
}

/** Every boundary, ordered by province code. */
export async function readBoundaries(db: pg.Pool): Promise<Boundary[]> {
  const { rows } = await db.query<BoundaryRow>('SELECT * FROM boundary ORDER BY province');
  return rows.map(boundaryFromRow);
}
