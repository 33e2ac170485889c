import { describe, expect, it } from 'vitest';
import { costMatrixFromRows } from './cost-matrix.js';
import { nearestDistances } from './nearest-distance.js';

// Along the meridian 75° W, great-circle distance is R·Δφ: with R = 6,371,008.8 m,
// one degree of latitude = 6,371,008.8 × π / 180 = 111,195.0802335… m.
const DEGREE = 111_195.080_233_5;

describe('nearestDistances', () => {
  it('finds the nearest point and its great-circle distance; ties go to the lowest index; unlocated gets -1/NaN', () => {
    const origins = [
      { lat: 45.0, lon: -75 }, // on point 0 → 0 m
      { lat: 45.3, lon: -75 }, // 0.3° from point 0 → 33,358.52 m
      { lat: 46.0, lon: -75 }, // 1° from point 0 and 1° from point 1: a tie → point 0
      { lat: null, lon: null },
    ];
    const points = [
      { lat: 45.0, lon: -75 },
      { lat: 47.0, lon: -75 },
    ];
    const { pointIndex, metres } = nearestDistances(origins, points);
    expect([...pointIndex]).toEqual([0, 0, 0, -1]);
    expect(metres[0]).toBe(0);
    expect(metres[1]).toBeCloseTo(0.3 * DEGREE, 3);
    expect(metres[2]).toBeCloseTo(DEGREE, 3);
    expect(metres[3]).toBeNaN();
  });

  it('uses a cost matrix when given one (NaN = unreachable)', () => {
    const origins = [
      { lat: 0, lon: 0 },
      { lat: 0, lon: 0 },
    ];
    const points = [
      { lat: 0, lon: 0 },
      { lat: 0, lon: 0 },
    ];
    const matrix = costMatrixFromRows([
      [5_000, 4_000],
      [Number.NaN, Number.NaN],
    ]);
    const { pointIndex, metres } = nearestDistances(origins, points, { costMatrix: matrix });
    expect([...pointIndex]).toEqual([1, -1]);
    expect([...metres]).toEqual([4_000, Number.NaN]);
  });

  it('gives -1/NaN to every origin when there are no points', () => {
    const { pointIndex, metres } = nearestDistances([{ lat: 45, lon: -75 }], []);
    expect([...pointIndex, ...metres]).toEqual([-1, Number.NaN]);
  });
});
