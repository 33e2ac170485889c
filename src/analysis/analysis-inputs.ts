import type { BilingualText } from '../domain/bilingual-text.js';
import type { GeocodePrecision } from '../domain/geocode.js';
import type { Channel, JurisdictionLevel } from '../domain/jurisdiction.js';
import type { ProvinceCode } from '../domain/province.js';
import type { Community, PopulationUnit } from '../domain/reference.js';
import type { PointRole, ServicePoint } from '../domain/service-point.js';

/** A location that may be unknown (a census subdivision nothing locates). */
export interface MaybeLocated {
  lat: number | null;
  lon: number | null;
}

/** A service point reduced to what analysis reads; always located. */
export interface AnalysisPoint {
  id: string;
  name: BilingualText;
  layer: string;
  sourceId: string;
  role: PointRole;
  jurisdictionLevel: JurisdictionLevel;
  jurisdictionCode: string;
  channel: Channel;
  province: ProvinceCode | null;
  lat: number;
  lon: number;
  precision: GeocodePrecision;
}

/** A First Nation or Inuit community point with the census subdivisions it stands for. */
export interface AnalysisCommunity extends Community {
  /** CSD codes whose population this community point represents (see community-links.ts); may be empty. */
  csdCodes: readonly string[];
}

/**
 * Everything an analysis reads, as plain arrays sorted by id (CSD code, point id, community
 * id), so that the same data gives the same result whatever store it came from. Matrix and
 * result indices refer to positions in these arrays.
 */
export interface AnalysisInputs {
  units: readonly PopulationUnit[];
  /** Located public service points (role `service_point`), before any selection by layer. */
  points: readonly AnalysisPoint[];
  /** Located candidate sites (role `candidate_site`: federal office buildings), for siting. */
  candidates: readonly AnalysisPoint[];
  communities: readonly AnalysisCommunity[];
}

/** The analysis view of a stored point, or null when it has no location. */
export function analysisPointFromServicePoint(point: ServicePoint): AnalysisPoint | null {
  if (!point.geocode) return null;
  return {
    id: point.id,
    name: point.name,
    layer: point.layer,
    sourceId: point.provenance.sourceId,
    role: point.role,
    jurisdictionLevel: point.jurisdictionLevel,
    jurisdictionCode: point.jurisdictionCode,
    channel: point.channel,
    province: point.address.province ?? null,
    lat: point.geocode.lat,
    lon: point.geocode.lon,
    precision: point.geocode.precision,
  };
}

/** A name to show for bilingual text: English, else French, else the fallback. */
export function displayName(name: BilingualText, fallback: string): string {
  return name.en ?? name.fr ?? fallback;
}
