import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarvestReport } from '../../src/ingest/ckan/index.js';
import { startReplayServer } from './replay-server.js';
import type { ReplayServer } from './replay-server.js';

const run = promisify(execFile);
const ROOT = resolve('.');
let tmp: string;
let portal: ReplayServer;

/** Runs `repere …` as a user would, against a database in the test's folder. */
async function repere(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, REPERE_DB: join(tmp, 'harvest.db') },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-harvest-cli-'));
  portal = await startReplayServer('main');
});
afterAll(async () => {
  await portal.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('repere harvest ckan', () => {
  it('prints the harvest report as JSON and exits 1 because one resource failed', async () => {
    const { stdout, code } = await repere('harvest', 'ckan', portal.url, '--query', '*:*', '--jurisdiction', 'provincial', '--page-size', '2', '--json');
    const report = JSON.parse(stdout) as HarvestReport;
    expect(Object.keys(report)).toEqual(['portal', 'portal_id', 'query', 'organization', 'datasets', 'resources']);
    expect(report.datasets).toBe(4);
    expect(report.resources.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'failed', 'imported', 'skipped', 'imported', 'imported']);
    expect(report.resources.filter((r) => r.report).map((r) => r.report?.imported)).toEqual([12, 8, 8]);
    expect(code).toBe(1);
  });

  it('a second run leaves everything unchanged; exit 0 when nothing fails', async () => {
    const again = await repere('harvest', 'ckan', portal.url, '--query', '*:*', '--jurisdiction', 'provincial', '--json');
    expect((JSON.parse(again.stdout) as HarvestReport).resources.map((r) => r.status)).toEqual([
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'failed',
      'unchanged',
      'skipped',
      'unchanged',
      'unchanged',
    ]);
    const workbc = await repere('harvest', 'ckan', portal.url, '--query', 'WorkBC', '--jurisdiction', 'provincial');
    expect(workbc.code).toBe(0);
    expect(workbc.stdout).toContain(`${portal.url}  query "WorkBC": 1 datasets`);
    expect(workbc.stdout).toMatch(/ {2}unchanged workbc-centres \/ WorkBC Centres \(CSV\) → ckan_[0-9a-f]{12}\n/);
    expect(workbc.stdout).toContain('  skipped   workbc-centres / WorkBC Centres map (PDF)  (format "PDF" is not CSV or GeoJSON)');
    expect(workbc.stdout).toContain('  1 unchanged, 1 skipped');

    const sources = JSON.parse((await repere('sources', '--json')).stdout) as Array<{ id: string; records: number; licence: string }>;
    expect(sources.map((s) => s.records).sort()).toEqual([12, 8, 8].sort());
  });

  it('has --help', async () => {
    const { stdout, code } = await repere('harvest', 'ckan', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: repere harvest ckan [options] <portal>');
    expect(stdout).toContain('--max-datasets <n>');
  });

  it('refuses a portal of the registry that is not CKAN (Nova Scotia runs Socrata)', async () => {
    const { stderr, code } = await repere('harvest', 'ckan', 'nova_scotia', '--query', 'Nova Scotia Works');
    expect(code).toBe(1);
    expect(stderr).toContain('Nova Scotia Open Data (https://data.novascotia.ca) runs Socrata, not CKAN, so "harvest ckan" cannot read it.');
    const byUrl = await repere('harvest', 'ckan', 'https://data.novascotia.ca/', '--query', 'x');
    expect(byUrl.stderr).toContain('runs Socrata, not CKAN');
  });

  it('asks for the order of government of a portal that is not in the registry', async () => {
    const { stderr, code } = await repere('harvest', 'ckan', portal.url, '--query', '*:*');
    expect(code).toBe(1);
    expect(stderr).toContain(`${portal.url} is not in the portal registry; say whose service points it publishes with --jurisdiction <level>`);
  });
});
