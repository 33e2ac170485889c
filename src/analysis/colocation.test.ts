import { describe, expect, it } from 'vitest';
import { colocatedPairs, partnershipCandidates, runColocation } from './colocation.js';
import { deepFreeze, makeAnalysisPoint, makeInputs, makeUnit } from './test-inputs.js';

// Hand-made fixture on the equator, where 0.001° of longitude = 111.195 m:
//   point  order       channel    lon      distances
//   a      federal     in_person  0        b 444.78 m
//   b      provincial  in_person  0.004    c 55.60 m, d 667.17 m
//   c      federal     outreach   0.0045   a 500.38 m (same order), d 611.57 m
//   d      municipal   in_person  0.01
//   e      other       in_person  0.0001   a 11.12 m, but `other` is not an order of government
//   f      federal     outreach   0.04     d 3,335.85 m, b 4,003.02 m, c 3,947.43 m (same order)
// Pairs within 500 m of different orders: (b, c) 55.6 m, (a, b) 444.8 m.
// Partnerships within 5 km: c → provincial b is already within 500 m (co-located), municipal d at
// 611.57 m is a candidate; f → municipal d (3,336 m) and provincial b (4,003 m).
const points = deepFreeze([
  makeAnalysisPoint('a', 0, 0, { level: 'federal' }),
  makeAnalysisPoint('b', 0, 0.004, { level: 'provincial', layer: 'workbc' }),
  makeAnalysisPoint('c', 0, 0.0045, { level: 'federal', channel: 'outreach' }),
  makeAnalysisPoint('d', 0, 0.01, { level: 'municipal', layer: 'libraries' }),
  makeAnalysisPoint('e', 0, 0.0001, { level: 'other', layer: 'cfdc' }),
  makeAnalysisPoint('f', 0, 0.04, { level: 'federal', channel: 'outreach' }),
]);

describe('co-location on a hand-computed fixture', () => {
  it('pairs points of different orders of government within X m, nearest first', () => {
    const pairs = colocatedPairs(points, 500);
    expect(pairs.map((p) => [points[p.a].id, points[p.b].id])).toEqual([
      ['b', 'c'],
      ['a', 'b'],
    ]);
    expect(pairs[0].metres).toBeCloseTo(55.5975, 3);
    expect(pairs[1].metres).toBeCloseTo(444.7803, 3);
  });

  it('suggests an office of another order in the same community to host each outreach site', () => {
    const candidates = partnershipCandidates(points, 500, 5000);
    expect(candidates.map((c) => [points[c.outreach].id, points[c.host].id, Math.round(c.metres)])).toEqual([
      ['c', 'd', 612],
      ['f', 'd', 3336],
      ['f', 'b', 4003],
    ]);
  });

  it('finds census subdivisions reached by one order of government only', () => {
    // Within 1 km: U1 (lon 0) sees a, c (federal), b (provincial); d is 1,112 m away → 2 orders.
    // U2 (lon 0.04) sees f only → federal only. U3 (lon 1) sees nothing. U4 is not located.
    const inputs = makeInputs({
      points,
      units: [
        makeUnit('U1', { population: 100, lat: 0, lon: 0 }),
        makeUnit('U2', { population: 40, lat: 0, lon: 0.04 }),
        makeUnit('U3', { population: 7, lat: 0, lon: 1 }),
        makeUnit('U4', { population: 9 }),
      ],
    });
    const result = runColocation(inputs, { within_metres: 500, radius_km: 1, share_km: 5 });
    expect(result.units_by_orders).toEqual([
      { orders: 0, units: 1, population: 7 },
      { orders: 1, units: 1, population: 40 },
      { orders: 2, units: 1, population: 100 },
    ]);
    expect(result.single_order_by_level).toEqual([{ order: 'federal', units: 1, population: 40 }]);
    expect(result.single_order_units.map((u) => [u.csd_code, u.order])).toEqual([['U2', 'federal']]);
    expect(result.pairs.map((p) => [p.a_id, p.a_level, p.b_id, p.b_level, p.metres])).toEqual([
      ['b', 'provincial', 'c', 'federal', 55.6],
      ['a', 'federal', 'b', 'provincial', 444.8],
    ]);
    expect(result.partnerships.map((p) => [p.outreach_id, p.host_id, p.host_level, p.metres])).toEqual([
      ['c', 'd', 'municipal', 612],
      ['f', 'd', 'municipal', 3336],
      ['f', 'b', 'provincial', 4003],
    ]);
    // With X = 50 m, b and c are no longer co-located: b becomes c's provincial host.
    const tight = runColocation(inputs, { within_metres: 50, radius_km: 1, share_km: 5 });
    expect(tight.pairs).toEqual([]);
    expect(tight.partnerships.map((p) => [p.outreach_id, p.host_id])).toEqual([
      ['c', 'b'],
      ['c', 'd'],
      ['f', 'd'],
      ['f', 'b'],
    ]);
  });
});
