import { readFile } from 'node:fs/promises';
import { foldText } from '../domain/text.js';
import { CANONICAL_FIELDS } from './source-row.js';
import type { CanonicalField, CanonicalRow, SourceRow } from './source-row.js';

/** A mapping file as written by hand: canonical field → source header(s). */
export interface MappingFile {
  columns: Partial<Record<CanonicalField, string | string[]>>;
}

/** Which source headers feed each canonical field, and the headers left over. */
export interface ColumnMapping {
  fields: Partial<Record<CanonicalField, string[]>>;
  unmapped: string[];
}

/**
 * Header names seen in Canadian open-data exports, French and English, most specific first:
 * when two headers of one file match the same field, the one earlier in its list wins.
 * Compared after headerKey(), so case, accents, spaces, "_" and punctuation do not matter.
 */
export const HEADER_SYNONYMS: Readonly<Record<CanonicalField, readonly string[]>> = {
  id: [
    'id',
    'identifier',
    'identifiant',
    'objectid',
    'fid',
    'source_id',
    'gid',
    'ogc_fid',
    'uid',
    'site id',
    'location id',
    'facility id',
    'office id',
    'unique id',
    'identifiant unique',
  ],
  name: [
    'name',
    'nom',
    'facility name',
    'location name',
    'site name',
    'centre name',
    'center name',
    'nom du lieu',
    "nom de l'établissement",
    'branch name',
    'office name',
    'library name',
    'name_en',
    'nom_en',
    'english name',
    'nom anglais',
    'nom du site',
    'nom du centre',
    'nom du bureau',
    'nom de la succursale',
    'nom de la bibliothèque',
  ],
  name_fr: ['name_fr', 'nom_fr', 'french name', 'nom français', 'nom en français', 'name french'],
  organization: [
    'organization',
    'organisation',
    'agency',
    'agence',
    'ministry',
    'ministère',
    'department',
    'département',
    'library system',
    'organization name',
    "nom de l'organisation",
    'organisme',
    'provider',
    'fournisseur',
    'operator',
    'exploitant',
  ],
  description: ['description', 'desc', 'descriptif', 'details', 'détails', 'summary', 'résumé'],
  street: [
    'street address',
    'adresse civique',
    'address',
    'adresse',
    'street',
    'rue',
    'civic address',
    'address line 1',
    'mailing address',
    'adresse postale',
    'address1',
    'adresse 1',
    'adresse ligne 1',
    'addr',
    'adresse municipale',
    'physical address',
    'adresse physique',
  ],
  street2: [
    'street2',
    'address line 2',
    'address2',
    'adresse 2',
    'adresse ligne 2',
    'suite',
    'unit',
    'unité',
    'bureau',
    'local',
  ],
  city: [
    'city',
    'ville',
    'municipality',
    'municipalité',
    'town',
    'city/town',
    'community',
    'communauté',
    'locality',
    'localité',
    'city name',
    'nom de la municipalité',
  ],
  province: [
    'province',
    'prov',
    'province_code',
    'province code',
    'code de province',
    'province or territory',
    'province ou territoire',
    'province/territoire',
    'province/territory',
    'prov/terr',
    'territoire',
    'state',
    'state/province',
  ],
  postal_code: ['postal code', 'code postal', 'postcode', 'postal', 'zip', 'zip code', 'cp'],
  phone: [
    'phone',
    'téléphone',
    'tel',
    'phone number',
    'numéro de téléphone',
    'telephone number',
    'no de téléphone',
    'primary phone',
    'téléphone principal',
    'contact phone',
  ],
  toll_free: [
    'toll free',
    'sans frais',
    'toll free number',
    'toll free phone',
    'numéro sans frais',
    'ligne sans frais',
    'téléphone sans frais',
  ],
  fax: ['fax', 'télécopieur', 'téléc', 'fax number', 'numéro de télécopieur', 'télécopie'],
  email: [
    'email',
    'courriel',
    'mail',
    'adresse courriel',
    'email address',
    'adresse électronique',
    'courrier électronique',
  ],
  website: [
    'website',
    'web',
    'url',
    'site web',
    'site internet',
    'link',
    'lien',
    'webpage',
    'homepage',
    'page web',
    'site url',
    'adresse web',
  ],
  latitude: [
    'latitude',
    'lat',
    'y',
    'y coordinate',
    'coord y',
    'y coord',
    'coordonnée y',
    'point y',
    'latitude dd',
  ],
  longitude: [
    'longitude',
    'lon',
    'long',
    'lng',
    'x',
    'x coordinate',
    'coord x',
    'x coord',
    'coordonnée x',
    'point x',
    'longitude dd',
  ],
  hours: [
    'hours',
    'heures',
    "heures d'ouverture",
    'opening hours',
    'horaire',
    'horaires',
    'hours of operation',
    "heures d'affaires",
    'business hours',
  ],
  languages: [
    'languages',
    'langues',
    'service languages',
    'langues de service',
    'language',
    'langue',
    'langue de service',
    'languages of service',
    'langues offertes',
  ],
  service_type: [
    'service type',
    'type de service',
    'type',
    'category',
    'catégorie',
    'site type',
    'type de site',
    'facility type',
    "type d'établissement",
    'location type',
    'type de lieu',
  ],
  jurisdiction_level: [
    'jurisdiction level',
    'jurisdiction',
    'level of government',
    'order of government',
    'ordre de gouvernement',
    'niveau de gouvernement',
    'palier de gouvernement',
  ],
  channel: [
    'channel',
    'canal',
    'service channel',
    'canal de service',
    'delivery channel',
    'mode de prestation',
  ],
  csd_code: ['csduid', 'csd code', 'csd_code', 'code sdr', 'csd uid', 'sdruid', 'csd'],
  // The column Repère's own export writes, so that export → import keeps the precision.
  layer: ['layer', 'couche'],
  role: ['role', 'rôle'],
  location_precision: [
    'location precision',
    'location_precision',
    'precision',
    'précision',
    'geocode precision',
    'précision de la localisation',
    'location accuracy',
  ],
};

// Normalised header key → the canonical field it names and its rank in that field's list.
const SYNONYM_INDEX: ReadonlyMap<string, { field: CanonicalField; rank: number }> = new Map(
  CANONICAL_FIELDS.flatMap((field) =>
    HEADER_SYNONYMS[field].map((name, rank) => [headerKey(name), { field, rank }] as const),
  ),
);

/**
 * A header reduced to letters and digits: case, accents, spaces, "_" and punctuation removed.
 * @example headerKey("Nom de l'Établissement") // 'nomdeletablissement'
 */
export function headerKey(header: string): string {
  return foldText(header).replace(/ /g, '');
}

/**
 * Decides which source headers feed each canonical field: the explicit mapping first (a
 * field mapped to `[]` is left unmapped on purpose), then French/English header synonyms.
 * Each header feeds at most one field. Throws when the mapping names a header the file lacks.
 * @example mapColumns(['nom', 'Ville', 'code_postal']).fields // { name: ['nom'], city: ['Ville'], postal_code: ['code_postal'] }
 */
export function mapColumns(headers: readonly string[], explicit?: MappingFile): ColumnMapping {
  const chosen = new Map<CanonicalField, string[]>();
  // Header → the field it feeds; every header feeds one field at most.
  const used = new Map<string, CanonicalField>();
  for (const field of CANONICAL_FIELDS) {
    const wanted = explicit?.columns[field];
    if (wanted === undefined) continue;
    const names = (typeof wanted === 'string' ? [wanted] : wanted).map((name) =>
      findHeader(headers, name, field),
    );
    for (const name of names) {
      const other = used.get(name);
      if (other !== undefined) {
        throw new Error(
          `Mapping: the column "${name}" is mapped to both "${other}" and "${field}"; map each column to one field.`,
        );
      }
      used.set(name, field);
    }
    chosen.set(field, names);
  }

  const bySynonym = new Map<CanonicalField, { header: string; rank: number }>();
  for (const header of headers) {
    if (used.has(header)) continue;
    const match = SYNONYM_INDEX.get(headerKey(header));
    if (match === undefined || chosen.has(match.field)) continue;
    const current = bySynonym.get(match.field);
    if (current === undefined || match.rank < current.rank)
      bySynonym.set(match.field, { header, rank: match.rank });
  }
  for (const [field, { header }] of bySynonym) {
    chosen.set(field, [header]);
    used.set(header, field);
  }

  const fields: ColumnMapping['fields'] = {};
  for (const field of CANONICAL_FIELDS) {
    const names = chosen.get(field);
    if (names !== undefined && names.length > 0) fields[field] = names;
  }
  return { fields, unmapped: headers.filter((header) => !used.has(header)) };
}

/** The header the mapping means: exact spelling first, then the same headerKey. */
function findHeader(headers: readonly string[], name: string, field: CanonicalField): string {
  if (headers.includes(name)) return name;
  const key = headerKey(name);
  const match = headers.find((header) => headerKey(header) === key);
  if (match !== undefined) return match;
  throw new Error(
    `Mapping: field "${field}" names the column "${name}", but the file has no such column. ` +
      `Its columns are: ${headers.map((header) => `"${header}"`).join(', ')}. Fix the name in the mapping file.`,
  );
}

/**
 * Turns a source row into canonical fields: the non-empty cells of each field's headers
 * joined with ", " (street + suite → "500 George Street, Suite 100"). Fields with no text
 * are left out. When neither latitude nor longitude has text, the row's point geometry
 * fills both.
 * @example applyMapping({ row: 1, fields: { nom: 'Bibliothèque Benny' } }, { fields: { name: ['nom'] }, unmapped: [] }) // { name: 'Bibliothèque Benny' }
 */
export function applyMapping(row: SourceRow, mapping: ColumnMapping): CanonicalRow {
  const result: CanonicalRow = {};
  const { fields } = row;
  for (const field of CANONICAL_FIELDS) {
    const headers = mapping.fields[field];
    if (headers === undefined) continue;
    // Speed: runs for every field of every row; plain loops, and no array for one column.
    let text = '';
    for (let i = 0; i < headers.length; i++) {
      const value = (fields[headers[i]!] ?? '').trim();
      if (value !== '') text = text === '' ? value : `${text}, ${value}`;
    }
    if (text !== '') result[field] = text;
  }
  // Coordinates come as a pair: one half from a column and the other from the geometry
  // would make a point nobody recorded, so the geometry only fills a row with neither.
  if (row.geometry && result.latitude === undefined && result.longitude === undefined) {
    result.latitude = String(row.geometry.lat);
    result.longitude = String(row.geometry.lon);
  }
  return result;
}

/**
 * Reads and checks a JSON mapping file (`{ "columns": { "name": "Nom du lieu", "street":
 * ["Adresse", "Bureau"] } }`); throws an Error naming any unknown field or non-string header.
 * @example await loadMappingFile('mappings/ns-works.json') // { columns: { name: 'centre_name' } }
 */
export async function loadMappingFile(path: string): Promise<MappingFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(
      `${path}: cannot read the mapping file (${error instanceof Error ? error.message : String(error)}).`,
      {
        cause: error,
      },
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(
      `${path}: the mapping file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      {
        cause: error,
      },
    );
  }
  if (!isRecord(document) || !isRecord(document.columns)) {
    throw new Error(
      `${path}: expected {"columns": {"<field>": "<header>" or ["<header>", ...]}}; "columns" is missing or not an object.`,
    );
  }
  const known: ReadonlySet<string> = new Set(CANONICAL_FIELDS);
  const columns: MappingFile['columns'] = {};
  for (const [field, value] of Object.entries(document.columns)) {
    if (!known.has(field)) {
      throw new Error(
        `${path}: unknown field "${field}" in "columns". Known fields: ${CANONICAL_FIELDS.join(', ')}.`,
      );
    }
    const isHeaderList = Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (typeof value !== 'string' && !isHeaderList) {
      throw new Error(
        `${path}: field "${field}" must map to a header name (a string) or a list of header names, found ${JSON.stringify(value)}.`,
      );
    }
    columns[field as CanonicalField] = value as string | string[];
  }
  return { columns };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
