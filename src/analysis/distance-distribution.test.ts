import { describe, expect, it } from 'vitest';
import { cumulativeCoverage, distanceBands, distanceTables } from './distance-distribution.js';

// Five located units and one unlocated, by hand: distances 2 km, 5 km (on a limit), 30 km,
// 50 km (on the radius), 800 km, and a unit no point reaches.
const UNITS = [
  { population: 100, nearest_metres: 2_000, covered: true },
  { population: 200, nearest_metres: 5_000, covered: true },
  { population: 300, nearest_metres: 30_000, covered: true },
  { population: 400, nearest_metres: 50_000, covered: true },
  { population: 500, nearest_metres: 800_000, covered: false },
  { population: null, nearest_metres: 900_000, covered: false },
  { population: 1_000, nearest_metres: null, covered: false },
  { population: 9_999, nearest_metres: null, covered: null },
];

describe('distanceBands', () => {
  it('puts each located unit in the band closed above that holds its distance; no point at all is in the open band', () => {
    const rows = distanceBands(UNITS, 40, [5, 25, 50, 100]);
    expect(rows.map((r) => [r.from_km, r.to_km, r.units, r.population])).toEqual([
      [0, 5, 2, 300],
      [5, 25, 0, 0],
      [25, 40, 1, 300],
      [40, 50, 1, 400],
      [50, 100, 0, 0],
      [100, null, 3, 1_500],
    ]);
    // Of 2,500 located people (the unit with a suppressed count weighs nothing).
    expect(rows.map((r) => r.population_share)).toEqual([0.12, 0, 0.12, 0.16, 0, 0.6]);
  });

  it('does not add the radius twice when it is a limit already', () => {
    expect(distanceBands(UNITS, 50, [5, 50]).map((r) => r.to_km)).toEqual([5, 50, null]);
  });
});

describe('cumulativeCoverage', () => {
  it('counts located people within each distance; at the radius it is the coverage share', () => {
    const rows = cumulativeCoverage(UNITS, 50, [5, 1000]);
    expect(rows).toEqual([
      { distance_km: 5, population_covered: 300, coverage_share: 0.12 },
      { distance_km: 50, population_covered: 1_000, coverage_share: 0.4 },
      { distance_km: 1000, population_covered: 1_500, coverage_share: 0.6 },
    ]);
  });

  it('gives null shares when no one is located', () => {
    expect(cumulativeCoverage([], 50, [10])).toEqual([
      { distance_km: 10, population_covered: 0, coverage_share: null },
      { distance_km: 50, population_covered: 0, coverage_share: null },
    ]);
  });
});

describe('distanceTables', () => {
  it('names the two tables and their columns, without geometry', () => {
    expect(distanceTables(UNITS, 50).map((t) => [t.name, t.columns, t.geometry])).toEqual([
      ['distance_bands', ['from_km', 'to_km', 'units', 'population', 'population_share'], null],
      ['cumulative_coverage', ['distance_km', 'population_covered', 'coverage_share'], null],
    ]);
  });
});
