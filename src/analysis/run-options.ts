import type { AnalysisInputs, AnalysisPoint } from './analysis-inputs.js';
import { AnalysisParameterError } from './analysis-parameter-error.js';
import { matrixColumns, type CostMatrix } from './cost-matrix.js';
import type { SearchOptions } from './neighbour-search.js';
import { selectPointIndices, type PointSelection } from './point-selection.js';

/**
 * What a caller passes besides the public parameters: optional cost matrices (indices into
 * `inputs.units`/`inputs.communities` × `inputs.points`, before selection) and progress.
 */
export interface RunOptions {
  /** Units × `inputs.points`. */
  costMatrix?: CostMatrix;
  /** Communities × `inputs.points`. */
  communityCostMatrix?: CostMatrix;
  /** Units × siting candidates, in the order `sitingCandidates` lists them. */
  candidateCostMatrix?: CostMatrix;
  /** `brute` skips the spatial index (tests compare the two). */
  search?: 'index' | 'brute';
  /** Long steps report here (siting rounds). */
  onProgress?: (done: number, total: number) => void;
}

/** How distances were measured, echoed in `parameters.distance`. */
export type DistanceKind = 'great_circle' | 'cost_matrix';

/** The selected points and the search options that address them by their position in the selection. */
export interface SelectedPoints {
  points: AnalysisPoint[];
  unitSearch: SearchOptions;
  communitySearch: SearchOptions;
  distance: DistanceKind;
}

/**
 * Applies a selection to the inputs' points and narrows the cost matrices to the selected
 * columns. A layer that names no point at all is an AnalysisParameterError (a typo would
 * otherwise read as "no service anywhere").
 */
export function selectPoints(
  inputs: AnalysisInputs,
  selection: PointSelection,
  options: RunOptions,
): SelectedPoints {
  for (const value of selection.layers) {
    if (!inputs.points.some((p) => p.layer === value || p.sourceId === value)) {
      throw new AnalysisParameterError(
        'layers',
        `"${value}" is neither the layer nor the source of any point in the inputs`,
      );
    }
  }
  const indices = selectPointIndices(inputs.points, selection);
  const points = indices.map((i) => inputs.points[i]);
  const searchFor = (matrix: CostMatrix | undefined): SearchOptions => {
    const out: SearchOptions = {};
    if (matrix) out.costMatrix = matrixColumns(matrix, indices);
    if (options.search) out.search = options.search;
    return out;
  };
  return {
    points,
    unitSearch: searchFor(options.costMatrix),
    communitySearch: searchFor(options.communityCostMatrix),
    distance: options.costMatrix ? 'cost_matrix' : 'great_circle',
  };
}

/** Distances in result tables: whole metres, null when there is none. */
export function roundedMetres(metres: number): number | null {
  return Number.isFinite(metres) ? Math.round(metres) : null;
}
