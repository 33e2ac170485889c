import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_SYNONYMS, applyMapping, headerKey, loadMappingFile, mapColumns } from './column-mapping.js';
import type { ColumnMapping, MappingFile } from './column-mapping.js';
import { CANONICAL_FIELDS } from './source-row.js';
import type { SourceRow } from './source-row.js';

// Header rows copied from the files in data/ and test/fixtures/ingest/.
const WORKBC = [
  'id',
  'name',
  'street_address',
  'city',
  'province_code',
  'postal_code',
  'phone',
  'fax',
  'email',
  'website',
  'catchment_id',
  'catchment_name',
  'storefront_id',
  'french_services',
  'hours',
  'latitude',
  'longitude',
];
const NS_WORKS = [
  'region',
  'centre_name',
  'street_address',
  'suite',
  'po_box',
  'city_town',
  'province_code',
  'postal_code',
  'phone',
  'toll_free',
  'fax',
  'fax2',
  'email',
  'website',
  'latitude',
  'longitude',
];
const FRENCH = [
  'nom',
  'adresse',
  'ville',
  'province',
  'code postal',
  'téléphone',
  'courriel',
  'site web',
  'latitude',
  'longitude',
];
const TORONTO = ['_id', 'BranchName', 'Address', 'PostalCode', 'Telephone', 'Lat', 'Long', 'NBHDName'];
const LIBRARIES = [
  'library_system',
  'branch_name',
  'street_address',
  'city',
  'province_code',
  'postal_code',
  'phone',
  'website',
  'latitude',
  'longitude',
  'coord_origin',
  'source_file',
  'source_id',
];
const SERVICE_CANADA = [
  'sc_id',
  'name',
  'site_type',
  'service_languages',
  'province_code',
  'province',
  'street_address',
  'city',
  'postal_code',
  'url',
  'has_address',
];

describe('headerKey', () => {
  it('ignores case, accents, spaces, underscores and punctuation', () => {
    expect(headerKey("Nom de l'Établissement")).toBe('nomdeletablissement');
    expect(headerKey('  Code_Postal ')).toBe('codepostal');
    expect(headerKey('E-mail')).toBe('email');
    expect(headerKey('City/Town')).toBe('citytown');
    expect(headerKey('TÉLÉC.')).toBe('telec');
  });
});

describe('HEADER_SYNONYMS', () => {
  it('never gives one header key to two fields', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const field of CANONICAL_FIELDS) {
      for (const name of HEADER_SYNONYMS[field]) {
        const key = headerKey(name);
        const other = owner.get(key);
        if (other !== undefined && other !== field) clashes.push(`${name}: ${other} / ${field}`);
        owner.set(key, field);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('maps every canonical field name to itself', () => {
    const mapping = mapColumns(CANONICAL_FIELDS);
    expect(mapping.unmapped).toEqual([]);
    for (const field of CANONICAL_FIELDS) expect(mapping.fields[field]).toEqual([field]);
  });
});

describe('mapColumns by synonyms', () => {
  it('maps the WorkBC layout', () => {
    expect(mapColumns(WORKBC)).toEqual({
      fields: {
        id: ['id'],
        name: ['name'],
        street: ['street_address'],
        city: ['city'],
        province: ['province_code'],
        postal_code: ['postal_code'],
        phone: ['phone'],
        fax: ['fax'],
        email: ['email'],
        website: ['website'],
        latitude: ['latitude'],
        longitude: ['longitude'],
        hours: ['hours'],
      },
      unmapped: ['catchment_id', 'catchment_name', 'storefront_id', 'french_services'],
    });
  });

  it('maps the French headers of the windows-1252 fixture', () => {
    expect(mapColumns(FRENCH)).toEqual({
      fields: {
        name: ['nom'],
        street: ['adresse'],
        city: ['ville'],
        province: ['province'],
        postal_code: ['code postal'],
        phone: ['téléphone'],
        email: ['courriel'],
        website: ['site web'],
        latitude: ['latitude'],
        longitude: ['longitude'],
      },
      unmapped: [],
    });
  });

  it('maps CamelCase Toronto headers and the library layout', () => {
    expect(mapColumns(TORONTO).fields).toEqual({
      id: ['_id'],
      name: ['BranchName'],
      street: ['Address'],
      postal_code: ['PostalCode'],
      phone: ['Telephone'],
      latitude: ['Lat'],
      longitude: ['Long'],
    });
    expect(mapColumns(LIBRARIES)).toEqual({
      fields: {
        id: ['source_id'],
        name: ['branch_name'],
        organization: ['library_system'],
        street: ['street_address'],
        city: ['city'],
        province: ['province_code'],
        postal_code: ['postal_code'],
        phone: ['phone'],
        website: ['website'],
        latitude: ['latitude'],
        longitude: ['longitude'],
      },
      unmapped: ['coord_origin', 'source_file'],
    });
  });

  it('maps suite to street2, toll_free and city_town in the Nova Scotia layout', () => {
    const { fields, unmapped } = mapColumns(NS_WORKS);
    expect(fields.name).toEqual(['centre_name']);
    expect(fields.street2).toEqual(['suite']);
    expect(fields.city).toEqual(['city_town']);
    expect(fields.toll_free).toEqual(['toll_free']);
    expect(unmapped).toEqual(['region', 'po_box', 'fax2']);
  });

  it('picks the more specific synonym when two headers match one field, using each header once', () => {
    const mapping = mapColumns(['Address', 'Street Address', 'province', 'province_code']);
    expect(mapping.fields).toEqual({ street: ['Street Address'], province: ['province'] });
    expect(mapping.unmapped).toEqual(['Address', 'province_code']);
  });

  it('does not mutate its inputs', () => {
    const headers = Object.freeze([...SERVICE_CANADA]);
    const explicit: MappingFile = Object.freeze({ columns: Object.freeze({ id: 'sc_id' }) });
    mapColumns(headers, explicit);
    expect(headers).toEqual(SERVICE_CANADA);
    expect(explicit).toEqual({ columns: { id: 'sc_id' } });
  });
});

describe('mapColumns with an explicit mapping', () => {
  it('lets the mapping win and fills the rest by synonyms (Service Canada profile)', () => {
    const mapping = mapColumns(SERVICE_CANADA, {
      columns: { id: 'sc_id', province: 'province_code', website: 'url', languages: 'service_languages' },
    });
    expect(mapping).toEqual({
      fields: {
        id: ['sc_id'],
        name: ['name'],
        street: ['street_address'],
        city: ['city'],
        province: ['province_code'],
        postal_code: ['postal_code'],
        website: ['url'],
        languages: ['service_languages'],
        service_type: ['site_type'],
      },
      unmapped: ['province', 'has_address'],
    });
  });

  it('maps one field to several headers (NS Works street + suite + PO box)', () => {
    const mapping = mapColumns(NS_WORKS, { columns: { street: ['street_address', 'suite', 'po_box'] } });
    expect(mapping.fields.street).toEqual(['street_address', 'suite', 'po_box']);
    expect(mapping.fields.street2).toBeUndefined();
    expect(mapping.unmapped).toEqual(['region', 'fax2']);
  });

  it('finds a header spelled with other case or accents, and leaves a field mapped to [] unmapped', () => {
    const mapping = mapColumns(FRENCH, { columns: { phone: 'Telephone', latitude: [], longitude: [] } });
    expect(mapping.fields.phone).toEqual(['téléphone']);
    expect(mapping.fields.latitude).toBeUndefined();
    expect(mapping.unmapped).toEqual(['latitude', 'longitude']);
  });

  it('refuses a header the file does not have, naming it', () => {
    expect(() => mapColumns(['nom', 'ville'], { columns: { street: 'adresse' } })).toThrow(
      'Mapping: field "street" names the column "adresse", but the file has no such column. Its columns are: "nom", "ville". Fix the name in the mapping file.',
    );
  });

  it('refuses one header mapped to two fields', () => {
    expect(() =>
      mapColumns(NS_WORKS, { columns: { street: ['street_address', 'suite'], street2: 'suite' } }),
    ).toThrow(
      'Mapping: the column "suite" is mapped to both "street" and "street2"; map each column to one field.',
    );
  });
});

describe('applyMapping', () => {
  const nsMapping: ColumnMapping = mapColumns(NS_WORKS, {
    columns: { street: ['street_address', 'suite', 'po_box'] },
  });
  // Nova Scotia Works, data/nova_scotia_works_centres_2021/ns_works_centres.csv row 4 and row 3.
  const islandEmployment: SourceRow = {
    row: 4,
    fields: {
      region: 'CB',
      centre_name: 'Island Employment Association (main office)',
      street_address: '500 George Street',
      suite: 'Suite 100',
      po_box: '',
      city_town: 'Sydney',
      province_code: 'NS',
      postal_code: 'B1P 1K6',
      phone: '902 539-5673',
      toll_free: '',
      fax: '902-539-6226',
      fax2: '',
      email: 'info@islandemployment.ca',
      website: 'http://www.islandemployment.ca',
      latitude: '46.13664',
      longitude: '-60.192578',
    },
  };

  it('joins the non-empty cells of a multi-header field and leaves empty fields out', () => {
    expect(applyMapping(islandEmployment, nsMapping)).toEqual({
      name: 'Island Employment Association (main office)',
      street: '500 George Street, Suite 100',
      city: 'Sydney',
      province: 'NS',
      postal_code: 'B1P 1K6',
      phone: '902 539-5673',
      fax: '902-539-6226',
      email: 'info@islandemployment.ca',
      website: 'http://www.islandemployment.ca',
      latitude: '46.13664',
      longitude: '-60.192578',
    });
    const ingonish: SourceRow = {
      row: 3,
      fields: {
        ...islandEmployment.fields,
        street_address: '36243 Cabot Trail',
        suite: '',
        po_box: 'PO Box 233',
      },
    };
    expect(applyMapping(ingonish, nsMapping).street).toBe('36243 Cabot Trail, PO Box 233');
  });

  it('takes coordinates from the geometry when no column gives them', () => {
    const headers = ['centre_name', 'city_town'];
    const row: SourceRow = {
      row: 1,
      fields: { centre_name: 'TEAM Work (main office)', city_town: 'Halifax' },
      geometry: { lon: -63.625915, lat: 44.654245 },
    };
    expect(applyMapping(row, mapColumns(headers))).toEqual({
      name: 'TEAM Work (main office)',
      city: 'Halifax',
      latitude: '44.654245',
      longitude: '-63.625915',
    });
    const emptyColumns: SourceRow = { ...row, fields: { ...row.fields, latitude: '', longitude: '' } };
    expect(applyMapping(emptyColumns, mapColumns([...headers, 'latitude', 'longitude'])).latitude).toBe(
      '44.654245',
    );
    expect(applyMapping({ ...row, geometry: null }, mapColumns(headers)).latitude).toBeUndefined();
  });

  it('never mixes a column coordinate with a geometry coordinate', () => {
    const row: SourceRow = {
      row: 1,
      fields: { name: 'Half', latitude: '44.7', longitude: '' },
      geometry: { lon: -63.6, lat: 44.6 },
    };
    expect(applyMapping(row, mapColumns(['name', 'latitude', 'longitude']))).toEqual({
      name: 'Half',
      latitude: '44.7',
    });
  });

  it('does not mutate the row', () => {
    const row = structuredClone(islandEmployment);
    applyMapping(row, nsMapping);
    expect(row).toEqual(islandEmployment);
  });
});

describe('loadMappingFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'repere-mapping-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = async (name: string, text: string): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };

  it('reads strings and lists of headers', async () => {
    const path = await write(
      'ns.json',
      '{ "columns": { "name": "centre_name", "street": ["street_address", "suite"] } }',
    );
    await expect(loadMappingFile(path)).resolves.toEqual({
      columns: { name: 'centre_name', street: ['street_address', 'suite'] },
    });
  });

  it('names an unknown field', async () => {
    const path = await write('typo.json', '{ "columns": { "adress": "Adresse" } }');
    await expect(loadMappingFile(path)).rejects.toThrow(
      `${path}: unknown field "adress" in "columns". Known fields: id, name,`,
    );
  });

  it('names a field whose header is not a string', async () => {
    const number = await write('number.json', '{ "columns": { "phone": 3 } }');
    await expect(loadMappingFile(number)).rejects.toThrow(
      `${number}: field "phone" must map to a header name (a string) or a list of header names, found 3.`,
    );
    const mixed = await write('mixed.json', '{ "columns": { "street": ["Adresse", null] } }');
    await expect(loadMappingFile(mixed)).rejects.toThrow(
      `${mixed}: field "street" must map to a header name`,
    );
  });

  it('refuses a file without "columns", invalid JSON and a missing file', async () => {
    const noColumns = await write('nocolumns.json', '{ "column": {} }');
    await expect(loadMappingFile(noColumns)).rejects.toThrow(`${noColumns}: expected {"columns":`);
    const invalid = await write('invalid.json', '{ "columns": ');
    await expect(loadMappingFile(invalid)).rejects.toThrow(`${invalid}: the mapping file is not valid JSON`);
    const missing = join(dir, 'missing.json');
    await expect(loadMappingFile(missing)).rejects.toThrow(`${missing}: cannot read the mapping file`);
  });
});
