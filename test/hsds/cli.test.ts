// `repere export --format hsds` and `repere import … --format hsds` as a user runs them, on
// test/fixtures/ingest/workbc-10.csv (10 WorkBC centres, see that folder's README.md).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve('.');
let tmp: string;

async function repere(
  db: string,
  ...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, REPERE_DB: join(tmp, db) },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-hsds-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('repere export/import --format hsds', () => {
  it('export → import into an empty database → export gives the same package', async () => {
    const csv = join(ROOT, 'test/fixtures/ingest/workbc-10.csv');
    expect(
      (
        await repere(
          'a.db',
          'import',
          csv,
          '--source',
          'workbc',
          '--jurisdiction',
          'provincial',
          '--licence',
          'Apache-2.0',
        )
      ).code,
    ).toBe(0);
    const exported = await repere('a.db', 'export', '--format', 'hsds', '--out', join(tmp, 'one'), '--json');
    expect(exported.code).toBe(0);
    const summary = JSON.parse(exported.stderr) as {
      records: number;
      tables: { name: string; rows: number }[];
    };
    expect(summary.records).toBe(10);
    expect(summary.tables.find((t) => t.name === 'location')?.rows).toBe(10);

    const imported = await repere(
      'b.db',
      'import',
      join(tmp, 'one', 'datapackage.json'),
      '--format',
      'hsds',
      '--json',
    );
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as {
      issues: unknown[];
      sources: { source: string; imported: number }[];
    };
    expect(report.issues).toEqual([]);
    expect(report.sources.map((s) => [s.source, s.imported])).toEqual([['workbc', 10]]);

    expect((await repere('b.db', 'export', '--format', 'hsds', '--out', join(tmp, 'two'))).code).toBe(0);
    const files = readdirSync(join(tmp, 'one')).sort();
    expect(readdirSync(join(tmp, 'two')).sort()).toEqual(files);
    for (const file of files) {
      expect([file, readFileSync(join(tmp, 'two', file), 'utf8')]).toEqual([
        file,
        readFileSync(join(tmp, 'one', file), 'utf8'),
      ]);
    }
  });

  it('recognises a package folder without --format, and says what is wrong with a CSV without --source', async () => {
    const folder = join(ROOT, 'test/hsds/fixtures/other-publisher');
    const imported = await repere('c.db', 'import', folder);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      'phone row 3 warning broken_foreign_key (location_id): location_id "f6f0c1de-0008-4b0a-9c11-000000000008" matches no location id in locations.csv; the reference is ignored',
    );
    expect(imported.stdout).toContain(
      'example_north_directory: 3 rows read, 3 imported, 0 rejected, 0 duplicates',
    );
    const noSource = await repere('c.db', 'import', join(ROOT, 'test/fixtures/ingest/workbc-10.csv'));
    expect([noSource.code, noSource.stderr]).toEqual([
      1,
      'repere: --source <id> is required to import a CSV or GeoJSON file\n',
    ]);
    const toStdout = await repere('c.db', 'export', '--format', 'hsds', '--out', '-');
    expect(toStdout.code).toBe(1);
    expect(toStdout.stderr).toContain('--format hsds writes a folder');
  });
});
