import type { Command } from 'commander';
import { runAccess, type AccessParameters } from '../../analysis/access.js';
import type { AnalysisInputs } from '../../analysis/analysis-inputs.js';
import { runColocation } from '../../analysis/colocation.js';
import { runCoverage } from '../../analysis/coverage.js';
import { loadAnalysisInputs } from '../../analysis/load-inputs.js';
import type { PointSelectionParameters } from '../../analysis/point-selection.js';
import {
  accessTables,
  colocationTables,
  coverageTables,
  gapTables,
  sitingTables,
  type ResultTable,
} from '../../analysis/result-tables.js';
import type { RunOptions } from '../../analysis/run-options.js';
import { runSiting } from '../../analysis/siting.js';
import { runGaps } from '../../analysis/vulnerability.js';
import type { Config } from '../config.js';
import { openStore } from '../open-store.js';
import { startProgress } from '../progress.js';
import {
  addCommonOptions,
  parseNumber,
  parseNumberList,
  splitList,
  withOptionErrors,
  type CommonAnalyzeOptions,
} from './analyze/analyze-options.js';
import {
  accessSummary,
  colocationSummary,
  coverageSummary,
  gapSummary,
  sitingSummary,
} from './analyze/summaries.js';
import { checkOutput, writeTable } from './analyze/write-analysis.js';

/** How one subcommand computes, tabulates and summarises its result. */
interface AnalysisSpec<R> {
  tables: readonly string[];
  candidates?: boolean;
  run: (inputs: AnalysisInputs, options: RunOptions) => R;
  tablesOf: (result: R) => ResultTable[];
  summary: (result: R) => string;
}

function selectionFrom(options: CommonAnalyzeOptions): PointSelectionParameters {
  return {
    layers: splitList(options.layer),
    jurisdiction_levels: splitList(options.jurisdiction),
    channels: splitList(options.channel),
  };
}

/** Load → compute → print JSON / write the table / print a summary; the CLI's side of every analysis. */
async function analyze<R>(
  options: CommonAnalyzeOptions,
  config: Config,
  spec: AnalysisSpec<R>,
): Promise<void> {
  checkOutput(options.out, options.table, spec.tables);
  const quiet = options.json === true;
  const store = await openStore(options.db ?? config.db);
  let result: R;
  try {
    const loading = startProgress('Loading', null, quiet);
    const inputs = await withOptionErrors(() =>
      loadAnalysisInputs(store, selectionFrom(options), {
        candidates: spec.candidates === true,
        onProgress: (read) => loading.update(read, 'points'),
      }),
    );
    loading.stop();
    const computing = startProgress('Computing', null, quiet);
    result = await withOptionErrors(() =>
      spec.run(inputs, { onProgress: (done, total) => computing.update(done, `of ${total}`) }),
    );
    computing.stop();
  } finally {
    await store.close();
  }
  if (options.out !== undefined) {
    const written = writeTable(options.out, spec.tablesOf(result), options.table);
    process.stderr.write(`Wrote ${written.rows} rows (${written.table}) to ${options.out}\n`);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (options.out === undefined) process.stdout.write(`${spec.summary(result)}\n`);
}

const COVERAGE_TABLES = ['units', 'by_province'];
const ACCESS_TABLES = ['units', 'points'];
const GAP_TABLES = ['units', 'communities'];
const COLOCATION_TABLES = ['pairs', 'single_order_units', 'partnerships'];
const SITING_TABLES = ['sites', 'swaps'];

/**
 * `repere analyze coverage|access|gaps|colocation|siting`: the analyses of DESIGN.md
 * "Analysis" on the database, as JSON (`--json`), a CSV/GeoJSON table (`--out`) or a summary.
 */
export function registerAnalyze(program: Command, config: Config): void {
  const analyzeCommand = program
    .command('analyze')
    .description('Who is far from service: coverage, accessibility, gaps, co-location and siting');

  addCommonOptions(analyzeCommand.command('coverage'), COVERAGE_TABLES)
    .description('Nearest point and share of the population within a radius, nationally and by province')
    .option('--radius-km <km>', 'radius S in km, > 0 and ≤ 1000 (default 50)', parseNumber)
    .action(async (options: CommonAnalyzeOptions & { radiusKm?: number }) => {
      await analyze(options, config, {
        tables: COVERAGE_TABLES,
        run: (inputs, run) =>
          runCoverage(inputs, { ...selectionFrom(options), radius_km: options.radiusKm }, run),
        tablesOf: coverageTables,
        summary: coverageSummary,
      });
    });

  addCommonOptions(analyzeCommand.command('access'), ACCESS_TABLES)
    .description('Spatial accessibility per census subdivision: 2SFCA, enhanced 2SFCA or gravity')
    .option('--method <method>', '2sfca, e2sfca or gravity (default e2sfca)')
    .option('--catchment-km <km>', '2sfca/e2sfca: catchment size d0 in km (default 50)', parseNumber)
    .option(
      '--bands-km <list>',
      'e2sfca: upper bounds of the bands in km, e.g. 10,20,30 (default thirds of d0)',
      parseNumberList,
    )
    .option('--band-weights <list>', 'e2sfca: weight of each band (default 1,0.68,0.22)', parseNumberList)
    .option('--decay <kind>', 'gravity: power or gaussian (default power)')
    .option('--beta <number>', 'gravity, power: exponent (default 1)', parseNumber)
    .option('--min-km <km>', 'gravity, power: distance under which the weight is 1 (default 1)', parseNumber)
    .option('--sigma-km <km>', 'gravity, gaussian: σ in km (default 25)', parseNumber)
    .option('--max-km <km>', 'gravity: ignore points farther than this (default: none)', parseNumber)
    .option('--normalise', 'divide by the population-weighted mean (mean = 1)')
    .action(
      async (
        options: CommonAnalyzeOptions & {
          method?: string;
          catchmentKm?: number;
          bandsKm?: number[];
          bandWeights?: number[];
          decay?: string;
          beta?: number;
          minKm?: number;
          sigmaKm?: number;
          maxKm?: number;
          normalise?: boolean;
        },
      ) => {
        const parameters: AccessParameters = {
          ...selectionFrom(options),
          method: options.method,
          catchment_km: options.catchmentKm,
          bands_km: options.bandsKm,
          band_weights: options.bandWeights,
          decay: options.decay,
          beta: options.beta,
          min_km: options.minKm,
          sigma_km: options.sigmaKm,
          max_km: options.maxKm,
          normalise: options.normalise,
        };
        await analyze(options, config, {
          tables: ACCESS_TABLES,
          run: (inputs, run) => runAccess(inputs, parameters, run),
          tablesOf: accessTables,
          summary: accessSummary,
        });
      },
    );

  addCommonOptions(analyzeCommand.command('gaps'), GAP_TABLES)
    .description(
      'Communities beyond a radius, ranked by population weighted by low well-being and Indigenous type',
    )
    .option('--radius-km <km>', 'radius S in km, > 0 and ≤ 1000 (default 50)', parseNumber)
    .option(
      '--indigenous-weight <w>',
      'weight of First Nations and Inuit communities, ≥ 1 (default 1.5)',
      parseNumber,
    )
    .option('--limit <n>', 'rows per ranking (default all)', parseNumber)
    .action(
      async (
        options: CommonAnalyzeOptions & { radiusKm?: number; indigenousWeight?: number; limit?: number },
      ) => {
        await analyze(options, config, {
          tables: GAP_TABLES,
          run: (inputs, run) =>
            runGaps(
              inputs,
              {
                ...selectionFrom(options),
                radius_km: options.radiusKm,
                indigenous_weight: options.indigenousWeight,
                limit: options.limit,
              },
              run,
            ),
          tablesOf: gapTables,
          summary: (r) => gapSummary(r),
        });
      },
    );

  addCommonOptions(analyzeCommand.command('colocation'), COLOCATION_TABLES)
    .description(
      'Points of different orders of government close together, single-order communities, sites that could be shared',
    )
    .option('--within-metres <m>', 'co-location distance in metres (default 500)', parseNumber)
    .option('--radius-km <km>', 'radius for "reached by one order only" (default 50)', parseNumber)
    .option(
      '--share-km <km>',
      'outreach site to office distance counted as one community (default 5)',
      parseNumber,
    )
    .action(
      async (
        options: CommonAnalyzeOptions & { withinMetres?: number; radiusKm?: number; shareKm?: number },
      ) => {
        await analyze(options, config, {
          tables: COLOCATION_TABLES,
          run: (inputs, run) =>
            runColocation(
              inputs,
              {
                ...selectionFrom(options),
                within_metres: options.withinMetres,
                radius_km: options.radiusKm,
                share_km: options.shareKm,
              },
              run,
            ),
          tablesOf: colocationTables,
          summary: colocationSummary,
        });
      },
    );

  addCommonOptions(analyzeCommand.command('siting'), SITING_TABLES)
    .description(
      'Where to add sites to cover the most (vulnerable) people: greedy maximal covering with swaps',
    )
    .option('--radius-km <km>', 'radius a new site covers, km (default 50)', parseNumber)
    .option('--budget <n>', 'sites to add, 1–100 (default 10)', parseNumber)
    .option('--candidates <kinds...>', 'candidate_site, community, csd (default all)')
    .option('--weighting <kind>', 'vulnerability or population (default vulnerability)')
    .option(
      '--indigenous-weight <w>',
      'weight of First Nations and Inuit communities (default 1.5)',
      parseNumber,
    )
    .option(
      '--vulnerable-cwb-below <score>',
      'CWB score under which people count as vulnerable (default 70)',
      parseNumber,
    )
    .option('--no-swap', 'skip the swap-improvement pass')
    .action(
      async (
        options: CommonAnalyzeOptions & {
          radiusKm?: number;
          budget?: number;
          candidates?: string[];
          weighting?: string;
          indigenousWeight?: number;
          vulnerableCwbBelow?: number;
          swap: boolean;
        },
      ) => {
        await analyze(options, config, {
          tables: SITING_TABLES,
          candidates: true,
          run: (inputs, run) =>
            runSiting(
              inputs,
              {
                ...selectionFrom(options),
                radius_km: options.radiusKm,
                budget: options.budget,
                candidates: splitList(options.candidates),
                weighting: options.weighting,
                indigenous_weight: options.indigenousWeight,
                vulnerable_cwb_below: options.vulnerableCwbBelow,
                swap: options.swap,
              },
              run,
            ),
          tablesOf: sitingTables,
          summary: sitingSummary,
        });
      },
    );
}
