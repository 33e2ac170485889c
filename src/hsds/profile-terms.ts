import { PROFILE_TAXONOMY_UUID, profileTermUuid } from './hsds-ids.js';

// Repère's Canadian profile (DESIGN.md "Data model") as HSDS 3.0 attributes. HSDS has no
// column for the order of government, the channel, the geocode's precision or the record's
// provenance, and one string per text field; its extension point is the `attribute` table,
// whose rows link any record (`link_entity`, `link_id`) to a taxonomy term with a `value`.
// Each profile field is one term of the taxonomy below, and each known value one attribute
// row, so a package stays valid HSDS and still carries everything a Repère record holds.

/** The `taxonomy.name` of the profile terms. */
export const PROFILE_TAXONOMY_NAME = 'repere_canadian_profile';

/** The `attribute.link_type` of every profile attribute. */
export const PROFILE_LINK_TYPE = 'repere_profile';

/** How `organization_identifier.identifier_type` names Repère's own organization id. */
export const REPERE_ORGANIZATION_ID_TYPE = 'repere_organization_id';

/** The HSDS tables profile attributes describe. */
export type ProfileEntity = 'location' | 'organization' | 'service';

export interface ProfileTerm {
  /** `taxonomy_term.code`, the field's name. */
  code: string;
  name: string;
  description: string;
  entities: readonly ProfileEntity[];
}

/** Every profile term, in the order a record's attributes are written. */
export const PROFILE_TERMS = [
  {
    code: 'name_en',
    name: 'Name in English',
    description: 'The name in English, when known. HSDS `name` holds the English name, else the French one.',
    entities: ['location', 'organization', 'service'],
  },
  {
    code: 'name_fr',
    name: 'Name in French / Nom en français',
    description: 'The name in French, when known.',
    entities: ['location', 'organization', 'service'],
  },
  {
    code: 'description_en',
    name: 'Description in English',
    description: 'The description in English, when known.',
    entities: ['location'],
  },
  {
    code: 'description_fr',
    name: 'Description in French / Description en français',
    description: 'The description in French, when known.',
    entities: ['location'],
  },
  {
    code: 'layer',
    name: 'Map layer',
    description: 'Repère map and analysis layer, e.g. service_canada, libraries, healthcare.',
    entities: ['location'],
  },
  {
    code: 'role',
    name: 'Role',
    description:
      'service_point (a public government service point), facility (hospital, arena) or candidate_site (siting analysis only).',
    entities: ['location'],
  },
  {
    code: 'jurisdiction_level',
    name: 'Order of government',
    description: 'federal, provincial, territorial, municipal, indigenous or other.',
    entities: ['location'],
  },
  {
    code: 'jurisdiction_code',
    name: 'Jurisdiction',
    description:
      'CA, a province or territory code (NL … NU), or a 7-digit census subdivision code (municipal).',
    entities: ['location'],
  },
  {
    code: 'channel',
    name: 'Channel',
    description: 'in_person, outreach (a scheduled visit), phone or digital.',
    entities: ['location'],
  },
  {
    code: 'official_languages',
    name: 'Official languages',
    description: 'Official-language designation of the location: en, fr or en+fr.',
    entities: ['location'],
  },
  {
    code: 'time_zone',
    name: 'Time zone',
    description: 'IANA time zone of the location (e.g. America/St_Johns), for opening hours.',
    entities: ['location'],
  },
  {
    code: 'csd_code',
    name: 'Census subdivision',
    description: 'Statistics Canada 2021 census subdivision code (7 digits) of the location.',
    entities: ['location'],
  },
  {
    code: 'hours_text',
    name: 'Hours as published',
    description:
      'Opening hours exactly as the source published them; the schedule rows are read from this text.',
    entities: ['location'],
  },
  {
    code: 'geocode_precision',
    name: 'Location precision',
    description:
      'How precisely latitude/longitude locate the place: building, street, postal_code, fsa, community, csd or none.',
    entities: ['location'],
  },
  {
    code: 'geocode_source',
    name: 'Location source',
    description:
      "Where latitude/longitude come from: source (the publisher's), source_swapped, fsa_centroid, gazetteer, community or csd.",
    entities: ['location'],
  },
  {
    code: 'geocode_label',
    name: 'Location label',
    description: 'What an approximate location stands for, e.g. "FSA V9W" or "Campbell River, BC".',
    entities: ['location'],
  },
  {
    code: 'source_id',
    name: 'Source',
    description: 'Id of the Repère source the record was imported from (see datapackage.json "sources").',
    entities: ['location'],
  },
  {
    code: 'source_record_id',
    name: 'Record id in the source',
    description: "The record's id in its source file.",
    entities: ['location'],
  },
  {
    code: 'licence',
    name: 'Licence',
    description: "The licence of the record's source.",
    entities: ['location'],
  },
  {
    code: 'retrieved_at',
    name: 'Retrieved',
    description: 'When the source was retrieved (ISO 8601).',
    entities: ['location'],
  },
  {
    code: 'last_verified',
    name: 'Last verified',
    description: 'When the record was last verified with its publisher (ISO 8601); absent when never.',
    entities: ['location'],
  },
] as const satisfies readonly ProfileTerm[];

export type ProfileTermCode = (typeof PROFILE_TERMS)[number]['code'];

/** A profile term's code by its `taxonomy_term.id`. */
const CODE_BY_UUID: ReadonlyMap<string, ProfileTermCode> = new Map(
  PROFILE_TERMS.map((term) => [profileTermUuid(term.code), term.code]),
);

/** The profile term a `taxonomy_term_id` names, or undefined for any other term. */
export function profileTermCodeOf(taxonomyTermId: string): ProfileTermCode | undefined {
  return CODE_BY_UUID.get(taxonomyTermId.toLowerCase());
}

/** The HSDS `taxonomy` row of the profile terms. */
export const PROFILE_TAXONOMY = {
  id: PROFILE_TAXONOMY_UUID,
  name: PROFILE_TAXONOMY_NAME,
  description:
    "Repère's Canadian profile of HSDS: order of government, channel, geocode precision, official languages and provenance, one term per field (attribute.value holds the value).",
} as const;
