import type { ImportReport } from '../../domain/row-issue.js';
import type { ServicePoint } from '../../domain/service-point.js';
import type { SourceInfo, Store } from '../../store/store.js';
import { mapColumns } from '../column-mapping.js';
import { CrossSourceMatcher } from '../dedupe/across-sources.js';
import type { GeoContext } from '../geo-context.js';
import { openSourceFile, withTextLanguage } from '../import-source.js';
import { processRows } from '../process-rows.js';
import type { SourceProfile } from '../profile/source-profile.js';
import { ReportBuilder } from '../report-builder.js';

/** The file has no column that names a place: not a list of service points (a data dictionary, statistics…). */
export class NotAPlaceListError extends Error {
  constructor(headers: readonly string[]) {
    const shown = headers.slice(0, 12).join(', ');
    super(`no column is a place name (columns: ${shown}${headers.length > 12 ? ', …' : ''}); not a list of places`);
    this.name = 'NotAPlaceListError';
  }
}

/** Every row was rejected: importing would replace the source's records with nothing. */
export class NothingImportedError extends Error {
  constructor(readonly report: ImportReport) {
    const codes = new Map<string, number>();
    for (const issue of report.issues) if (issue.severity === 'error') codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1);
    const why = [...codes].map(([code, n]) => `${code} ${n}`).join(', ');
    super(
      report.rows_read === 0
        ? 'the file has a header but no data rows; nothing was imported'
        : `all ${report.rows_read} rows were rejected${why ? ` (${why})` : ''}; nothing was imported`,
    );
    this.name = 'NothingImportedError';
  }
}

export interface HarvestedImport {
  profile: SourceProfile;
  /** The downloaded file. */
  path: string;
  /** Recorded as the source's origin: the resource's page on the portal, not the temporary file. */
  origin: string;
  geo: GeoContext;
}

/**
 * Imports one downloaded resource as its own source, all-or-nothing, replacing that source's
 * previous records. The same pipeline as `importSource`, with the portal page as the origin;
 * it refuses files that are not lists of places, and keeps the old records when every row
 * is rejected.
 */
export async function importHarvestedFile(store: Store, options: HarvestedImport): Promise<ImportReport> {
  const { path, geo } = options;
  const opened = await openSourceFile(path, options.profile.format);
  const mapping = mapColumns(opened.headers, options.profile.mapping);
  if (!mapping.fields.name && !mapping.fields.name_fr) throw new NotAPlaceListError(opened.headers);
  const profile = withTextLanguage(options.profile, mapping);
  const crossSource = await CrossSourceMatcher.fromPoints(store.streamPoints({ roles: ['service_point', 'facility', 'candidate_site'] }), profile.id);
  const report = new ReportBuilder(profile.id);
  const points = processRows(opened.rows(), { profile, mapping, geo, crossSource, headerCount: opened.headers.length }, report);
  const source: SourceInfo = {
    id: profile.id,
    title: profile.title.en ?? profile.title.fr ?? profile.id,
    licence: profile.licence,
    origin: options.origin,
    retrievedAt: profile.retrievedAt,
    lastVerified: profile.lastVerified,
  };
  if (profile.attribution) source.attribution = profile.attribution;
  let final: ImportReport | null = null;
  await store.replaceSource(source, requireRecords(points, report), () => (final = report.build()));
  return final ?? report.build();
}

/** Passes the records through; throws at the end when there were none, so the store rolls back. */
async function* requireRecords(points: AsyncIterable<ServicePoint>, report: ReportBuilder): AsyncGenerator<ServicePoint> {
  let count = 0;
  for await (const point of points) {
    count += 1;
    yield point;
  }
  if (count === 0) throw new NothingImportedError(report.build());
}
