import type { ProvinceCode } from '../../domain/province.js';
import type { Boundary } from '../../domain/reference.js';

/** A GeoJSON Polygon or MultiPolygon, WGS84 [lon, lat]. */
export type AreaGeometry = Boundary['geometry'];

/** National outlines used by `isInCanada`: Canada's own, and the USA's to rule out border-city points. */
export interface CountryOutlines {
  canada: AreaGeometry;
  usa: AreaGeometry;
}

/** Options of `ProvinceLocator`. */
export interface ProvinceLocatorOptions {
  /** National outlines; without them `isInCanada` relies on the province polygons alone. */
  outlines?: CountryOutlines;
  /** How far off the coast a point still counts as in Canada, in km (1:50m coasts cut off harbours and islands). */
  coastToleranceKm?: number;
  /** How far inside the USA outline a point still counts as in Canada, in km (the 1:50m border is a generalised line). */
  borderToleranceKm?: number;
}

/**
 * One ring's edges, bucketed by latitude band: a point-in-ring test or a distance scan only
 * reads the edges of the bands it touches, not the whole 1:50m coastline (the province
 * test was 22% of an import before this).
 */
interface IndexedRing {
  /** x1, y1, x2, y2 (lon/lat) of each edge. */
  edges: Float64Array;
  minLat: number;
  /** Edge indices per BAND_DEGREES latitude band, from minLat up. */
  bands: Int32Array[];
}

/** One polygon (exterior ring + holes) with its bounding box, for a cheap prefilter. */
interface IndexedPolygon {
  rings: IndexedRing[];
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

interface IndexedArea {
  province: ProvinceCode | null;
  polygons: IndexedPolygon[];
}

const KM_PER_DEGREE_LAT = 111.2;
// Measured on the bundled data: Igloolik's ISC point is 11.3 km and Tofino's 8.0 km from the
// nearest 1:50m polygon; Seattle is 116 km from BC and Plattsburgh 34 km from Quebec.
const DEFAULT_COAST_TOLERANCE_KM = 15;
// Measured: GeoNames' Sault Ste. Marie point lies 0.22 km and Akwesasne's ISC point 0.42 km inside
// the 1:50m USA outline; downtown Detroit lies 1.57 km inside it.
const DEFAULT_BORDER_TOLERANCE_KM = 1;
const BAND_DEGREES = 0.25;

/**
 * Finds the province or territory containing a WGS84 point, and whether a point is in Canada,
 * against generalised boundaries (Natural Earth 1:50m).
 * @example new ProvinceLocator(boundaries).provinceAt(45.4215, -75.6972) // 'ON'
 */
export class ProvinceLocator {
  readonly #provinces: IndexedArea[];
  readonly #canada: IndexedArea | null;
  readonly #usa: IndexedArea | null;
  readonly #toleranceKm: number;
  readonly #borderToleranceKm: number;
  // The last provinceAt question and its answer (NaN never equals, so nothing matches at first).
  #lastLat = Number.NaN;
  #lastLon = Number.NaN;
  #lastProvince: ProvinceCode | null = null;

  constructor(boundaries: readonly Boundary[], options: ProvinceLocatorOptions = {}) {
    this.#provinces = boundaries.map((b) => indexArea(b.province, b.geometry));
    this.#canada = options.outlines ? indexArea(null, options.outlines.canada) : null;
    this.#usa = options.outlines ? indexArea(null, options.outlines.usa) : null;
    this.#toleranceKm = options.coastToleranceKm ?? DEFAULT_COAST_TOLERANCE_KM;
    this.#borderToleranceKm = options.borderToleranceKm ?? DEFAULT_BORDER_TOLERANCE_KM;
  }

  /** The province/territory whose polygon contains the point, or null (sea, abroad, or a coast the 1:50m outline cuts off). */
  provinceAt(lat: number, lon: number): ProvinceCode | null {
    // The import asks twice per row, in the Canada test and again to fill the province.
    if (lat === this.#lastLat && lon === this.#lastLon) return this.#lastProvince;
    let found: ProvinceCode | null = null;
    for (const area of this.#provinces) {
      if (areaContains(area, lat, lon)) {
        found = area.province;
        break;
      }
    }
    this.#lastLat = lat;
    this.#lastLon = lon;
    this.#lastProvince = found;
    return found;
  }

  /**
   * The province containing the point, else the nearest province polygon within `maxDistanceKm`
   * (default: the coast tolerance); null when none is that close.
   */
  provinceNear(lat: number, lon: number, maxDistanceKm: number = this.#toleranceKm): ProvinceCode | null {
    const inside = this.provinceAt(lat, lon);
    if (inside) return inside;
    let best: ProvinceCode | null = null;
    let bestKm = maxDistanceKm;
    for (const area of this.#provinces) {
      const km = areaDistanceKm(area, lat, lon, bestKm);
      if (km <= bestKm) {
        bestKm = km;
        best = area.province;
      }
    }
    return best;
  }

  /**
   * True when the point is inside a province polygon or Canada's outline; or inside the USA
   * outline by less than the border tolerance (Sault Ste. Marie, Akwesasne); or, outside both
   * countries, within the coast tolerance of Canada (harbours, islands, Saint Andrews NB).
   * Detroit, Seattle, Boston and Plattsburgh are outside.
   * @example locator.isInCanada(44.6476, -63.5728) // true (Halifax harbour)
   */
  isInCanada(lat: number, lon: number): boolean {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
    if (this.provinceAt(lat, lon) !== null) return true;
    if (this.#canada && areaContains(this.#canada, lat, lon)) return true;
    const tolerance =
      this.#usa && areaContains(this.#usa, lat, lon) ? this.#borderToleranceKm : this.#toleranceKm;
    return this.#distanceToCanadaKm(lat, lon, tolerance) <= tolerance;
  }

  /** Distance to the nearest province polygon or Canada outline edge, in km; exact only below `withinKm`. */
  #distanceToCanadaKm(lat: number, lon: number, withinKm: number): number {
    let best = this.#canada ? areaDistanceKm(this.#canada, lat, lon, withinKm) : Infinity;
    for (const area of this.#provinces)
      best = Math.min(best, areaDistanceKm(area, lat, lon, Math.min(best, withinKm)));
    return best;
  }
}

function indexArea(province: ProvinceCode | null, geometry: AreaGeometry): IndexedArea {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return { province, polygons: polygons.map(indexPolygon) };
}

function indexPolygon(rings: number[][][]): IndexedPolygon {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  // The exterior ring bounds the holes, so it alone gives the bounding box.
  for (const [lon, lat] of rings[0] ?? []) {
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return { rings: rings.map(indexRing), minLon, minLat, maxLon, maxLat };
}

function indexRing(ring: number[][]): IndexedRing {
  const count = ring.length;
  const edges = new Float64Array(count * 4);
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const [, lat] of ring) {
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  const bandCount = Math.max(1, Math.floor((maxLat - minLat) / BAND_DEGREES) + 1);
  const lists: number[][] = Array.from({ length: bandCount }, () => []);
  // Edge e joins vertex e-1 to vertex e; edge 0 closes the ring (last vertex to first).
  for (let e = 0; e < count; e++) {
    const [x1, y1] = ring[e === 0 ? count - 1 : e - 1];
    const [x2, y2] = ring[e];
    edges.set([x1, y1, x2, y2], e * 4);
    const from = Math.floor((Math.min(y1, y2) - minLat) / BAND_DEGREES);
    const to = Math.floor((Math.max(y1, y2) - minLat) / BAND_DEGREES);
    for (let b = from; b <= to; b++) lists[b]!.push(e);
  }
  return { edges, minLat, bands: lists.map((list) => Int32Array.from(list)) };
}

// Speed: the import asks this twice per row against thousands of island polygons, so these
// loops allocate nothing (no closures, no rest arrays): that garbage was ~6 KB per row.
function areaContains(area: IndexedArea, lat: number, lon: number): boolean {
  const { polygons } = area;
  for (let i = 0; i < polygons.length; i++) if (polygonContains(polygons[i]!, lat, lon)) return true;
  return false;
}

function polygonContains(polygon: IndexedPolygon, lat: number, lon: number): boolean {
  if (lon < polygon.minLon || lon > polygon.maxLon || lat < polygon.minLat || lat > polygon.maxLat)
    return false;
  const { rings } = polygon;
  if (rings.length === 0 || !ringContains(rings[0]!, lat, lon)) return false;
  for (let hole = 1; hole < rings.length; hole++) if (ringContains(rings[hole]!, lat, lon)) return false;
  return true;
}

/** Even-odd ray casting over the edges of the point's latitude band; either winding order. */
function ringContains(ring: IndexedRing, lat: number, lon: number): boolean {
  const band = ring.bands[Math.floor((lat - ring.minLat) / BAND_DEGREES)];
  if (!band) return false;
  const { edges } = ring;
  let inside = false;
  for (let i = 0; i < band.length; i++) {
    const o = band[i]! * 4;
    const xj = edges[o]!;
    const yj = edges[o + 1]!;
    const xi = edges[o + 2]!;
    const yi = edges[o + 3]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Distance from the point to the nearest edge of the area, in km, using a local equirectangular
 * projection (accurate to well under 1% at the few-km scale this is used for). Polygons whose
 * bounding box is farther than `withinKm` are skipped, so the result is only exact below it.
 */
function areaDistanceKm(area: IndexedArea, lat: number, lon: number, withinKm: number): number {
  const kmPerDegLon = KM_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
  const padLat = withinKm / KM_PER_DEGREE_LAT;
  const padLon = withinKm / Math.max(kmPerDegLon, 1e-6);
  let best = Infinity;
  for (const p of area.polygons) {
    if (
      lon < p.minLon - padLon ||
      lon > p.maxLon + padLon ||
      lat < p.minLat - padLat ||
      lat > p.maxLat + padLat
    )
      continue;
    for (const ring of p.rings) {
      const first = Math.max(0, Math.floor((lat - padLat - ring.minLat) / BAND_DEGREES));
      const last = Math.min(ring.bands.length - 1, Math.floor((lat + padLat - ring.minLat) / BAND_DEGREES));
      const { edges } = ring;
      // An edge spanning several bands is measured once per band: harmless for a minimum.
      for (let b = first; b <= last; b++) {
        const band = ring.bands[b]!;
        for (let i = 0; i < band.length; i++) {
          const o = band[i]! * 4;
          const km = segmentDistanceKm(
            (edges[o]! - lon) * kmPerDegLon,
            (edges[o + 1]! - lat) * KM_PER_DEGREE_LAT,
            (edges[o + 2]! - lon) * kmPerDegLon,
            (edges[o + 3]! - lat) * KM_PER_DEGREE_LAT,
          );
          if (km < best) best = km;
        }
      }
    }
  }
  return best;
}

/** Distance from the origin to the segment (ax, ay)–(bx, by), all in km. */
function segmentDistanceKm(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
