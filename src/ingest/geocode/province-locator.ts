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

/** One polygon (exterior ring + holes) with its bounding box, for a cheap prefilter. */
interface IndexedPolygon {
  rings: number[][][];
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

  constructor(boundaries: readonly Boundary[], options: ProvinceLocatorOptions = {}) {
    this.#provinces = boundaries.map((b) => indexArea(b.province, b.geometry));
    this.#canada = options.outlines ? indexArea(null, options.outlines.canada) : null;
    this.#usa = options.outlines ? indexArea(null, options.outlines.usa) : null;
    this.#toleranceKm = options.coastToleranceKm ?? DEFAULT_COAST_TOLERANCE_KM;
    this.#borderToleranceKm = options.borderToleranceKm ?? DEFAULT_BORDER_TOLERANCE_KM;
  }

  /** The province/territory whose polygon contains the point, or null (sea, abroad, or a coast the 1:50m outline cuts off). */
  provinceAt(lat: number, lon: number): ProvinceCode | null {
    for (const area of this.#provinces) {
      if (areaContains(area, lat, lon)) return area.province;
    }
    return null;
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
  return { rings, minLon, minLat, maxLon, maxLat };
}

function areaContains(area: IndexedArea, lat: number, lon: number): boolean {
  return area.polygons.some((p) => polygonContains(p, lat, lon));
}

function polygonContains(polygon: IndexedPolygon, lat: number, lon: number): boolean {
  if (lon < polygon.minLon || lon > polygon.maxLon || lat < polygon.minLat || lat > polygon.maxLat)
    return false;
  const [outer, ...holes] = polygon.rings;
  if (!outer || !ringContains(outer, lat, lon)) return false;
  return !holes.some((hole) => ringContains(hole, lat, lon));
}

/** Even-odd ray casting; works for either winding order. */
function ringContains(ring: number[][], lat: number, lon: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
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
      for (let i = 1; i < ring.length; i++) {
        const [x1, y1] = ring[i - 1];
        const [x2, y2] = ring[i];
        const km = segmentDistanceKm(
          (x1 - lon) * kmPerDegLon,
          (y1 - lat) * KM_PER_DEGREE_LAT,
          (x2 - lon) * kmPerDegLon,
          (y2 - lat) * KM_PER_DEGREE_LAT,
        );
        if (km < best) best = km;
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
