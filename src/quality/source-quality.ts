import { GEOCODE_PRECISIONS } from '../domain/geocode.js';
import type { GeocodePrecision } from '../domain/geocode.js';
import { POINT_ROLES } from '../domain/service-point.js';
import type { ServicePoint } from '../domain/service-point.js';
import { readHarvestRecord } from '../ingest/ckan/harvest-state.js';
import type { SourceSummary, Store } from '../store/store.js';
import { DEFAULT_MAX_AGE_DAYS, freshnessOf } from './freshness.js';
import type { Freshness } from './freshness.js';
import { municipalCoverage } from './municipal-coverage.js';
import type { MunicipalCoverage, MunicipalCoverageOptions } from './municipal-coverage.js';

/** A count and its share of the source's records (0–1, rounded to 4 decimals; 0 when there are none). */
export interface Share {
  count: number;
  share: number;
}

/** Problems a data steward should look at. */
export type QualityFlag = 'licence_unclear' | 'stale';

/** Where a harvested source came from on its CKAN portal. */
export interface HarvestProvenance {
  portal: string;
  portalId: string | null;
  datasetId: string;
  datasetName: string;
  resourceId: string;
  resourceUrl: string;
  licenseId: string | null;
  licenseTitle: string | null;
  metadataModified: string | null;
  lastModified: string | null;
}

export interface SourceQualityFigures {
  /** Records in the store now. */
  records: number;
  /** Records with coordinates (any precision but `none`). */
  located: Share;
  byPrecision: Record<GeocodePrecision, Share>;
  phone: Share;
  email: Share;
  website: Share;
  hours: Share;
  /** Data rows of the last import, and what became of them (`rowsRead = records + rejected + duplicatesWithin`). */
  rowsRead: number;
  rejected: number;
  /** Rows the last import recognised as repeats within the source (not stored). */
  duplicatesWithin: number;
  /**
   * Records flagged `likely_duplicate` of a record of another source when this source was
   * imported (both are kept). Only sources already in the store are compared, so the
   * source imported second carries the count.
   */
  likelyDuplicatesAcross: number;
  licence: string;
  licenceUnclear: boolean;
  lastImported: string;
  lastVerified: string | null;
  freshness: Freshness;
  flags: QualityFlag[];
  /** Null for sources that were not harvested from a CKAN portal. */
  harvest: HarvestProvenance | null;
}

/** A registered source (every field of `listSources`) with its quality figures. */
export interface SourceQuality extends SourceSummary {
  quality: SourceQualityFigures;
}

export interface QualityOptions {
  /** Report date (default: now). */
  now?: Date;
  /** Age after which a source is flagged `stale`; default 730 days (two years). */
  maxAgeDays?: number;
  /** Also compute municipal coverage (slower: reads the population units). */
  municipal?: boolean | MunicipalCoverageOptions;
}

export interface QualityReport {
  generatedAt: string;
  maxAgeDays: number;
  /** Ordered by source id, as `listSources`. */
  sources: SourceQuality[];
  municipalCoverage?: MunicipalCoverage;
}

/**
 * Per-source quality for data stewards (`repere sources`, `/{lang}/sources`): completeness
 * (coordinates by precision, phone, e-mail, website, hours), duplicates within and across
 * sources, rejected rows, licence, import and verification dates, freshness; optionally the
 * municipal coverage. Reads only the Store, so it works on any implementation.
 * @example
 * const { sources } = await sourceQuality(store, { maxAgeDays: 365 });
 * sources.filter((s) => s.quality.flags.includes('stale')).map((s) => s.id);
 */
export async function sourceQuality(store: Store, options: QualityOptions = {}): Promise<QualityReport> {
  const now = options.now ?? new Date();
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const summaries = await store.listSources();
  const tallies = await tallyPoints(store);
  const sources: SourceQuality[] = [];
  for (const summary of summaries) {
    const harvest = await harvestProvenance(store, summary.id);
    sources.push({ ...summary, quality: figuresOf(summary, tallies.get(summary.id) ?? emptyTally(), harvest, now, maxAgeDays) });
  }
  const report: QualityReport = { generatedAt: now.toISOString(), maxAgeDays, sources };
  if (options.municipal) {
    report.municipalCoverage = await municipalCoverage(store, options.municipal === true ? {} : options.municipal);
  }
  return report;
}

interface Tally {
  records: number;
  byPrecision: Record<GeocodePrecision, number>;
  phone: number;
  email: number;
  website: number;
  hours: number;
}

function emptyTally(): Tally {
  const byPrecision = Object.fromEntries(GEOCODE_PRECISIONS.map((p) => [p, 0])) as Record<GeocodePrecision, number>;
  return { records: 0, byPrecision, phone: 0, email: 0, website: 0, hours: 0 };
}

/** One pass over every record of the store, counted per source. */
async function tallyPoints(store: Store): Promise<Map<string, Tally>> {
  const tallies = new Map<string, Tally>();
  for await (const point of store.streamPoints({ roles: POINT_ROLES })) {
    const sourceId = point.provenance.sourceId;
    let tally = tallies.get(sourceId);
    if (!tally) tallies.set(sourceId, (tally = emptyTally()));
    count(tally, point);
  }
  return tallies;
}

function count(tally: Tally, point: ServicePoint): void {
  tally.records += 1;
  tally.byPrecision[point.geocode?.precision ?? 'none'] += 1;
  if (point.phones.length > 0) tally.phone += 1;
  if (point.email) tally.email += 1;
  if (point.url) tally.website += 1;
  if (point.hoursText) tally.hours += 1;
}

function figuresOf(summary: SourceSummary, tally: Tally, harvest: HarvestProvenance | null, now: Date, maxAgeDays: number): SourceQualityFigures {
  const share = (n: number): Share => ({ count: n, share: tally.records === 0 ? 0 : Math.round((n / tally.records) * 10_000) / 10_000 });
  const byPrecision = Object.fromEntries(GEOCODE_PRECISIONS.map((p) => [p, share(tally.byPrecision[p])])) as Record<GeocodePrecision, Share>;
  const licenceUnclear = isLicenceUnclear(summary.licence);
  const freshness = freshnessOf(
    { lastVerified: summary.lastVerified, retrievedAt: summary.retrievedAt, portalModified: harvest ? (harvest.lastModified ?? harvest.metadataModified) : null },
    now,
    maxAgeDays,
  );
  const flags: QualityFlag[] = [];
  if (licenceUnclear) flags.push('licence_unclear');
  if (freshness.stale) flags.push('stale');
  return {
    records: tally.records,
    located: share(tally.records - tally.byPrecision.none),
    byPrecision,
    phone: share(tally.phone),
    email: share(tally.email),
    website: share(tally.website),
    hours: share(tally.hours),
    rowsRead: summary.report.rows_read,
    rejected: summary.report.rejected,
    duplicatesWithin: summary.report.duplicates,
    likelyDuplicatesAcross: summary.report.issue_counts['likely_duplicate'] ?? 0,
    licence: summary.licence,
    licenceUnclear,
    lastImported: summary.importedAt,
    lastVerified: summary.lastVerified,
    freshness,
    flags,
    harvest,
  };
}

/** `unclear` (what profiles and harvesting record when the publisher states no licence) or blank. */
export function isLicenceUnclear(licence: string): boolean {
  const text = licence.trim().toLowerCase();
  return text === '' || text === 'unclear';
}

async function harvestProvenance(store: Store, sourceId: string): Promise<HarvestProvenance | null> {
  const record = await readHarvestRecord(store, sourceId);
  if (!record || record.outcome !== 'imported') return null;
  return {
    portal: record.portal,
    portalId: record.portal_id,
    datasetId: record.dataset_id,
    datasetName: record.dataset_name,
    resourceId: record.resource_id,
    resourceUrl: record.resource_url,
    licenseId: record.license_id,
    licenseTitle: record.license_title,
    metadataModified: record.metadata_modified,
    lastModified: record.last_modified,
  };
}
