import { describe, expect, it } from 'vitest';
import { runAccess } from './access.js';
import { costMatrixFromRows } from './cost-matrix.js';
import { decayAt, gravityAccess } from './gravity.js';
import { makeAnalysisPoint, makeInputs, makeUnit } from './test-inputs.js';

// The fixture of two-step-fca.test.ts: costs in km, U1..U3 with 100/200/300 people.
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
const units = [
  makeUnit('1', { population: 100, lat: 45, lon: -75 }),
  makeUnit('2', { population: 200, lat: 45, lon: -75 }),
  makeUnit('3', { population: 300, lat: 45, lon: -75 }),
];
const points = [makeAnalysisPoint('P1', 45, -75), makeAnalysisPoint('P2', 45, -75)];

describe('gravityAccess on a hand-computed fixture', () => {
  it('power decay β = 2, d_min = 5 km: f(d) = (d/5 km)^-2', () => {
    // U1: (5/5)^-2 + (40/5)^-2 = 1 + 1/64 = 1.015625
    // U2: (15/5)^-2 + (25/5)^-2 = 1/9 + 1/25 = 34/225
    // U3: (50/5)^-2 + (10/5)^-2 = 1/100 + 1/4 = 0.26
    const access = gravityAccess(units, points, {
      costMatrix: matrix,
      decay: { kind: 'power', beta: 2, minMetres: 5 * KM },
      maxMetres: null,
    });
    expect(access[0]).toBe(1.015625);
    expect(access[1]).toBeCloseTo(34 / 225, 15);
    expect(access[2]).toBeCloseTo(0.26, 15);
  });

  it('Gaussian decay σ = 10 km: f(d) = exp(-½ (d/σ)²)', () => {
    const access = gravityAccess(units, points, {
      costMatrix: matrix,
      decay: { kind: 'gaussian', sigmaMetres: 10 * KM },
      maxMetres: null,
    });
    expect(access[0]).toBeCloseTo(Math.exp(-0.125) + Math.exp(-8), 15);
    expect(access[1]).toBeCloseTo(Math.exp(-1.125) + Math.exp(-3.125), 15);
    expect(access[2]).toBeCloseTo(Math.exp(-12.5) + Math.exp(-0.5), 15);
  });

  it('a cutoff drops points beyond it: max 20 km, power β = 2 → [1, 1/9, 1/4]', () => {
    const access = gravityAccess(units, points, {
      costMatrix: matrix,
      decay: { kind: 'power', beta: 2, minMetres: 5 * KM },
      maxMetres: 20 * KM,
    });
    expect([...access]).toEqual([1, 1 / 9, 1 / 4]);
  });

  it('power decay is 1 within d_min, so a point on the unit counts once, not infinitely', () => {
    expect([0, 500, 1000, 2000].map((d) => decayAt(d, { kind: 'power', beta: 1, minMetres: 1000 }))).toEqual([
      1, 1, 1, 0.5,
    ]);
  });

  it('runAccess gravity normalises to a population-weighted mean of 1', () => {
    // mean = (100·1.015625 + 200·34/225 + 300·0.26) / 600 = 209.784722… / 600 = 0.349641…
    const mean = (100 * 1.015625 + 200 * (34 / 225) + 300 * 0.26) / 600;
    const result = runAccess(
      makeInputs({ units, points }),
      { method: 'gravity', decay: 'power', beta: 2, min_km: 5, normalise: true },
      { costMatrix: matrix },
    );
    expect(result.parameters).toMatchObject({
      method: 'gravity',
      decay: 'power',
      beta: 2,
      min_km: 5,
      max_km: null,
      normalise: true,
    });
    expect(result.population_weighted_mean).toBeCloseTo(mean, 14);
    expect(result.units.map((u) => u.access)).toEqual(
      [1.015625 / mean, 34 / 225 / mean, 0.26 / mean].map((v) => expect.closeTo(v, 12)),
    );
    const weighted = result.units.reduce((s, u) => s + (u.population ?? 0) * (u.access ?? 0), 0) / 600;
    expect(weighted).toBeCloseTo(1, 14);
  });
});
