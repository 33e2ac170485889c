import { haversineMetres } from '../../domain/distance.js';
import type { Community, Place, PopulationUnit } from '../../domain/reference.js';
import { linkCommunitiesToCsds } from './community-csd-links.js';

/** A point that a source ties to a census subdivision code (a federal building, a health facility). */
export interface CsdPoint {
  csdCode: string;
  lat: number;
  lon: number;
}

/** A set of points from one source, all tied to CSD codes. */
export interface CsdPointSource {
  /** Source id recorded as `locatedBy`, e.g. `dfrp_federal_offices_2023`. */
  sourceId: string;
  points: readonly CsdPoint[];
}

/** Everything that can place a CSD, from the most to the least specific. */
export interface CsdEvidence {
  /** Gazetteer places with their derived `csdCode`. */
  places: readonly Place[];
  /** First Nations and Inuit community points, linked to CSDs by name. */
  communities: readonly (Community & { alternateNames?: readonly string[] })[];
  /** Sources whose points are averaged per CSD, in order of preference (DFRP, then ODHF). */
  pointSources: readonly CsdPointSource[];
}

const GEONAMES = 'geonames_ca_places';
// A GeoNames place farther than this from every building/facility mean of its CSD is a wrong
// name-based link: GeoNames has several "Saint-Raphaël" and "Sainte-Croix" in Quebec, and the
// derived csd_code_2021 put some 185–407 km from the CSD's own buildings. Real spreads between
// a CSD's main place and its buildings stay under ~110 km (Cypress County, AB).
const MAX_PLACE_TO_EVIDENCE_METRES = 150_000;

/**
 * Gives each CSD a representative point from the best evidence available: the most populous
 * GeoNames place linked to it (precision `community`), unless it is over 150 km from all of
 * the CSD's building/facility means; else a First Nations/Inuit community
 * point linked by name (`community`); else the mean of a point source's points in it, DFRP
 * buildings first, then ODHF facilities (`csd`). Units no source reaches stay at `none`.
 * Returns new units; the input is not changed.
 * @example locateCsds(units, evidence).find((u) => u.csdCode === '3520005')?.locatedBy // 'geonames_ca_places'
 */
export function locateCsds(units: readonly PopulationUnit[], evidence: CsdEvidence): PopulationUnit[] {
  const means = evidence.pointSources.map((source) => ({
    sourceId: source.sourceId,
    byCsd: meanPointByCsd(source.points),
  }));
  const isConsistent = (place: Place, code: string): boolean => {
    const nearby = means.flatMap(({ byCsd }) => byCsd.get(code) ?? []);
    return (
      nearby.length === 0 ||
      nearby.some((m) => haversineMetres(place.lat, place.lon, m.lat, m.lon) <= MAX_PLACE_TO_EVIDENCE_METRES)
    );
  };

  const bestPlace = new Map<string, Place>();
  for (const place of evidence.places) {
    if (!place.csdCode || !isConsistent(place, place.csdCode)) continue;
    const current = bestPlace.get(place.csdCode);
    if (!current || (place.population ?? -1) > (current.population ?? -1))
      bestPlace.set(place.csdCode, place);
  }

  const bestCommunity = new Map<string, Community>();
  const links = linkCommunitiesToCsds(evidence.communities, units);
  for (const community of evidence.communities) {
    for (const code of links.get(community.id) ?? []) {
      const current = bestCommunity.get(code);
      if (!current || (community.population ?? -1) > (current.population ?? -1))
        bestCommunity.set(code, community);
    }
  }

  return units.map((unit): PopulationUnit => {
    const place = bestPlace.get(unit.csdCode);
    if (place)
      return { ...unit, lat: place.lat, lon: place.lon, precision: 'community', locatedBy: GEONAMES };
    const community = bestCommunity.get(unit.csdCode);
    if (community) {
      return {
        ...unit,
        lat: community.lat,
        lon: community.lon,
        precision: 'community',
        locatedBy: community.sourceId,
      };
    }
    for (const { sourceId, byCsd } of means) {
      const mean = byCsd.get(unit.csdCode);
      if (mean) return { ...unit, lat: mean.lat, lon: mean.lon, precision: 'csd', locatedBy: sourceId };
    }
    return { ...unit, lat: null, lon: null, precision: 'none', locatedBy: null };
  });
}

/**
 * Population of the units that have a representative point, against the total population
 * (units with unknown population count as 0).
 * @example populationLocatedShare(units) // { located: 34_277_488, total: 36_991_981, share: 0.9266 } (bundled data)
 */
export function populationLocatedShare(units: readonly PopulationUnit[]): {
  located: number;
  total: number;
  share: number;
} {
  let located = 0;
  let total = 0;
  for (const unit of units) {
    const population = unit.population ?? 0;
    total += population;
    if (unit.lat !== null && unit.lon !== null) located += population;
  }
  return { located, total, share: total === 0 ? 0 : located / total };
}

/** The mean of the points of each CSD (Canada never crosses the antimeridian, so plain means). */
function meanPointByCsd(points: readonly CsdPoint[]): Map<string, { lat: number; lon: number }> {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const p of points) {
    const sum = sums.get(p.csdCode) ?? { lat: 0, lon: 0, n: 0 };
    sum.lat += p.lat;
    sum.lon += p.lon;
    sum.n += 1;
    sums.set(p.csdCode, sum);
  }
  return new Map([...sums].map(([code, s]) => [code, { lat: s.lat / s.n, lon: s.lon / s.n }]));
}
