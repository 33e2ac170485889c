import type { Command } from 'commander';
import type { ImportReport, IssueCode, RowIssue } from '../../domain/row-issue.js';
import type { SourceSummary, Store } from '../../store/store.js';
import type { Config } from '../config.js';
import { openStore, redact } from '../open-store.js';
import { startProgress } from '../progress.js';

/** Every role: a copy takes facilities and candidate sites too. */
const ALL_ROLES = { roles: [] };

/**
 * Meta keys copied besides each source's CKAN harvest record (`ckan_harvest:<source id>`).
 * The Store cannot list its meta keys, so a copy knows them by name.
 */
export const COPIED_META_KEYS: readonly string[] = [
  'default_dataset_built_at',
  'dataset_version',
  'built_at',
];

/** What a copy moved, as verified in the target at the end. */
export interface CopySummary {
  sources: number;
  points: number;
  populationUnits: number;
  communities: number;
  places: number;
  fsaCentroids: number;
  boundaries: number;
  meta: number;
}

/**
 * An import report with the copied counters: `issue_counts` is all the store keeps of the
 * issues, so each counted issue comes back as a placeholder that counts the same.
 */
function reportFrom(summary: SourceSummary): () => ImportReport {
  return () => {
    const issues: RowIssue[] = [];
    for (const [code, count] of Object.entries(summary.report.issue_counts)) {
      for (let i = 0; i < count; i++) {
        issues.push({
          row: 0,
          field: null,
          code: code as IssueCode,
          severity: 'info',
          message: 'copied from another store',
        });
      }
    }
    const { issue_counts: _counts, ...counters } = summary.report;
    return { ...counters, issues };
  };
}

function sourceInfoOf(summary: SourceSummary): Parameters<Store['replaceSource']>[0] {
  const { importedAt: _at, records: _records, byPrecision: _precision, report: _report, ...info } = summary;
  return info;
}

/** What a check of the target found wrong, or nothing. */
async function differences(from: Store, to: Store, metaKeys: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  const comparable = (sources: SourceSummary[]): unknown =>
    sources.map(({ importedAt: _at, ...rest }) => rest);
  if (
    JSON.stringify(comparable(await from.listSources())) !==
    JSON.stringify(comparable(await to.listSources()))
  ) {
    problems.push('the sources (records, reports, precision counts) differ');
  }
  const [fromPoints, toPoints] = await Promise.all(
    [from, to].map((store) => store.listPoints({ limit: 0, offset: 0, ...ALL_ROLES })),
  );
  if (fromPoints.total !== toPoints.total)
    problems.push(`points: ${fromPoints.total} in the origin, ${toPoints.total} copied`);
  const layers = [
    ['population units', (s: Store) => s.listPopulationUnits()],
    ['communities', (s: Store) => s.listCommunities()],
    ['places', (s: Store) => s.listPlaces()],
    ['FSA centroids', (s: Store) => s.listFsaCentroids()],
    ['boundaries', (s: Store) => s.listBoundaries()],
  ] as const;
  for (const [name, list] of layers) {
    const [a, b] = await Promise.all([list(from), list(to)]);
    if (a.length !== b.length) problems.push(`${name}: ${a.length} in the origin, ${b.length} copied`);
  }
  for (const key of metaKeys) {
    if ((await from.getMeta(key)) !== (await to.getMeta(key))) problems.push(`meta "${key}" differs`);
  }
  return problems;
}

/**
 * Makes `to` hold what `from` holds: every source with its points and report (one
 * transaction per source, streamed), the reference layers, and the known meta keys. Sources
 * of `to` that `from` lacks are deleted. Import times are the copy's. Verifies the counts at
 * the end and throws when anything differs.
 * @example await copyStore(await openStore('repere.db'), await openStore('postgres://…/repere'));
 */
export async function copyStore(
  from: Store,
  to: Store,
  onProgress: (done: number, total: number, label: string) => void = () => undefined,
): Promise<CopySummary> {
  const sources = await from.listSources();
  const total = (await from.listPoints({ limit: 0, offset: 0, ...ALL_ROLES })).total;
  let done = 0;
  for (const source of sources) {
    const before = done;
    await to.replaceSource(
      sourceInfoOf(source),
      from.streamPoints({ sourceIds: [source.id], ...ALL_ROLES }),
      reportFrom(source),
      (written) => {
        done = before + written;
        onProgress(done, total, source.id);
      },
    );
  }
  const kept = new Set(sources.map((s) => s.id));
  for (const stale of await to.listSources()) if (!kept.has(stale.id)) await to.deleteSource(stale.id);

  const populationUnits = await from.listPopulationUnits();
  await to.replacePopulationUnits(populationUnits);
  const communities = await from.listCommunities();
  await to.replaceCommunities(communities);
  const places = await from.listPlaces();
  await to.replacePlaces(places);
  const fsaCentroids = await from.listFsaCentroids();
  await to.replaceFsaCentroids(fsaCentroids);
  const boundaries = await from.listBoundaries();
  await to.replaceBoundaries(boundaries);

  const metaKeys = [...COPIED_META_KEYS, ...sources.map((s) => `ckan_harvest:${s.id}`)];
  let meta = 0;
  for (const key of metaKeys) {
    const value = await from.getMeta(key);
    if (value === null) continue;
    await to.setMeta(key, value);
    meta += 1;
  }

  const problems = await differences(from, to, metaKeys);
  if (problems.length > 0) {
    throw new Error(
      `The copy does not match its origin: ${problems.join('; ')}. Nothing else was changed; run the copy again.`,
    );
  }
  return {
    sources: sources.length,
    points: total,
    populationUnits: populationUnits.length,
    communities: communities.length,
    places: places.length,
    fsaCentroids: fsaCentroids.length,
    boundaries: boundaries.length,
    meta,
  };
}

/** `repere copy --from <db> --to <db>`: SQLite → PostGIS, PostGIS → SQLite, or any pair. */
export function registerCopy(program: Command, _config: Config): void {
  program
    .command('copy')
    .description(
      'Copy a whole database to another (SQLite file or postgres:// URL, either way) and verify it',
    )
    .requiredOption('--from <db>', 'database to copy (SQLite file or postgres:// URL)')
    .requiredOption('--to <db>', 'database to fill (created or migrated; its sources are replaced)')
    .option('--json', 'print a JSON summary')
    .action(async (options: { from: string; to: string; json?: boolean }) => {
      if (options.from === options.to)
        throw new Error('--from and --to name the same database; give two different ones.');
      const started = Date.now();
      const from = await openStore(options.from);
      let to: Store | null = null;
      let summary: CopySummary;
      const total = (await from.listPoints({ limit: 0, offset: 0, ...ALL_ROLES })).total;
      const progress = startProgress('Copying points', total, options.json === true);
      try {
        to = await openStore(options.to);
        summary = await copyStore(from, to, (done, _total, label) => progress.update(done, label));
      } finally {
        progress.stop();
        await from.close();
        await to?.close();
      }
      const result = {
        from: redact(options.from),
        to: redact(options.to),
        ...summary,
        seconds: (Date.now() - started) / 1000,
      };
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        process.stderr.write(
          `Copied ${summary.sources} sources, ${summary.points} points, ${summary.places} places, ` +
            `${summary.populationUnits} census subdivisions to ${result.to} in ${result.seconds.toFixed(1)} s; counts verified\n`,
        );
      }
    });
}
