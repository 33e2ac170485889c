import { join } from 'node:path';
import type { JurisdictionLevel } from '../domain/jurisdiction.js';
import type { ProvinceCode } from '../domain/province.js';
import { CatalogueError } from './catalogue.js';
import type { Bilingual, Catalogue } from './catalogue.js';
import { readJsonFile, schemaIssues } from './json-schema.js';

// The shapes of data/partnerships/partnerships.json (schema.json beside it).

/** Where a claim comes from: verified claims quote the passage and give its lines. */
export interface Evidence {
  status: 'verified' | 'unverified';
  /** A key of `sources`. */
  source: string;
  lines?: string;
  quote?: string;
}

export interface PartnershipSource {
  title: Bilingual;
  kind: 'report' | 'issue' | 'data' | 'none';
  file?: string;
  url?: string;
  language?: 'en' | 'fr';
  date_note?: Bilingual;
}

export interface Partner {
  name: Bilingual;
  jurisdiction_level: Exclude<JurisdictionLevel, 'other'>;
  jurisdiction_code?: string;
  organization_id?: string;
  role: Bilingual;
}

export interface PartnershipLocation {
  id: string;
  name: Bilingual;
  province: ProvinceCode;
  lat: number | null;
  lon: number | null;
  precision: 'building' | 'street' | 'postal_code' | 'fsa' | 'community' | 'csd' | 'province' | 'none';
  coordinates_source?: string;
  /** Repère points at this location (`source:record`). */
  point_ids: string[];
  /** Whether those points are the partnership's own site or only in the same community. */
  point_match?: Evidence;
}

export type EvidenceKey = 'partners' | 'services' | 'locations' | 'year' | 'outcome';

export interface Partnership {
  id: string;
  name: Bilingual;
  description: Bilingual;
  partners: Partner[];
  /** Service-catalogue ids. */
  services: string[];
  service_text?: Bilingual;
  locations: PartnershipLocation[];
  year: number | null;
  outcome: Bilingual | null;
  evidence: Record<EvidenceKey, Evidence>;
}

export interface PartnershipCatalogue {
  version: string;
  updated: string;
  sources: Readonly<Record<string, PartnershipSource>>;
  partnerships: readonly Partnership[];
}

/**
 * Reads and validates data/partnerships/ (partnerships.json against schema.json), then its
 * references: evidence sources exist, service ids are in `catalogue` when given. Throws a
 * CatalogueError listing every problem.
 * @example (await loadPartnerships('data/partnerships', catalogue)).partnerships.length // 4
 */
export async function loadPartnerships(dir: string, catalogue?: Catalogue): Promise<PartnershipCatalogue> {
  const file = join(dir, 'partnerships.json');
  const [data, schema] = await Promise.all([readJsonFile(file), readJsonFile(join(dir, 'schema.json'))]);
  if ('error' in schema) throw new CatalogueError(join(dir, 'schema.json'), [`the file ${schema.error}`]);
  if ('error' in data) throw new CatalogueError(file, [`the file ${data.error}`]);
  return partnershipsFromDocument(data.data, schema.data as Record<string, unknown>, file, catalogue);
}

/** loadPartnerships on a document already read. */
export function partnershipsFromDocument(
  data: unknown,
  schema: Record<string, unknown>,
  file: string,
  catalogue?: Catalogue,
): PartnershipCatalogue {
  const issues = schemaIssues(schema, data);
  if (issues.length > 0) throw new CatalogueError(file, issues);
  const document = data as PartnershipCatalogue & { $schema?: string };
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const partnership of document.partnerships) {
    const where = `partnership "${partnership.id}"`;
    if (ids.has(partnership.id)) problems.push(`${where} is listed twice`);
    ids.add(partnership.id);
    const evidence = [
      ...Object.entries(partnership.evidence).map(([key, e]) => [`evidence.${key}`, e] as const),
      ...partnership.locations.flatMap((l) => (l.point_match ? [[`locations.${l.id}.point_match`, l.point_match] as const] : [])),
    ];
    for (const [key, e] of evidence) {
      if (!Object.hasOwn(document.sources, e.source)) problems.push(`${where}: ${key}.source "${e.source}" is not a key of "sources"`);
    }
    for (const id of catalogue ? partnership.services : []) {
      if (!catalogue!.byId.has(id)) problems.push(`${where}: service "${id}" is not in the service catalogue`);
    }
    for (const location of partnership.locations) {
      if ((location.lat === null) !== (location.lon === null)) problems.push(`${where}: location "${location.id}" has only one coordinate`);
    }
  }
  if (problems.length > 0) throw new CatalogueError(file, problems);
  return { version: document.version, updated: document.updated, sources: document.sources, partnerships: document.partnerships };
}

/**
 * The partnerships a Repère point takes part in (its id is in one of their locations), for a
 * link from the point's detail page.
 * @example partnershipsForPoint(partnerships, 'service_canada:3220').map((p) => p.id) // ['picton-shared-office']
 */
export function partnershipsForPoint(catalogue: PartnershipCatalogue, pointId: string): Partnership[] {
  return catalogue.partnerships.filter((p) => p.locations.some((l) => l.point_ids.includes(pointId)));
}
