import type { MaybeLocated } from './analysis-inputs.js';
import { createNeighbourSearch, type SearchOptions } from './neighbour-search.js';

/** Per origin: index of its nearest destination (-1 when none) and the distance to it in metres (NaN when none). */
export interface NearestDistances {
  pointIndex: Int32Array;
  metres: Float64Array;
}

/**
 * `D_i = min_j d_ij`: the nearest point to each origin (population unit or community), in
 * metres, great-circle unless `options.costMatrix` is given; ties go to the lowest point
 * index. Unlocated origins get -1/NaN. Inputs are not changed.
 * @example nearestDistances([{ lat: 45, lon: -75 }], [{ lat: 46, lon: -75 }]).metres[0] // 111195.08…
 */
export function nearestDistances(
  origins: readonly MaybeLocated[],
  points: readonly MaybeLocated[],
  options: SearchOptions = {},
): NearestDistances {
  const search = createNeighbourSearch(origins, points, options);
  const pointIndex = new Int32Array(origins.length).fill(-1);
  const metres = new Float64Array(origins.length).fill(Number.NaN);
  for (let i = 0; i < origins.length; i++) {
    const hit = search.nearest(i);
    if (hit) {
      pointIndex[i] = hit.index;
      metres[i] = hit.metres;
    }
  }
  return { pointIndex, metres };
}
