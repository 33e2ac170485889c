import { describe, expect, it } from 'vitest';
import { pointSummaryFrom } from './popup.js';

describe('pointSummaryFrom', () => {
  it('reads a WorkBC point as the points endpoint serves it', () => {
    expect(
      pointSummaryFrom({
        id: 'workbc:p98',
        name: 'WorkBC Centre - Fort St John',
        name_lang: 'en',
        jurisdiction_level: 'provincial',
        channel: 'in_person',
        precision: 'building',
        address: '101-9907 99 Avenue, Fort St John, BC V1J 1V1',
      }),
    ).toEqual({
      id: 'workbc:p98',
      name: 'WorkBC Centre - Fort St John',
      nameLang: 'en',
      level: 'provincial',
      address: '101-9907 99 Avenue, Fort St John, BC V1J 1V1',
      approximate: false,
    });
  });

  it('flags community-level locations as approximate (Pangnirtung community office)', () => {
    expect(
      pointSummaryFrom({
        id: 'inuit_community_offices:IN30',
        name: 'Bureau communautaire de Pangnirtung',
        name_lang: 'fr',
        jurisdiction_level: 'indigenous',
        precision: 'community',
      }),
    ).toMatchObject({ nameLang: 'fr', level: 'indigenous', address: null, approximate: true });
  });

  it('keeps markup as plain text and drops values it cannot trust', () => {
    expect(
      pointSummaryFrom({
        id: 42,
        name: ' <img src=x onerror=alert(1)> ',
        name_lang: 'en" onmouseover="x',
        jurisdiction_level: 'imperial',
        precision: 'guess',
        address: { street: 'nested' },
      }),
    ).toEqual({
      id: '42',
      name: '<img src=x onerror=alert(1)>',
      nameLang: null,
      level: null,
      address: null,
      approximate: false,
    });
  });

  it('has nothing to show without an id or a name', () => {
    expect(pointSummaryFrom(null)).toBeNull();
    expect(pointSummaryFrom({ id: 'x', name: '   ' })).toBeNull();
    expect(pointSummaryFrom({ name: 'No id' })).toBeNull();
  });
});
