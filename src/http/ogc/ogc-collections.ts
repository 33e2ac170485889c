import { DEFAULT_RADIUS_KM, loadAnalysisInputs, runCoverage } from '../../analysis/index.js';
import type { Community, PopulationUnit } from '../../domain/reference.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { stableUuid } from '../../domain/stable-uuid.js';
import { pointToExportRow } from '../../export/export-columns.js';
import { HSDS_ROLES } from '../../hsds/hsds-catalogue.js';
import type { SourceSummary, Store } from '../../store/store.js';
import type { BBox4 } from './ogc-params.js';

/** A property value as GeoJSON carries it. */
export type FeatureValue = string | number | boolean | null;

/** One feature of a collection, held in memory (collections are thousands of points, not millions). */
export interface OgcFeature {
  id: string;
  /** [lon, lat] in CRS84, or null when the feature is not located. */
  point: readonly [number, number] | null;
  properties: Readonly<Record<string, FeatureValue>>;
}

export interface OgcCollection {
  id: string;
  title: string;
  description: string;
  /**
   * Features in a fixed order, so pages never overlap or skip: located ones by id (point id,
   * community id, CSD code), then the unlocated ones by id.
   */
  features: readonly OgcFeature[];
  /** Bounding box of the located features, null when none is located. */
  extent: BBox4 | null;
  byId: ReadonlyMap<string, OgcFeature>;
}

/** Every collection the OGC API serves, by id. */
export class OgcCatalogue {
  readonly collections: readonly OgcCollection[];
  readonly #byId: ReadonlyMap<string, OgcCollection>;

  constructor(collections: readonly OgcCollection[]) {
    this.collections = collections;
    this.#byId = new Map(collections.map((c) => [c.id, c]));
  }

  get(id: string): OgcCollection | undefined {
    return this.#byId.get(id);
  }
}

/** Ids of the two reference collections; a point layer with one of these names is not served. */
export const COMMUNITIES_ID = 'communities';
export const CENSUS_SUBDIVISIONS_ID = 'census_subdivisions';

/**
 * A collection of `features` (in id order): located features first, then those without a
 * location (null geometry). Clients such as GDAL read a collection's geometry type and field
 * types from its first page; a first page of census subdivisions nothing locates would make
 * the whole layer geometry-less.
 */
function collectionOf(
  id: string,
  title: string,
  description: string,
  inIdOrder: OgcFeature[],
): OgcCollection {
  const features = [
    ...inIdOrder.filter((f) => f.point !== null),
    ...inIdOrder.filter((f) => f.point === null),
  ];
  let extent: [number, number, number, number] | null = null;
  for (const { point } of features) {
    if (!point) continue;
    const [lon, lat] = point;
    if (!extent) extent = [lon, lat, lon, lat];
    else
      extent = [
        Math.min(extent[0], lon),
        Math.min(extent[1], lat),
        Math.max(extent[2], lon),
        Math.max(extent[3], lat),
      ];
  }
  return { id, title, description, features, extent, byId: new Map(features.map((f) => [f.id, f])) };
}

/**
 * A service point as a feature: its HSDS location UUID as id (as /api/v1/locations uses it)
 * and the export layout as properties (the columns of `repere export --format csv`), with
 * `repere_id` and the source's own record id as `source_record_id`.
 */
export function pointFeature(point: ServicePoint): OgcFeature {
  const { id: sourceRecordId, latitude: _lat, longitude: _lon, ...row } = pointToExportRow(point);
  return {
    id: stableUuid(point.id),
    point: point.geocode ? [point.geocode.lon, point.geocode.lat] : null,
    properties: { repere_id: point.id, source_record_id: sourceRecordId, ...row },
  };
}

function communityFeature(community: Community): OgcFeature {
  return {
    id: community.id,
    point: [community.lon, community.lat],
    properties: {
      name_en: community.name.en ?? null,
      name_fr: community.name.fr ?? null,
      kind: community.kind,
      province: community.province,
      population: community.population,
      region: community.region ?? null,
      csd_code: community.csdCode ?? null,
      source_id: community.sourceId,
    },
  };
}

/** Access metrics of a census subdivision from `runCoverage` (src/analysis/coverage.ts). */
interface UnitAccess {
  nearestMetres: number | null;
  nearestPointId: string | null;
  covered: boolean | null;
}

function unitFeature(unit: PopulationUnit, access: UnitAccess | undefined): OgcFeature {
  return {
    id: unit.csdCode,
    point: unit.lat !== null && unit.lon !== null ? [unit.lon, unit.lat] : null,
    properties: {
      csd_code: unit.csdCode,
      name: unit.name,
      province: unit.province,
      csd_type: unit.csdType ?? null,
      population: unit.population,
      community_type: unit.communityType,
      cwb_score: unit.cwb.score,
      cwb_income: unit.cwb.income,
      cwb_education: unit.cwb.education,
      cwb_housing: unit.cwb.housing,
      cwb_labour_force: unit.cwb.labourForce,
      location_precision: unit.precision,
      located_by: unit.locatedBy,
      nearest_service_point_metres: access?.nearestMetres ?? null,
      nearest_service_point_id: access?.nearestPointId ?? null,
      [`covered_within_${DEFAULT_RADIUS_KM}km`]: access?.covered ?? null,
    },
  };
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function sourceList(ids: ReadonlySet<string>, sources: readonly SourceSummary[]): string {
  return sources
    .filter((s) => ids.has(s.id))
    .map((s) => `${s.title} (${s.id}; licence: ${s.licence})`)
    .join('; ');
}

/**
 * The OGC collections of a store: one per map layer of the published points (service points
 * and facilities, as the HSDS API publishes), the First Nations and Inuit communities, and
 * the census subdivisions with population, Community Well-Being and, from the analysis
 * engine's coverage run (default parameters: in-person and outreach public service points,
 * 50 km), the distance to the nearest service point and whether it is within 50 km.
 */
export async function buildOgcCatalogue(
  store: Store,
  sources: readonly SourceSummary[],
): Promise<OgcCatalogue> {
  const layers = new Map<string, { features: OgcFeature[]; sourceIds: Set<string> }>();
  for await (const point of store.streamPoints({ roles: HSDS_ROLES })) {
    if (point.layer === COMMUNITIES_ID || point.layer === CENSUS_SUBDIVISIONS_ID) continue;
    let layer = layers.get(point.layer);
    if (!layer) {
      layer = { features: [], sourceIds: new Set() };
      layers.set(point.layer, layer);
    }
    layer.features.push(pointFeature(point));
    layer.sourceIds.add(point.provenance.sourceId);
  }
  const pointCollections = [...layers.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { features, sourceIds }]) => {
      const single = sourceIds.size === 1 ? sources.find((s) => sourceIds.has(s.id)) : undefined;
      return collectionOf(
        id,
        single ? single.title : `${id} (${sourceIds.size} sources)`,
        `Service points of the "${id}" layer / points de service de la couche « ${id} ». Sources: ${sourceList(sourceIds, sources)}.`,
        features,
      );
    });

  const communities = [...(await store.listCommunities())].sort(byId).map(communityFeature);
  const inputs = await loadAnalysisInputs(store);
  const coverage = runCoverage(inputs);
  const access = new Map<string, UnitAccess>(
    coverage.units.map((u) => [
      u.csd_code,
      { nearestMetres: u.nearest_metres, nearestPointId: u.nearest_point_id, covered: u.covered },
    ]),
  );
  const units = inputs.units.map((unit) => unitFeature(unit, access.get(unit.csdCode)));

  return new OgcCatalogue([
    ...pointCollections,
    collectionOf(
      COMMUNITIES_ID,
      'First Nations and Inuit communities / Communautés des Premières Nations et inuites',
      'Community points of First Nations (Indigenous Services Canada) and Inuit communities (CIRNAC), with population where published.',
      communities,
    ),
    collectionOf(
      CENSUS_SUBDIVISIONS_ID,
      'Census subdivisions 2021 / Subdivisions de recensement 2021',
      `Census subdivisions (Statistics Canada 2021) at their representative point (those without one come last, with a null geometry), with population, Community Well-Being 2021 score and components (null when suppressed), community type, and access: great-circle distance in metres from the representative point to the nearest in-person or outreach public service point (${coverage.points_used} points, any layer) and whether it is within ${DEFAULT_RADIUS_KM} km (Service Canada's in-person standard).`,
      units,
    ),
  ]);
}
