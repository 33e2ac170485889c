import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HsdsCatalogue, HSDS_ROLES } from '../../hsds/hsds-catalogue.js';
import { HSDS_TABLES, type HsdsTableName } from '../../hsds/hsds-tables.js';
import type { PointFilter, Store } from '../../store/store.js';
import { packageDescriptor } from './package-descriptor.js';
import {
  datetimeOf,
  organizationRows,
  pointRows,
  serviceRows,
  taxonomyRows,
  type TableRows,
} from './package-rows.js';
import { CsvTableWriter } from './table-writer.js';

export {
  packageDescriptor,
  PACKAGE_NAME,
  type PackageDescriptor,
  type PackageSource,
} from './package-descriptor.js';

export interface HsdsPackageOptions {
  /** Which points to export; default: the HSDS roles (service points and facilities). */
  filter?: PointFilter;
}

export interface HsdsPackageSummary {
  /** The folder written. */
  dir: string;
  locations: number;
  /** Every table of the descriptor with its file and data rows (0: header only). */
  tables: { name: string; path: string; rows: number }[];
}

/**
 * Writes an Open Referral HSDS 3.0 tabular data package into `dir` (created if needed):
 * datapackage.json and one UTF-8 CSV per table of the HSDS descriptor, every table present
 * (the ones Repère has no data for hold their header only). Reads the store twice: once for
 * the organizations and services (HsdsCatalogue), once for the locations, streamed.
 * @example await writeHsdsPackage(store, 'out/hsds') // out/hsds/datapackage.json, organizations.csv, …
 */
export async function writeHsdsPackage(
  store: Store,
  dir: string,
  options: HsdsPackageOptions = {},
): Promise<HsdsPackageSummary> {
  const filter = options.filter ?? { roles: HSDS_ROLES };
  const sources = await store.listSources();
  const catalogue = await HsdsCatalogue.build(store, sources, filter);
  await mkdir(dir, { recursive: true });

  const writers = new Map<string, CsvTableWriter>(
    HSDS_TABLES.map((table) => [
      table.name,
      new CsvTableWriter(
        join(dir, table.path),
        table.fields.map((f) => f.name),
      ),
    ]),
  );
  const writeAll = async (rows: TableRows): Promise<void> => {
    for (const [name, tableRows] of Object.entries(rows) as [HsdsTableName, TableRows[HsdsTableName]][]) {
      await writers.get(name)?.writeRows(tableRows);
    }
  };

  try {
    // Services are dated by the newest retrieval of their points' sources (not by our import
    // time, which would change on every re-import).
    const retrievedByService = new Map<string, string>();
    const sourceIds = new Set<string>();
    let locations = 0;
    for await (const point of store.streamPoints(filter)) {
      locations += 1;
      sourceIds.add(point.provenance.sourceId);
      const sals = catalogue.serviceAtLocationsOf(point.id);
      for (const sal of sals) {
        const newest = retrievedByService.get(sal.service.uuid);
        if (newest === undefined || point.provenance.retrievedAt > newest) {
          retrievedByService.set(sal.service.uuid, point.provenance.retrievedAt);
        }
      }
      await writeAll(pointRows(point, sals));
    }
    for (const org of catalogue.organizations) await writeAll(organizationRows(org));
    for (const service of catalogue.services) {
      const retrieved = retrievedByService.get(service.uuid);
      await writeAll(serviceRows(service, retrieved === undefined ? null : datetimeOf(retrieved)));
    }
    const unknownTypes = [...new Set(catalogue.services.filter((s) => !s.type).map((s) => s.typeId))].sort();
    await writeAll(taxonomyRows(unknownTypes));

    const descriptor = packageDescriptor(sources.filter((s) => sourceIds.has(s.id)));
    await writeFile(join(dir, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`, 'utf8');
    return {
      dir,
      locations,
      tables: HSDS_TABLES.map((table) => ({
        name: table.name,
        path: table.path,
        rows: writers.get(table.name)?.rows ?? 0,
      })),
    };
  } finally {
    for (const writer of writers.values()) await writer.close();
  }
}
