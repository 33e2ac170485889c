/**
 * Counts failed attempts per key (a client address, an account) in a sliding window and says
 * how long a key must wait once it has failed `maxFailures` times. In memory, per server: a
 * deployment of n servers lets n × maxFailures guesses through per window, still few enough
 * to make guessing a password hopeless. Successful attempts are not counted.
 * @example const limiter = new AttemptLimiter({ maxFailures: 5, windowMs: 15 * 60_000 });
 */
export class AttemptLimiter {
  readonly #maxFailures: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  /** Failure times (ms) per key, oldest first; Map order is insertion order, oldest key first. */
  readonly #failures = new Map<string, number[]>();

  constructor(options: { maxFailures: number; windowMs: number; maxKeys?: number }) {
    this.#maxFailures = options.maxFailures;
    this.#windowMs = options.windowMs;
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  /** Milliseconds before `key` may try again; 0 when it may now. */
  waitMs(key: string, nowMs: number): number {
    const times = this.#recent(key, nowMs);
    if (times.length < this.#maxFailures) return 0;
    return times[times.length - this.#maxFailures] + this.#windowMs - nowMs;
  }

  /** Records a failed attempt of `key`. */
  fail(key: string, nowMs: number): void {
    const times = this.#recent(key, nowMs);
    times.push(nowMs);
    // Re-inserted last: the map stays ordered by last failure, so the oldest keys go first.
    this.#failures.delete(key);
    this.#failures.set(key, times);
    while (this.#failures.size > this.#maxKeys) {
      this.#failures.delete(this.#failures.keys().next().value as string);
    }
  }

  /** Forgets the failures of `key` (after it succeeds). */
  reset(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string, nowMs: number): number[] {
    const times = this.#failures.get(key);
    if (!times) return [];
    const since = nowMs - this.#windowMs;
    while (times.length > 0 && times[0] <= since) times.shift();
    if (times.length === 0) this.#failures.delete(key);
    return times;
  }
}
