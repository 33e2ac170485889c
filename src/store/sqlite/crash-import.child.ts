// The process that crash-import.test.ts kills: it replaces a source in the database at
// argv[2] with an endless, slow stream of points, and prints "writing" once thousands of
// them have been written inside the (uncommitted) import transaction.
//   node --import tsx src/store/sqlite/crash-import.child.ts <db path> <source id>
import type { ImportReport } from '../../domain/row-issue.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { geocodeAt, makePoint } from '../test-points.js';
import { SqliteStore } from './sqlite-store.js';

/** Points written before saying "writing": enough for SQLite to spill pages into the WAL. */
const WRITTEN_BEFORE_SIGNAL = 20_000;
/** If nobody kills this process, it gives up rather than run forever. */
const GIVE_UP_AFTER_MS = 120_000;

const [dbPath, sourceId] = process.argv.slice(2);
if (!dbPath || !sourceId) {
  process.stderr.write('usage: crash-import.child.ts <db path> <source id>\n');
  process.exit(2);
}

setTimeout(() => {
  process.stderr.write('crash-import.child: not killed in time, exiting\n');
  process.exit(3);
}, GIVE_UP_AFTER_MS).unref();

/** Replacement points, without end: fast up to the signal, then one per timer tick. */
async function* endlessPoints(): AsyncGenerator<ServicePoint> {
  for (let i = 0; ; i++) {
    if (i > WRITTEN_BEFORE_SIGNAL) await new Promise((resolve) => setTimeout(resolve, 1));
    yield makePoint({
      sourceId,
      sourceRecordId: String(i).padStart(7, '0'),
      name: { en: `Replacement ${i}`, fr: `Remplacement ${i}` },
      serviceTypes: ['employment'],
      geocode: geocodeAt(45 + (i % 1000) / 100, -75 + Math.floor(i / 1000) / 100),
    });
  }
}

const store = SqliteStore.open(dbPath);
let signalled = false;
await store.replaceSource(
  {
    id: sourceId,
    title: 'Replacement',
    licence: 'unclear',
    origin: 'crash test',
    retrievedAt: '2024-02-06',
    lastVerified: null,
  },
  endlessPoints(),
  (): ImportReport => ({
    source: 'endless',
    rows_read: 0,
    imported: 0,
    rejected: 0,
    duplicates: 0,
    issues: [],
  }),
  (written) => {
    if (!signalled && written >= WRITTEN_BEFORE_SIGNAL) {
      signalled = true;
      process.stdout.write('writing\n');
    }
  },
);
