import { bilingual } from '../../domain/bilingual-text.js';
import { normaliseEmail } from '../../domain/email.js';
import { parsePhones } from '../../domain/phone.js';
import type { Phone } from '../../domain/phone.js';
import { normalisePostalCode, provincesForFsa, fsaFromPostalCode } from '../../domain/postal-code.js';
import { isChannel, isJurisdictionLevel } from '../../domain/jurisdiction.js';
import type { Channel, JurisdictionLevel } from '../../domain/jurisdiction.js';
import { serviceTypeById } from '../../domain/service-type.js';
import { PROVINCES, provinceFromText } from '../../domain/province.js';
import type { ProvinceCode } from '../../domain/province.js';
import type { RowIssue } from '../../domain/row-issue.js';
import { POINT_ROLES } from '../../domain/service-point.js';
import type { Address, OfficialLanguages, PointRole, ServicePoint } from '../../domain/service-point.js';
import { cleanText, foldText } from '../../domain/text.js';
import { normaliseUrl } from '../../domain/url.js';
import type { RecordDefaults } from '../profile/source-profile.js';
import type { CanonicalRow } from '../source-row.js';
import { digestOf } from './digest.js';
import { foldRecent } from './fold-recent.js';
import { isYes, parseLanguages } from './languages.js';

/** A record with every field normalised, before it is located and deduplicated. */
export type DraftPoint = Omit<ServicePoint, 'geocode'>;

export interface NormaliseContext {
  sourceId: string;
  licence: string;
  retrievedAt: string;
  lastVerified: string | null;
  /** Raw field carrying languages or a "French services" Y/N flag, if any. */
  languagesField?: string;
  nameTemplate?: { en: string; fr: string };
}

export interface NormalisedRow {
  /** null when the row must be rejected (an `error` issue says why). */
  draft: DraftPoint | null;
  issues: RowIssue[];
}

/**
 * Turns a mapped row into a DraftPoint: trims and cleans text, canonicalises postal code,
 * phones, e-mail, URL and province, and reports every value it had to drop. Only a
 * missing name rejects a row; bad optional values are dropped with a warning (the raw row
 * keeps them).
 */
export function normaliseRecord(
  rowNumber: number,
  row: CanonicalRow,
  raw: Record<string, string>,
  defaults: RecordDefaults,
  context: NormaliseContext,
): NormalisedRow {
  const issues: RowIssue[] = [];
  const warn = (field: string, code: RowIssue['code'], message: string): void => {
    issues.push({ row: rowNumber, field, code, severity: 'warning', message });
  };

  // The main name column is in the source's own language; `name_fr` is always French.
  const textLanguage = defaults.textLanguage ?? 'en';
  const mainName = clean(row.name);
  let nameEn = textLanguage === 'en' ? mainName : '';
  let nameFr = clean(row.name_fr) || (textLanguage === 'fr' ? mainName : '');
  if (!nameEn && !nameFr) {
    issues.push({
      row: rowNumber,
      field: 'name',
      code: 'missing_required',
      severity: 'error',
      message: 'the name is empty; every service point needs a name (row rejected)',
    });
    return { draft: null, issues };
  }

  let postalCode: string | undefined;
  const postalCell = clean(row.postal_code);
  if (postalCell) {
    const canonical = normalisePostalCode(postalCell);
    if (canonical) postalCode = canonical;
    else warn('postal_code', 'invalid_postal_code', `"${postalCell}" is not a Canadian postal code (A1A 1A1); dropped`);
  }

  const province = resolveProvince(row.province, defaults.province, postalCode, warn);

  const address: Address = { country: 'CA' };
  const street = [clean(row.street), clean(row.street2)].filter(Boolean).join(', ');
  if (street) address.street = street;
  const city = clean(row.city);
  if (city) address.city = city;
  if (province) address.province = province;
  if (postalCode) address.postalCode = postalCode;

  const phones: Phone[] = [];
  const phoneCells: Array<['phone' | 'toll_free' | 'fax', Phone['kind'] | undefined]> = [
    ['phone', undefined],
    ['toll_free', 'toll_free'],
    ['fax', 'fax'],
  ];
  for (const [field, kind] of phoneCells) {
    const cell = clean(row[field]);
    if (!cell) continue;
    const parsed = parsePhones(cell, kind);
    phones.push(...parsed.phones);
    for (const bad of parsed.invalid) warn(field, 'invalid_phone', `"${bad}" is not a valid phone number; dropped`);
  }

  const sourceRecordId =
    clean(row.id) || contentId(nameEn || nameFr, street, city, postalCode, `${clean(row.latitude)}|${clean(row.longitude)}`);
  if (context.nameTemplate && mainName) {
    nameEn = context.nameTemplate.en.replace('{name}', mainName);
    nameFr = context.nameTemplate.fr.replace('{name}', mainName);
  }
  const organizationName = clean(row.organization);
  const point: DraftPoint = {
    id: `${context.sourceId}:${sourceRecordId}`,
    layer: clean(row.layer) || defaults.layer,
    role: rowRole(row.role) ?? defaults.role,
    name: bilingual(nameEn, nameFr),
    organization: organizationName
      ? { id: `${context.sourceId}:${foldText(organizationName).replace(/ /g, '-')}`, name: textIn(textLanguage, organizationName) }
      : defaults.organization,
    jurisdictionLevel: rowLevel(row.jurisdiction_level) ?? defaults.jurisdictionLevel,
    jurisdictionCode: jurisdictionCode(defaults.jurisdictionCode, province),
    channel: rowChannel(row.channel) ?? defaults.channel,
    serviceTypes: rowServiceTypes(row.service_type) ?? defaults.serviceTypes,
    address,
    phones,
    languages: resolveLanguages(row.languages, context.languagesField ? raw[context.languagesField] : undefined, defaults.languages),
    provenance: {
      sourceId: context.sourceId,
      sourceRecordId,
      licence: context.licence,
      retrievedAt: context.retrievedAt,
      lastVerified: context.lastVerified,
      row: rowNumber,
      raw,
    },
  };
  const official = officialLanguages(point.languages);
  if (official) point.officialLanguages = official;
  if (province) point.timeZone = PROVINCES[province].timeZone;

  const description = clean(row.description);
  if (description) point.description = textIn(textLanguage, description);
  const hours = clean(row.hours);
  if (hours) point.hoursText = hours;
  const csd = clean(row.csd_code);
  if (csd && /^\d{7}$/.test(csd)) point.csdCode = csd;

  const emailCell = clean(row.email);
  if (emailCell) {
    const email = normaliseEmail(emailCell);
    if (email) point.email = email;
    else warn('email', 'invalid_email', `"${emailCell}" is not a valid e-mail address; dropped`);
  }
  const urlCell = clean(row.website);
  if (urlCell) {
    const url = normaliseUrl(urlCell);
    if (url) point.url = url;
    else warn('website', 'invalid_url', `"${urlCell}" is not a valid web address; dropped`);
  }
  return { draft: point, issues };
}

// Rows may carry their own order of government, channel and service types (our own
// exports do, and so do well-described open-data files); values outside the vocabulary
// are ignored in favour of the profile's, since the raw row keeps them anyway.
function rowLevel(cell: string | undefined): JurisdictionLevel | null {
  const value = clean(cell).toLowerCase();
  return value && isJurisdictionLevel(value) ? value : null;
}

function rowRole(cell: string | undefined): PointRole | null {
  const value = clean(cell).toLowerCase();
  return (POINT_ROLES as readonly string[]).includes(value) ? (value as PointRole) : null;
}

function rowChannel(cell: string | undefined): Channel | null {
  const value = clean(cell).toLowerCase();
  return value && isChannel(value) ? value : null;
}

function rowServiceTypes(cell: string | undefined): string[] | null {
  const ids = clean(cell)
    .split(/[;|]/)
    .map((id) => id.trim())
    .filter(Boolean);
  return ids.length > 0 && ids.every((id) => serviceTypeById(id)) ? ids : null;
}

function textIn(lang: 'en' | 'fr', text: string): { en: string } | { fr: string } {
  return lang === 'en' ? { en: text } : { fr: text };
}

function clean(cell: string | undefined): string {
  return cell === undefined ? '' : cleanText(cell);
}

function resolveProvince(
  cell: string | undefined,
  fallback: string | undefined,
  postalCode: string | undefined,
  warn: (field: string, code: RowIssue['code'], message: string) => void,
): ProvinceCode | undefined {
  const text = clean(cell);
  if (text) {
    const code = provinceFromText(text);
    if (code) return code;
    warn('province', 'invalid_province', `"${text}" is not a Canadian province or territory; taken from the postal code or source instead`);
  }
  if (fallback) {
    const code = provinceFromText(fallback);
    if (code) return code;
  }
  if (postalCode) {
    const candidates = provincesForFsa(fsaFromPostalCode(postalCode));
    if (candidates.length === 1) return candidates[0];
  }
  return undefined;
}

function jurisdictionCode(configured: string, province: ProvinceCode | undefined): string {
  if (configured !== 'province') return configured;
  return province ?? 'CA';
}

function resolveLanguages(cell: string | undefined, flagOrText: string | undefined, fallback: string[]): string[] {
  const fromCell = cell ? parseLanguages(cell) : [];
  if (fromCell.length > 0) return fromCell;
  if (flagOrText !== undefined && flagOrText.trim() !== '') {
    const named = parseLanguages(flagOrText);
    if (named.length > 0) return named;
    // A yes/no "French services" flag (WorkBC): yes adds French to the defaults.
    return isYes(flagOrText) ? [...new Set([...fallback, 'en', 'fr'])] : fallback;
  }
  return fallback;
}

function officialLanguages(languages: readonly string[]): OfficialLanguages | null {
  const en = languages.includes('en');
  const fr = languages.includes('fr');
  if (en && fr) return 'en+fr';
  if (en) return 'en';
  if (fr) return 'fr';
  return null;
}

/**
 * A stable record id for sources without one: a short hash of the folded name, address and
 * coordinate cells, so re-importing the same file yields the same ids (and exact duplicates
 * collide, which dedupe reports).
 */
export function contentId(name: string, street: string, city: string, postalCode: string | undefined, coordinates: string): string {
  const key = [name, street, city, postalCode ?? '', coordinates].map(foldRecent).join('|');
  return `h${digestOf('sha1', key, 'hex').slice(0, 12)}`;
}
