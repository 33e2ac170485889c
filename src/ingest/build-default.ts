import { join } from 'node:path';
import type { ImportReport } from '../domain/row-issue.js';
import type { Store } from '../store/store.js';
import { importSource } from './import-source.js';
import { loadProfiles } from './profile/load-profiles.js';
import { geoContextFrom, loadReferenceLayers } from './reference-layers.js';
import { populationLocatedShare } from './reference/locate-csds.js';

export interface BuildHooks {
  /** A new step starts (reference layers, then each source). */
  onStep?: (label: string, index: number, total: number) => void;
  onProgress?: (done: number) => void;
}

export interface BuildSummary {
  reports: ImportReport[];
  populationUnits: number;
  populationLocated: { located: number; total: number; share: number };
}

/**
 * (Re)builds the default dataset into `store` from the bundled data folder: reference
 * layers first (they geocode the sources), then every source of data/sources.json, each
 * in its own all-or-nothing transaction.
 */
export async function buildDefaultDataset(store: Store, dataDir: string, hooks: BuildHooks = {}): Promise<BuildSummary> {
  const profiles = await loadProfiles(join(dataDir, 'sources.json'));
  const total = profiles.length + 1;
  hooks.onStep?.('reference layers', 0, total);
  const layers = await loadReferenceLayers(dataDir);
  await store.replaceBoundaries(layers.boundaries);
  await store.replacePlaces(layers.places);
  await store.replaceFsaCentroids(layers.fsas);
  await store.replaceCommunities(layers.communities.map(({ alternateNames: _names, ...community }) => community));
  await store.replacePopulationUnits(layers.units);
  const geo = geoContextFrom(layers);

  const reports: ImportReport[] = [];
  for (const [i, profile] of profiles.entries()) {
    hooks.onStep?.(profile.id, i + 1, total);
    const options = { profile, baseDir: dataDir, geo, ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}) };
    reports.push(await importSource(store, options));
  }
  await store.setMeta('default_dataset_built_at', new Date().toISOString());
  return { reports, populationUnits: layers.units.length, populationLocated: populationLocatedShare(layers.units) };
}
