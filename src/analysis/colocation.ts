import { JURISDICTION_LEVELS, type JurisdictionLevel } from '../domain/jurisdiction.js';
import type { ProvinceCode } from '../domain/province.js';
import type { CommunityType, PopulationUnit } from '../domain/reference.js';
import {
  displayName,
  type AnalysisInputs,
  type AnalysisPoint,
  type MaybeLocated,
} from './analysis-inputs.js';
import { DEFAULT_RADIUS_KM, RADIUS_KM_BOUNDS } from './coverage.js';
import { createNeighbourSearch, type SearchOptions } from './neighbour-search.js';
import { numberParameter } from './parameter-checks.js';
import {
  resolvePointSelection,
  type PointSelection,
  type PointSelectionParameters,
} from './point-selection.js';
import { approximateShare, isUnitLocated, populationOf } from './population-summary.js';
import { roundedMetres, selectPoints, type DistanceKind, type RunOptions } from './run-options.js';

/** Points this close (metres) already share a site, in effect. */
export const DEFAULT_WITHIN_METRES = 500;
/** An outreach site and an office this close (km) are in the same community. */
export const DEFAULT_SHARE_KM = 5;

/** `other` (e.g. Community Futures, small-business centres) is not an order of government. */
export function isOrderOfGovernment(level: JurisdictionLevel): boolean {
  return level !== 'other';
}

/** Two points of different orders of government and the distance between them. */
export interface PointPair {
  a: number;
  b: number;
  metres: number;
}

function pointSearch(
  points: readonly AnalysisPoint[],
  options: SearchOptions,
): ReturnType<typeof createNeighbourSearch> {
  // Point to point is always a straight line: a cost matrix addresses units, not points.
  return createNeighbourSearch(points, points, options.search ? { search: options.search } : {});
}

/**
 * Pairs of points (a < b) of different orders of government within `withinMetres` of each
 * other, nearest first (then by a, b).
 * @example colocatedPairs(points, 500) // [{ a: 0, b: 1, metres: 444.78… }]
 */
export function colocatedPairs(
  points: readonly AnalysisPoint[],
  withinMetres: number,
  options: SearchOptions = {},
): PointPair[] {
  const search = pointSearch(points, options);
  const pairs: PointPair[] = [];
  for (let a = 0; a < points.length; a++) {
    const level = points[a].jurisdictionLevel;
    if (!isOrderOfGovernment(level)) continue;
    search.within(a, withinMetres, (b, metres) => {
      if (b > a && points[b].jurisdictionLevel !== level && isOrderOfGovernment(points[b].jurisdictionLevel))
        pairs.push({ a, b, metres });
    });
  }
  return pairs.sort((x, y) => x.metres - y.metres || x.a - y.a || x.b - y.b);
}

/**
 * For each unit, the orders of government with a point within `radiusMetres`, as a bit mask
 * over JURISDICTION_LEVELS (bit k = level k); 0 for unlocated units.
 */
export function ordersWithin(
  units: readonly MaybeLocated[],
  points: readonly AnalysisPoint[],
  radiusMetres: number,
  options: SearchOptions = {},
): Uint8Array {
  const search = createNeighbourSearch(units, points, options);
  const bit = new Map(JURISDICTION_LEVELS.map((level, k) => [level, 1 << k]));
  const masks = new Uint8Array(units.length);
  for (let i = 0; i < units.length; i++) {
    search.within(i, radiusMetres, (j) => {
      if (isOrderOfGovernment(points[j].jurisdictionLevel)) masks[i] |= bit.get(points[j].jurisdictionLevel)!;
    });
  }
  return masks;
}

/** The levels in a mask from ordersWithin. */
export function levelsOfMask(mask: number): JurisdictionLevel[] {
  return JURISDICTION_LEVELS.filter((_, k) => (mask & (1 << k)) !== 0);
}

/** An outreach site and a nearby office of another order that could host it. */
export interface PartnershipCandidate {
  outreach: number;
  host: number;
  metres: number;
}

/**
 * Sites that could be shared: for each outreach site (a scheduled visit that needs a room) and
 * each other order of government, the nearest in-person office of that order within
 * `shareMetres` (the same community), unless one is already within `withinMetres`
 * (co-located). Ordered by outreach site, then distance.
 */
export function partnershipCandidates(
  points: readonly AnalysisPoint[],
  withinMetres: number,
  shareMetres: number,
  options: SearchOptions = {},
): PartnershipCandidate[] {
  const search = pointSearch(points, options);
  const out: PartnershipCandidate[] = [];
  for (let o = 0; o < points.length; o++) {
    const site = points[o];
    if (site.channel !== 'outreach' || !isOrderOfGovernment(site.jurisdictionLevel)) continue;
    const nearestByLevel = new Map<JurisdictionLevel, { host: number; metres: number }>();
    search.within(o, shareMetres, (h, metres) => {
      const host = points[h];
      if (
        host.channel !== 'in_person' ||
        host.jurisdictionLevel === site.jurisdictionLevel ||
        !isOrderOfGovernment(host.jurisdictionLevel)
      )
        return;
      const best = nearestByLevel.get(host.jurisdictionLevel);
      // Visits come in increasing index order, so strict < keeps the lowest index on ties.
      if (!best || metres < best.metres) nearestByLevel.set(host.jurisdictionLevel, { host: h, metres });
    });
    const hosts = [...nearestByLevel.values()]
      .filter((h) => h.metres > withinMetres)
      .sort((x, y) => x.metres - y.metres || x.host - y.host);
    for (const { host, metres } of hosts) out.push({ outreach: o, host, metres });
  }
  return out;
}

/** Public parameters of `runColocation`. */
export interface ColocationParameters extends PointSelectionParameters {
  /** Co-location distance X in metres; default 500. */
  within_metres?: number | undefined;
  /** Radius S (km) for "reached by one order only"; default 50. */
  radius_km?: number | undefined;
  /** Outreach-to-office distance (km) counted as the same community; default 5. */
  share_km?: number | undefined;
}

export interface PairRow {
  a_id: string;
  a_name: string;
  a_level: JurisdictionLevel;
  a_layer: string;
  a_lat: number;
  a_lon: number;
  b_id: string;
  b_name: string;
  b_level: JurisdictionLevel;
  b_layer: string;
  b_lat: number;
  b_lon: number;
  metres: number;
}

export interface SingleOrderUnitRow {
  csd_code: string;
  name: string;
  province: ProvinceCode | null;
  community_type: CommunityType;
  population: number | null;
  cwb_score: number | null;
  /** The one order of government with a point within the radius. */
  order: JurisdictionLevel;
  lat: number;
  lon: number;
  precision: PopulationUnit['precision'];
}

export interface PartnershipRow {
  outreach_id: string;
  outreach_name: string;
  outreach_level: JurisdictionLevel;
  outreach_lat: number;
  outreach_lon: number;
  host_id: string;
  host_name: string;
  host_level: JurisdictionLevel;
  host_lat: number;
  host_lon: number;
  metres: number;
}

export interface ColocationResult {
  parameters: PointSelection & {
    within_metres: number;
    radius_km: number;
    share_km: number;
    distance: DistanceKind;
  };
  approximate_share: number;
  points_used: number;
  /** Located units and their population by how many orders of government reach them within the radius. */
  units_by_orders: { orders: number; units: number; population: number }[];
  /** Units reached by one order only, totalled by that order. */
  single_order_by_level: { order: JurisdictionLevel; units: number; population: number }[];
  pairs: PairRow[];
  single_order_units: SingleOrderUnitRow[];
  partnerships: PartnershipRow[];
}

/**
 * Co-location and partnership opportunities (the `repere analyze colocation` result): points
 * of different orders of government within `within_metres`; census subdivisions reached within
 * `radius_km` by one order only; outreach sites that an office of another order in the same
 * community could host. Throws AnalysisParameterError on a bad parameter.
 * @example runColocation(inputs, { within_metres: 500 }).pairs.length
 */
export function runColocation(
  inputs: AnalysisInputs,
  parameters: ColocationParameters = {},
  options: RunOptions = {},
): ColocationResult {
  const selection = resolvePointSelection(parameters);
  const withinMetres = numberParameter('within_metres', parameters.within_metres, DEFAULT_WITHIN_METRES, {
    min: 0,
    max: 10_000,
  });
  const radiusKm = numberParameter('radius_km', parameters.radius_km, DEFAULT_RADIUS_KM, RADIUS_KM_BOUNDS);
  const shareKm = numberParameter('share_km', parameters.share_km, DEFAULT_SHARE_KM, { min: 0, max: 100 });
  const selected = selectPoints(inputs, selection, options);
  const points = selected.points;
  const pointOptions: SearchOptions = options.search ? { search: options.search } : {};

  const pairs = colocatedPairs(points, withinMetres, pointOptions).map(({ a, b, metres }): PairRow => ({
    a_id: points[a].id,
    a_name: displayName(points[a].name, points[a].id),
    a_level: points[a].jurisdictionLevel,
    a_layer: points[a].layer,
    a_lat: points[a].lat,
    a_lon: points[a].lon,
    b_id: points[b].id,
    b_name: displayName(points[b].name, points[b].id),
    b_level: points[b].jurisdictionLevel,
    b_layer: points[b].layer,
    b_lat: points[b].lat,
    b_lon: points[b].lon,
    metres: Math.round(metres * 10) / 10,
  }));

  const masks = ordersWithin(inputs.units, points, radiusKm * 1000, selected.unitSearch);
  const byOrders = new Map<number, { units: number; population: number }>();
  const byLevel = new Map<JurisdictionLevel, { units: number; population: number }>();
  const singles: SingleOrderUnitRow[] = [];
  inputs.units.forEach((unit, i) => {
    if (!isUnitLocated(unit)) return;
    const levels = levelsOfMask(masks[i]);
    const population = populationOf(unit);
    const row = byOrders.get(levels.length) ?? { units: 0, population: 0 };
    byOrders.set(levels.length, { units: row.units + 1, population: row.population + population });
    if (levels.length !== 1) return;
    const level = byLevel.get(levels[0]) ?? { units: 0, population: 0 };
    byLevel.set(levels[0], { units: level.units + 1, population: level.population + population });
    singles.push({
      csd_code: unit.csdCode,
      name: unit.name,
      province: unit.province,
      community_type: unit.communityType,
      population: unit.population,
      cwb_score: unit.cwb.score,
      order: levels[0],
      lat: unit.lat as number,
      lon: unit.lon as number,
      precision: unit.precision,
    });
  });
  singles.sort((x, y) => (y.population ?? 0) - (x.population ?? 0) || (x.csd_code < y.csd_code ? -1 : 1));

  const partnerships = partnershipCandidates(points, withinMetres, shareKm * 1000, pointOptions).map(
    ({ outreach, host, metres }): PartnershipRow => ({
      outreach_id: points[outreach].id,
      outreach_name: displayName(points[outreach].name, points[outreach].id),
      outreach_level: points[outreach].jurisdictionLevel,
      outreach_lat: points[outreach].lat,
      outreach_lon: points[outreach].lon,
      host_id: points[host].id,
      host_name: displayName(points[host].name, points[host].id),
      host_level: points[host].jurisdictionLevel,
      host_lat: points[host].lat,
      host_lon: points[host].lon,
      metres: roundedMetres(metres) as number,
    }),
  );

  return {
    parameters: {
      ...selection,
      within_metres: withinMetres,
      radius_km: radiusKm,
      share_km: shareKm,
      distance: selected.distance,
    },
    approximate_share: approximateShare(inputs.units),
    points_used: points.length,
    units_by_orders: [...byOrders.entries()]
      .sort(([a], [b]) => a - b)
      .map(([orders, row]) => ({ orders, ...row })),
    single_order_by_level: JURISDICTION_LEVELS.filter((l) => byLevel.has(l)).map((order) => ({
      order,
      ...byLevel.get(order)!,
    })),
    pairs,
    single_order_units: singles,
    partnerships,
  };
}
