import { describe, expect, it } from 'vitest';
import type { Community } from '../domain/reference.js';
import { linkCommunities } from './community-links.js';
import { deepFreeze, makeUnit } from './test-inputs.js';

describe('linkCommunities', () => {
  it('links a community to the CSDs of its type placed exactly at its point, and keeps an own csdCode', () => {
    // Cross Lake's reserves 19, 19A, 19E were all placed at the First Nation's point by the ingest.
    const units = deepFreeze([
      makeUnit('4622046', { type: 'first_nations', lat: 54.62, lon: -97.77 }),
      makeUnit('4622047', { type: 'first_nations', lat: 54.62, lon: -97.77 }),
      makeUnit('4622050', { type: 'non_indigenous', lat: 54.62, lon: -97.77 }), // another type: not linked
      makeUnit('4622048', { type: 'first_nations', lat: 54.6, lon: -97.7 }), // elsewhere: not linked
      makeUnit('6204003', { type: 'inuit', lat: 63.75, lon: -68.52 }),
    ]);
    const community = (
      id: string,
      kind: Community['kind'],
      lat: number,
      lon: number,
      csdCode?: string,
    ): Community => ({
      id,
      kind,
      name: { en: id },
      province: 'MB',
      lat,
      lon,
      population: null,
      sourceId: 'test',
      ...(csdCode ? { csdCode } : {}),
    });
    const communities = deepFreeze([
      community('fn:2', 'first_nation', 1, 1, '4699999'),
      community('fn:1', 'first_nation', 54.62, -97.77),
      community('inuit:1', 'inuit', 63.75, -68.52),
      community('inuit:2', 'inuit', 54.62, -97.77), // an Inuit point does not take First Nations CSDs
    ]);
    expect(linkCommunities(communities, units).map((c) => [c.id, c.csdCodes])).toEqual([
      ['fn:1', ['4622046', '4622047']],
      ['fn:2', ['4699999']],
      ['inuit:1', ['6204003']],
      ['inuit:2', []],
    ]);
  });
});
