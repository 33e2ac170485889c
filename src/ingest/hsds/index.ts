// Open Referral HSDS 3.0 tabular data packages (datapackage.json + one CSV per table), ours
// or any other publisher's. Unlike the one-file formats (csv/, geojson/), a package holds
// several sources and several tables, so its entry point imports rather than opens.
export type { HsdsIssueCode, HsdsPackageIssue } from './hsds-issue.js';
export {
  importHsdsPackage,
  sourceIdFrom,
  type HsdsImportOptions,
  type HsdsImportReport,
  type HsdsRecordDefaults,
} from './import-hsds.js';
export { linkPackage, type LinkedLocation } from './link-package.js';
export { locationRecord, type LocationRecord } from './location-record.js';
export {
  descriptorPathOf,
  readHsdsPackage,
  TABLES_READ,
  type HsdsPackage,
  type HsdsTableData,
} from './read-package.js';
