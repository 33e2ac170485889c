import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** The columns of the common open-data layout, in file order. */
export const OPEN_DATA_COLUMNS = [
  'name',
  'address',
  'city',
  'province',
  'postal_code',
  'phone',
  'email',
  'website',
  'latitude',
  'longitude',
] as const;

/** One row of the common open-data layout; every cell as published (text), coordinates parsed. */
export interface OpenDataRow {
  name: string;
  address: string;
  city: string;
  province: string;
  postal_code: string;
  phone: string;
  email: string;
  website: string;
  lat: number;
  lon: number;
}

type Cells = Record<string, string>;
type Text = Omit<OpenDataRow, 'lat' | 'lon'>;

interface BundledFile {
  path: string;
  latitude: string;
  longitude: string;
  /** The file's cells in the common layout (cells missing from the file are ""). */
  toRow: (cells: Cells) => Partial<Text>;
}

// Bundled files whose rows carry published coordinates, each with the columns that mean
// name, address, city… in it. Order matters: it fixes the generated file for a given seed.
const BUNDLED_FILES: readonly BundledFile[] = [
  {
    path: 'workbc_centres_2021/workbc_centres.csv',
    latitude: 'latitude',
    longitude: 'longitude',
    toRow: (c) => ({
      name: c['name'],
      address: c['street_address'],
      city: c['city'],
      province: c['province_code'],
      postal_code: c['postal_code'],
      phone: c['phone'],
      email: c['email'],
      website: c['website'],
    }),
  },
  {
    path: 'nova_scotia_works_centres_2021/ns_works_centres.csv',
    latitude: 'latitude',
    longitude: 'longitude',
    toRow: (c) => ({
      name: c['centre_name'],
      address: c['street_address'],
      city: c['city_town'],
      province: c['province_code'],
      postal_code: c['postal_code'],
      phone: c['phone'],
      email: c['email'],
      website: c['website'],
    }),
  },
  {
    path: 'municipal_library_branches_2019/library_branches_unified.csv',
    latitude: 'latitude',
    longitude: 'longitude',
    toRow: (c) => ({
      name: c['branch_name'],
      address: c['street_address'],
      city: c['city'],
      province: c['province_code'],
      postal_code: c['postal_code'],
      phone: c['phone'],
      website: c['website'],
    }),
  },
  {
    path: 'municipal_facilities_2019/facilities_selected.csv',
    latitude: 'latitude',
    longitude: 'longitude',
    toRow: (c) => ({
      name: c['name'],
      address: c['street_address'],
      city: c['municipality'],
      province: c['province_code'],
      postal_code: c['postal_code'],
      phone: c['phone'],
      website: c['website'],
    }),
  },
  {
    path: 'toronto_public_library_branches/tpl_branches.csv',
    latitude: 'Lat',
    longitude: 'Long',
    // "1515 Albion Road, Toronto, ON, M9V 1B2": the street is the part before the first comma.
    toRow: (c) => ({
      name: c['BranchName'],
      address: (c['Address'] ?? '').split(',')[0],
      city: 'Toronto',
      province: 'ON',
      postal_code: c['PostalCode'],
      phone: c['Telephone'],
      website: c['Website'],
    }),
  },
  {
    path: 'vancouver_public_library_branches/vancouver_libraries.csv',
    latitude: 'latitude',
    longitude: 'longitude',
    toRow: (c) => ({
      name: c['name'],
      address: c['street_address'],
      city: c['city'],
      province: c['province_code'],
      website: c['url'],
    }),
  },
  {
    path: 'vancouver_community_centres/vancouver_community_centres.csv',
    latitude: 'latitude',
    longitude: 'longitude',
    toRow: (c) => ({
      name: c['name'],
      address: c['street_address'],
      city: c['city'],
      province: c['province_code'],
      website: c['url'],
    }),
  },
  {
    path: 'odhf_healthcare_facilities_v1.1/odhf_v1.1.csv',
    latitude: 'latitude',
    longitude: 'longitude',
    // ODHF splits the street into number and name, lower-cased as published.
    toRow: (c) => ({
      name: c['facility_name'],
      address: [c['street_no'], c['street_name']].filter(Boolean).join(' '),
      city: c['city'],
      province: c['province'],
      postal_code: c['postal_code'],
    }),
  },
];

/**
 * The rows of the bundled open data that have a name and published coordinates, in the
 * common open-data layout (about 8,700 rows from 8 files), in a fixed order.
 */
export async function loadLocatedRows(dataDir: string): Promise<OpenDataRow[]> {
  const rows: OpenDataRow[] = [];
  for (const file of BUNDLED_FILES) {
    const text = await readFile(join(dataDir, file.path), 'utf8');
    const records = parse(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Cells[];
    for (const cells of records) {
      const lat = Number(cells[file.latitude]);
      const lon = Number(cells[file.longitude]);
      const mapped = file.toRow(cells);
      const name = (mapped.name ?? '').trim();
      if (!name || !(cells[file.latitude] ?? '').trim() || !Number.isFinite(lat) || !Number.isFinite(lon))
        continue;
      rows.push({
        name,
        address: (mapped.address ?? '').trim(),
        city: (mapped.city ?? '').trim(),
        province: (mapped.province ?? '').trim(),
        postal_code: (mapped.postal_code ?? '').trim(),
        phone: (mapped.phone ?? '').trim(),
        email: (mapped.email ?? '').trim(),
        website: (mapped.website ?? '').trim(),
        lat,
        lon,
      });
    }
  }
  return rows;
}
