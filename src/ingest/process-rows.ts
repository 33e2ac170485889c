import { GEOCODE_PRECISIONS } from '../domain/geocode.js';
import type { Geocode } from '../domain/geocode.js';
import type { RowIssue } from '../domain/row-issue.js';
import { timeZoneAt } from '../domain/time-zone.js';
import type { ServicePoint } from '../domain/service-point.js';
import { applyMapping } from './column-mapping.js';
import type { ColumnMapping } from './column-mapping.js';
import type { CrossSourceMatcher } from './dedupe/across-sources.js';
import { WithinSourceDedupe } from './dedupe/within-source.js';
import type { GeoContext } from './geo-context.js';
import { checkCoordinates } from './normalise/coordinates.js';
import { normaliseRecord } from './normalise/normalise-record.js';
import type { DraftPoint, NormaliseContext } from './normalise/normalise-record.js';
import { compileRules, resolveDefaults } from './profile/resolve-defaults.js';
import type { SourceProfile } from './profile/source-profile.js';
import type { ReportBuilder } from './report-builder.js';
import type { CanonicalRow, SourceRow } from './source-row.js';
import { ROW_TRANSFORMS } from './transforms/index.js';
import type { RowTransform } from './transforms/index.js';

export interface ProcessOptions {
  profile: SourceProfile;
  /** Number of header columns, to report rows with more or fewer cells. */
  headerCount: number;
  mapping: ColumnMapping;
  geo: GeoContext;
  /** Flags likely duplicates of other sources' records; omitted when validating alone. */
  crossSource?: CrossSourceMatcher;
}

/**
 * The ingest pipeline proper, one row at a time: map columns → source transforms →
 * normalise → validate coordinates → geocode → dedupe. Yields the records to store and
 * fills `report`; never throws on bad data (row problems become RowIssues).
 */
export async function* processRows(
  rows: AsyncIterable<SourceRow>,
  options: ProcessOptions,
  report: ReportBuilder,
): AsyncGenerator<ServicePoint> {
  const { profile, mapping, geo, headerCount } = options;
  const rules = compileRules(profile.rules);
  const transforms = resolveTransforms(profile.transforms);
  const dedupe = new WithinSourceDedupe();
  const context: NormaliseContext = {
    sourceId: profile.id,
    licence: profile.licence,
    retrievedAt: profile.retrievedAt,
    lastVerified: profile.lastVerified,
  };
  if (profile.languagesField) context.languagesField = profile.languagesField;
  if (profile.nameTemplate) context.nameTemplate = profile.nameTemplate;

  for await (const sourceRow of rows) {
    const rowNumber = sourceRow.row;
    const columnIssue = columnCountIssue(sourceRow, headerCount);
    if (columnIssue) report.add([columnIssue]);
    const { defaults, excluded } = resolveDefaults(profile.defaults, rules, sourceRow.fields);
    if (excluded) {
      report.add([{ row: rowNumber, field: null, code: 'excluded', severity: 'info', message: `left out: ${excluded}` }]);
      report.rejected();
      continue;
    }
    let canonical = applyMapping(sourceRow, mapping);
    if (profile.idColumns) canonical = withCompositeId(canonical, profile.idColumns, sourceRow.fields);
    const placeCandidates: string[] = [];
    for (const transform of transforms) {
      const result = transform(canonical, sourceRow.fields);
      canonical = result.row;
      if (result.placeCandidates) placeCandidates.push(...result.placeCandidates);
    }

    const { draft, issues } = normaliseRecord(rowNumber, canonical, sourceRow.fields, defaults, context);
    report.add(issues);
    if (!draft) {
      report.rejected();
      continue;
    }
    const duplicate = dedupe.check(draft, `${canonical.latitude ?? ''}|${canonical.longitude ?? ''}`.trim());
    if (duplicate) {
      report.add([
        {
          row: rowNumber,
          field: duplicate.reason === 'same_id' ? 'id' : 'name',
          code: 'duplicate',
          severity: 'warning',
          message:
            duplicate.reason === 'same_id'
              ? `same id "${draft.provenance.sourceRecordId}" as row ${duplicate.firstRow}; the first is kept`
              : `same name and address as row ${duplicate.firstRow}; the first is kept`,
        },
      ]);
      report.duplicate();
      continue;
    }

    const precision = rowPrecision(canonical.location_precision) ?? defaults.coordinatePrecision;
    const located = locate(draft, canonical.latitude, canonical.longitude, placeCandidates, precision, geo);
    report.add(located.issues);
    const point: ServicePoint = { ...located.draft, geocode: located.geocode };
    // The province's zone is only a default: Kenora, Lloydminster or Blanc-Sablon keep other clocks.
    if (point.geocode && point.address.province) {
      point.timeZone = timeZoneAt(point.geocode.lat, point.geocode.lon, point.address.province);
    }
    if (options.crossSource) {
      const others = options.crossSource.match(point);
      if (others.length > 0) {
        report.add([
          {
            row: rowNumber,
            field: null,
            code: 'likely_duplicate',
            severity: 'warning',
            message: `probably the same place as ${others.join(', ')} (another source); both are kept`,
          },
        ]);
      }
    }
    report.imported();
    yield point;
  }
}

function withCompositeId(row: CanonicalRow, columns: readonly string[], fields: Record<string, string>): CanonicalRow {
  const parts = columns.map((c) => (fields[c] ?? '').trim());
  const rest = { ...row };
  delete rest.id;
  return parts.every(Boolean) ? { ...rest, id: parts.join(':') } : rest;
}

/** A warning for a CSV record with more or fewer cells than the header (data is kept either way). */
function columnCountIssue(sourceRow: SourceRow, headerCount: number): RowIssue | null {
  const cells = sourceRow.cellCount;
  if (cells === undefined || cells === headerCount) return null;
  return {
    row: sourceRow.row,
    field: null,
    code: 'column_count',
    severity: 'warning',
    message:
      cells > headerCount
        ? `the row has ${cells} cells but the header has ${headerCount}; the extra cells are kept in the raw record`
        : `the row has ${cells} cells but the header has ${headerCount}; the missing cells are read as empty`,
  };
}

/** A precision published with the row (our own exports carry it); only finer-than-none values count. */
function rowPrecision(cell: string | undefined): Geocode['precision'] | null {
  const value = (cell ?? '').trim().toLowerCase();
  const known = GEOCODE_PRECISIONS.find((p) => p === value);
  return known && known !== 'none' ? known : null;
}

function resolveTransforms(names: readonly string[] = []): RowTransform[] {
  return names.map((name) => {
    const transform = ROW_TRANSFORMS[name];
    if (!transform) {
      throw new Error(`unknown transform "${name}" in the source profile; known: ${Object.keys(ROW_TRANSFORMS).join(', ')}`);
    }
    return transform;
  });
}

interface Located {
  draft: DraftPoint;
  geocode: Geocode | null;
  issues: RowIssue[];
}

/** Uses the source's coordinates when they are valid, else geocodes offline from the address. */
function locate(
  draft: DraftPoint,
  latCell: string | undefined,
  lonCell: string | undefined,
  placeCandidates: readonly string[],
  coordinatePrecision: Geocode['precision'],
  geo: GeoContext,
): Located {
  const row = draft.provenance.row;
  const checked = checkCoordinates(row, latCell, lonCell, geo.locator);
  const issues = [...checked.issues];
  if (checked.point) {
    const { lat, lon } = checked.point;
    const geocode: Geocode = {
      lat,
      lon,
      precision: coordinatePrecision,
      source: checked.corrected === 'swapped' ? 'source_swapped' : 'source',
    };
    const at = geo.locator.provinceAt(lat, lon);
    let out = draft;
    if (at && draft.address.province && at !== draft.address.province) {
      issues.push({
        row,
        field: 'province',
        code: 'province_mismatch',
        severity: 'warning',
        message: `the address says ${draft.address.province} but the coordinates fall in ${at}; both kept as published`,
      });
    } else if (at && !draft.address.province) {
      out = { ...draft, address: { ...draft.address, province: at } };
    }
    return { draft: out, geocode, issues };
  }

  const { postalCode, city, province } = draft.address;
  const query = (place: string | undefined): Geocode | null => {
    const q: { postalCode?: string; city?: string; province?: NonNullable<typeof province> } = {};
    if (postalCode) q.postalCode = postalCode;
    if (place) q.city = place;
    if (province) q.province = province;
    return geo.gazetteer.geocode(q);
  };
  // A phone line or web service has no place; only in-person and outreach points need one.
  if (checked.absent && (draft.channel === 'phone' || draft.channel === 'digital')) return { draft, geocode: null, issues };
  let geocode = query(city);
  for (const place of placeCandidates) {
    if (geocode && geocode.precision !== 'csd') break;
    const next = query(place);
    if (next && (!geocode || next.precision !== 'csd')) geocode = next;
  }
  if (geocode) {
    issues.push({
      row,
      field: null,
      code: 'geocoded',
      severity: 'info',
      message: `located at ${geocode.precision} precision from ${geocode.label ?? geocode.source}`,
    });
  } else {
    issues.push({
      row,
      field: null,
      code: 'not_located',
      severity: 'warning',
      message: 'no usable coordinates, and neither the postal code nor the place name is in the offline gazetteer; kept without a location',
    });
  }
  return { draft, geocode, issues };
}
