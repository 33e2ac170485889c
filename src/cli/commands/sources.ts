import type { Command } from 'commander';
import { sourceQuality } from '../../quality/index.js';
import type { MunicipalCoverage, QualityReport, Share } from '../../quality/index.js';
import type { Config } from '../config.js';
import { openStore } from '../open-store.js';

interface SourcesOptions {
  db?: string;
  json?: boolean;
  municipal?: boolean;
  maxAgeDays: string;
  gaps: string;
}

/** `repere sources`: each source with its quality figures; `--municipal` adds the municipal coverage gaps. */
export function registerSources(program: Command, config: Config): void {
  program
    .command('sources')
    .description('List imported sources with their quality: precision, completeness, duplicates, licence, freshness')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--json', 'print JSON: the sources array, or { sources, municipal_coverage } with --municipal')
    .option('--municipal', 'also report census subdivisions that no municipal source covers, biggest first')
    .option('--max-age-days <days>', 'flag sources whose data is older than this as stale', '730')
    .option('--gaps <n>', 'with --municipal: how many uncovered subdivisions to list', '100')
    .action(async (options: SourcesOptions) => {
      const maxAgeDays = wholeNumber(options.maxAgeDays, '--max-age-days');
      const gapLimit = wholeNumber(options.gaps, '--gaps');
      const store = await openStore(options.db ?? config.db);
      try {
        const report = await sourceQuality(store, { maxAgeDays, ...(options.municipal ? { municipal: { gapLimit } } : {}) });
        if (options.json) {
          const body = report.municipalCoverage ? { sources: report.sources, municipal_coverage: report.municipalCoverage } : report.sources;
          process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
          return;
        }
        process.stdout.write(humanReport(report));
      } finally {
        await store.close();
      }
    });
}

function wholeNumber(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${option} must be a whole number, got "${value}"`);
  return n;
}

const percent = (s: Share): string => `${Math.round(s.share * 1000) / 10}%`;

function humanReport(report: QualityReport): string {
  const lines: string[] = [];
  for (const s of report.sources) {
    const q = s.quality;
    const precision = Object.entries(s.byPrecision)
      .filter(([, n]) => n > 0)
      .map(([p, n]) => `${p} ${n}`)
      .join(', ');
    lines.push(`${s.id}  ${s.records} records  licence: ${s.licence}  [${precision}]`);
    const age = q.freshness.asOf ? `data as of ${q.freshness.asOf.slice(0, 10)} (${q.freshness.ageDays} days)` : 'data date unknown';
    lines.push(
      `  located ${percent(q.located)} · phone ${percent(q.phone)} · e-mail ${percent(q.email)} · website ${percent(q.website)} · hours ${percent(q.hours)}` +
        ` · rejected ${q.rejected} · duplicates ${q.duplicatesWithin} within, ${q.likelyDuplicatesAcross} likely across`,
    );
    lines.push(
      `  imported ${q.lastImported.slice(0, 10)} · verified ${q.lastVerified ?? 'never'} · ${age}${q.flags.length ? ` · flags: ${q.flags.join(', ')}` : ''}` +
        (q.harvest ? ` · harvested from ${q.harvest.portal} dataset ${q.harvest.datasetName}` : ''),
    );
  }
  if (report.municipalCoverage) lines.push('', ...coverageLines(report.municipalCoverage));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function coverageLines(coverage: MunicipalCoverage): string[] {
  const { csds, population } = coverage;
  const lines = [
    `Municipal coverage: ${csds.covered} of ${csds.total} census subdivisions have a municipal source (${Math.round(population.coveredShare * 1000) / 10}% of the population);` +
      ` ${csds.gaps} have none (${csds.gapsWithoutRepresentativePoint} of them without a representative point); ${csds.firstNationsReservesExcluded} First Nations reserves not counted.`,
    `Method: ${coverage.method}`,
    'Largest gaps:',
  ];
  for (const gap of coverage.gaps) {
    const population = gap.population === null ? 'population suppressed' : `${gap.population.toLocaleString('en-CA')} people`;
    lines.push(`  ${gap.csdCode}  ${gap.name}, ${gap.province ?? '?'}  ${population}${gap.hasRepresentativePoint ? '' : '  (no representative point)'}`);
  }
  return lines;
}
