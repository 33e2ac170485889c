import {
  CHANNELS,
  JURISDICTION_LEVELS,
  type Channel,
  type JurisdictionLevel,
} from '../domain/jurisdiction.js';
import type { AnalysisPoint } from './analysis-inputs.js';
import { listParameter } from './parameter-checks.js';

/** Which service points an analysis measures, as given by the API or the CLI. Absent or empty lists mean all. */
export interface PointSelectionParameters {
  /** Layer names or source ids (`service_canada` is both); a point matches on either. */
  layers?: readonly string[] | undefined;
  jurisdiction_levels?: readonly string[] | undefined;
  /** Default `in_person` and `outreach`: phone lines and websites have no place to be near. */
  channels?: readonly string[] | undefined;
}

/** A validated selection, echoed in every result's `parameters`. */
export interface PointSelection {
  layers: string[];
  jurisdiction_levels: JurisdictionLevel[];
  channels: Channel[];
}

export const DEFAULT_CHANNELS: readonly Channel[] = ['in_person', 'outreach'];

/** Validates a selection and applies its defaults (throws AnalysisParameterError). */
export function resolvePointSelection(parameters: PointSelectionParameters): PointSelection {
  return {
    layers: listParameter('layers', parameters.layers, []),
    jurisdiction_levels: listParameter(
      'jurisdiction_levels',
      parameters.jurisdiction_levels,
      [],
      JURISDICTION_LEVELS,
    ),
    channels: listParameter('channels', parameters.channels, DEFAULT_CHANNELS, CHANNELS),
  };
}

/** True when the point is in the selection. */
export function isSelected(point: AnalysisPoint, selection: PointSelection): boolean {
  return (
    (selection.layers.length === 0 ||
      selection.layers.includes(point.layer) ||
      selection.layers.includes(point.sourceId)) &&
    (selection.jurisdiction_levels.length === 0 ||
      selection.jurisdiction_levels.includes(point.jurisdictionLevel)) &&
    (selection.channels.length === 0 || selection.channels.includes(point.channel))
  );
}

/** Indices (into `points`) of the selected points, in order. */
export function selectPointIndices(points: readonly AnalysisPoint[], selection: PointSelection): number[] {
  const out: number[] = [];
  points.forEach((point, i) => {
    if (isSelected(point, selection)) out.push(i);
  });
  return out;
}
