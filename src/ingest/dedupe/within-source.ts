import { digestOf } from '../normalise/digest.js';
import type { DraftPoint } from '../normalise/normalise-record.js';
import { foldRecent } from '../normalise/fold-recent.js';

export interface DuplicateFinding {
  /** Row number of the first occurrence, which is kept. */
  firstRow: number;
  reason: 'same_id' | 'same_name_and_address';
}

/**
 * Remembers the records of one source as they stream by and recognises repeats: the same
 * source id, or the same folded name + address (postal code, street, city, province).
 * The first occurrence wins; later ones are counted as duplicates, never imported twice.
 */
export class WithinSourceDedupe {
  readonly #byId = new Map<string, number>();
  readonly #byContent = new Map<string, number>();

  /** `coordinates` are the row's raw coordinate cells: two same-named sites without a street differ by them. */
  check(draft: DraftPoint, coordinates = ''): DuplicateFinding | null {
    const row = draft.provenance.row;
    const firstById = this.#byId.get(draft.id);
    if (firstById !== undefined) return { firstRow: firstById, reason: 'same_id' };
    // A 128-bit digest instead of the whole key: memory stays flat per row on large files.
    const key = digestOf('md5', `${contentKey(draft)}|${coordinates}`, 'base64');
    const firstByContent = this.#byContent.get(key);
    if (firstByContent !== undefined) return { firstRow: firstByContent, reason: 'same_name_and_address' };
    this.#byId.set(draft.id, row);
    this.#byContent.set(key, row);
    return null;
  }
}

function contentKey(draft: DraftPoint): string {
  const a = draft.address;
  return [draft.name.en ?? '', draft.name.fr ?? '', a.street ?? '', a.city ?? '', a.province ?? '', a.postalCode ?? '']
    // Rows without an id of their own had these folded for their content id a moment ago.
    .map(foldRecent)
    .join('|');
}
