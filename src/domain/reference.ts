import type { BilingualText } from './bilingual-text.js';
import type { GeocodePrecision } from './geocode.js';
import type { ProvinceCode } from './province.js';

/** Community Well-Being index 2021 and its components; suppressed values are null, never 0. */
export interface CommunityWellBeing {
  score: number | null;
  income: number | null;
  education: number | null;
  housing: number | null;
  labourForce: number | null;
}

/** ISC community type of a CSD in the CWB file. */
export type CommunityType = 'first_nations' | 'inuit' | 'non_indigenous' | 'other';

/** A census subdivision (2021) with its population and representative point. */
export interface PopulationUnit {
  csdCode: string;
  name: string;
  province: ProvinceCode | null;
  csdType?: string;
  population: number | null;
  cwb: CommunityWellBeing;
  communityType: CommunityType;
  /** Representative point and how it was obtained; null when nothing locates the CSD. */
  lat: number | null;
  lon: number | null;
  precision: GeocodePrecision;
  locatedBy: string | null;
}

/** A First Nation or Inuit community point. */
export interface Community {
  id: string;
  kind: 'first_nation' | 'inuit';
  name: BilingualText;
  province: ProvinceCode | null;
  lat: number;
  lon: number;
  population: number | null;
  region?: string;
  csdCode?: string;
  sourceId: string;
}

/** A gazetteer place (GeoNames populated place). */
export interface Place {
  id: string;
  name: string;
  /** Other spellings (ASCII, French/English forms). */
  alternateNames: string[];
  province: ProvinceCode | null;
  lat: number;
  lon: number;
  population: number | null;
  csdCode?: string;
}

/** A postal Forward Sortation Area centroid. */
export interface FsaCentroid {
  fsa: string;
  lat: number;
  lon: number;
  province: ProvinceCode | null;
}

/** A province/territory boundary as GeoJSON (Multi)Polygon coordinates, WGS84. */
export interface Boundary {
  province: ProvinceCode;
  name: BilingualText;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}
