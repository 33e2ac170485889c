import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisParameterError } from '../../src/analysis/analysis-parameter-error.js';
import { runCoverage } from '../../src/analysis/coverage.js';
import { loadAnalysisInputs, type AnalysisStore } from '../../src/analysis/load-inputs.js';
import { runGaps } from '../../src/analysis/vulnerability.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { PointFilter } from '../../src/store/store.js';
import { COMMUNITIES, fillSmallStore, POINTS, UNITS } from './small-store.js';

let tmp: string;
let store: SqliteStore;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-analysis-load-'));
  store = SqliteStore.open(join(tmp, 'small.db'));
  await fillSmallStore(store);
});
afterAll(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * A store double holding the same records in the reverse order, answering filters the way the
 * Store contract describes, so results can be compared across implementations.
 */
function reversedStore(): AnalysisStore {
  const all = Object.values(POINTS).flat().reverse();
  const matches = (values: readonly string[] | undefined, value: string): boolean =>
    !values || values.length === 0 || values.includes(value);
  return {
    listPopulationUnits: async () => [...UNITS].reverse(),
    listCommunities: async () => [...COMMUNITIES].reverse(),
    listSources: async () =>
      Object.keys(POINTS).map((id) => ({ id }) as Awaited<ReturnType<AnalysisStore['listSources']>>[number]),
    async *streamPoints(filter: PointFilter) {
      for (const p of all) {
        if (
          matches(filter.roles ?? ['service_point'], p.role) &&
          matches(filter.layers, p.layer) &&
          matches(filter.sourceIds, p.provenance.sourceId) &&
          matches(filter.channels, p.channel) &&
          matches(filter.jurisdictionLevels, p.jurisdictionLevel)
        ) {
          yield p;
        }
      }
    },
  };
}

describe('loadAnalysisInputs on SQLite', () => {
  it('reads units, located service points of the selection and linked communities, sorted by id', async () => {
    const inputs = await loadAnalysisInputs(store, { layers: ['service_canada'] });
    expect(inputs.units.map((u) => u.csdCode)).toEqual([
      '2400001',
      '2400002',
      '2400003',
      '3500001',
      '3500002',
      '4622046',
    ]);
    // sc:3 has no location; sc:4 is a phone line (default channels: in person and outreach).
    expect(inputs.points.map((p) => [p.id, p.layer, p.sourceId, p.lat])).toEqual([
      ['service_canada:1', 'service_canada', 'service_canada', 45],
      ['service_canada:2', 'service_canada', 'service_canada', 47],
    ]);
    expect(inputs.candidates).toEqual([]);
    expect(inputs.communities.map((c) => [c.id, c.csdCodes])).toEqual([['fn:276', ['4622046']]]);
  });

  it('matches a selection value as a layer or as a source id', async () => {
    const bySource = await loadAnalysisInputs(store, { layers: ['serviceontario'] });
    expect(bySource.points.map((p) => p.id)).toEqual(['serviceontario:a', 'serviceontario:b']);
    const byLayer = await loadAnalysisInputs(store, { layers: ['serviceontario_partners'] });
    expect(byLayer.points.map((p) => p.id)).toEqual(['serviceontario:b']);
    const municipal = await loadAnalysisInputs(store, { jurisdiction_levels: ['municipal'] });
    expect(municipal.points.map((p) => p.id)).toEqual(['serviceontario:b']);
    const phones = await loadAnalysisInputs(store, { layers: ['service_canada'], channels: ['phone'] });
    expect(phones.points.map((p) => p.id)).toEqual(['service_canada:4']);
  });

  it('loads candidate sites only when asked, never facilities', async () => {
    const inputs = await loadAnalysisInputs(store, {}, { candidates: true });
    expect(inputs.candidates.map((p) => [p.id, p.role])).toEqual([['federal_buildings:k', 'candidate_site']]);
    expect(inputs.points.map((p) => p.id)).not.toContain('healthcare:h');
  });

  it('names the parameter when a layer matches nothing', async () => {
    const error = await loadAnalysisInputs(store, { layers: ['service_canada', 'nope'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AnalysisParameterError);
    expect((error as AnalysisParameterError).parameter).toBe('layers');
    expect((error as Error).message).toMatch(
      /^layers "nope" matches no located service point .* sources in this store: federal_buildings, healthcare, service_canada, serviceontario$/,
    );
  });

  it('gives identical inputs and results from a store that returns records in another order', async () => {
    for (const selection of [{ layers: ['service_canada'] }, {}, { layers: ['serviceontario'] }]) {
      const fromSqlite = await loadAnalysisInputs(store, selection, { candidates: true });
      const fromDouble = await loadAnalysisInputs(reversedStore(), selection, { candidates: true });
      expect(fromDouble).toEqual(fromSqlite);
      expect(runCoverage(fromDouble, selection)).toEqual(runCoverage(fromSqlite, selection));
      expect(runGaps(fromDouble, selection)).toEqual(runGaps(fromSqlite, selection));
    }
  });

  it('gives the hand-computed coverage of src/analysis/coverage.test.ts, plus Cross Lake', async () => {
    const result = runCoverage(await loadAnalysisInputs(store, { layers: ['service_canada'] }), {
      layers: ['service_canada'],
      radius_km: 50,
    });
    // 3500001 and 3500002 covered (3000); 2400001 (500), 2400003 (0) and Cross Lake (700) not.
    expect([result.population_total, result.population_covered, result.population_unlocated]).toEqual([
      4200, 3000, 300,
    ]);
  });
});
