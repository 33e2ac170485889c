import { describe, expect, it } from 'vitest';
import { JURISDICTION_LEVELS } from '../domain/jurisdiction.js';
import {
  APPROXIMATE_PRECISIONS,
  LEVEL_COLOURS,
  levelColourExpression,
  pointsLayers,
  POINTS_SOURCE_ID,
} from './points-layer.js';

describe('points layer', () => {
  it('gives every order of government its own colour, and the match expression names each one', () => {
    const colours = JURISDICTION_LEVELS.map((level) => LEVEL_COLOURS[level]);
    expect(new Set(colours).size).toBe(JURISDICTION_LEVELS.length);
    // ['match', input, label₁, colour₁, …, fallback]: every level but `other` is a label.
    const [operator, input, ...rest] = levelColourExpression as readonly unknown[];
    expect([operator, input]).toEqual(['match', ['get', 'jurisdiction_level']]);
    const fallback = rest.pop();
    const pairs = Object.fromEntries(
      rest.flatMap((value, index) => (index % 2 === 0 ? [[value, rest[index + 1]]] : [])),
    );
    expect({ ...pairs, other: fallback }).toEqual(LEVEL_COLOURS);
  });

  it('draws FSA, community, CSD and unknown-precision points hollow', () => {
    expect(APPROXIMATE_PRECISIONS).toEqual(['fsa', 'community', 'csd', 'none']);
  });

  it('separates clusters from single points by point_count, all from the points source', () => {
    const layers = pointsLayers();
    expect(
      layers.map((layer) => [
        layer.id,
        'source' in layer ? layer.source : null,
        'filter' in layer ? layer.filter : null,
      ]),
    ).toEqual([
      ['points-clusters', POINTS_SOURCE_ID, ['has', 'point_count']],
      ['points-cluster-count', POINTS_SOURCE_ID, ['has', 'point_count']],
      ['points-halo', POINTS_SOURCE_ID, ['!', ['has', 'point_count']]],
      ['points', POINTS_SOURCE_ID, ['!', ['has', 'point_count']]],
    ]);
  });
});
