import { isChannel, isJurisdictionLevel } from '../../domain/jurisdiction.js';
import type { ImportReport } from '../../domain/row-issue.js';
import type { MappingFile } from '../../ingest/column-mapping.js';
import { validateProfile } from '../../ingest/profile/load-profiles.js';
import type { SourceProfile } from '../../ingest/profile/source-profile.js';

/** Options shared by `validate` and `import` that describe a file without a profile. */
export interface FileOptions {
  format?: string;
  mapping?: string;
  source: string;
  licence?: string;
  title?: string;
  jurisdiction?: string;
  channel?: string;
  layer?: string;
  serviceType?: string[];
  province?: string;
}

/** Builds a source profile for a one-off file from command-line options. */
export function profileForFile(file: string, options: FileOptions, mapping: MappingFile | undefined): SourceProfile {
  if (options.format && options.format !== 'csv' && options.format !== 'geojson') {
    throw new Error(`--format must be csv or geojson, got "${options.format}"`);
  }
  const level = options.jurisdiction ?? 'other';
  if (!isJurisdictionLevel(level)) throw new Error(`--jurisdiction "${level}" is not an order of government`);
  const channel = options.channel ?? 'in_person';
  if (!isChannel(channel)) throw new Error(`--channel "${channel}" is not a channel (in_person, outreach, phone, digital)`);
  const profile: Record<string, unknown> = {
    id: options.source,
    title: { en: options.title ?? options.source },
    file,
    licence: options.licence ?? 'unclear',
    retrievedAt: new Date().toISOString().slice(0, 10),
    lastVerified: null,
    defaults: {
      layer: options.layer ?? options.source,
      role: 'service_point',
      jurisdictionLevel: level,
      jurisdictionCode: level === 'federal' ? 'CA' : 'province',
      channel,
      serviceTypes: options.serviceType ?? [],
      organization: { id: options.source, name: { en: options.title ?? options.source } },
      languages: [],
      coordinatePrecision: 'building',
      ...(options.province ? { province: options.province } : {}),
    },
  };
  if (options.format) profile['format'] = options.format;
  if (mapping) profile['mapping'] = mapping;
  return validateProfile(profile, 'command-line options');
}

/** Prints an import report: JSON on stdout, or a short human summary. */
export function printReport(report: ImportReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const lines = [
    `${report.source}: ${report.rows_read} rows read, ${report.imported} imported, ${report.rejected} rejected, ${report.duplicates} duplicates`,
  ];
  const shown = report.issues.filter((i) => i.severity !== 'info').slice(0, 50);
  for (const issue of shown) lines.push(`  row ${issue.row} ${issue.severity} ${issue.code}${issue.field ? ` (${issue.field})` : ''}: ${issue.message}`);
  const hidden = report.issues.filter((i) => i.severity !== 'info').length - shown.length;
  if (hidden > 0) lines.push(`  … and ${hidden} more (use --json for all)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
