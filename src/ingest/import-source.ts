import { extname, isAbsolute, resolve } from 'node:path';
import type { ImportReport } from '../domain/row-issue.js';
import type { ServicePoint } from '../domain/service-point.js';
import type { SourceInfo, Store } from '../store/store.js';
import { mapColumns } from './column-mapping.js';
import type { ColumnMapping } from './column-mapping.js';
import { foldText } from '../domain/text.js';
import { openCsv } from './csv/index.js';
import { CrossSourceMatcher } from './dedupe/across-sources.js';
import type { GeoContext } from './geo-context.js';
import { openGeoJson } from './geojson/index.js';
import { processRows } from './process-rows.js';
import type { SourceProfile } from './profile/source-profile.js';
import { ReportBuilder } from './report-builder.js';
import type { OpenedSource, ReadOptions } from './source-row.js';

export interface IngestOptions {
  profile: SourceProfile;
  /** Folder that `profile.file` is relative to. */
  baseDir: string;
  geo: GeoContext;
  read?: ReadOptions;
  /** Called with the number of data rows processed so far. */
  onProgress?: (rowsDone: number) => void;
}

/** Opens a source file with the reader for its format (from the profile or the extension). */
export async function openSourceFile(path: string, format: SourceProfile['format'], read: ReadOptions = {}): Promise<OpenedSource> {
  const kind = format ?? (['.geojson', '.json'].includes(extname(path).toLowerCase()) ? 'geojson' : 'csv');
  return kind === 'geojson' ? openGeoJson(path, read) : openCsv(path, read);
}

function filePath(options: IngestOptions): string {
  return isAbsolute(options.profile.file) ? options.profile.file : resolve(options.baseDir, options.profile.file);
}

/**
 * A profile that does not say which language the source's text is in gets one from the
 * name column's header: a French header ("nom", "nom du lieu") means French names.
 */
export function withTextLanguage(profile: SourceProfile, mapping: ColumnMapping): SourceProfile {
  if (profile.defaults.textLanguage) return profile;
  const header = mapping.fields.name?.[0];
  if (!header || !/^nom\b/.test(foldText(header))) return profile;
  return { ...profile, defaults: { ...profile.defaults, textLanguage: 'fr' } };
}

/** Runs the whole pipeline without writing anything: the import report only. */
export async function validateSource(options: IngestOptions): Promise<ImportReport> {
  const opened = await openSourceFile(filePath(options), options.profile.format, options.read);
  const report = new ReportBuilder(options.profile.id);
  const mapping = mapColumns(opened.headers, options.profile.mapping);
  const profile = withTextLanguage(options.profile, mapping);
  let done = 0;
  for await (const point of processRows(opened.rows(), { profile, mapping, geo: options.geo, headerCount: opened.headers.length }, report)) {
    void point;
    if (++done % 1000 === 0) options.onProgress?.(done);
  }
  return report.build();
}

/**
 * Validates and stores one source, all-or-nothing: the store replaces the source's
 * previous records in one transaction, so a crash or a thrown error mid-way leaves the
 * database as it was. Returns the import report (also recorded in the store).
 */
export async function importSource(store: Store, options: IngestOptions): Promise<ImportReport> {
  const opened = await openSourceFile(filePath(options), options.profile.format, options.read);
  const mapping = mapColumns(opened.headers, options.profile.mapping);
  const profile = withTextLanguage(options.profile, mapping);
  const crossSource = await CrossSourceMatcher.fromPoints(store.streamPoints({ roles: ['service_point', 'facility', 'candidate_site'] }), profile.id);
  const report = new ReportBuilder(profile.id);
  const points: AsyncIterable<ServicePoint> = processRows(opened.rows(), { profile, mapping, geo: options.geo, crossSource, headerCount: opened.headers.length }, report);
  const source: SourceInfo = {
    id: profile.id,
    title: profile.title.en ?? profile.title.fr ?? profile.id,
    licence: profile.licence,
    origin: profile.file,
    retrievedAt: profile.retrievedAt,
    lastVerified: profile.lastVerified,
  };
  if (profile.attribution) source.attribution = profile.attribution;
  let final: ImportReport | null = null;
  await store.replaceSource(
    source,
    points,
    () => (final = report.build()),
    (written) => options.onProgress?.(written),
  );
  return final ?? report.build();
}
