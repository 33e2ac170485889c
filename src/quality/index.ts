/**
 * Source quality for data stewards: per-source completeness, duplicates, licence and
 * freshness (`sourceQuality`), and which census subdivisions no municipal source covers
 * (`municipalCoverage`). Both read only the Store.
 */
export { isLicenceUnclear, sourceQuality } from './source-quality.js';
export type { HarvestProvenance, QualityFlag, QualityOptions, QualityReport, Share, SourceQuality, SourceQualityFigures } from './source-quality.js';
export { DEFAULT_MATCH_DISTANCE_KM, municipalCoverage } from './municipal-coverage.js';
export type { CoveredCsd, CsdCoverage, MunicipalCoverage, MunicipalCoverageOptions } from './municipal-coverage.js';
export { DEFAULT_MAX_AGE_DAYS, freshnessOf } from './freshness.js';
export type { Freshness, FreshnessBasis } from './freshness.js';
