import type { ServicePoint } from '../domain/service-point.js';
import type { PointFilter, Store } from '../store/store.js';
import { analysisPointFromServicePoint, type AnalysisInputs, type AnalysisPoint } from './analysis-inputs.js';
import { AnalysisParameterError } from './analysis-parameter-error.js';
import { linkCommunities } from './community-links.js';
import { isSelected, resolvePointSelection, type PointSelectionParameters } from './point-selection.js';

/** The part of a Store that analysis reads; any implementation (or a test double) will do. */
export type AnalysisStore = Pick<
  Store,
  'listPopulationUnits' | 'listCommunities' | 'streamPoints' | 'listSources'
>;

export interface LoadOptions {
  /** Also load candidate sites (role `candidate_site`) for siting; default false. */
  candidates?: boolean;
  /** Called with the number of points read so far. */
  onProgress?: (pointsRead: number) => void;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Reads the arrays an analysis needs from a store: population units (by CSD code), the
 * located service points of the selection (by id), community points linked to their CSDs (by
 * id) and, when asked, the candidate sites. Everything is sorted here, not by the store, so
 * the same data gives identical results on SQLite, PostGIS or anything else. A layer or
 * source named in the selection that matches no point is an AnalysisParameterError.
 * @example const inputs = await loadAnalysisInputs(store, { layers: ['service_canada'] });
 */
export async function loadAnalysisInputs(
  store: AnalysisStore,
  parameters: PointSelectionParameters = {},
  options: LoadOptions = {},
): Promise<AnalysisInputs> {
  const selection = resolvePointSelection(parameters);
  const base: PointFilter = { roles: ['service_point'], channels: selection.channels };
  if (selection.jurisdiction_levels.length > 0) base.jurisdictionLevels = selection.jurisdiction_levels;
  let read = 0;
  const collect = async (filter: PointFilter, into: Map<string, AnalysisPoint>): Promise<void> => {
    for await (const point of store.streamPoints(filter)) {
      read++;
      if (read % 1000 === 0) options.onProgress?.(read);
      const p = analysisPointFromServicePoint(point);
      if (p) into.set(p.id, p);
    }
  };

  const points = new Map<string, AnalysisPoint>();
  if (selection.layers.length === 0) {
    await collect(base, points);
  } else {
    // A selection value may be a layer or a source id: read both ways and merge.
    const sourceIds = new Set((await store.listSources()).map((s) => s.id));
    await collect({ ...base, layers: selection.layers }, points);
    const sources = selection.layers.filter((v) => sourceIds.has(v));
    if (sources.length > 0) await collect({ ...base, sourceIds: sources }, points);
    for (const value of selection.layers) {
      if (![...points.values()].some((p) => p.layer === value || p.sourceId === value)) {
        throw new AnalysisParameterError(
          'layers',
          `"${value}" matches no located service point (as a layer or a source id, with the other filters); sources in this store: ${[...sourceIds].sort().join(', ') || 'none'}`,
        );
      }
    }
  }

  const candidates = new Map<string, AnalysisPoint>();
  if (options.candidates) await collect({ roles: ['candidate_site'] }, candidates);

  const units = [...(await store.listPopulationUnits())].sort((a, b) =>
    a.csdCode < b.csdCode ? -1 : a.csdCode > b.csdCode ? 1 : 0,
  );
  const communities = linkCommunities(await store.listCommunities(), units);
  options.onProgress?.(read);
  return {
    units,
    // The store filter already applied the selection; isSelected re-checks it so a store that
    // ignores a filter cannot change a result.
    points: [...points.values()].filter((p) => isSelected(p, selection)).sort(byId),
    candidates: [...candidates.values()].sort(byId),
    communities,
  };
}

/** Located service points of a stream, as analysis points sorted by id (for callers holding points already). */
export function analysisPointsFrom(points: Iterable<ServicePoint>): AnalysisPoint[] {
  const out: AnalysisPoint[] = [];
  for (const point of points) {
    const p = analysisPointFromServicePoint(point);
    if (p) out.push(p);
  }
  return out.sort(byId);
}
