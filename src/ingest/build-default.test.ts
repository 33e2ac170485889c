import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAtLeastAsPrecise } from '../domain/geocode.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { SourceSummary } from '../store/store.js';
import { buildDefaultDataset } from './build-default.js';
import type { BuildSummary } from './build-default.js';

// The whole bundled dataset (data/, real open data), built as `npm start` does on first run.
let tmp: string;
let store: SqliteStore;
let summary: BuildSummary;
let sources: Map<string, SourceSummary>;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-default-'));
  store = SqliteStore.open(join(tmp, 'default.db'));
  summary = await buildDefaultDataset(store, resolve('data'));
  sources = new Map((await store.listSources()).map((s) => [s.id, s]));
}, 120_000);
afterAll(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the default dataset', () => {
  it('accounts for every row of every source', () => {
    const counts = summary.reports.map((r) => [r.source, r.rows_read, r.imported, r.rejected, r.duplicates]);
    expect(counts).toEqual([
      ['service_canada', 595, 595, 0, 0],
      ['workbc', 102, 102, 0, 0],
      ['ns_works', 54, 54, 0, 0],
      ['serviceontario', 882, 881, 0, 1],
      ['inuit_community_offices', 53, 53, 0, 0],
      ['municipal_libraries', 707, 706, 0, 1],
      ['toronto_libraries', 112, 106, 6, 0],
      ['vancouver_libraries', 22, 22, 0, 0],
      ['vancouver_community_centres', 25, 25, 0, 0],
      ['municipal_facilities', 337, 337, 0, 0],
      ['healthcare', 7033, 7033, 0, 0],
      ['federal_buildings', 2227, 2121, 72, 34],
    ]);
    for (const r of summary.reports) expect(r.rows_read).toBe(r.imported + r.rejected + r.duplicates);
  });

  it('locates at least 85% of Service Canada and ServiceOntario points at community precision or better', () => {
    const share = (id: string): number => {
      const s = sources.get(id)!;
      const good = Object.entries(s.byPrecision)
        .filter(([precision]) => isAtLeastAsPrecise(precision as never, 'community'))
        .reduce((n, [, count]) => n + count, 0);
      return good / s.records;
    };
    expect(sources.get('service_canada')?.byPrecision).toMatchObject({ fsa: 74, community: 506, csd: 1, none: 14 });
    expect(sources.get('serviceontario')?.byPrecision).toMatchObject({ community: 857, none: 24 });
    expect(share('service_canada')).toBeGreaterThanOrEqual(0.85);
    expect(share('serviceontario')).toBeGreaterThanOrEqual(0.85);
  });

  it('puts all four orders of government and Indigenous communities on the map', async () => {
    for (const level of ['federal', 'provincial', 'municipal', 'indigenous'] as const) {
      const { total } = await store.listPoints({ jurisdictionLevels: [level], limit: 0, offset: 0 });
      expect(total, level).toBeGreaterThan(50);
    }
    expect((await store.listCommunities()).length).toBe(689);
  });

  it('keeps licences, and says "unclear" where the publisher states none', () => {
    expect(sources.get('service_canada')?.licence).toBe('unclear');
    expect(sources.get('serviceontario')?.licence).toBe('unclear');
    expect(sources.get('healthcare')?.licence).toBe('OGL-Canada-2.0');
  });

  it('ships no Brampton library rows (all rights reserved)', async () => {
    const { items } = await store.listPoints({ sourceIds: ['municipal_libraries'], limit: 1000, offset: 0 });
    expect(items.filter((p) => /brampton/i.test(p.organization.name.en ?? ''))).toEqual([]);
  });

  it('loads census subdivisions with population, CWB nulls kept, and representative points', async () => {
    const units = await store.listPopulationUnits();
    expect(units).toHaveLength(5161);
    expect(summary.populationLocated.share).toBeCloseTo(0.9266, 4);
    const iqaluit = units.find((u) => u.csdCode === '6204003');
    expect(iqaluit).toMatchObject({ name: 'Iqaluit', province: 'NU', precision: 'community' });
    expect(units.some((u) => u.population !== null && u.cwb.score === null)).toBe(true);
  });

  it('locates a Service Canada outreach site in its community, with a time zone', async () => {
    const nearest = await store.findNearest({ lat: 63.7467, lon: -68.517, k: 1, layers: ['service_canada'] });
    expect(nearest[0]?.point.name.en).toBe('Iqaluit Service Canada Centre');
    expect(nearest[0]?.point.timeZone).toBe('America/Iqaluit');
    expect(nearest[0]!.distanceMetres).toBeLessThan(5000);
  });
});
