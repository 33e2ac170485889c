import type pg from 'pg';
import { haversineMetres, EARTH_RADIUS_METRES } from '../../domain/distance.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { isUuid } from '../../domain/stable-uuid.js';
import type { ResolvedFilter } from '../point-filter.js';
import type { BBox, ListQuery, NearestHit, TextHit } from '../store.js';
import { prepared } from './connection.js';
import { filterConditions, Params, where } from './point-filter.js';
import { termFrequencySql, tsqueryFrom } from './text-search.js';

/**
 * A LIMIT or OFFSET value as SQLite reads it: negatives and NaN are 0, fractions are
 * floored, Infinity is "all" (NULL in PostgreSQL).
 */
function rowCount(n: number): number | null {
  if (n === Infinity) return null;
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}

/** An ISO 8601 date or time as a UTC instant, or a RangeError saying what was expected. */
function isoTimestamp(text: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new RangeError(
      `modifiedAfter must be an ISO 8601 date or time, e.g. 2024-02-06T12:00:00Z; got "${text}".`,
    );
  }
  return new Date(time).toISOString();
}

/** Half the Earth's circumference: a radius at least this large is no limit at all. */
const HALF_CIRCUMFERENCE_METRES = Math.PI * EARTH_RADIUS_METRES;

/**
 * Widens a radius by a hair for ST_DWithin, whose sphere (6,371,008.77 m) is not quite ours
 * (6,371,008.8 m); the exact limit is then applied with our haversine.
 */
const widened = (metres: number): number => metres * (1 + 1e-9) + 1e-6;

/**
 * A MULTIPOINT whose geocentric (x, y, z) bounding box is exactly that of the lat/lon boxes
 * [west, south, east, north]: on the sphere x = cos(lat)·cos(lon), y = cos(lat)·sin(lon),
 * z = sin(lat) reach their extremes over a box at its edges, at the equator, or at the
 * longitudes where cos or sin is ±1, so those points span it. With `geog && it`, the one
 * geography index answers box queries too (a planar index would cost every import a second
 * GiST insert per point).
 */
export function boxCornersWkt(boxes: readonly (readonly [number, number, number, number])[]): string {
  const points: string[] = [];
  for (const [west, south, east, north] of boxes) {
    const lats = south < 0 && north > 0 ? [south, 0, north] : [south, north];
    const lons = [west, ...[-180, -90, 0, 90, 180].filter((lon) => lon > west && lon < east), east];
    for (const lat of lats) for (const lon of lons) points.push(`(${lon} ${lat})`);
  }
  return `SRID=4326;MULTIPOINT(${points.join(',')})`;
}

/** A candidate of a nearest query: its record and its distance by our haversine. */
interface Candidate {
  point: ServicePoint;
  distanceMetres: number;
}

const byDistanceThenId = (a: Candidate, b: Candidate): number =>
  a.distanceMetres - b.distanceMetres || (a.point.id < b.point.id ? -1 : a.point.id > b.point.id ? 1 : 0);

/**
 * The read queries on points, over the pool. Each returns the stored `data` column (parsed
 * by pg as JSON); a page and its total come from one statement, so they agree.
 */
export class PointQueries {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** One point by id, or null. */
  async one(id: string): Promise<ServicePoint | null> {
    const { rows } = await this.#pool.query<{ data: ServicePoint }>(
      prepared('SELECT data FROM point WHERE id = $1', [id]),
    );
    return rows[0]?.data ?? null;
  }

  /** One point by its HSDS UUID (any letter case), or null; a text that is no UUID finds nothing. */
  async oneByUuid(uuid: string): Promise<ServicePoint | null> {
    if (!isUuid(uuid)) return null;
    const { rows } = await this.#pool.query<{ data: ServicePoint }>(
      prepared('SELECT data FROM point WHERE uuid = $1::uuid', [uuid]),
    );
    return rows[0]?.data ?? null;
  }

  /** Points by id, in the order of `ids`; ids not found are skipped. */
  async byIds(ids: readonly string[]): Promise<ServicePoint[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.#pool.query<{ data: ServicePoint }>(
      prepared('SELECT data FROM point WHERE id = ANY($1::text[])', [ids]),
    );
    const byId = new Map(rows.map(({ data }) => [data.id, data]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** A page of points in id order, and how many match in all. */
  async list(query: ListQuery, filter: ResolvedFilter): Promise<{ items: ServicePoint[]; total: number }> {
    const params = new Params();
    const conditions = filterConditions(filter, params);
    if (query.modifiedAfter !== undefined) {
      conditions.push(`p.modified_at > ${params.add(isoTimestamp(query.modifiedAfter))}::timestamptz`);
    }
    const clause = where(conditions);
    // One statement, one snapshot: the total counts exactly the rows the page was cut from.
    const sql = `
      SELECT t.total, page.data FROM (SELECT count(*)::int AS total FROM point AS p ${clause}) AS t
      LEFT JOIN LATERAL (
        SELECT p.id, p.data FROM point AS p ${clause}
        ORDER BY p.id LIMIT ${params.add(rowCount(query.limit))}::bigint OFFSET ${params.add(rowCount(query.offset))}::bigint
      ) AS page ON true
      ORDER BY page.id`;
    const { rows } = await this.#pool.query<{ total: number; data: ServicePoint | null }>(
      prepared(sql, params.values),
    );
    return { items: rows.flatMap((r) => r.data ?? []), total: rows[0]?.total ?? 0 };
  }

  /**
   * Up to `size` points after `afterId` (all when null) in id order: one batch of a stream.
   * Keyset paging on the primary key, so each batch costs the same however deep it is.
   */
  async batchAfter(afterId: string | null, size: number, filter: ResolvedFilter): Promise<ServicePoint[]> {
    const params = new Params();
    const conditions = filterConditions(filter, params);
    if (afterId !== null) conditions.push(`p.id > ${params.add(afterId)}`);
    const sql = `SELECT p.data FROM point AS p ${where(conditions)} ORDER BY p.id LIMIT ${params.add(size)}::bigint`;
    const { rows } = await this.#pool.query<{ data: ServicePoint }>(prepared(sql, params.values));
    return rows.map((r) => r.data);
  }

  /**
   * The `k` points nearest to (lat, lon) that pass `filter`, nearest first by great-circle
   * distance in metres (our haversine, as SQLite), equal distances by id; only within
   * `maxDistanceMetres` when given. The GiST index orders by `<->` (distance on the sphere);
   * one extra row shows whether the k-th ties with the next, and then every point at that
   * distance is read so that the id order decides which are in.
   */
  async nearest(
    lat: number,
    lon: number,
    k: number,
    filter: ResolvedFilter,
    maxDistanceMetres: number | undefined,
  ): Promise<NearestHit[]> {
    if (!(k >= 1)) return [];
    const maxMetres = maxDistanceMetres ?? Infinity;
    if (!(maxMetres >= 0)) return [];
    let hits = await this.#around(lat, lon, filter, maxMetres, k + 1);
    if (hits.length > k && hits[k].distanceMetres === hits[k - 1].distanceMetres) {
      hits = await this.#around(lat, lon, filter, hits[k - 1].distanceMetres, null);
    }
    return hits.slice(0, k);
  }

  /** Up to `count` (all when null) points within `maxMetres`, sorted by (distance, id). */
  async #around(
    lat: number,
    lon: number,
    filter: ResolvedFilter,
    maxMetres: number,
    count: number | null,
  ): Promise<Candidate[]> {
    const params = new Params();
    const origin = `ST_SetSRID(ST_MakePoint(${params.add(lon)}::float8, ${params.add(lat)}::float8), 4326)::geography`;
    const conditions = ['p.geog IS NOT NULL', ...filterConditions(filter, params)];
    if (maxMetres < HALF_CIRCUMFERENCE_METRES) {
      conditions.push(`ST_DWithin(p.geog, ${origin}, ${params.add(widened(maxMetres))}::float8, false)`);
    }
    const sql = `SELECT p.data FROM point AS p ${where(conditions)}
      ORDER BY p.geog <-> ${origin} LIMIT ${params.add(count)}::bigint`;
    const { rows } = await this.#pool.query<{ data: ServicePoint }>(prepared(sql, params.values));
    const hits: Candidate[] = [];
    for (const { data: point } of rows) {
      const { geocode } = point;
      if (!geocode) continue;
      const distanceMetres = haversineMetres(lat, lon, geocode.lat, geocode.lon);
      if (distanceMetres <= maxMetres) hits.push({ point, distanceMetres });
    }
    return hits.sort(byDistanceThenId);
  }

  /**
   * Points inside a bounding box (degrees, edges included) in id order. The geography GiST
   * index finds candidates by the box's geocentric extent (`boxCornersWkt`, rounded outward
   * to float4 in the index); the exact lat/lon columns decide. A box with west > east
   * crosses the antimeridian.
   */
  async withinBBox(bbox: BBox, filter: ResolvedFilter, limit: number): Promise<ServicePoint[]> {
    const params = new Params();
    const { west, south, east, north } = bbox;
    const crosses = west > east;
    const extent = params.add(
      crosses
        ? boxCornersWkt([
            [west, south, 180, north],
            [-180, south, east, north],
          ])
        : boxCornersWkt([[west, south, east, north]]),
    );
    const [w, s, e, n] = [west, south, east, north].map((v) => `${params.add(v)}::float8`);
    const conditions = [
      `p.geog && ${extent}::geography`,
      `p.lat >= ${s} AND p.lat <= ${n}`,
      crosses ? `(p.lon >= ${w} OR p.lon <= ${e})` : `p.lon >= ${w} AND p.lon <= ${e}`,
      ...filterConditions(filter, params),
    ];
    const sql = `SELECT p.data FROM point AS p ${where(conditions)} ORDER BY p.id LIMIT ${params.add(rowCount(limit))}::bigint`;
    const { rows } = await this.#pool.query<{ data: ServicePoint }>(prepared(sql, params.values));
    return rows.map((r) => r.data);
  }

  /**
   * A page of the points matching every prefix, best first by bm25 exactly as FTS5 scores it
   * for the SQLite store (ties by id), and how many match in all. The collection statistics
   * (rows, tokens) come from the source registry and each prefix's document frequency from
   * the GIN index, all in the statement's one snapshot.
   */
  async search(
    prefixes: readonly string[],
    filter: ResolvedFilter,
    limit: number,
    offset: number,
  ): Promise<{ hits: TextHit[]; total: number }> {
    const params = new Params();
    const query = params.add(tsqueryFrom(prefixes));
    const prefixList = params.add(prefixes);
    const conditions = [`p.search @@ ${query}::tsquery`, ...filterConditions(filter, params)];
    // FTS5's bm25 (fts5_aux.c), the same float8 operations in the same order, so scores and
    // therefore ties are bit-identical with the SQLite store: k1 = 1.2, b = 0.75.
    const freqs = prefixes.map(
      (prefix, i) => `${termFrequencySql(`${params.add(` ${prefix}`)}::text`)} AS f${i + 1}`,
    );
    const terms = prefixes.map(
      (_, i) =>
        `idf.v[${i + 1}] * ((f.f${i + 1} * (1.2::float8 + 1.0::float8)) / (f.f${i + 1} + 1.2::float8 * ((1::float8 - 0.75::float8) + 0.75::float8 * p.search_tokens::float8 / stats.avgdl)))`,
    );
    const sql = `
      WITH stats AS MATERIALIZED (
        SELECT coalesce(sum(records), 0)::float8 AS n_row,
               coalesce(sum(text_tokens), 0)::float8 / nullif(coalesce(sum(records), 0), 0)::float8 AS avgdl
        FROM source
      ), hit AS MATERIALIZED (
        -- n: the rows (of any filter) that contain the prefix, from the GIN index.
        SELECT i, (SELECT count(*) FROM point WHERE search @@ (quote_literal((${prefixList}::text[])[i]) || ':*')::tsquery)::float8 AS n_hit
        FROM generate_subscripts(${prefixList}::text[], 1) AS i
      ), idf AS MATERIALIZED (
        -- idf = log((N - n + 0.5) / (n + 0.5)), at least 1e-6.
        SELECT array_agg(CASE WHEN x > 0 THEN x ELSE 1e-6::float8 END ORDER BY i) AS v
        FROM (SELECT i, ln(((SELECT n_row FROM stats) - n_hit + 0.5::float8) / (n_hit + 0.5::float8)) AS x FROM hit) AS raw
      ), matched AS MATERIALIZED (
        SELECT p.id, (0::float8 + ${terms.join(' + ')}) AS score
        FROM point AS p
        -- OFFSET 0 keeps each frequency computed once, not once per use.
        CROSS JOIN LATERAL (SELECT ${freqs.join(', ')} OFFSET 0) AS f
        CROSS JOIN stats CROSS JOIN idf
        ${where(conditions)}
      )
      SELECT t.total, page.score, pt.data
      FROM (SELECT count(*)::int AS total FROM matched) AS t
      LEFT JOIN LATERAL (
        SELECT id, score FROM matched ORDER BY score DESC, id
        LIMIT ${params.add(rowCount(limit))}::bigint OFFSET ${params.add(rowCount(offset))}::bigint
      ) AS page ON true
      LEFT JOIN point AS pt ON pt.id = page.id
      ORDER BY page.score DESC, page.id`;
    const { rows } = await this.#pool.query<{
      total: number;
      score: number | null;
      data: ServicePoint | null;
    }>(prepared(sql, params.values));
    const hits: TextHit[] = [];
    for (const { data, score } of rows)
      if (data !== null && score !== null) hits.push({ point: data, score });
    return { hits, total: rows[0]?.total ?? 0 };
  }
}
