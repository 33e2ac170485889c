import type { JurisdictionLevel } from '../domain/jurisdiction.js';
import type { ProvinceCode } from '../domain/province.js';

// The shapes of data/catalogue/services.json and life-events.json (their JSON Schemas are
// beside them). Field names are the files' own (snake_case): the catalogue is data that
// people edit, and the API returns parts of it as they are.

/** Text in both official languages; the catalogue always has both. */
export interface Bilingual {
  en: string;
  fr: string;
}

/** Order of government of a catalogue service; `provincial` stands for provincial or territorial. */
export type CatalogueLevel = 'federal' | 'provincial' | 'municipal' | 'indigenous';

/** How a body can be reached. `mail` is paper forms; `outreach` scheduled visits. */
export type ContactChannel = 'in_person' | 'outreach' | 'phone' | 'digital' | 'mail';

/**
 * Where one fact comes from. Verified: checked on `last_verified` (for a value read from a
 * bundled data file, that file's retrieval date); unverified: `last_verified` is null and the
 * page must say so.
 */
export interface Fact {
  value: string;
  source_url: string;
  /** Repository path of the bundled data file the value was read from. */
  source_file?: string;
  /** Row and column of the value in `source_file`. */
  source_location?: string;
  publisher?: string;
  last_verified: string | null;
  status: 'verified' | 'unverified';
}

/** The contact facts a body can have, plus `name`: that this body handles the service there. */
export type FactKey = 'name' | 'phone' | 'tty' | 'url';

/** Which Repère points are a body's in-person points; every filter given applies. */
export interface PointSelector {
  layers?: string[];
  organizations?: string[];
  service_types?: string[];
  levels?: JurisdictionLevel[];
  channels?: Array<'in_person' | 'outreach'>;
}

/** Who handles a service (in one province, or everywhere). */
export interface Body {
  name: Bilingual;
  /** When the body is of another order of government than its service. */
  jurisdiction_level?: CatalogueLevel;
  /** As printed in Canada: "1-800-622-6232". */
  phone?: string;
  tty?: string;
  url?: string;
  channels: ContactChannel[];
  /** null: Repère holds no in-person point of this body. */
  points: PointSelector | null;
  note?: Bilingual;
  /** Id of a partnership in data/partnerships/partnerships.json. */
  partnership?: string;
  facts: { name: Fact } & Partial<Record<Exclude<FactKey, 'name'>, Fact>>;
}

export interface CatalogueService {
  id: string;
  name: Bilingual;
  description: Bilingual;
  synonyms: { en: string[]; fr: string[] };
  jurisdiction_level: CatalogueLevel;
  /** Who handles it everywhere unless `bodies` names someone else for a province. */
  body?: Body;
  /** Per province/territory; all 13 for provincial services. */
  bodies?: Partial<Record<ProvinceCode, Body>>;
  note?: Bilingual;
  related?: string[];
}

export interface LifeEvent {
  id: string;
  name: Bilingual;
  description: Bilingual;
  synonyms: { en: string[]; fr: string[] };
  /** Service ids in the order a person would do them. */
  services: string[];
}

/** The loaded, validated catalogue. */
export interface Catalogue {
  version: string;
  updated: string;
  services: readonly CatalogueService[];
  lifeEvents: readonly LifeEvent[];
  /** Services by id. */
  byId: ReadonlyMap<string, CatalogueService>;
  lifeEventsById: ReadonlyMap<string, LifeEvent>;
}

/** Thrown when a catalogue file is missing, not JSON, or breaks its schema or cross-references. */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly string[],
  ) {
    super(
      `${file} is not a valid catalogue (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((issue) => `  - ${issue}`).join('\n') +
        '\nFix the file (its JSON Schema and README.md are beside it) and restart.',
    );
    this.name = 'CatalogueError';
  }
}

/**
 * The body that handles `service` in `province` (a province's own entry, else the service's
 * default body); null for a provincial service when the province is unknown.
 * @example bodyFor(healthCard, 'ON')?.name.en // 'ServiceOntario'
 */
export function bodyFor(service: CatalogueService, province: ProvinceCode | null): Body | null {
  const own = province ? service.bodies?.[province] : undefined;
  return own ?? service.body ?? null;
}

/**
 * The order of government that handles `service` there: the body's own level when it names
 * one, else the service's; provincial services in a territory are `territorial`.
 * @example levelIn(healthCard, healthCard.bodies.NU, 'NU') // 'territorial'
 */
export function levelIn(service: CatalogueService, body: Body | null, province: ProvinceCode | null): JurisdictionLevel {
  const level = body?.jurisdiction_level ?? service.jurisdiction_level;
  if (level === 'provincial' && (province === 'YT' || province === 'NT' || province === 'NU')) return 'territorial';
  return level;
}

/** Every fact of a body, with its key. */
export function factsOf(body: Body): Array<[FactKey, Fact]> {
  return (Object.entries(body.facts) as Array<[FactKey, Fact | undefined]>).filter(
    (entry): entry is [FactKey, Fact] => entry[1] !== undefined,
  );
}
