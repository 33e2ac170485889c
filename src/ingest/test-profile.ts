import type { SourceProfile } from './profile/source-profile.js';
import { validateProfile } from './profile/load-profiles.js';

/** A minimal valid profile for tests: WorkBC-like provincial employment centres. */
export function testProfile(file: string, overrides: Partial<SourceProfile> = {}): SourceProfile {
  return validateProfile(
    {
      id: 'test',
      title: { en: 'Test source', fr: 'Source d’essai' },
      file,
      licence: 'OGL-Canada-2.0',
      retrievedAt: '2026-01-01',
      lastVerified: null,
      defaults: {
        layer: 'test',
        role: 'service_point',
        jurisdictionLevel: 'provincial',
        jurisdictionCode: 'province',
        channel: 'in_person',
        serviceTypes: ['employment'],
        organization: { id: 'test-org', name: { en: 'Test organization', fr: 'Organisation d’essai' } },
        languages: ['en'],
        coordinatePrecision: 'building',
      },
      ...overrides,
    },
    'test profile',
  );
}
