// The analysis engine's public surface: the API-ready `run…` functions (one per CLI
// subcommand), their parameter error, the loader, the result tables, and the pure metrics
// they are built from (DESIGN.md "Analysis").
export { AnalysisParameterError } from './analysis-parameter-error.js';
export type { AnalysisCommunity, AnalysisInputs, AnalysisPoint, MaybeLocated } from './analysis-inputs.js';
export { analysisPointFromServicePoint } from './analysis-inputs.js';
export { costMatrixFromRows, greatCircleCostMatrix, type CostMatrix } from './cost-matrix.js';
export {
  analysisPointsFrom,
  loadAnalysisInputs,
  type AnalysisStore,
  type LoadOptions,
} from './load-inputs.js';
export { linkCommunities } from './community-links.js';
export type { RunOptions } from './run-options.js';
export {
  resolvePointSelection,
  type PointSelection,
  type PointSelectionParameters,
} from './point-selection.js';
export { approximateShare } from './population-summary.js';

export { nearestDistances, type NearestDistances } from './nearest-distance.js';
export {
  runCoverage,
  summariseCoverage,
  DEFAULT_RADIUS_KM,
  type CoverageParameters,
  type CoverageResult,
} from './coverage.js';
export { twoStepFca, equalBands, bandWeight, E2SFCA_WEIGHTS, type CatchmentBands } from './two-step-fca.js';
export { gravityAccess, decayAt, type DistanceDecay } from './gravity.js';
export {
  runAccess,
  ACCESS_METHODS,
  type AccessMethod,
  type AccessParameters,
  type AccessResult,
} from './access.js';
export { normaliseToPopulationMean, populationWeightedMean } from './population-weighted-mean.js';
export {
  runGaps,
  meanCwbScore,
  cwbFactor,
  vulnerabilityWeight,
  type GapParameters,
  type GapResult,
} from './vulnerability.js';
export {
  runColocation,
  colocatedPairs,
  partnershipCandidates,
  ordersWithin,
  type ColocationParameters,
  type ColocationResult,
} from './colocation.js';
export {
  runSiting,
  greedyMaximalCovering,
  sitingCandidates,
  CANDIDATE_KINDS,
  type SitingParameters,
  type SitingResult,
} from './siting.js';
export {
  cumulativeCoverage,
  distanceBands,
  distanceTables,
  type CumulativeCoverageRow,
  type DistanceBandRow,
} from './distance-distribution.js';
export {
  accessTables,
  colocationTables,
  coverageTables,
  gapTables,
  sitingTables,
  tableToCsv,
  tableToGeoJson,
  type ResultTable,
} from './result-tables.js';
