import type { Command } from 'commander';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { buildDefaultDataset } from '../../ingest/build-default.js';
import type { Config } from '../config.js';
import { openStore } from '../open-store.js';
import { startProgress } from '../progress.js';

/**
 * Builds the default database into a temporary file and moves it into place at the end, so
 * a server never sees a half-built database and an interrupted build leaves the old one.
 */
export async function buildDefault(db: string, dataDir: string, json: boolean): Promise<void> {
  const isFile = !/^postgres(ql)?:\/\//.test(db);
  const target = isFile ? `${db}.building` : db;
  if (isFile) for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  const store = await openStore(target);
  let progress = startProgress('Building', null, json);
  let summary;
  try {
    summary = await buildDefaultDataset(store, dataDir, {
      onStep: (label, index, total) => {
        progress.stop();
        if (!json) process.stderr.write(`[${index + 1}/${total}] ${label}\n`);
        progress = startProgress(`  ${label}`, null, json);
      },
      onProgress: (done) => progress.update(done),
    });
    progress.stop();
  } finally {
    await store.close();
  }
  if (isFile) {
    for (const suffix of ['-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
    if (existsSync(db)) rmSync(db);
    renameSync(target, db);
  }
  const result = {
    db,
    sources: summary.reports.map(({ issues, ...counts }) => ({
      ...counts,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      errors: issues.filter((i) => i.severity === 'error').length,
    })),
    population_units: summary.populationUnits,
    population_located_share: Number(summary.populationLocated.share.toFixed(4)),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    for (const s of result.sources) {
      process.stderr.write(`${s.source}: ${s.imported} imported, ${s.rejected} rejected, ${s.duplicates} duplicates, ${s.warnings} warnings\n`);
    }
    process.stderr.write(
      `${result.population_units} census subdivisions, ${(result.population_located_share * 100).toFixed(1)}% of the population located\n`,
    );
  }
}

/** `repere build-default`: (re)builds the default database from data/. */
export function registerBuildDefault(program: Command, config: Config): void {
  program
    .command('build-default')
    .description('(Re)build the default database from the bundled open data in data/')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--json', 'print a JSON summary')
    .action(async (options: { db?: string; json?: boolean }) => {
      await buildDefault(options.db ?? config.db, config.dataDir, options.json === true);
    });
}
