import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { geocodeAt, makePoint } from '../test-points.js';
import { stableUuid } from '../../domain/stable-uuid.js';
import { DATA_COLUMN, pointRowValues, pointUuid, UUID_COLUMN } from './point-rows.js';
import { PointWriteThread } from './point-write-thread.js';
import { SqliteStore } from './sqlite-store.js';

const POINT = makePoint({
  sourceId: 'workbc',
  sourceRecordId: 'p1',
  name: { en: 'WorkBC Centre - Campbell River' },
  geocode: geocodeAt(50.0240613, -125.2434889),
});

describe('PointWriteThread', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'repere-thread-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the record JSON and the UUID in the columns DATA_COLUMN and UUID_COLUMN name', () => {
    const values = pointRowValues(POINT, 'workbc', '2024-02-06T00:00:00.000Z');
    expect(values[DATA_COLUMN]).toBe(JSON.stringify(POINT));
    expect(values[UUID_COLUMN]).toBe(stableUuid('workbc:p1'));
    // The thread's rows leave it to the thread.
    expect(pointRowValues(POINT, 'workbc', '2024-02-06T00:00:00.000Z', null)[UUID_COLUMN]).toBeNull();
  });

  it('computes the same UUIDs as stableUuid, for any id', () => {
    for (const id of ['workbc:p1', 'bench:hae6d37eb5b38', 'municipal:Bibliothèque Côte-des-Neiges', 'x:\u{1F600}', '']) {
      expect(pointUuid(id)).toBe(stableUuid(id));
    }
  });

  it('fails an import clearly when its thread cannot open the database, says it stopped, and closes', async () => {
    const thread = new PointWriteThread(join(dir, 'missing.db'));
    await expect(thread.replace('workbc', [POINT], '2024-02-06T00:00:00.000Z', () => [])).rejects.toThrow(
      `The import thread cannot open ${join(dir, 'missing.db')}: unable to open database file (SQLITE_CANTOPEN)`,
    );
    expect(thread.stopped).toBe(true);
    await thread.close();
  });

  it('writes an import after an earlier one failed, on the same thread', async () => {
    const path = join(dir, 'repere.db');
    SqliteStore.open(path).close();
    const thread = new PointWriteThread(path);
    const failing = (async function* () {
      yield POINT;
      throw new Error('the source file went away');
    })();
    await expect(thread.replace('workbc', failing, '2024-02-06T00:00:00.000Z', () => [])).rejects.toThrow(
      'the source file went away',
    );
    expect(thread.stopped).toBe(false);
    await thread.close();
  });
});
