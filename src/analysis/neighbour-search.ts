import KDBush from 'kdbush';
import { EARTH_RADIUS_METRES } from '../domain/distance.js';
import type { MaybeLocated } from './analysis-inputs.js';
import { greatCircleCostMatrix, type CostMatrix } from './cost-matrix.js';

/** The nearest destination of an origin and its cost. */
export interface Neighbour {
  index: number;
  metres: number;
}

/**
 * Distance queries from origins (population units, communities, points) to destinations
 * (service points, candidate sites). Both implementations give identical answers: the
 * nearest is the lowest-cost destination, ties to the lowest index; `within` visits
 * destinations in increasing index order, so sums over them are computed in the same order.
 */
export interface NeighbourSearch {
  nearest(origin: number): Neighbour | null;
  /** Calls `visit` for every destination whose cost from `origin` is ≤ `radiusMetres`, by increasing index. */
  within(origin: number, radiusMetres: number, visit: (destination: number, metres: number) => void): void;
}

/** How distances are obtained: a given matrix, else great-circle through a kd-tree (`index`) or by brute force. */
export interface SearchOptions {
  costMatrix?: CostMatrix;
  /** `brute` computes every pair: for tests that check the index against it. Default `index`. */
  search?: 'index' | 'brute';
}

/** The search for these origins and destinations under `options` (see SearchOptions). */
export function createNeighbourSearch(
  origins: readonly MaybeLocated[],
  destinations: readonly MaybeLocated[],
  options: SearchOptions = {},
): NeighbourSearch {
  if (options.costMatrix) return new MatrixSearch(options.costMatrix, origins, destinations.length);
  if (options.search === 'brute') {
    return new MatrixSearch(greatCircleCostMatrix(origins, destinations), origins, destinations.length);
  }
  return new GreatCircleIndexSearch(origins, destinations);
}

/** Every pair through a matrix; unlocated origins (null lat/lon) have no neighbours. */
class MatrixSearch implements NeighbourSearch {
  readonly #matrix: CostMatrix;
  readonly #origins: readonly MaybeLocated[];
  readonly #count: number;

  constructor(matrix: CostMatrix, origins: readonly MaybeLocated[], destinationCount: number) {
    this.#matrix = matrix;
    this.#origins = origins;
    this.#count = destinationCount;
  }

  nearest(origin: number): Neighbour | null {
    if (!isLocated(this.#origins[origin])) return null;
    let best = -1;
    let bestMetres = Infinity;
    for (let j = 0; j < this.#count; j++) {
      const metres = this.#matrix.costMetres(origin, j);
      // Strictly less: ties keep the lowest index. NaN compares false: unreachable.
      if (metres < bestMetres) {
        best = j;
        bestMetres = metres;
      }
    }
    return best < 0 ? null : { index: best, metres: bestMetres };
  }

  within(origin: number, radiusMetres: number, visit: (destination: number, metres: number) => void): void {
    if (!isLocated(this.#origins[origin])) return;
    for (let j = 0; j < this.#count; j++) {
      const metres = this.#matrix.costMetres(origin, j);
      if (metres <= radiusMetres) visit(j, metres);
    }
  }
}

const RAD = Math.PI / 180;
// Bounding boxes are widened by this relative and absolute slack (degrees) so that rounding
// in the box never drops a point the exact haversine test would keep.
const BOX_SLACK = 1e-9;

/** A latitude band and one or two longitude intervals (two when the box crosses ±180°). */
interface CapBox {
  minLat: number;
  maxLat: number;
  west1: number;
  east1: number;
  west2: number;
  east2: number;
}

/** A box containing every point within `radiusMetres` of (lat, lon) on the sphere. */
function capBox(lat: number, lon: number, radiusMetres: number, box: CapBox): void {
  const angle = radiusMetres / EARTH_RADIUS_METRES;
  // An empty second interval unless the box wraps: ±Infinity so that it never opens a branch.
  box.west2 = Infinity;
  box.east2 = -Infinity;
  if (!(angle < Math.PI / 2)) {
    box.minLat = -90;
    box.maxLat = 90;
    box.west1 = -180;
    box.east1 = 180;
    return;
  }
  const dLat = (angle / RAD) * (1 + BOX_SLACK) + BOX_SLACK;
  box.minLat = lat - dLat;
  box.maxLat = lat + dLat;
  // The widest longitude of a cap of angular radius θ at latitude φ is asin(sin θ / cos φ);
  // a cap that reaches a pole spans every longitude.
  const sinRatio = Math.sin(angle) / Math.cos(lat * RAD);
  if (box.maxLat >= 90 || box.minLat <= -90 || sinRatio >= 1) {
    box.west1 = -180;
    box.east1 = 180;
    return;
  }
  const dLon = (Math.asin(sinRatio) / RAD) * (1 + BOX_SLACK) + BOX_SLACK;
  box.west1 = lon - dLon;
  box.east1 = lon + dLon;
  if (box.west1 < -180) {
    box.west2 = box.west1 + 360;
    box.east2 = 180;
    box.west1 = -180;
  } else if (box.east1 > 180) {
    box.west2 = -180;
    box.east2 = box.east1 - 360;
    box.east1 = 180;
  }
}

function inBox(x: number, y: number, box: CapBox): boolean {
  return (
    y >= box.minLat &&
    y <= box.maxLat &&
    ((x >= box.west1 && x <= box.east1) || (x >= box.west2 && x <= box.east2))
  );
}

/**
 * `haversineMetres` (src/domain/distance.ts) with the cosines of both latitudes given: the
 * same operations in the same order, so the same double, bit for bit (the brute-force path
 * calls haversineMetres itself, and tests compare the two).
 */
function haversineWithCos(
  lat1: number,
  lon1: number,
  cos1: number,
  lat2: number,
  lon2: number,
  cos2: number,
): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + cos1 * cos2 * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Great-circle search through a kd-tree (kdbush) of the located destinations. The tree is
 * walked directly (kdbush's public `ids`, `coords`, `nodeSize`): `within` keeps the items of
 * a box that contains the radius's spherical cap (widened at the poles, split at ±180°);
 * `nearest` is a branch-and-bound walk whose box shrinks to the best distance found. The
 * exact haversine decides, so answers equal the brute-force matrix bit for bit.
 */
class GreatCircleIndexSearch implements NeighbourSearch {
  readonly #origins: readonly MaybeLocated[];
  readonly #kd: KDBush | null;
  // Per kd item (items are added in increasing destination order, so item order = destination order):
  readonly #destination: Int32Array;
  readonly #lat: Float64Array;
  readonly #lon: Float64Array;
  readonly #cos: Float64Array;
  // Scratch for `within`: accepted items and their distances, reused by every query.
  readonly #found: Int32Array;
  readonly #metres: Float64Array;
  readonly #box: CapBox = { minLat: 0, maxLat: 0, west1: 0, east1: 0, west2: Infinity, east2: -Infinity };
  // Walk stack: (left, right, axis) triples; a kd-tree of n items is at most log2(n) + 1 deep.
  readonly #stack = new Int32Array(3 * 64);

  constructor(origins: readonly MaybeLocated[], destinations: readonly MaybeLocated[]) {
    this.#origins = origins;
    const located: number[] = [];
    destinations.forEach((d, j) => {
      if (isLocated(d)) located.push(j);
    });
    this.#destination = Int32Array.from(located);
    this.#lat = Float64Array.from(located, (j) => destinations[j].lat as number);
    this.#lon = Float64Array.from(located, (j) => destinations[j].lon as number);
    this.#cos = this.#lat.map((lat) => Math.cos(lat * RAD));
    this.#found = new Int32Array(located.length);
    this.#metres = new Float64Array(located.length);
    if (located.length === 0) {
      this.#kd = null;
      return;
    }
    const kd = new KDBush(located.length);
    for (let k = 0; k < located.length; k++) kd.add(this.#lon[k], this.#lat[k]);
    this.#kd = kd.finish();
  }

  nearest(origin: number): Neighbour | null {
    const o = this.#origins[origin];
    if (!this.#kd || o.lat === null || o.lon === null) return null;
    const { lat, lon } = o;
    const cos = Math.cos(lat * RAD);
    const { ids, coords, nodeSize } = this.#kd;
    const box = this.#box;
    capBox(lat, lon, Infinity, box);
    let best = -1;
    let bestMetres = Infinity;
    const consider = (i: number): void => {
      const x = coords[2 * i];
      const y = coords[2 * i + 1];
      if (!inBox(x, y, box)) return;
      const k = ids[i];
      const metres = haversineWithCos(lat, lon, cos, this.#lat[k], this.#lon[k], this.#cos[k]);
      if (metres < bestMetres || (metres === bestMetres && k < best)) {
        best = k;
        bestMetres = metres;
        capBox(lat, lon, bestMetres, box);
      }
    };
    const stack = this.#stack;
    stack[0] = 0;
    stack[1] = ids.length - 1;
    stack[2] = 0;
    let sp = 3;
    while (sp > 0) {
      const axis = stack[--sp];
      const right = stack[--sp];
      const left = stack[--sp];
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) consider(i);
        continue;
      }
      const m = (left + right) >> 1;
      consider(m);
      const split = coords[2 * m + axis];
      const lowOpen = axis === 0 ? box.west1 <= split || box.west2 <= split : box.minLat <= split;
      const highOpen = axis === 0 ? box.east1 >= split || box.east2 >= split : box.maxLat >= split;
      // The half holding the origin goes on the stack last, so it is searched first and the
      // box shrinks before the other half is tested.
      const originLow = (axis === 0 ? lon : lat) <= split;
      if (highOpen && originLow) sp = push(stack, sp, m + 1, right, 1 - axis);
      if (lowOpen) sp = push(stack, sp, left, m - 1, 1 - axis);
      if (highOpen && !originLow) sp = push(stack, sp, m + 1, right, 1 - axis);
    }
    return best < 0 ? null : { index: this.#destination[best], metres: bestMetres };
  }

  within(origin: number, radiusMetres: number, visit: (destination: number, metres: number) => void): void {
    const o = this.#origins[origin];
    if (!this.#kd || o.lat === null || o.lon === null || !(radiusMetres >= 0)) return;
    const { lat, lon } = o;
    const cos = Math.cos(lat * RAD);
    const { ids, coords, nodeSize } = this.#kd;
    const box = this.#box;
    capBox(lat, lon, radiusMetres, box);
    const found = this.#found;
    const distances = this.#metres;
    let count = 0;
    const consider = (i: number): void => {
      if (!inBox(coords[2 * i], coords[2 * i + 1], box)) return;
      const k = ids[i];
      const metres = haversineWithCos(lat, lon, cos, this.#lat[k], this.#lon[k], this.#cos[k]);
      if (metres <= radiusMetres) {
        found[count++] = k;
        distances[k] = metres;
      }
    };
    const stack = this.#stack;
    stack[0] = 0;
    stack[1] = ids.length - 1;
    stack[2] = 0;
    let sp = 3;
    while (sp > 0) {
      const axis = stack[--sp];
      const right = stack[--sp];
      const left = stack[--sp];
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) consider(i);
        continue;
      }
      const m = (left + right) >> 1;
      consider(m);
      const split = coords[2 * m + axis];
      if (axis === 0 ? box.west1 <= split || box.west2 <= split : box.minLat <= split) {
        stack[sp++] = left;
        stack[sp++] = m - 1;
        stack[sp++] = 1 - axis;
      }
      if (axis === 0 ? box.east1 >= split || box.east2 >= split : box.maxLat >= split) {
        stack[sp++] = m + 1;
        stack[sp++] = right;
        stack[sp++] = 1 - axis;
      }
    }
    // Increasing destination order, so sums over the visits match the brute-force order.
    const order = found.subarray(0, count).sort();
    for (let n = 0; n < count; n++) visit(this.#destination[order[n]], distances[order[n]]);
  }
}

/** Pushes a (left, right, axis) frame on the walk stack; returns the new stack pointer. */
function push(stack: Int32Array, sp: number, left: number, right: number, axis: number): number {
  stack[sp] = left;
  stack[sp + 1] = right;
  stack[sp + 2] = axis;
  return sp + 3;
}

function isLocated(place: MaybeLocated): boolean {
  return place.lat !== null && place.lon !== null;
}
