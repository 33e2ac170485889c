import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attempt-limiter.js';

const MINUTE = 60_000;

describe('AttemptLimiter', () => {
  it('lets a key fail maxFailures times, then makes it wait until the oldest failure leaves the window', () => {
    const limiter = new AttemptLimiter({ maxFailures: 3, windowMs: 15 * MINUTE });
    limiter.fail('ip:1', 0);
    limiter.fail('ip:1', 1 * MINUTE);
    expect(limiter.waitMs('ip:1', 2 * MINUTE)).toBe(0);
    limiter.fail('ip:1', 2 * MINUTE);
    expect(limiter.waitMs('ip:1', 2 * MINUTE)).toBe(13 * MINUTE);
    expect(limiter.waitMs('ip:1', 14 * MINUTE)).toBe(1 * MINUTE);
    expect(limiter.waitMs('ip:1', 15 * MINUTE)).toBe(0);
    // The other keys are untouched.
    expect(limiter.waitMs('ip:2', 2 * MINUTE)).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = new AttemptLimiter({ maxFailures: 1, windowMs: MINUTE });
    limiter.fail('account:a', 0);
    expect(limiter.waitMs('account:a', 10)).toBe(MINUTE - 10);
    limiter.reset('account:a');
    expect(limiter.waitMs('account:a', 10)).toBe(0);
  });

  it('keeps at most maxKeys keys, dropping those that failed longest ago', () => {
    const limiter = new AttemptLimiter({ maxFailures: 1, windowMs: MINUTE, maxKeys: 2 });
    limiter.fail('a', 0);
    limiter.fail('b', 1);
    limiter.fail('a', 2);
    limiter.fail('c', 3);
    expect([limiter.waitMs('a', 4) > 0, limiter.waitMs('b', 4) > 0, limiter.waitMs('c', 4) > 0]).toEqual([
      true,
      false,
      true,
    ]);
  });
});
