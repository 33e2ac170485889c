import { runAccess, type AccessParameters, type AccessResult } from '../../analysis/access.js';
import type { AnalysisInputs } from '../../analysis/analysis-inputs.js';
import {
  runColocation,
  type ColocationParameters,
  type ColocationResult,
} from '../../analysis/colocation.js';
import { runCoverage, type CoverageParameters, type CoverageResult } from '../../analysis/coverage.js';
import { distanceTables } from '../../analysis/distance-distribution.js';
import { loadAnalysisInputs } from '../../analysis/load-inputs.js';
import {
  accessTables,
  colocationTables,
  coverageTables,
  gapTables,
  sitingTables,
  type ResultTable,
} from '../../analysis/result-tables.js';
import { runSiting, type SitingParameters, type SitingResult } from '../../analysis/siting.js';
import { runGaps, type GapParameters, type GapResult } from '../../analysis/vulnerability.js';
import { CHANNELS } from '../../domain/jurisdiction.js';
import type { SourceSummary, Store } from '../../store/store.js';
import { StoreCache } from './store-cache.js';

/** The analyses of DESIGN.md "Analysis", as the CLI (`repere analyze <kind>`) and the API name them. */
export const ANALYSIS_KINDS = ['coverage', 'access', 'gaps', 'colocation', 'siting'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

/** Parameters and result of each analysis. */
export interface AnalysisTypes {
  coverage: { parameters: CoverageParameters; result: CoverageResult };
  access: { parameters: AccessParameters; result: AccessResult };
  gaps: { parameters: GapParameters; result: GapResult };
  colocation: { parameters: ColocationParameters; result: ColocationResult };
  siting: { parameters: SitingParameters; result: SitingResult };
}

interface Analysis<K extends AnalysisKind> {
  run: (inputs: AnalysisInputs, parameters: AnalysisTypes[K]['parameters']) => AnalysisTypes[K]['result'];
  tables: (result: AnalysisTypes[K]['result']) => ResultTable[];
}

const ANALYSES: { [K in AnalysisKind]: Analysis<K> } = {
  coverage: {
    run: runCoverage,
    // The CLI's tables, then the distance distribution the analysis page charts.
    tables: (r) => [...coverageTables(r), ...distanceTables(r.units, r.parameters.radius_km)],
  },
  access: { run: runAccess, tables: accessTables },
  gaps: { run: runGaps, tables: gapTables },
  colocation: { run: runColocation, tables: colocationTables },
  siting: { run: runSiting, tables: sitingTables },
};

/** Table names of each analysis, the first being the default download. */
export const ANALYSIS_TABLES: { readonly [K in AnalysisKind]: readonly string[] } = {
  coverage: ['units', 'by_province', 'distance_bands', 'cumulative_coverage'],
  access: ['units', 'points'],
  gaps: ['units', 'communities'],
  colocation: ['pairs', 'single_order_units', 'partnerships'],
  siting: ['sites', 'swaps'],
};

/** A layer of service points the analyses can select, for the analysis page's form. */
export interface LayerOption {
  layer: string;
  /** Titles of the sources the layer's points come from. */
  sources: string[];
  points: number;
}

interface Loaded {
  inputs: AnalysisInputs;
  layers: LayerOption[];
  /** Recent results by analysis and parameters; dropped with the inputs when the sources change. */
  results: Map<string, unknown>;
}

/** Results kept per dataset version: a page view runs four analyses, sorting a table reruns none. */
const MAX_CACHED_RESULTS = 64;

/**
 * Runs analyses for the HTTP layer: the inputs are read from the store once (every located
 * service point, of every channel, and the candidate sites) and again only when the sources
 * change; recent results are memoised by their parameters. Results are shared between
 * requests: callers must not mutate them. Throws AnalysisParameterError on a bad parameter.
 */
export class AnalysisService {
  readonly #cache: StoreCache<Loaded>;

  constructor(store: Store) {
    this.#cache = new StoreCache(store, async (s, sources) => {
      // Every channel: the API's `channels` selects among them per request (default in person + outreach).
      const inputs = await loadAnalysisInputs(s, { channels: [...CHANNELS] }, { candidates: true });
      return { inputs, layers: layerOptions(inputs, sources), results: new Map() };
    });
  }

  /** The layers of the stored service points, by name. */
  async layers(): Promise<LayerOption[]> {
    return (await this.#cache.get()).layers;
  }

  /** The result of one analysis (memoised by its parameters). */
  async run<K extends AnalysisKind>(
    kind: K,
    parameters: AnalysisTypes[K]['parameters'],
  ): Promise<AnalysisTypes[K]['result']> {
    const loaded = await this.#cache.get();
    const key = `${kind}\u0000${canonicalJson(parameters)}`;
    const cached = loaded.results.get(key);
    if (cached !== undefined) {
      // Most recently used last: the oldest entry is the first to go.
      loaded.results.delete(key);
      loaded.results.set(key, cached);
      return cached as AnalysisTypes[K]['result'];
    }
    const result = ANALYSES[kind].run(loaded.inputs, parameters);
    loaded.results.set(key, result);
    if (loaded.results.size > MAX_CACHED_RESULTS)
      loaded.results.delete(loaded.results.keys().next().value as string);
    return result;
  }

  /** The downloadable tables of a result. */
  tables<K extends AnalysisKind>(kind: K, result: AnalysisTypes[K]['result']): ResultTable[] {
    return ANALYSES[kind].tables(result);
  }
}

/** JSON with object keys sorted and undefined left out: equal parameters, equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function layerOptions(inputs: AnalysisInputs, sources: readonly SourceSummary[]): LayerOption[] {
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  const byLayer = new Map<string, { sources: Set<string>; points: number }>();
  for (const point of inputs.points) {
    const entry = byLayer.get(point.layer) ?? { sources: new Set<string>(), points: 0 };
    entry.sources.add(titles.get(point.sourceId) ?? point.sourceId);
    entry.points += 1;
    byLayer.set(point.layer, entry);
  }
  return [...byLayer.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([layer, { sources: names, points }]) => ({ layer, sources: [...names].sort(), points }));
}
