import { describe, expect, it } from 'vitest';
import { localNextPath } from './local-path.js';

const FALLBACK = '/en/analysis';

describe('localNextPath', () => {
  it('keeps a path of the site pages, with its query', () => {
    expect(localNextPath('/en/analysis?radius_km=25&layers=service_canada', '', FALLBACK)).toBe(
      '/en/analysis?radius_km=25&layers=service_canada',
    );
    expect(localNextPath('/fr/analysis', '', FALLBACK)).toBe('/fr/analysis');
    expect(localNextPath('/repere/fr/analysis#map', '/repere', FALLBACK)).toBe('/repere/fr/analysis#map');
  });

  it('refuses other sites, schemes, API paths and odd characters (no open redirect)', () => {
    for (const next of [
      undefined,
      42,
      '',
      'https://evil.example/en/analysis',
      '//evil.example/en/analysis',
      '/\\evil.example',
      '\\\\evil.example',
      '/en\\..\\..\\evil',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/api/v1/analysis/coverage',
      '/english',
      'en/analysis',
      '/repere/en/analysis',
      `/en/${'x'.repeat(2000)}`,
    ]) {
      expect(localNextPath(next, '', FALLBACK), String(next)).toBe(FALLBACK);
    }
    expect(localNextPath('/en/analysis', '/repere', '/repere/en/analysis')).toBe('/repere/en/analysis');
  });

  it('resolves dot segments, which cannot climb out of the language folders', () => {
    expect(localNextPath('/en/../../en/analysis', '', FALLBACK)).toBe('/en/analysis');
    expect(localNextPath('/en/../api/v1/analysis/coverage', '', FALLBACK)).toBe(FALLBACK);
  });
});
