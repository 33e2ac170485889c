import type { Command } from 'commander';
import { join } from 'node:path';
import { harvestCkan, loadPortalRegistry, resolveHarvestTarget } from '../../ingest/ckan/index.js';
import type { HarvestReport } from '../../ingest/ckan/index.js';
import type { Config } from '../config.js';
import { loadGeoContext } from '../load-geo-context.js';
import { openStore } from '../open-store.js';
import { startProgress } from '../progress.js';

interface HarvestCkanOptions {
  query: string;
  org?: string;
  db?: string;
  json?: boolean;
  maxDatasets?: string;
  pageSize?: string;
  timeout?: string;
  maxBytes?: string;
  jurisdiction?: string;
  jurisdictionCode?: string;
  serviceType?: string[];
  registry?: string;
}

/** `repere harvest ckan <portal> --query …`: import a CKAN portal's CSV/GeoJSON resources, one source each. */
export function registerHarvest(program: Command, config: Config): void {
  const harvest = program.command('harvest').description('Harvest service points from open-data portals');
  harvest
    .command('ckan')
    .description(
      'Search a CKAN portal and import each CSV or GeoJSON resource as its own source; unchanged resources are skipped, changed ones replace their previous records',
    )
    .argument('<portal>', 'portal id of data/portals/portals.json (e.g. canada, british_columbia) or a CKAN base URL')
    .requiredOption('--query <text>', 'CKAN search text (package_search "q"; "*:*" matches every dataset)')
    .option('--org <name>', 'only datasets of this CKAN organization (fq=organization:<name>)')
    .option('--max-datasets <n>', 'stop after this many datasets')
    .option('--page-size <n>', 'datasets per package_search page', '100')
    .option('--timeout <seconds>', 'timeout of each API call and download', '60')
    .option('--max-bytes <n>', 'largest resource file to download', String(50 * 1024 * 1024))
    .option('--jurisdiction <level>', 'order of government of the records (default: from the portal registry)')
    .option('--jurisdiction-code <code>', 'CA, a province code, a CSD code, or "province" (each row\'s province)')
    .option('--service-type <id...>', 'service type ids of the records (default: from the registry\'s suggested query)')
    .option('--registry <file>', 'portal registry file', join(config.dataDir, 'portals', 'portals.json'))
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--json', 'print the harvest report as JSON')
    .action(async (portalArg: string, options: HarvestCkanOptions) => {
      const portals = await loadPortalRegistry(options.registry ?? join(config.dataDir, 'portals', 'portals.json'));
      const { target, organization } = resolveHarvestTarget(portals, portalArg, {
        query: options.query,
        ...(options.org !== undefined ? { organization: options.org } : {}),
        ...(options.jurisdiction !== undefined ? { jurisdictionLevel: options.jurisdiction } : {}),
        ...(options.jurisdictionCode !== undefined ? { jurisdictionCode: options.jurisdictionCode } : {}),
        ...(options.serviceType !== undefined ? { serviceTypes: options.serviceType } : {}),
      });
      const store = await openStore(options.db ?? config.db);
      try {
        const geo = await loadGeoContext(config.dataDir);
        const progress = startProgress(`Harvesting ${target.baseUrl}`, null);
        const report = await harvestCkan(store, {
          target,
          query: options.query,
          geo,
          pageSize: positive(options.pageSize, '--page-size'),
          timeoutMs: positive(options.timeout, '--timeout') * 1000,
          maxBytes: positive(options.maxBytes, '--max-bytes'),
          ...(organization !== undefined ? { organization } : {}),
          ...(options.maxDatasets !== undefined ? { maxDatasets: positive(options.maxDatasets, '--max-datasets') } : {}),
          onResource: (outcome, index) => progress.update(index, `${outcome.status} ${outcome.dataset}`),
        });
        progress.stop();
        printHarvestReport(report, options.json === true);
        if (report.resources.some((r) => r.status === 'failed')) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}

function positive(value: string | undefined, option: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${option} must be a positive number, got "${value}"`);
  return n;
}

/** JSON on stdout, or one line per resource and a count per status. */
function printHarvestReport(report: HarvestReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const lines = [`${report.portal}  query "${report.query}"${report.organization ? `  organization ${report.organization}` : ''}: ${report.datasets} datasets`];
  for (const r of report.resources) {
    const what = `${r.dataset} / ${r.name || r.resource || '(dataset)'}`;
    const detail = r.report
      ? ` → ${r.source_id}: ${r.report.imported} imported, ${r.report.rejected} rejected, ${r.report.duplicates} duplicates`
      : r.source_id && r.status === 'unchanged'
        ? ` → ${r.source_id}`
        : '';
    lines.push(`  ${r.status.padEnd(9)} ${what}${detail}${r.reason ? `  (${r.reason})` : ''}`);
  }
  const counts = new Map<string, number>();
  for (const r of report.resources) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  lines.push(`  ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'no resources'}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
