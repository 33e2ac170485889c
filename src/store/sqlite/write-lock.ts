/**
 * Runs writes one at a time. An import awaits its input between rows while its transaction
 * is open on the shared connection; any other write started meanwhile must wait for it.
 */
export class WriteLock {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it has settled; resolves with its result. */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    // The queue goes on whether this task succeeds or fails.
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.#tail.then(() => undefined);
  }
}
