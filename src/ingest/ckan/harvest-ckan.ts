import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportReport } from '../../domain/row-issue.js';
import type { Store } from '../../store/store.js';
import type { GeoContext } from '../geo-context.js';
import { CkanClient } from './ckan-client.js';
import type { CkanPackage, CkanResource } from './ckan-types.js';
import { DownloadError, downloadToFile } from './download-resource.js';
import { harvestSourceId, profileForResource, resourcePageUrl } from './harvest-profile.js';
import type { HarvestTarget } from './harvest-profile.js';
import { readHarvestRecord, writeHarvestRecord } from './harvest-state.js';
import type { HarvestRecord } from './harvest-state.js';
import { importHarvestedFile, NotAPlaceListError } from './import-harvested.js';
import { formatOfResource } from './resource-format.js';
import type { HarvestFormat } from './resource-format.js';
import { findEncodingProblem } from './text-encoding.js';

export type ResourceStatus = 'imported' | 'unchanged' | 'skipped' | 'failed';

/** The import report without its row issues: counts only. */
export interface ImportCounts {
  rows_read: number;
  imported: number;
  rejected: number;
  duplicates: number;
  issue_counts: Record<string, number>;
}

/** What happened to one resource of one dataset. */
export interface ResourceOutcome {
  /** Dataset name (the CKAN slug). */
  dataset: string;
  /** Resource id; "" for a dataset whose `package_show` failed. */
  resource: string;
  /** Resource name as published. */
  name: string;
  /** Declared format as published (may be empty). */
  format: string;
  url: string;
  status: ResourceStatus;
  reason?: string;
  source_id?: string;
  report?: ImportCounts;
}

/** The harvest report, as `repere harvest ckan --json` prints it. */
export interface HarvestReport {
  portal: string;
  portal_id: string | null;
  query: string;
  organization: string | null;
  /** Datasets examined (after `maxDatasets`). */
  datasets: number;
  resources: ResourceOutcome[];
}

export interface HarvestOptions {
  target: HarvestTarget;
  /** CKAN `q` (Solr syntax; `*:*` matches every dataset). */
  query: string;
  /** CKAN organization name, sent as `fq=organization:<name>`. */
  organization?: string;
  geo: GeoContext;
  maxDatasets?: number;
  /** `rows` of each `package_search` page. */
  pageSize?: number;
  /** Per API call and per download, milliseconds. */
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  /** Folder for the temporary downloads (a subfolder is made and removed). */
  tempDir?: string;
  now?: () => Date;
  /** Called after each resource, for progress display. */
  onResource?: (outcome: ResourceOutcome, index: number) => void;
}

const DEFAULTS = {
  pageSize: 100,
  timeoutMs: 60_000,
  maxBytes: 50 * 1024 * 1024,
  userAgent: 'repere-harvester/0.1 (bilingual map of Canadian government service points)',
};

/**
 * Harvests the CSV and GeoJSON resources of the datasets a CKAN portal finds for `query`:
 * `package_search` page by page, `package_show` per dataset, then each resource is skipped
 * (not CSV/GeoJSON), left alone (unchanged since the last harvest: same `last_modified`, or
 * same SHA-256 when the portal gives none), or downloaded and imported as its own source,
 * replacing that source's previous records. A failing resource is reported and the others go
 * on. Throws only when the portal's search itself fails.
 * @example
 * const report = await harvestCkan(store, { target, query: 'employment', geo });
 * const failed = report.resources.filter((r) => r.status === 'failed');
 */
export async function harvestCkan(store: Store, options: HarvestOptions): Promise<HarvestReport> {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const client = new CkanClient(options.target.baseUrl, { timeoutMs: settings.timeoutMs, userAgent: settings.userAgent });
  const found = await searchAll(client, options.query, options.organization, settings.pageSize, options.maxDatasets ?? Infinity);
  const report: HarvestReport = {
    portal: options.target.baseUrl,
    portal_id: options.target.portalId,
    query: options.query,
    organization: options.organization ?? null,
    datasets: found.length,
    resources: [],
  };
  const stored = new Set((await store.listSources()).map((s) => s.id));
  const tmp = await mkdtemp(join(options.tempDir ?? tmpdir(), 'repere-ckan-'));
  const context: ResourceContext = { store, options, settings, tmp, stored, now: options.now ?? (() => new Date()) };
  try {
    for (const summary of found) {
      let pkg: CkanPackage;
      try {
        pkg = await client.packageShow(summary.id);
      } catch (error) {
        const outcome: ResourceOutcome = {
          dataset: summary.name,
          resource: '',
          name: '',
          format: '',
          url: client.actionUrl('package_show', { id: summary.id }),
          status: 'failed',
          reason: (error as Error).message,
        };
        report.resources.push(outcome);
        options.onResource?.(outcome, report.resources.length);
        continue;
      }
      for (const resource of pkg.resources ?? []) {
        const outcome = await harvestResource(context, pkg, resource);
        report.resources.push(outcome);
        options.onResource?.(outcome, report.resources.length);
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return report;
}

/** Every dataset the search finds, page by page until `count` (or `max`) is reached. */
async function searchAll(client: CkanClient, q: string, organization: string | undefined, rows: number, max: number): Promise<CkanPackage[]> {
  const seen = new Set<string>();
  const found: CkanPackage[] = [];
  for (let start = 0; found.length < max; start += rows) {
    const page = await client.packageSearch({ q, rows, start, ...(organization ? { organization } : {}) });
    for (const pkg of page.results) {
      // The index can shift while we page; a dataset seen on an earlier page is not harvested twice.
      if (seen.has(pkg.id) || found.length >= max) continue;
      seen.add(pkg.id);
      found.push(pkg);
    }
    if (page.results.length === 0 || start + rows >= page.count) break;
  }
  return found;
}

interface ResourceContext {
  store: Store;
  options: HarvestOptions;
  settings: typeof DEFAULTS;
  tmp: string;
  /** Ids of the sources in the store (kept up to date as resources are imported). */
  stored: Set<string>;
  now: () => Date;
}

async function harvestResource(context: ResourceContext, pkg: CkanPackage, resource: CkanResource): Promise<ResourceOutcome> {
  const { store, options, settings, stored } = context;
  const base: ResourceOutcome = {
    dataset: pkg.name,
    resource: resource.id,
    name: (resource.name ?? '').trim(),
    format: (resource.format ?? '').trim(),
    url: resource.url ?? '',
    status: 'skipped',
  };
  const decision = formatOfResource(resource);
  if ('skip' in decision) return { ...base, reason: decision.skip };

  const sourceId = harvestSourceId(options.target.baseUrl, pkg.name, resource.id);
  const file = join(context.tmp, `${sourceId}.${decision.format}`);
  const started = context.now();
  const { profile, fingerprint } = profileForResource(options.target, pkg, resource, decision.format, file, started.toISOString().slice(0, 10));
  const previous = await readHarvestRecord(store, sourceId);
  // A source deleted since (repere has no harvest-aware delete) must be imported again.
  const usable = previous && (previous.outcome === 'skipped' || stored.has(sourceId)) && previous.profile_fingerprint === fingerprint ? previous : null;
  const lastModified = resource.last_modified ?? null;
  const withSource = { ...base, source_id: sourceId };
  // A failed resource names its source only when an earlier harvest stored one, which stays as it was.
  const failed = (reason: string): ResourceOutcome =>
    stored.has(sourceId)
      ? { ...withSource, status: 'failed', reason: `${reason}; the records of the previous harvest are kept` }
      : { ...base, status: 'failed', reason };

  if (usable && lastModified !== null && usable.last_modified === lastModified) {
    await refreshRecord(store, usable, pkg, lastModified);
    return sameAsBefore(withSource, usable);
  }

  let downloaded;
  try {
    downloaded = await downloadToFile(resource.url ?? '', file, settings);
  } catch (error) {
    const reason = error instanceof DownloadError ? error.message : `download failed: ${(error as Error).message}`;
    return failed(reason);
  }
  if (usable && usable.sha256 === downloaded.sha256) {
    await refreshRecord(store, usable, pkg, lastModified);
    return sameAsBefore(withSource, usable);
  }

  const record: HarvestRecord = {
    source_id: sourceId,
    portal: options.target.baseUrl,
    portal_id: options.target.portalId,
    dataset_id: pkg.id,
    dataset_name: pkg.name,
    dataset_title: profile.title.en ?? profile.title.fr ?? pkg.name,
    resource_id: resource.id,
    resource_name: base.name,
    resource_url: base.url,
    format: decision.format,
    licence: profile.licence,
    license_id: pkg.license_id ?? null,
    license_title: pkg.license_title ?? null,
    metadata_modified: pkg.metadata_modified ?? null,
    last_modified: lastModified,
    sha256: downloaded.sha256,
    bytes: downloaded.bytes,
    harvested_at: started.toISOString(),
    profile_fingerprint: fingerprint,
    outcome: 'imported',
  };
  const problem = await readableProblem(file, decision.format);
  if (problem) return failed(problem);
  try {
    const report = await importHarvestedFile(store, { profile, path: file, origin: resourcePageUrl(options.target.baseUrl, pkg, resource), geo: options.geo });
    stored.add(sourceId);
    await writeHarvestRecord(store, record);
    return { ...withSource, status: 'imported', report: countsOf(report) };
  } catch (error) {
    const message = withoutPath((error as Error).message, file);
    if (error instanceof NotAPlaceListError) {
      // Remembered, so the next run does not download it again while it is unchanged.
      if (!stored.has(sourceId)) await writeHarvestRecord(store, { ...record, outcome: 'skipped', reason: message });
      return { ...base, status: 'skipped', reason: message };
    }
    return failed(message);
  } finally {
    await rm(file, { force: true });
  }
}

function sameAsBefore(outcome: ResourceOutcome, previous: HarvestRecord): ResourceOutcome {
  if (previous.outcome === 'skipped') {
    const { source_id: _id, ...rest } = outcome;
    return { ...rest, status: 'skipped', reason: `${previous.reason ?? 'not a list of places'} (unchanged since the last harvest)` };
  }
  return { ...outcome, status: 'unchanged' };
}

/** Keeps the dates of an unchanged resource current, so the next run can skip its download. */
async function refreshRecord(store: Store, previous: HarvestRecord, pkg: CkanPackage, lastModified: string | null): Promise<void> {
  const metadataModified = pkg.metadata_modified ?? null;
  if (previous.last_modified === lastModified && previous.metadata_modified === metadataModified) return;
  await writeHarvestRecord(store, { ...previous, last_modified: lastModified, metadata_modified: metadataModified });
}

/** Why the downloaded file cannot be read as text in a supported encoding (CSV only; GeoJSON is checked by its reader). */
async function readableProblem(file: string, format: HarvestFormat): Promise<string | null> {
  if (format !== 'csv') return null;
  const problem = await findEncodingProblem(file);
  return problem ? `cannot read the CSV: ${problem.message}` : null;
}

function countsOf(report: ImportReport): ImportCounts {
  const issueCounts: Record<string, number> = {};
  for (const issue of report.issues) issueCounts[issue.code] = (issueCounts[issue.code] ?? 0) + 1;
  return { rows_read: report.rows_read, imported: report.imported, rejected: report.rejected, duplicates: report.duplicates, issue_counts: issueCounts };
}

/** Reader messages start with the file path: the temporary file means nothing to the reader of the report. */
function withoutPath(message: string, file: string): string {
  return message.split(`${file}: `).join('').split(file).join('the file');
}

function definedOnly(options: HarvestOptions): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  if (options.pageSize !== undefined) out.pageSize = options.pageSize;
  if (options.timeoutMs !== undefined) out.timeoutMs = options.timeoutMs;
  if (options.maxBytes !== undefined) out.maxBytes = options.maxBytes;
  if (options.userAgent !== undefined) out.userAgent = options.userAgent;
  return out;
}
