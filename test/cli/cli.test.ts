import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve('.');
const FIXTURES = join(ROOT, 'test/fixtures/ingest');
let tmp: string;

/** Runs `repere …` as a user would; resolves with stdout/stderr and the exit code. */
async function repere(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, REPERE_DB: join(tmp, 'repere.db') },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('repere CLI', () => {
  it('validate --json prints the import report and writes nothing', async () => {
    const { stdout, code } = await repere('validate', join(FIXTURES, 'broken-rows.csv'), '--json');
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['source', 'rows_read', 'imported', 'rejected', 'duplicates', 'issues']);
    expect(report).toMatchObject({ rows_read: 15, imported: 13, rejected: 1, duplicates: 1 });
    expect((report['issues'] as unknown[])[0]).toEqual({
      row: 3,
      field: 'latitude',
      code: 'swapped_coordinates',
      severity: 'warning',
      message: 'latitude and longitude were swapped ("-123.7193016", "48.37844"); corrected to 48.37844, -123.7193016',
    });
    expect(code).toBe(1); // a rejected row makes validation fail, for scripts
    const sources = await repere('sources', '--json');
    expect(JSON.parse(sources.stdout)).toEqual([]);
  });

  it('import → sources → export → import gives the same records', async () => {
    const imported = await repere('import', join(FIXTURES, 'workbc-10.csv'), '--source', 'workbc', '--jurisdiction', 'provincial', '--licence', 'Apache-2.0', '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ source: 'workbc', rows_read: 10, imported: 10 });

    const sources = JSON.parse((await repere('sources', '--json')).stdout) as Array<Record<string, unknown>>;
    expect(sources.map((s) => [s['id'], s['records'], s['licence']])).toEqual([['workbc', 10, 'Apache-2.0']]);
    expect(sources[0]?.['byPrecision']).toMatchObject({ building: 10, none: 0 });

    const out = join(tmp, 'workbc.geojson');
    expect((await repere('export', '--format', 'geojson', '--out', out)).code).toBe(0);
    const collection = JSON.parse(readFileSync(out, 'utf8')) as { features: Array<{ properties: Record<string, string> }> };
    expect(collection.features).toHaveLength(10);
    expect(collection.features[0]?.properties).toMatchObject({ id: 'p1', name: 'WorkBC Centre - Campbell River', jurisdiction_level: 'provincial' });

    const again = await repere('import', out, '--source', 'workbc_again', '--json', '--db', join(tmp, 'again.db'));
    expect(JSON.parse(again.stdout)).toMatchObject({ rows_read: 10, imported: 10, rejected: 0 });
    const csv = join(tmp, 'again.csv');
    await repere('export', '--format', 'csv', '--out', csv, '--db', join(tmp, 'again.db'));
    const first = join(tmp, 'first.csv');
    await repere('export', '--format', 'csv', '--out', first);
    const rows = (file: string) =>
      readFileSync(file, 'utf8')
        .split('\r\n')
        .map((line) => line.replace(/^([^,]*),(workbc|workbc_again),/, '$1,SOURCE,'));
    // Same records: every column but the source id (and retrieved_at, the import date) matches.
    const strip = (line: string) => line.replace(/,[^,]*,[^,]*,[^,]*$/, '');
    expect(rows(csv).map(strip)).toEqual(rows(first).map(strip));
  });

  it('every command has --help', async () => {
    for (const command of ['validate', 'import', 'export', 'sources', 'build-default', 'serve']) {
      const { stdout, code } = await repere(command, '--help');
      expect(code, command).toBe(0);
      expect(stdout, command).toContain(`Usage: repere ${command}`);
    }
  });

  it('explains a bad option instead of crashing', async () => {
    const { stderr, code } = await repere('export', '--format', 'kml', '--out', join(tmp, 'x.kml'));
    expect(code).toBe(1);
    expect(stderr).toContain('--format must be geojson or csv, got "kml"');
  });
});
