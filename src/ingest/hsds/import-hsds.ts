import { bilingual } from '../../domain/bilingual-text.js';
import { GEOCODE_PRECISIONS, type GeocodePrecision, type GeocodeSource } from '../../domain/geocode.js';
import type { Channel, JurisdictionLevel } from '../../domain/jurisdiction.js';
import { provinceFromText } from '../../domain/province.js';
import type { ImportReport } from '../../domain/row-issue.js';
import type { OfficialLanguages, ServicePoint } from '../../domain/service-point.js';
import { foldText } from '../../domain/text.js';
import type { SourceInfo, Store } from '../../store/store.js';
import type { ColumnMapping } from '../column-mapping.js';
import { CrossSourceMatcher } from '../dedupe/across-sources.js';
import type { GeoContext } from '../geo-context.js';
import { processRows } from '../process-rows.js';
import { validateProfile } from '../profile/load-profiles.js';
import type { SourceProfile } from '../profile/source-profile.js';
import { ReportBuilder } from '../report-builder.js';
import { CANONICAL_FIELDS, type SourceRow } from '../source-row.js';
import type { HsdsPackageIssue } from './hsds-issue.js';
import { linkPackage } from './link-package.js';
import { locationRecord, type LocationRecord } from './location-record.js';
import { readHsdsPackage, TABLES_READ, type DescribedSource, type HsdsPackage } from './read-package.js';

/** What records without Repère provenance (another publisher's package) are taken to be. */
export interface HsdsRecordDefaults {
  title?: string;
  licence?: string;
  jurisdictionLevel?: JurisdictionLevel;
  channel?: Channel;
  layer?: string;
  serviceTypes?: string[];
  province?: string;
}

export interface HsdsImportOptions {
  /** datapackage.json, or the folder holding it. */
  path: string;
  geo: GeoContext;
  /**
   * Puts every location in this one source. Without it, locations Repère exported go back to
   * their own sources and any others to one source named after the package.
   */
  sourceId?: string;
  defaults?: HsdsRecordDefaults;
  /** Retrieval date of sources without Repère provenance; default: today (UTC). */
  retrievedAt?: string;
  /** Called with the number of locations stored so far. */
  onProgress?: (done: number) => void;
}

/** The report of a package import (what `repere import --format hsds --json` prints). */
export interface HsdsImportReport {
  /** The descriptor's name. */
  package: string;
  /** Data rows read per table, for the tables Repère reads that the package has. */
  tables: Record<string, number>;
  /** Tables Repère reads that the package does not have (optional in HSDS). */
  absent_tables: string[];
  /** Problems across tables: broken foreign keys, missing or repeated ids, extra columns, missing files. */
  issues: HsdsPackageIssue[];
  /** One pipeline report per source written; its row numbers are data rows of the location table. */
  sources: ImportReport[];
}

// The pipeline reads canonical cells under their own names (location-record.ts fills them).
const IDENTITY_MAPPING: ColumnMapping = {
  fields: Object.fromEntries(CANONICAL_FIELDS.map((field) => [field, [field]])),
  unmapped: [],
};

const GEOCODE_SOURCES: readonly GeocodeSource[] = [
  'source',
  'source_swapped',
  'fsa_centroid',
  'gazetteer',
  'community',
  'csd',
];
const OFFICIAL_LANGUAGES: readonly OfficialLanguages[] = ['en', 'fr', 'en+fr'];

/** A source id from free text: lower-case letters, digits, "_" and "-" (e.g. a package name). */
export function sourceIdFrom(text: string): string {
  const id = foldText(text)
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
  return id || 'hsds';
}

/**
 * Imports an HSDS 3.0 tabular data package, ours or another publisher's: links its tables
 * around each location (link-package.ts), turns every location into the pipeline's canonical
 * cells (location-record.ts), and runs the normal pipeline (normalise, validate, geocode,
 * dedupe) once per source, each source in one all-or-nothing store transaction. Records
 * Repère wrote keep every profile value the package carries (names in both languages,
 * jurisdiction code, geocode precision and source, time zone, provenance), so export →
 * import → export gives the same package. Problems are data, in the report.
 * @example const report = await importHsdsPackage(store, { path: 'out/hsds', geo });
 */
export async function importHsdsPackage(store: Store, options: HsdsImportOptions): Promise<HsdsImportReport> {
  const pkg = await readHsdsPackage(options.path);
  const { locations, issues } = linkPackage(pkg);
  const records = locations.map(locationRecord);
  const groups = groupBySource(records, pkg, options);

  const reports: ImportReport[] = [];
  let done = 0;
  for (const [sourceId, group] of groups) {
    const { source, profile } = sourceOf(sourceId, group, pkg, options);
    const report = new ReportBuilder(sourceId);
    const byRow = new Map(group.map((record) => [record.row, record]));
    const rows = async function* (): AsyncGenerator<SourceRow> {
      for (const record of group)
        yield { row: record.row, fields: record.canonical as Record<string, string> };
    };
    const crossSource = await CrossSourceMatcher.fromPoints(
      store.streamPoints({ roles: ['service_point', 'facility', 'candidate_site'] }),
      sourceId,
    );
    const processed = processRows(
      rows(),
      { profile, mapping: IDENTITY_MAPPING, geo: options.geo, crossSource, headerCount: 0 },
      report,
    );
    const points = (async function* (): AsyncGenerator<ServicePoint> {
      for await (const point of processed) {
        const record = byRow.get(point.provenance.row);
        yield record ? withPackageValues(point, record) : point;
      }
    })();
    let final: ImportReport | null = null;
    const before = done;
    await store.replaceSource(
      source,
      points,
      () => (final = report.build()),
      (written) => {
        done = before + written;
        options.onProgress?.(done);
      },
    );
    reports.push(final ?? report.build());
  }

  const tables: Record<string, number> = {};
  for (const name of TABLES_READ) {
    const table = pkg.tables.get(name);
    if (table) tables[name] = table.rows.length;
  }
  return {
    package: pkg.name,
    tables,
    absent_tables: pkg.absentTables,
    issues: [...pkg.issues, ...issues],
    sources: reports,
  };
}

/**
 * The locations of each source, in location-table order, sources in order of first
 * appearance. With `sourceId` a record from another Repère source keeps that source in its
 * record id (`service_canada:5944` becomes record `service_canada:5944` of the new source),
 * so records of different sources never collide.
 */
function groupBySource(
  records: readonly LocationRecord[],
  pkg: HsdsPackage,
  options: HsdsImportOptions,
): Map<string, LocationRecord[]> {
  const fallback = options.sourceId ?? sourceIdFrom(pkg.name);
  const groups = new Map<string, LocationRecord[]>();
  for (const record of records) {
    const own = record.isRepere ? record.profile.source_id : undefined;
    const sourceId = options.sourceId ?? own ?? fallback;
    let grouped = record;
    if (options.sourceId && own && own !== options.sourceId && record.canonical.id) {
      grouped = { ...record, canonical: { ...record.canonical, id: `${own}:${record.canonical.id}` } };
    }
    const list = groups.get(sourceId);
    if (list) list.push(grouped);
    else groups.set(sourceId, [grouped]);
  }
  return groups;
}

/** The source registered for a group and the profile the pipeline runs with. */
function sourceOf(
  sourceId: string,
  group: readonly LocationRecord[],
  pkg: HsdsPackage,
  options: HsdsImportOptions,
): { source: SourceInfo; profile: SourceProfile } {
  const defaults = options.defaults ?? {};
  const described: DescribedSource | undefined = pkg.sources.find((s) => s.id === sourceId);
  const first = group.find((r) => r.isRepere)?.profile;
  const today = options.retrievedAt ?? new Date().toISOString().slice(0, 10);
  const title = defaults.title ?? described?.title ?? pkg.title ?? sourceId;
  const source: SourceInfo = {
    id: sourceId,
    title,
    licence:
      defaults.licence ?? described?.licence ?? first?.licence ?? (pkg.licences.join('; ') || 'unclear'),
    origin: described?.path ?? pkg.descriptorPath,
    retrievedAt: described?.retrievedAt || first?.retrieved_at || today,
    lastVerified: described ? described.lastVerified : (first?.last_verified ?? null),
  };
  if (described?.attribution) source.attribution = described.attribution;
  const level = defaults.jurisdictionLevel ?? 'other';
  const profile = validateProfile(
    {
      id: sourceId,
      title: { en: title },
      file: pkg.descriptorPath,
      licence: source.licence,
      retrievedAt: source.retrievedAt,
      lastVerified: source.lastVerified,
      defaults: {
        layer: defaults.layer ?? sourceId,
        role: 'service_point',
        jurisdictionLevel: level,
        jurisdictionCode: level === 'federal' ? 'CA' : 'province',
        channel: defaults.channel ?? 'in_person',
        serviceTypes: defaults.serviceTypes ?? [],
        organization: { id: sourceId, name: { en: title } },
        languages: [],
        coordinatePrecision: 'building',
        ...(defaults.province ? { province: defaults.province } : {}),
      },
    },
    `HSDS package ${pkg.descriptorPath}, source "${sourceId}"`,
  );
  if (source.attribution) profile.attribution = source.attribution;
  return { source, profile };
}

function officialOf(languages: readonly string[]): OfficialLanguages | null {
  const en = languages.includes('en');
  const fr = languages.includes('fr');
  return en && fr ? 'en+fr' : en ? 'en' : fr ? 'fr' : null;
}

/**
 * The pipeline's point with what only the package knows: the raw record, the language codes
 * (the pipeline reads a fixed list of language words), and, for records Repère wrote, the
 * profile values: bilingual description and organization, organization id, jurisdiction
 * code, official languages, time zone, the province as published (the pipeline would fill a
 * missing one from the coordinates), geocode precision, source and label, and per-record
 * provenance.
 */
function withPackageValues(point: ServicePoint, record: LocationRecord): ServicePoint {
  const out: ServicePoint = { ...point, provenance: { ...point.provenance, raw: record.raw } };
  if (record.languages.length > 0) {
    out.languages = record.languages;
    const official = officialOf(record.languages);
    if (official) out.officialLanguages = official;
    else delete out.officialLanguages;
  }
  if (!record.isRepere) return out;

  const p = record.profile;
  const description = bilingual(p.description_en, p.description_fr);
  if (description.en || description.fr) out.description = description;
  else delete out.description;
  if (record.organization) {
    out.organization = {
      id: record.organization.repereId ?? out.organization.id,
      name: record.organization.name,
    };
  }
  if (p.jurisdiction_code) out.jurisdictionCode = p.jurisdiction_code;
  const official = OFFICIAL_LANGUAGES.find((o) => o === p.official_languages);
  if (official) out.officialLanguages = official;
  else delete out.officialLanguages;
  if (p.time_zone) out.timeZone = p.time_zone;
  else delete out.timeZone;
  const province = record.addressProvince ? provinceFromText(record.addressProvince) : null;
  const address = { ...out.address };
  if (province) address.province = province;
  else delete address.province;
  out.address = address;
  if (out.geocode) {
    const geocode = { ...out.geocode };
    const precision = GEOCODE_PRECISIONS.find((g): g is GeocodePrecision => g === p.geocode_precision);
    if (precision && precision !== 'none') geocode.precision = precision;
    const source = GEOCODE_SOURCES.find((s) => s === p.geocode_source);
    if (source) geocode.source = source;
    if (p.geocode_label) geocode.label = p.geocode_label;
    else delete geocode.label;
    out.geocode = geocode;
  }
  out.provenance = {
    ...out.provenance,
    licence: p.licence ?? out.provenance.licence,
    retrievedAt: p.retrieved_at ?? out.provenance.retrievedAt,
    lastVerified: p.last_verified ?? null,
  };
  return out;
}
