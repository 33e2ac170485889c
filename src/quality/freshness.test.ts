import { describe, expect, it } from 'vitest';
import { freshnessOf } from './freshness.js';

const NOW = new Date('2025-03-01T00:00:00Z');

describe('freshnessOf', () => {
  it('measures from the later of the last verification and the data date', () => {
    expect(freshnessOf({ lastVerified: '2024-05-01', retrievedAt: '2019-12-01' }, NOW, 730)).toEqual({
      asOf: '2024-05-01',
      basis: 'last_verified',
      ageDays: 304,
      maxAgeDays: 730,
      stale: false,
    });
    expect(freshnessOf({ lastVerified: null, retrievedAt: '2019-12-01' }, NOW, 730)).toMatchObject({ basis: 'retrieved_at', ageDays: 1917, stale: true });
  });

  it('is stale only past the limit: 730 days is fresh, 731 is not', () => {
    expect(freshnessOf({ lastVerified: null, retrievedAt: '2023-03-02' }, NOW, 730)).toMatchObject({ ageDays: 730, stale: false });
    expect(freshnessOf({ lastVerified: null, retrievedAt: '2023-03-01' }, NOW, 730)).toMatchObject({ ageDays: 731, stale: true });
  });

  it('dates a harvested source by the portal (zone-less CKAN timestamps are UTC), not by the download', () => {
    expect(freshnessOf({ lastVerified: null, retrievedAt: '2025-02-28', portalModified: '2018-11-27T22:02:05.493214' }, NOW, 730)).toEqual({
      asOf: '2018-11-27T22:02:05.493214',
      basis: 'portal_modified',
      ageDays: 2285,
      maxAgeDays: 730,
      stale: true,
    });
  });

  it('flags a source with no usable date as stale', () => {
    expect(freshnessOf({ lastVerified: null, retrievedAt: 'sometime in 2020' }, NOW, 730)).toEqual({ asOf: null, basis: null, ageDays: null, maxAgeDays: 730, stale: true });
  });
});
