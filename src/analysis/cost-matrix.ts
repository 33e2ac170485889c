import { haversineMetres } from '../domain/distance.js';
import type { MaybeLocated } from './analysis-inputs.js';

/**
 * The cost of reaching destination `pointIndex` from origin `unitIndex`, in metres (or any
 * additive unit, as long as every threshold given with it uses the same unit). NaN or
 * Infinity means unreachable. Plug a road or travel-time matrix in here; without one every
 * analysis uses great-circle distance through a spatial index.
 */
export interface CostMatrix {
  costMetres(unitIndex: number, pointIndex: number): number;
}

/**
 * Great-circle distances between two arrays, computed on demand (brute force, no index);
 * NaN when either end has no location.
 * @example greatCircleCostMatrix([{ lat: 45, lon: -75 }], [{ lat: 46, lon: -75 }]).costMetres(0, 0) // 111195.08…
 */
export function greatCircleCostMatrix(
  origins: readonly MaybeLocated[],
  destinations: readonly MaybeLocated[],
): CostMatrix {
  return {
    costMetres(unitIndex, pointIndex) {
      const from = origins[unitIndex];
      const to = destinations[pointIndex];
      if (from.lat === null || from.lon === null || to.lat === null || to.lon === null) return Number.NaN;
      return haversineMetres(from.lat, from.lon, to.lat, to.lon);
    },
  };
}

/**
 * A matrix from rows of costs (`rows[unitIndex][pointIndex]`), e.g. read from a routing
 * engine's output.
 * @example costMatrixFromRows([[5_000, 40_000]]).costMetres(0, 1) // 40000
 */
export function costMatrixFromRows(rows: readonly (readonly number[])[]): CostMatrix {
  return { costMetres: (unitIndex, pointIndex) => rows[unitIndex]?.[pointIndex] ?? Number.NaN };
}

/** The same matrix seen through a subset of its destinations: column k is `columns[k]` of `matrix`. */
export function matrixColumns(matrix: CostMatrix, columns: readonly number[]): CostMatrix {
  return { costMetres: (unitIndex, k) => matrix.costMetres(unitIndex, columns[k]) };
}
