import { describe, expect, it } from 'vitest';
import { isUuid, stableUuid } from './stable-uuid.js';

describe('stableUuid', () => {
  it('is a version 5, RFC variant UUID', () => {
    const id = stableUuid('service_canada:5944');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });
  it('is deterministic and distinguishes ids', () => {
    expect(stableUuid('workbc:p1')).toBe(stableUuid('workbc:p1'));
    expect(stableUuid('workbc:p1')).not.toBe(stableUuid('workbc:p2'));
  });
  it('matches RFC 9562 v5 for a known namespace/name pair', () => {
    // Expected value from the npm `uuid` package: v5('workbc:p1', REPERE_UUID_NAMESPACE).
    expect(stableUuid('workbc:p1')).toBe('3e75b898-88d4-5ab0-97f7-eb977730f6d8');
  });
});
