import { describe, expect, it } from 'vitest';
import { stableUuid } from '../../domain/stable-uuid.js';
import { profileTermUuid } from '../../hsds/hsds-ids.js';
import { geocodeAt, makePoint } from '../../store/test-points.js';
import { datetimeOf, pointRows, profileAttributes } from './package-rows.js';

describe('datetimeOf', () => {
  it('gives Table Schema date-times in UTC, and null for what is not a date', () => {
    expect(datetimeOf('2024-02-06')).toBe('2024-02-06T00:00:00Z');
    expect(datetimeOf('2024-01-05T12:34:56.789+02:00')).toBe('2024-01-05T10:34:56Z');
    expect(datetimeOf('unclear')).toBeNull();
  });
});

describe('profileAttributes', () => {
  it('writes known values in term order and skips absent ones', () => {
    const rows = profileAttributes('location', 'x:1', 'loc-uuid', {
      channel: 'outreach',
      name_fr: 'Bureau',
      last_verified: null,
      csd_code: '',
    });
    expect(rows).toEqual([
      {
        id: stableUuid('attribute:location:x:1:name_fr'),
        link_id: 'loc-uuid',
        taxonomy_term_id: profileTermUuid('name_fr'),
        link_type: 'repere_profile',
        link_entity: 'location',
        value: 'Bureau',
      },
      {
        id: stableUuid('attribute:location:x:1:channel'),
        link_id: 'loc-uuid',
        taxonomy_term_id: profileTermUuid('channel'),
        link_type: 'repere_profile',
        link_entity: 'location',
        value: 'outreach',
      },
    ]);
  });
});

describe('pointRows', () => {
  const point = makePoint({
    sourceId: 'workbc',
    sourceRecordId: '7',
    name: { en: 'WorkBC Centre - Campbell River', fr: 'Centre WorkBC de Campbell River' },
    serviceTypes: [],
    hoursText: 'Monday to Friday 8:30 am to 4:30 pm',
    geocode: geocodeAt(50.0263, -125.2447),
  });

  it('gives the location with its schedules in hh:mm:ss and its provenance as attributes', () => {
    const rows = pointRows(point, []);
    expect(rows.location?.[0]).toMatchObject({
      id: stableUuid('workbc:7'),
      location_type: 'physical',
      name: 'WorkBC Centre - Campbell River',
      latitude: '50.0263',
      longitude: '-125.2447',
      external_identifier: 'workbc:7',
    });
    expect(rows.schedule?.map((s) => [s['byday'], s['opens_at'], s['closes_at']])).toEqual([
      ['MO,TU,WE,TH,FR', '08:30:00', '16:30:00'],
    ]);
    expect(rows.address).toEqual([]);
    expect(rows.language?.map((l) => l['code'])).toEqual(['en', 'fr']);
    const byTerm = new Map(rows.attribute?.map((a) => [a['taxonomy_term_id'], a['value']]));
    expect(byTerm.get(profileTermUuid('source_record_id'))).toBe('7');
    expect(byTerm.get(profileTermUuid('geocode_precision'))).toBe('building');
    expect(byTerm.has(profileTermUuid('last_verified'))).toBe(false);
  });
});
