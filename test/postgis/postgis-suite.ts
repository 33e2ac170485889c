// Declares tests that need a PostgreSQL + PostGIS server (see throwaway-cluster.ts for where
// it comes from). Without one they are skipped, with one line saying why, except in CI where
// a missing server is a failure: CI must prove the PostGIS store works.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { isCi, testServer, unavailableReason, type TestServer } from './throwaway-cluster.js';

/** How long starting a throwaway cluster may take (initdb + start), in ms. */
const START_TIMEOUT_MS = 120_000;

/**
 * Runs `body` to declare PostGIS tests; `server()` gives the server inside hooks and tests.
 * The server is found or started in beforeAll and stopped in afterAll of the calling file.
 * When the tests are skipped, `announceSkip` prints the reason (set it in one file only).
 */
export function describeWithPostgres(
  name: string,
  body: (server: () => TestServer) => void,
  options: { announceSkip?: boolean } = {},
): void {
  const reason = unavailableReason();
  if (reason !== null) {
    if (isCi()) {
      describe(name, () => {
        it('has a PostgreSQL server with PostGIS (required in CI)', () => {
          throw new Error(
            `${reason.replace(/^PostGIS tests skipped: /, 'PostGIS tests cannot run: ')}. ` +
              'CI must install postgresql and postgresql-15-postgis-3 (.ci/run).',
          );
        });
      });
    } else {
      // One line per test run: only the conformance suite's file says it (announceSkip).
      if (options.announceSkip) console.warn(reason);
      describe.skip(name, () => {
        it(reason, () => undefined);
      });
    }
    return;
  }
  describe(name, () => {
    let started: TestServer | null = null;
    beforeAll(async () => {
      started = await testServer();
    }, START_TIMEOUT_MS);
    afterAll(async () => {
      await started?.stop();
      started = null;
    });
    body(() => {
      if (!started)
        throw new Error(
          'The PostgreSQL test server is not running: use server() inside hooks and tests only.',
        );
      return started;
    });
  });
}
