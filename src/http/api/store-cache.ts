import type { SourceSummary, Store } from '../../store/store.js';

/**
 * A value derived from the whole store (an aggregation, an index), rebuilt when the sources
 * change: the fingerprint is every source's id and import time, so any import or deletion
 * invalidates it. Concurrent requests during a build share it; a failed build is not kept.
 */
export class StoreCache<T> {
  readonly #store: Store;
  readonly #build: (store: Store, sources: readonly SourceSummary[]) => Promise<T>;
  #fingerprint: string | null = null;
  #value: Promise<T> | null = null;

  constructor(store: Store, build: (store: Store, sources: readonly SourceSummary[]) => Promise<T>) {
    this.#store = store;
    this.#build = build;
  }

  async get(): Promise<T> {
    const sources = await this.#store.listSources();
    const fingerprint = sources.map((s) => `${s.id}\u0000${s.importedAt}`).join('\u0001');
    if (this.#value === null || fingerprint !== this.#fingerprint) {
      this.#fingerprint = fingerprint;
      const building = this.#build(this.#store, sources);
      this.#value = building;
      building.catch(() => {
        if (this.#value === building) this.#value = null;
      });
    }
    return this.#value;
  }
}
