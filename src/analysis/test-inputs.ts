// Builders for analysis tests and benchmarks (like src/store/test-points.ts): small records
// with every required field, a seeded generator, and deep-freeze to prove inputs stay untouched.
import type { GeocodePrecision } from '../domain/geocode.js';
import type { Channel, JurisdictionLevel } from '../domain/jurisdiction.js';
import type { ProvinceCode } from '../domain/province.js';
import type { CommunityType, PopulationUnit } from '../domain/reference.js';
import type { AnalysisCommunity, AnalysisInputs, AnalysisPoint } from './analysis-inputs.js';

/** A population unit; located when lat/lon are given (precision `community` unless set). */
export function makeUnit(
  csdCode: string,
  fields: {
    population?: number | null;
    lat?: number | null;
    lon?: number | null;
    province?: ProvinceCode | null;
    cwb?: number | null;
    type?: CommunityType;
    precision?: GeocodePrecision;
    name?: string;
  } = {},
): PopulationUnit {
  const lat = fields.lat ?? null;
  const lon = fields.lon ?? null;
  return {
    csdCode,
    name: fields.name ?? `Unit ${csdCode}`,
    province: fields.province === undefined ? 'ON' : fields.province,
    population: fields.population === undefined ? 100 : fields.population,
    cwb: { score: fields.cwb ?? null, income: null, education: null, housing: null, labourForce: null },
    communityType: fields.type ?? 'non_indigenous',
    lat,
    lon,
    precision: fields.precision ?? (lat === null ? 'none' : 'community'),
    locatedBy: lat === null ? null : 'test',
  };
}

/** An analysis point; a federal in-person Service Canada point unless overridden. */
export function makeAnalysisPoint(
  id: string,
  lat: number,
  lon: number,
  fields: {
    layer?: string;
    sourceId?: string;
    level?: JurisdictionLevel;
    channel?: Channel;
    role?: AnalysisPoint['role'];
  } = {},
): AnalysisPoint {
  return {
    id,
    name: { en: `Point ${id}` },
    layer: fields.layer ?? 'service_canada',
    sourceId: fields.sourceId ?? fields.layer ?? 'service_canada',
    role: fields.role ?? 'service_point',
    jurisdictionLevel: fields.level ?? 'federal',
    jurisdictionCode: 'CA',
    channel: fields.channel ?? 'in_person',
    province: 'ON',
    lat,
    lon,
    precision: 'building',
  };
}

/** A First Nation community point linked to `csdCodes`. */
export function makeCommunity(
  id: string,
  lat: number,
  lon: number,
  fields: { kind?: AnalysisCommunity['kind']; population?: number | null; csdCodes?: string[] } = {},
): AnalysisCommunity {
  return {
    id,
    kind: fields.kind ?? 'first_nation',
    name: { en: `Community ${id}` },
    province: 'MB',
    lat,
    lon,
    population: fields.population ?? null,
    sourceId: 'test',
    csdCodes: fields.csdCodes ?? [],
  };
}

/** Inputs with the given parts; the rest empty. */
export function makeInputs(parts: Partial<AnalysisInputs>): AnalysisInputs {
  return { units: [], points: [], candidates: [], communities: [], ...parts };
}

/** mulberry32: the same sequence in [0, 1) for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS: readonly JurisdictionLevel[] = ['federal', 'provincial', 'municipal', 'indigenous', 'other'];
const TYPES: readonly CommunityType[] = [
  'non_indigenous',
  'non_indigenous',
  'non_indigenous',
  'first_nations',
  'inuit',
];

/**
 * Seeded random inputs in a box (default: southern Canada): units with populations, CWB and
 * a few unlocated; points of mixed orders and channels, some at the same place as others;
 * candidate sites and communities. Ids are zero-padded so array order is id order.
 */
export function randomInputs(
  seed: number,
  sizes: { units: number; points: number; candidates?: number; communities?: number },
  box: { south: number; north: number; west: number; east: number } = {
    south: 42,
    north: 56,
    west: -125,
    east: -60,
  },
): AnalysisInputs {
  const random = seededRandom(seed);
  const lat = (): number => box.south + random() * (box.north - box.south);
  const lon = (): number => box.west + random() * (box.east - box.west);
  const pad = (i: number): string => String(i).padStart(7, '0');
  const units = Array.from({ length: sizes.units }, (_, i) => {
    const located = random() > 0.05;
    return makeUnit(pad(i), {
      population: random() < 0.02 ? null : Math.floor(random() ** 3 * 50_000),
      lat: located ? lat() : null,
      lon: located ? lon() : null,
      cwb: random() < 0.1 ? null : Math.round(40 + random() * 55),
      type: TYPES[Math.floor(random() * TYPES.length)],
      precision: located ? (random() < 0.2 ? 'csd' : 'community') : 'none',
    });
  });
  const points: AnalysisPoint[] = [];
  for (let j = 0; j < sizes.points; j++) {
    // One point in ten sits exactly on an earlier one: ties and zero distances happen for real.
    const twin = j > 0 && random() < 0.1 ? points[Math.floor(random() * points.length)] : null;
    points.push(
      makeAnalysisPoint(`p${pad(j)}`, twin ? twin.lat : lat(), twin ? twin.lon : lon(), {
        layer: random() < 0.5 ? 'service_canada' : 'other_layer',
        level: LEVELS[Math.floor(random() * LEVELS.length)],
        channel: random() < 0.3 ? 'outreach' : 'in_person',
      }),
    );
  }
  const candidates = Array.from({ length: sizes.candidates ?? 0 }, (_, k) =>
    makeAnalysisPoint(`c${pad(k)}`, lat(), lon(), { layer: 'federal_buildings', role: 'candidate_site' }),
  );
  const communities = Array.from({ length: sizes.communities ?? 0 }, (_, k) => {
    const linked = units[Math.floor(random() * units.length)];
    return makeCommunity(`fn:${pad(k)}`, lat(), lon(), {
      population: random() < 0.5 ? null : Math.floor(random() * 3000),
      csdCodes: random() < 0.5 && linked ? [linked.csdCode] : [],
    });
  });
  return { units, points, candidates, communities };
}

/** Freezes an object graph (arrays, objects, typed arrays excluded) so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
