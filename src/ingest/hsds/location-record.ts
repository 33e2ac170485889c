import { bilingual, type BilingualText } from '../../domain/bilingual-text.js';
import { weekdayName, WEEKDAYS, type Weekday } from '../../domain/opening-hours.js';
import { SERVICE_TYPES } from '../../domain/service-type.js';
import { taxonomyTermUuid } from '../../hsds/hsds-ids.js';
import {
  profileTermCodeOf,
  REPERE_ORGANIZATION_ID_TYPE,
  type ProfileTermCode,
} from '../../hsds/profile-terms.js';
import { parseLanguages } from '../normalise/languages.js';
import type { CanonicalRow } from '../source-row.js';
import type { Cells, LinkedAttribute, LinkedLocation } from './link-package.js';

/** One HSDS location made ready for the ingest pipeline, with what the pipeline cannot carry. */
export interface LocationRecord {
  /** Data row in the location table: the row number of the record's import issues. */
  row: number;
  locationId: string;
  /** The cells the pipeline normalises (canonical open-data layout). */
  canonical: CanonicalRow;
  /** Everything the package says about the location, kept as the record's raw data. */
  raw: Record<string, string>;
  /** Canonical-profile values of the location (attributes of Repère's profile taxonomy). */
  profile: Partial<Record<ProfileTermCode, string>>;
  /** True when the location carries Repère provenance (a package Repère wrote). */
  isRepere: boolean;
  organization: { repereId: string | null; name: BilingualText } | null;
  /** Language codes of the location's language rows (ISO 639), in table order. */
  languages: string[];
  /** `state_province` of the address exactly as published. */
  addressProvince: string;
}

const SERVICE_TYPE_BY_TERM: ReadonlyMap<string, string> = new Map(
  SERVICE_TYPES.map((t) => [taxonomyTermUuid(t.id), t.id]),
);

const cell = (cells: Cells | null | undefined, column: string): string => (cells?.[column] ?? '').trim();

/** Profile values of one entity's attributes; the first value of a term wins. */
function profileValues(
  attributes: readonly LinkedAttribute[],
  entity: LinkedAttribute['entity'],
): Partial<Record<ProfileTermCode, string>> {
  const values: Partial<Record<ProfileTermCode, string>> = {};
  for (const { entity: e, cells } of attributes) {
    if (e !== entity) continue;
    const code = profileTermCodeOf(cell(cells, 'taxonomy_term_id'));
    const value = cell(cells, 'value');
    if (code && value && values[code] === undefined) values[code] = value;
  }
  return values;
}

/**
 * The location's phones as one cell the phone parser reads, each number after a label that
 * gives its kind: HSDS `type` fax → "Fax:", textphone → "TTY:", a voice line described as
 * toll-free → "Toll-free:", else "Tel:" (the number then decides: 1-800 numbers are toll-free).
 */
export function phoneCell(phones: readonly Cells[]): string {
  return phones
    .flatMap((phone) => {
      const number = cell(phone, 'number').replace(/^"+|"+$/g, '');
      if (!number) return [];
      const type = cell(phone, 'type').toLowerCase();
      const label =
        type === 'fax'
          ? 'Fax:'
          : type === 'textphone' || type === 'tty'
            ? 'TTY:'
            : /toll[\s-]?free|sans[\s-]+frais/i.test(cell(phone, 'description'))
              ? 'Toll-free:'
              : 'Tel:';
      const extension = cell(phone, 'extension');
      return [`${label} ${number}${extension ? ` ext. ${extension}` : ''}`];
    })
    .join('; ');
}

/**
 * Hours text the hours parser reads, from HSDS schedules: "Monday, Tuesday 09:00 to 17:00"
 * for a weekly opening, else the schedule's description; notes follow, each once.
 */
export function hoursFromSchedules(schedules: readonly Cells[]): string {
  const parts: string[] = [];
  const notes: string[] = [];
  for (const schedule of schedules) {
    const days = cell(schedule, 'byday')
      .split(',')
      .map((d) => d.trim().toUpperCase())
      .filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
    const opens = cell(schedule, 'opens_at').slice(0, 5);
    const closes = cell(schedule, 'closes_at').slice(0, 5);
    if (days.length > 0 && /^\d\d:\d\d$/.test(opens) && /^\d\d:\d\d$/.test(closes)) {
      parts.push(`${days.map((d) => weekdayName(d, 'en')).join(', ')} ${opens} to ${closes}`);
    } else if (cell(schedule, 'description')) {
      parts.push(cell(schedule, 'description'));
    }
    const note = cell(schedule, 'notes');
    if (note && !notes.includes(note)) notes.push(note);
  }
  return [...parts, ...notes].join('; ');
}

/** ISO 639 codes of language rows: the code when it looks like one, else the language's name read as words. */
export function languageCodes(languages: readonly Cells[]): string[] {
  const codes: string[] = [];
  for (const language of languages) {
    const code = cell(language, 'code').toLowerCase();
    const found = /^[a-z]{2,3}(?:-[a-z0-9]+)*$/.test(code)
      ? [code.split('-')[0]]
      : parseLanguages(cell(language, 'name'));
    for (const c of found) if (!codes.includes(c)) codes.push(c);
  }
  return codes;
}

/** Rows flattened into the raw record as `prefix.column` (first row) and `prefix[2].column` …, non-empty cells only. */
function addRows(raw: Record<string, string>, prefix: string, rows: readonly (Cells | null)[]): void {
  rows.forEach((row, i) => {
    if (!row) return;
    const at = i === 0 ? prefix : `${prefix}[${i + 1}]`;
    for (const [column, value] of Object.entries(row))
      if (value.trim() !== '') raw[`${at}.${column}`] = value;
  });
}

/** Attributes as `attribute.<term>` (location), `organization.attribute.<term>`, `service.attribute.<term>`. */
function addAttributes(raw: Record<string, string>, attributes: readonly LinkedAttribute[]): void {
  for (const { entity, cells, term } of attributes) {
    const termId = cell(cells, 'taxonomy_term_id');
    const label = profileTermCodeOf(termId) ?? (cell(term, 'code') || cell(term, 'name') || termId);
    const value = cell(cells, 'value') || cell(term, 'name') || termId;
    const key = `${entity === 'location' ? '' : `${entity}.`}attribute.${label}`;
    raw[key] = raw[key] && raw[key] !== value ? `${raw[key]}; ${value}` : value;
  }
}

/** The address to use: the first physical one, else the first. */
function mainAddress(addresses: readonly Cells[]): Cells | null {
  return addresses.find((a) => cell(a, 'address_type').toLowerCase() === 'physical') ?? addresses[0] ?? null;
}

/**
 * A linked HSDS location as a LocationRecord: the canonical cells (name, address, phones,
 * e-mail, web, coordinates, hours, languages, service types and, for Repère's own packages,
 * the profile fields the canonical layout has), the raw record (every cell of the location,
 * then of each related row, extra columns included) and the profile values the pipeline has
 * no cell for. A location without a name takes its first service's, else its organization's.
 */
export function locationRecord(linked: LinkedLocation): LocationRecord {
  const { location, organization } = linked;
  const profile = profileValues(linked.attributes, 'location');
  const organizationProfile = profileValues(linked.attributes, 'organization');
  const isRepere = profile.source_id !== undefined;
  const address = mainAddress(linked.addresses);
  const services = linked.services.map((s) => s.service);

  const serviceTypes: string[] = [];
  for (const { entity, cells } of linked.attributes) {
    const type =
      entity === 'service'
        ? SERVICE_TYPE_BY_TERM.get(cell(cells, 'taxonomy_term_id').toLowerCase())
        : undefined;
    if (type && !serviceTypes.includes(type)) serviceTypes.push(type);
  }
  const languages = languageCodes(linked.languages);

  const canonical: CanonicalRow = {};
  const set = (field: keyof CanonicalRow, value: string | undefined): void => {
    if (value !== undefined && value.trim() !== '') canonical[field] = value.trim();
  };
  set('id', profile.source_record_id ?? cell(location, 'id'));
  if (isRepere) {
    set('name', profile.name_en);
    set('name_fr', profile.name_fr);
  } else {
    set(
      'name',
      cell(location, 'name') ||
        services.map((s) => cell(s, 'name')).find(Boolean) ||
        cell(organization, 'name'),
    );
    set('description', cell(location, 'description'));
  }
  set('organization', cell(organization, 'name'));
  set('street', cell(address, 'address_1'));
  set('street2', cell(address, 'address_2'));
  set('city', cell(address, 'city'));
  set('province', cell(address, 'state_province'));
  set('postal_code', cell(address, 'postal_code'));
  set('phone', phoneCell(linked.phones));
  set('email', linked.contacts.map((c) => cell(c, 'email')).find(Boolean));
  set(
    'website',
    isRepere
      ? cell(location, 'url')
      : cell(location, 'url') ||
          services.map((s) => cell(s, 'url')).find(Boolean) ||
          cell(organization, 'website'),
  );
  set('latitude', cell(location, 'latitude'));
  set('longitude', cell(location, 'longitude'));
  set('hours', profile.hours_text ?? hoursFromSchedules(linked.schedules));
  set('languages', languages.join(' '));
  set('service_type', serviceTypes.join(';'));
  set('jurisdiction_level', profile.jurisdiction_level);
  set(
    'channel',
    profile.channel ?? (cell(location, 'location_type').toLowerCase() === 'virtual' ? 'digital' : undefined),
  );
  set('csd_code', profile.csd_code);
  set('location_precision', profile.geocode_precision);
  set('layer', profile.layer);
  set('role', profile.role);

  const raw: Record<string, string> = { ...location };
  addRows(raw, 'organization', [organization]);
  addRows(raw, 'address', linked.addresses);
  addRows(raw, 'phone', linked.phones);
  addRows(raw, 'contact', linked.contacts);
  addRows(raw, 'schedule', linked.schedules);
  addRows(raw, 'language', linked.languages);
  addRows(raw, 'accessibility', linked.accessibility);
  addRows(
    raw,
    'service_at_location',
    linked.services.map((s) => s.sal),
  );
  addRows(raw, 'service', services);
  addAttributes(raw, linked.attributes);

  const repereId = linked.organizationIdentifiers.find(
    (i) => cell(i, 'identifier_type') === REPERE_ORGANIZATION_ID_TYPE,
  );
  const organizationName = bilingual(organizationProfile.name_en ?? '', organizationProfile.name_fr ?? '');
  return {
    row: linked.row,
    locationId: cell(location, 'id'),
    canonical,
    raw,
    profile,
    isRepere,
    organization: organization
      ? {
          repereId: repereId ? cell(repereId, 'identifier') || null : null,
          name:
            organizationName.en || organizationName.fr
              ? organizationName
              : { en: cell(organization, 'name') },
        }
      : null,
    languages,
    addressProvince: cell(address, 'state_province'),
  };
}
