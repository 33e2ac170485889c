import type Database from 'better-sqlite3';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { EARTH_RADIUS_METRES, haversineMetres } from '../../domain/distance.js';
import type { ResolvedFilter } from '../point-filter.js';
import type { BBox } from '../store.js';

/** geokdbush's own Earth radius (km): its `maxDistance` is an angle times this. */
const GEOKDBUSH_EARTH_RADIUS_KM = 6371;

/** A point found by `PointIndex.nearest`, before its record is read. */
export interface IndexHit {
  id: string;
  distanceMetres: number;
}

/**
 * Ids in SQLite's `ORDER BY id` order (BINARY: the bytes of UTF-8). JavaScript's `<` compares
 * UTF-16 code units, which agrees except between a character above U+FFFF (a surrogate pair)
 * and one in U+E000–U+FFFF; only then are the code points compared.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return (a.codePointAt(i) ?? x) - (b.codePointAt(i) ?? y);
    return x - y;
  }
  return a.length - b.length;
}

/** Small integer codes for the values of one attribute, so filters compare numbers. */
class Codes {
  readonly #byValue = new Map<string, number>();

  code(value: string): number {
    let code = this.#byValue.get(value);
    if (code === undefined) {
      code = this.#byValue.size;
      this.#byValue.set(value, code);
    }
    return code;
  }

  /** A lookup table: allowed[code] is 1 for the listed values (unknown values match nothing). */
  allowed(values: readonly string[]): Uint8Array {
    const table = new Uint8Array(this.#byValue.size);
    for (const value of values) {
      const code = this.#byValue.get(value);
      if (code !== undefined) table[code] = 1;
    }
    return table;
  }
}

// One row per (point, service type), points in rowid order: the LEFT JOIN keeps points with
// no service type. Raw arrays, not objects: the build reads 100,000 points.
const BUILD_SQL = `
  SELECT p.rid, p.id, p.lon, p.lat, p.layer, p.role, p.jurisdiction_level, p.channel, p.source_id, s.service_type
  FROM point p LEFT JOIN point_service_type s ON s.point_id = p.id
  WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL
  ORDER BY p.rid`;
type BuildRow = [number, string, number, number, string, string, string, string, string, string | null];

/**
 * An in-memory kd-tree of every point with coordinates, with the attributes filters need,
 * for exact great-circle k-nearest queries (geokdbush). Built once from the database and
 * thrown away after each write; items are numbered 0..n-1 in the order they were added.
 */
export class PointIndex {
  readonly #kd: KDBush;
  readonly #ids: string[];
  readonly #lat: Float64Array;
  readonly #lon: Float64Array;
  // Attribute codes per item (Codes above), typed arrays to keep 100,000 items compact.
  readonly #layer: Uint32Array;
  readonly #role: Uint32Array;
  readonly #level: Uint32Array;
  readonly #channel: Uint32Array;
  readonly #source: Uint32Array;
  // Service types per item in compressed-row form: item i has codes
  // #typeCodes[#typeStart[i]] … #typeCodes[#typeStart[i + 1] - 1].
  readonly #typeStart: Uint32Array;
  readonly #typeCodes: Uint32Array;
  readonly #codes = {
    layer: new Codes(),
    role: new Codes(),
    level: new Codes(),
    channel: new Codes(),
    source: new Codes(),
    type: new Codes(),
  };

  private constructor(db: Database.Database) {
    const count = db
      .prepare('SELECT count(*) FROM point WHERE lat IS NOT NULL AND lon IS NOT NULL')
      .pluck()
      .get() as number;
    this.#kd = new KDBush(count);
    this.#ids = new Array<string>(count);
    this.#lat = new Float64Array(count);
    this.#lon = new Float64Array(count);
    this.#layer = new Uint32Array(count);
    this.#role = new Uint32Array(count);
    this.#level = new Uint32Array(count);
    this.#channel = new Uint32Array(count);
    this.#source = new Uint32Array(count);
    this.#typeStart = new Uint32Array(count + 1);
    const typeCodes: number[] = [];
    const codes = this.#codes;
    let item = -1;
    let lastRid = -1;
    for (const row of db.prepare(BUILD_SQL).raw().iterate() as IterableIterator<BuildRow>) {
      const [rid, id, lon, lat, layer, role, level, channel, source, serviceType] = row;
      if (rid !== lastRid) {
        lastRid = rid;
        item = this.#kd.add(lon, lat);
        this.#ids[item] = id;
        this.#lat[item] = lat;
        this.#lon[item] = lon;
        this.#layer[item] = codes.layer.code(layer);
        this.#role[item] = codes.role.code(role);
        this.#level[item] = codes.level.code(level);
        this.#channel[item] = codes.channel.code(channel);
        this.#source[item] = codes.source.code(source);
        this.#typeStart[item] = typeCodes.length;
      }
      if (serviceType !== null) typeCodes.push(codes.type.code(serviceType));
    }
    this.#typeStart[count] = typeCodes.length;
    this.#typeCodes = Uint32Array.from(typeCodes);
    this.#kd.finish();
  }

  /** Builds the index from the committed points, in one read transaction. */
  static build(db: Database.Database): PointIndex {
    return db.transaction(() => new PointIndex(db))();
  }

  /**
   * The `k` points nearest to (lat, lon) that pass `filter`, nearest first, by great-circle
   * (haversine) distance in metres; equal distances are ordered by id. Only points within
   * `maxDistanceMetres` when given.
   */
  nearest(
    lat: number,
    lon: number,
    k: number,
    filter: ResolvedFilter,
    maxDistanceMetres?: number,
  ): IndexHit[] {
    if (!(k >= 1) || this.#ids.length === 0) return [];
    const accept = this.#predicate(filter);
    const maxMetres = maxDistanceMetres ?? Infinity;
    // One more than asked for, to see whether the k-th point ties with the next one.
    let hits = this.#around(lat, lon, k + 1, maxMetres, accept);
    if (hits.length > k && hits[k].distanceMetres === hits[k - 1].distanceMetres) {
      // Ties at the cut: take every point at that distance, so the id order decides which
      // are in. Several records geocoded to one FSA or community centroid tie like this.
      hits = this.#around(lat, lon, Infinity, hits[k - 1].distanceMetres, accept);
    }
    return hits.slice(0, k);
  }

  /**
   * The ids of the points inside a box (degrees, edges included) that pass `filter`, in id
   * order, at most `limit`. A box with west > east crosses the antimeridian. The kd-tree
   * keeps the exact coordinates (64-bit), so its range test is the answer, not a candidate.
   */
  withinBox(bbox: BBox, filter: ResolvedFilter, limit: number): string[] {
    const { west, south, east, north } = bbox;
    if (!(limit >= 1) || south > north) return [];
    const items =
      west > east
        ? [...this.#kd.range(west, south, 180, north), ...this.#kd.range(-180, south, east, north)]
        : this.#kd.range(west, south, east, north);
    const accept = this.#predicate(filter);
    const ids: string[] = [];
    for (const item of items) if (!accept || accept(item)) ids.push(this.#ids[item]);
    ids.sort(compareIds);
    return ids.length > limit ? ids.slice(0, limit) : ids;
  }

  /** Up to `count` points within `maxMetres`, sorted by (distance, id). */
  #around(
    lat: number,
    lon: number,
    count: number,
    maxMetres: number,
    accept: ((item: number) => boolean) | undefined,
  ): IndexHit[] {
    // geokdbush ranks by the haversine of the angle, so its order is exact; its distance
    // limit is an angle times its own Earth radius, widened by a hair so rounding never
    // drops a point at the limit; the exact limit is applied below with our haversine.
    const angle = maxMetres / EARTH_RADIUS_METRES;
    const limitKm = angle >= Math.PI ? Infinity : angle * GEOKDBUSH_EARTH_RADIUS_KM * (1 + 1e-9) + 1e-9;
    const items = around(this.#kd, lon, lat, count, limitKm, accept);
    const hits: IndexHit[] = [];
    for (const item of items) {
      const distanceMetres = haversineMetres(lat, lon, this.#lat[item], this.#lon[item]);
      if (distanceMetres <= maxMetres) hits.push({ id: this.#ids[item], distanceMetres });
    }
    return hits.sort((a, b) => a.distanceMetres - b.distanceMetres || compareIds(a.id, b.id));
  }

  /** The filter as a test on item numbers, or undefined when it lets everything through. */
  #predicate(filter: ResolvedFilter): ((item: number) => boolean) | undefined {
    const codes = this.#codes;
    const tests: ((item: number) => boolean)[] = [];
    const single = (
      values: readonly string[] | null,
      attribute: Uint32Array,
      attributeCodes: Codes,
    ): void => {
      if (values === null) return;
      const allowed = attributeCodes.allowed(values);
      tests.push((item) => allowed[attribute[item]] === 1);
    };
    single(filter.layers, this.#layer, codes.layer);
    single(filter.roles, this.#role, codes.role);
    single(filter.jurisdictionLevels, this.#level, codes.level);
    single(filter.channels, this.#channel, codes.channel);
    single(filter.sourceIds, this.#source, codes.source);
    if (filter.serviceTypes !== null) {
      const allowed = codes.type.allowed(filter.serviceTypes);
      const start = this.#typeStart;
      const types = this.#typeCodes;
      tests.push((item) => {
        for (let i = start[item]; i < start[item + 1]; i++) if (allowed[types[i]] === 1) return true;
        return false;
      });
    }
    if (tests.length === 0) return undefined;
    return (item) => tests.every((test) => test(item));
  }
}
