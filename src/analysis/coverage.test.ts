import { describe, expect, it } from 'vitest';
import { AnalysisParameterError } from './analysis-parameter-error.js';
import { runCoverage } from './coverage.js';
import { costMatrixFromRows } from './cost-matrix.js';
import { deepFreeze, makeAnalysisPoint, makeInputs, makeUnit, randomInputs } from './test-inputs.js';

// Hand-made fixture on the meridian 75° W (1° of latitude = 111,195.08 m, see nearest-distance.test.ts):
//   unit      prov  pop   at      nearest          distance            within 50 km
//   3500001   ON    1000  45.0°   sc:1 (45.0°)     0 m                 yes
//   3500002   ON    2000  45.3°   sc:1             0.3° = 33,358.5 m   yes
//   2400001   QC     500  46.0°   sc:1 (tie sc:2)  1° = 111,195.1 m    no   (precision csd)
//   2400002   QC     300  —       —                —                   unlocated
//   2400003   QC    null  45.5°   sc:1             0.5° = 55,597.5 m   no   (counts 0)
// population_total (located) = 1000 + 2000 + 500 = 3500; covered = 3000; share = 6/7;
// unlocated = 300; approximate (csd + none) = 500 + 300 = 800 of 3800 = 4/19.
const fixture = deepFreeze(
  makeInputs({
    units: [
      makeUnit('2400001', { province: 'QC', population: 500, lat: 46.0, lon: -75, precision: 'csd' }),
      makeUnit('2400002', { province: 'QC', population: 300 }),
      makeUnit('2400003', { province: 'QC', population: null, lat: 45.5, lon: -75 }),
      makeUnit('3500001', { province: 'ON', population: 1000, lat: 45.0, lon: -75 }),
      makeUnit('3500002', { province: 'ON', population: 2000, lat: 45.3, lon: -75 }),
    ],
    points: [
      makeAnalysisPoint('sc:1', 45.0, -75),
      makeAnalysisPoint('sc:2', 47.0, -75),
      makeAnalysisPoint('lib:1', 46.0, -75, { layer: 'libraries', level: 'municipal' }),
    ],
  }),
);

describe('runCoverage on a hand-computed fixture', () => {
  it('counts covered, uncovered and unlocated population nationally and by province', () => {
    const result = runCoverage(fixture, { layers: ['service_canada'], radius_km: 50 });
    expect(result).toMatchObject({
      parameters: {
        layers: ['service_canada'],
        jurisdiction_levels: [],
        channels: ['in_person', 'outreach'],
        radius_km: 50,
        distance: 'great_circle',
      },
      population_total: 3500,
      population_covered: 3000,
      population_uncovered: 500,
      coverage_share: 6 / 7,
      population_unlocated: 300,
      approximate_share: 4 / 19,
      points_used: 2,
    });
    expect(result.by_province).toEqual([
      {
        province: 'QC',
        population_total: 500,
        population_covered: 0,
        population_uncovered: 500,
        coverage_share: 0,
        population_unlocated: 300,
      },
      {
        province: 'ON',
        population_total: 3000,
        population_covered: 3000,
        population_uncovered: 0,
        coverage_share: 1,
        population_unlocated: 0,
      },
    ]);
    expect(
      result.units.map((u) => [u.csd_code, u.nearest_metres, u.nearest_point_id, u.covered, u.lat]),
    ).toEqual([
      ['2400001', 111_195, 'sc:1', false, 46.0],
      ['2400002', null, null, null, null],
      ['2400003', 55_598, 'sc:1', false, 45.5],
      ['3500001', 0, 'sc:1', true, 45.0],
      ['3500002', 33_359, 'sc:1', true, 45.3],
    ]);
    expect(Object.keys(result.units[0])).toEqual([
      'csd_code',
      'name',
      'province',
      'population',
      'lat',
      'lon',
      'precision',
      'nearest_metres',
      'nearest_point_id',
      'covered',
    ]);
  });

  it('covers the unit 111 km away once the radius passes it, and the library when selected', () => {
    expect(runCoverage(fixture, { layers: ['service_canada'], radius_km: 112 }).coverage_share).toBe(1);
    const withLibrary = runCoverage(fixture, { radius_km: 50 });
    expect([withLibrary.points_used, withLibrary.population_covered]).toEqual([3, 3500]);
    expect(withLibrary.units[0].nearest_point_id).toBe('lib:1');
    expect(
      runCoverage(fixture, { jurisdiction_levels: ['municipal'], radius_km: 50 }).population_covered,
    ).toBe(500);
  });

  it('reads distances from a cost matrix indexed by inputs.points, whatever the selection', () => {
    // Units × [sc:1, sc:2, lib:1] in metres; the selection keeps sc:1 and sc:2 (columns 0, 1).
    const matrix = costMatrixFromRows([
      [60_000, 40_000, 0],
      [0, 0, 0],
      [10_000, 90_000, 0],
      [70_000, 80_000, 0],
      [20_000, 55_000, 0],
    ]);
    const result = runCoverage(fixture, { layers: ['service_canada'] }, { costMatrix: matrix });
    expect(result.parameters.distance).toBe('cost_matrix');
    expect(result.units.map((u) => [u.nearest_point_id, u.nearest_metres])).toEqual([
      ['sc:2', 40_000],
      [null, null],
      ['sc:1', 10_000],
      ['sc:1', 70_000],
      ['sc:1', 20_000],
    ]);
    // Covered: 2400001 (500), 3500002 (2000); not: 3500001 (1000) → 2500 / 3500.
    expect(result.population_covered).toBe(2500);
  });

  it('rejects a radius outside (0, 1000] km, naming the parameter', () => {
    for (const radius of [0, -5, 1001, Number.NaN]) {
      expect(() => runCoverage(fixture, { radius_km: radius })).toThrow(AnalysisParameterError);
    }
    try {
      runCoverage(fixture, { radius_km: 0 });
    } catch (error) {
      expect((error as AnalysisParameterError).parameter).toBe('radius_km');
      expect((error as Error).message).toBe(
        'radius_km must be a number greater than 0 and at most 1000; got 0',
      );
    }
    expect(() => runCoverage(fixture, { channels: ['fax'] })).toThrow(
      'channels values must be among in_person, outreach, phone, digital; got "fax"',
    );
  });
});

describe('coverage invariants', () => {
  it('adding a site never lowers coverage, nationally, by province or per unit', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const inputs = randomInputs(seed, { units: 400, points: 60 });
      const before = runCoverage(inputs, { radius_km: 100 });
      for (let k = 0; k < 5; k++) {
        const extra = randomInputs(seed * 100 + k, { units: 0, points: 1 }).points[0];
        const after = runCoverage(
          { ...inputs, points: [...inputs.points, { ...extra, id: 'zz-new' }] },
          { radius_km: 100 },
        );
        expect(after.population_covered).toBeGreaterThanOrEqual(before.population_covered);
        after.by_province.forEach((p, i) =>
          expect(p.population_covered).toBeGreaterThanOrEqual(before.by_province[i].population_covered),
        );
        after.units.forEach((u, i) => {
          if (before.units[i].covered) expect(u.covered).toBe(true);
          if (u.nearest_metres !== null)
            expect(u.nearest_metres).toBeLessThanOrEqual(before.units[i].nearest_metres as number);
        });
      }
    }
  });

  it('coverage grows with the radius', () => {
    const inputs = randomInputs(9, { units: 300, points: 40 });
    const shares = [10, 25, 50, 100, 250, 1000].map(
      (r) => runCoverage(inputs, { radius_km: r }).population_covered,
    );
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });
});

describe('runCoverage selection', () => {
  it('rejects a layer that names no point of the inputs', () => {
    expect(() => runCoverage(fixture, { layers: ['service_canda'] })).toThrow(
      'layers "service_canda" is neither the layer nor the source of any point in the inputs',
    );
  });
});
