import type { Store } from '../../store/store.js';
import type { HarvestFormat } from './resource-format.js';

/**
 * What the last harvest of one CKAN resource found: its provenance (portal, dataset,
 * resource, licence, dates) and the facts that decide whether the next run may skip it.
 * Stored as JSON in the store's meta table, one key per source, so it works on any Store.
 */
export interface HarvestRecord {
  source_id: string;
  /** Portal base URL, e.g. `https://open.canada.ca/data`. */
  portal: string;
  /** Registry id of the portal, when it came from data/portals/portals.json. */
  portal_id: string | null;
  dataset_id: string;
  dataset_name: string;
  dataset_title: string;
  resource_id: string;
  resource_name: string;
  resource_url: string;
  format: HarvestFormat;
  /** The licence recorded on the source and its records (`unclear` when the dataset states none). */
  licence: string;
  license_id: string | null;
  license_title: string | null;
  metadata_modified: string | null;
  /** The resource's `last_modified` as the portal gave it (null when it gives none). */
  last_modified: string | null;
  sha256: string;
  bytes: number;
  /** When these bytes were last downloaded (ISO timestamp). */
  harvested_at: string;
  /** Hash of the profile the bytes were imported with: a licence or title change re-imports. */
  profile_fingerprint: string;
  /** `skipped`: downloaded, but not a list of places (e.g. a data dictionary). */
  outcome: 'imported' | 'skipped';
  reason?: string;
}

const KEY_PREFIX = 'ckan_harvest:';

/** The meta key holding the harvest record of a source. */
export function harvestKey(sourceId: string): string {
  return `${KEY_PREFIX}${sourceId}`;
}

/** The harvest record of `sourceId`, or null for a source that was not harvested from CKAN. */
export async function readHarvestRecord(store: Store, sourceId: string): Promise<HarvestRecord | null> {
  const value = await store.getMeta(harvestKey(sourceId));
  if (value === null) return null;
  try {
    const parsed = JSON.parse(value) as HarvestRecord;
    return parsed.source_id === sourceId ? parsed : null;
  } catch {
    // A damaged record only costs a re-download on the next run.
    return null;
  }
}

export async function writeHarvestRecord(store: Store, record: HarvestRecord): Promise<void> {
  await store.setMeta(harvestKey(record.source_id), JSON.stringify(record));
}
