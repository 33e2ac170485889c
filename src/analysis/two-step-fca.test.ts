import { describe, expect, it } from 'vitest';
import { runAccess } from './access.js';
import { AnalysisParameterError } from './analysis-parameter-error.js';
import { costMatrixFromRows } from './cost-matrix.js';
import { deepFreeze, makeAnalysisPoint, makeInputs, makeUnit, randomInputs } from './test-inputs.js';
import { bandWeight, equalBands, twoStepFca } from './two-step-fca.js';

// Hand-made fixture: three units, two points, travel costs given as a matrix (km):
//            P1    P2
//   U1 100    5    40
//   U2 200   15    25
//   U3 300   50    10
const KM = 1000;
const matrix = costMatrixFromRows([
  [5 * KM, 40 * KM],
  [15 * KM, 25 * KM],
  [50 * KM, 10 * KM],
]);
const units = deepFreeze([
  makeUnit('1', { population: 100, lat: 45, lon: -75 }),
  makeUnit('2', { population: 200, lat: 45, lon: -75 }),
  makeUnit('3', { population: 300, lat: 45, lon: -75 }),
]);
const points = deepFreeze([makeAnalysisPoint('P1', 45, -75), makeAnalysisPoint('P2', 45, -75)]);

describe('twoStepFca on a hand-computed fixture', () => {
  it('2SFCA, d0 = 30 km: R1 = 1/(100+200), R2 = 1/(200+300); A = [R1, R1+R2, R2]', () => {
    const { access, demand, ratio } = twoStepFca(units, points, {
      costMatrix: matrix,
      bands: { upperMetres: [30 * KM], weights: [1] },
    });
    expect([...demand]).toEqual([300, 500]);
    expect([...ratio]).toEqual([1 / 300, 1 / 500]);
    expect(access[0]).toBeCloseTo(1 / 300, 15);
    expect(access[1]).toBeCloseTo(1 / 300 + 1 / 500, 15); // 8/1500 = 0.005333…
    expect(access[2]).toBeCloseTo(1 / 500, 15);
  });

  it('E2SFCA, bands 10/20/30 km weighted 1/0.68/0.22 (10 km exactly is in the first band)', () => {
    // P1: U1 at 5 km (w 1) × 100 + U2 at 15 km (w 0.68) × 200 = 100 + 136 = 236 → R1 = 1/236
    // P2: U2 at 25 km (w 0.22) × 200 + U3 at 10 km (w 1) × 300 = 44 + 300 = 344 → R2 = 1/344
    // A1 = 1/236 = 0.0042372881; A2 = 0.68/236 + 0.22/344 = 0.0035208910; A3 = 1/344 = 0.0029069767
    const { access, demand } = twoStepFca(units, points, { costMatrix: matrix, bands: equalBands(30 * KM) });
    expect([...demand]).toEqual([236, 344]);
    expect(access[0]).toBeCloseTo(1 / 236, 15);
    expect(access[1]).toBeCloseTo(0.68 / 236 + 0.22 / 344, 15);
    expect(access[2]).toBeCloseTo(1 / 344, 15);
    // Σ P_i·A_i = 100/236 + 200·(0.68/236 + 0.22/344) + 300/344 = 236/236 + 344/344 = 2 = Σ S_j.
    expect(100 * access[0] + 200 * access[1] + 300 * access[2]).toBeCloseTo(2, 12);
  });

  it('runAccess normalises to a population-weighted mean of 1 (mean = 2/600 → A × 300)', () => {
    const inputs = makeInputs({ units, points });
    const result = runAccess(
      inputs,
      { method: 'e2sfca', catchment_km: 30, normalise: true },
      { costMatrix: matrix },
    );
    expect(result.parameters).toMatchObject({
      method: 'e2sfca',
      catchment_km: 30,
      bands_km: [10, 20, 30],
      band_weights: [1, 0.68, 0.22],
      normalise: true,
    });
    expect(result.population_weighted_mean).toBeCloseTo(2 / 600, 15);
    expect(result.units[0].access).toBeCloseTo(300 / 236, 12);
    expect(result.units[1].access).toBeCloseTo(300 * (0.68 / 236 + 0.22 / 344), 12);
    expect(result.units[2].access).toBeCloseTo(300 / 344, 12);
    expect(result.units[0].access_raw).toBeCloseTo(1 / 236, 15);
    expect(result.points.map((p) => [p.id, p.demand, p.ratio])).toEqual([
      ['P1', 236, 1 / 236],
      ['P2', 344, 1 / 344],
    ]);
  });

  it('gives no access beyond the catchment and leaves a point with no demand out of the sums', () => {
    const far = costMatrixFromRows([[5 * KM, 90 * KM]]);
    const one = [makeUnit('1', { population: 100, lat: 45, lon: -75 })];
    const { access, ratio } = twoStepFca(one, points, { costMatrix: far, bands: equalBands(30 * KM) });
    expect([access[0], ratio[0], ratio[1]]).toEqual([1 / 100, 1 / 100, Number.NaN]);
  });

  it('band weights: 1 up to d0/3 inclusive, 0.68, 0.22, then 0 beyond d0', () => {
    const bands = equalBands(30_000);
    expect([0, 10_000, 10_001, 20_000, 20_001, 30_000, 30_001].map((d) => bandWeight(d, bands))).toEqual([
      1, 1, 0.68, 0.68, 0.22, 0.22, 0,
    ]);
  });
});

describe('2SFCA invariants', () => {
  it('conserves supply: Σ P_i·A_i = Σ S_j when every point has someone in its catchment', () => {
    for (const seed of [11, 12, 13]) {
      const base = randomInputs(seed, { units: 300, points: 0 });
      // Put each point 0–20 km from a populated located unit, so every catchment has demand.
      const populated = base.units.filter((u) => u.lat !== null && (u.population ?? 0) > 0);
      const pts = populated
        .slice(0, 80)
        .map((u, j) =>
          makeAnalysisPoint(
            `p${String(j).padStart(3, '0')}`,
            (u.lat as number) + (j % 7) * 0.02,
            (u.lon as number) - (j % 5) * 0.03,
          ),
        );
      for (const method of ['2sfca', 'e2sfca'] as const) {
        const result = runAccess({ ...base, points: pts }, { method, catchment_km: 30 });
        expect(result.points_without_demand).toBe(0);
        const total = result.units.reduce((sum, u) => sum + (u.population ?? 0) * (u.access_raw ?? 0), 0);
        expect(total).toBeCloseTo(pts.length, 9);
      }
    }
  });

  it('validates parameters per method, naming the parameter', () => {
    const inputs = makeInputs({ units, points });
    const cases: [Parameters<typeof runAccess>[1], string][] = [
      [{ method: 'huff' }, 'method'],
      [{ method: '2sfca', bands_km: [10, 20] }, 'bands_km'],
      [{ method: 'e2sfca', bands_km: [20, 10, 30] }, 'bands_km'],
      [{ method: 'e2sfca', bands_km: [10, 30] }, 'band_weights'],
      [{ method: 'e2sfca', bands_km: [10, 20, 30], catchment_km: 40 }, 'catchment_km'],
      [{ method: 'e2sfca', band_weights: [1, 1.5, 0.2] }, 'band_weights'],
      [{ method: 'gravity', catchment_km: 30 }, 'catchment_km'],
      [{ method: 'gravity', decay: 'gaussian', beta: 2 }, 'beta'],
      [{ method: 'e2sfca', sigma_km: 2 }, 'sigma_km'],
      [{ catchment_km: 2000 }, 'catchment_km'],
    ];
    for (const [parameters, name] of cases) {
      let caught: unknown = null;
      try {
        runAccess(inputs, parameters);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AnalysisParameterError);
      expect((caught as AnalysisParameterError).parameter).toBe(name);
    }
  });

  it('accepts custom bands with their weights', () => {
    const result = runAccess(
      makeInputs({ units, points }),
      { method: 'e2sfca', bands_km: [12, 30], band_weights: [1, 0.5] },
      { costMatrix: matrix },
    );
    // P1: 100·1 + 200·0.5 = 200; P2: 200·0.5 + 300·1 = 400 → A1 = 1/200, A3 = 1/400.
    expect([result.units[0].access_raw, result.units[2].access_raw]).toEqual([1 / 200, 1 / 400]);
    expect(result.parameters.catchment_km).toBe(30);
  });
});
