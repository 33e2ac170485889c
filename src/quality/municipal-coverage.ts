import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { CommunityType, PopulationUnit } from '../domain/reference.js';
import type { ProvinceCode } from '../domain/province.js';
import { POINT_ROLES } from '../domain/service-point.js';
import type { ServicePoint } from '../domain/service-point.js';
import type { Store } from '../store/store.js';

/** How far (km) a record may be from a CSD's representative point to be credited to it. */
export const DEFAULT_MATCH_DISTANCE_KM = 25;

export interface MunicipalCoverageOptions {
  /** Default 25 km. */
  maxDistanceKm?: number;
  /** Longest `gaps` list returned (all by default); the counts always cover every CSD. */
  gapLimit?: number;
  /**
   * First Nations reserves are governed by band councils, not municipalities, so by default
   * they are neither gaps nor covered (counted apart). True treats them like any CSD.
   */
  includeFirstNationsReserves?: boolean;
}

/** One census subdivision in the coverage report. */
export interface CsdCoverage {
  csdCode: string;
  name: string;
  province: ProvinceCode | null;
  /** 2021 census population; null when suppressed. */
  population: number | null;
  communityType: CommunityType;
  /** False: no representative point, so only a record carrying its CSD code can cover it. */
  hasRepresentativePoint: boolean;
}

export interface CoveredCsd extends CsdCoverage {
  /** Municipal-level records credited to the CSD. */
  points: number;
  /** Their source ids. */
  sources: string[];
}

/** Which census subdivisions have no municipal-level record from any source. */
export interface MunicipalCoverage {
  /** How records are matched to CSDs, and why it is an approximation (English). */
  method: string;
  maxDistanceKm: number;
  /** Municipal-level records read (every role: a city's arena list is still a municipal source). */
  municipalPoints: number;
  /** How each record was credited to a CSD; `unassigned`: no code, and no CSD point within range (or no location). */
  matchedBy: { csdCode: number; jurisdictionCode: number; nearestPoint: number; unassigned: number };
  csds: {
    total: number;
    covered: number;
    gaps: number;
    /** Gaps without a representative point: unknown rather than known to be empty. */
    gapsWithoutRepresentativePoint: number;
    firstNationsReservesExcluded: number;
  };
  population: { total: number; covered: number; inGaps: number; coveredShare: number };
  /** CSDs with no municipal record, largest population first (suppressed populations last). */
  gaps: CsdCoverage[];
  /** CSDs with at least one, largest population first. */
  covered: CoveredCsd[];
}

const METHOD = (km: number): string =>
  'A census subdivision (CSD) is covered when at least one municipal-level record of any source is credited to it: ' +
  "by the record's CSD code when it has one (csdCode, else a 7-digit jurisdiction code), otherwise by the nearest CSD " +
  `representative point within ${km} km of the record's location. Repère has no CSD boundaries, so this is an ` +
  'approximation: a record near a boundary may be credited to a neighbouring CSD, and a CSD without a representative ' +
  'point can only be covered through a CSD code. Populations are 2021 census counts.';

/**
 * Municipal coverage of the store: for every census subdivision, whether any source has a
 * municipal-level record there, the uncovered ones biggest first. Reads only the Store.
 * @example
 * const { gaps } = await municipalCoverage(store, { gapLimit: 10 });
 * gaps[0] // the most populous CSD that no municipal source covers
 */
export async function municipalCoverage(store: Store, options: MunicipalCoverageOptions = {}): Promise<MunicipalCoverage> {
  const maxDistanceKm = options.maxDistanceKm ?? DEFAULT_MATCH_DISTANCE_KM;
  const units = await store.listPopulationUnits();
  const included = options.includeFirstNationsReserves ? units : units.filter((u) => u.communityType !== 'first_nations');
  const allCodes = new Set(units.map((u) => u.csdCode));
  const matcher = nearestUnitMatcher(included, maxDistanceKm);

  const credited = new Map<string, { points: number; sources: Set<string> }>();
  const matchedBy = { csdCode: 0, jurisdictionCode: 0, nearestPoint: 0, unassigned: 0 };
  let municipalPoints = 0;
  for await (const point of store.streamPoints({ jurisdictionLevels: ['municipal'], roles: POINT_ROLES })) {
    municipalPoints += 1;
    const match = csdOf(point, allCodes, matcher);
    matchedBy[match.by] += 1;
    if (!match.csdCode) continue;
    const entry = credited.get(match.csdCode) ?? { points: 0, sources: new Set<string>() };
    entry.points += 1;
    entry.sources.add(point.provenance.sourceId);
    credited.set(match.csdCode, entry);
  }

  const covered: CoveredCsd[] = [];
  const gaps: CsdCoverage[] = [];
  for (const unit of included) {
    const entry = credited.get(unit.csdCode);
    if (entry) covered.push({ ...describe(unit), points: entry.points, sources: [...entry.sources].sort() });
    else gaps.push(describe(unit));
  }
  covered.sort(biggestFirst);
  gaps.sort(biggestFirst);
  const sum = (list: readonly CsdCoverage[]): number => list.reduce((total, u) => total + (u.population ?? 0), 0);
  const population = { total: sum(covered) + sum(gaps), covered: sum(covered), inGaps: sum(gaps), coveredShare: 0 };
  population.coveredShare = population.total === 0 ? 0 : round(population.covered / population.total);
  return {
    method: METHOD(maxDistanceKm),
    maxDistanceKm,
    municipalPoints,
    matchedBy,
    csds: {
      total: included.length,
      covered: covered.length,
      gaps: gaps.length,
      gapsWithoutRepresentativePoint: gaps.filter((g) => !g.hasRepresentativePoint).length,
      firstNationsReservesExcluded: units.length - included.length,
    },
    population,
    gaps: options.gapLimit === undefined ? gaps : gaps.slice(0, options.gapLimit),
    covered,
  };
}

type Match = { by: 'csdCode' | 'jurisdictionCode' | 'nearestPoint' | 'unassigned'; csdCode: string | null };

function csdOf(point: ServicePoint, known: ReadonlySet<string>, nearest: (lat: number, lon: number) => string | null): Match {
  if (point.csdCode && known.has(point.csdCode)) return { by: 'csdCode', csdCode: point.csdCode };
  if (/^\d{7}$/.test(point.jurisdictionCode) && known.has(point.jurisdictionCode)) return { by: 'jurisdictionCode', csdCode: point.jurisdictionCode };
  const code = point.geocode ? nearest(point.geocode.lat, point.geocode.lon) : null;
  return code ? { by: 'nearestPoint', csdCode: code } : { by: 'unassigned', csdCode: null };
}

/** Nearest CSD representative point within `maxKm` (geokdbush: great-circle distance). */
function nearestUnitMatcher(units: readonly PopulationUnit[], maxKm: number): (lat: number, lon: number) => string | null {
  const located = units.filter((u): u is PopulationUnit & { lat: number; lon: number } => u.lat !== null && u.lon !== null);
  if (located.length === 0) return () => null;
  const index = new KDBush(located.length);
  for (const unit of located) index.add(unit.lon, unit.lat);
  index.finish();
  return (lat, lon) => {
    const [hit] = around(index, lon, lat, 1, maxKm) as number[];
    return hit === undefined ? null : (located[hit]?.csdCode ?? null);
  };
}

function describe(unit: PopulationUnit): CsdCoverage {
  return {
    csdCode: unit.csdCode,
    name: unit.name,
    province: unit.province,
    population: unit.population,
    communityType: unit.communityType,
    hasRepresentativePoint: unit.lat !== null && unit.lon !== null,
  };
}

/** Largest population first; suppressed (null) populations last; then by CSD code. */
function biggestFirst(a: CsdCoverage, b: CsdCoverage): number {
  return (b.population ?? -1) - (a.population ?? -1) || a.csdCode.localeCompare(b.csdCode);
}

function round(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}
