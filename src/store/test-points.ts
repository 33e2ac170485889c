import type { Geocode } from '../domain/geocode.js';
import type { Provenance, ServicePoint } from '../domain/service-point.js';

/** What a test may set on a point; the id is always built from sourceId and sourceRecordId. */
export interface PointOverrides extends Partial<Omit<ServicePoint, 'id' | 'provenance'>> {
  sourceId?: string;
  sourceRecordId?: string;
  provenance?: Partial<Omit<Provenance, 'sourceId' | 'sourceRecordId'>>;
}

/**
 * A complete, valid ServicePoint for tests: a federal in-person point with no location,
 * with `overrides` applied. The id is `${sourceId}:${sourceRecordId}`, as ingest builds it.
 * @example makePoint({ sourceId: 'workbc', sourceRecordId: 'p1' }).id // 'workbc:p1'
 */
export function makePoint(overrides: PointOverrides = {}): ServicePoint {
  const { sourceId = 'test', sourceRecordId = '1', provenance, ...fields } = overrides;
  return {
    layer: 'service_canada',
    role: 'service_point',
    name: { en: `Test point ${sourceRecordId}` },
    organization: { id: 'esdc', name: { en: 'Service Canada', fr: 'Service Canada' } },
    jurisdictionLevel: 'federal',
    jurisdictionCode: 'CA',
    channel: 'in_person',
    serviceTypes: [],
    address: { country: 'CA' },
    phones: [],
    languages: ['en', 'fr'],
    geocode: null,
    ...fields,
    // After the spread: a point spread into overrides must not keep its old id.
    id: `${sourceId}:${sourceRecordId}`,
    provenance: {
      sourceId,
      sourceRecordId,
      licence: 'unclear',
      retrievedAt: '2024-02-06',
      lastVerified: null,
      row: 1,
      raw: {},
      ...provenance,
    },
  };
}

/** A geocode at (lat, lon), by default the source's own building-level coordinates. */
export function geocodeAt(
  lat: number,
  lon: number,
  precision: Geocode['precision'] = 'building',
  source: Geocode['source'] = 'source',
  label?: string,
): Geocode {
  const geocode: Geocode = { lat, lon, precision, source };
  if (label !== undefined) geocode.label = label;
  return geocode;
}
