import { describe, expect, it } from 'vitest';
import { formatOfResource } from './resource-format.js';

// Formats as the BC Data Catalogue, open.canada.ca and Données Québec publish them.
describe('formatOfResource', () => {
  it('reads the declared format, case-insensitively', () => {
    expect(formatOfResource({ id: 'a', format: 'CSV', url: 'https://x/download/a' })).toEqual({ format: 'csv' });
    expect(formatOfResource({ id: 'a', format: 'csv', url: 'http://www.env.gov.bc.ca/esd/distdata/' })).toEqual({ format: 'csv' });
    expect(formatOfResource({ id: 'a', format: 'GeoJSON', url: 'https://x/a' })).toEqual({ format: 'geojson' });
    expect(formatOfResource({ id: 'a', format: 'application/geo+json', url: 'https://x/a' })).toEqual({ format: 'geojson' });
  });

  it('falls back on the URL extension when the format is empty', () => {
    expect(formatOfResource({ id: 'a', format: '', url: 'https://x/libraries.CSV?v=2' })).toEqual({ format: 'csv' });
    expect(formatOfResource({ id: 'a', format: null, url: 'https://x/points.geojson' })).toEqual({ format: 'geojson' });
    expect(formatOfResource({ id: 'a', format: 'JSON', url: 'https://x/points.geojson' })).toEqual({ format: 'geojson' });
  });

  it('skips everything else with a reason', () => {
    expect(formatOfResource({ id: 'a', format: 'fgdb', url: 'http://x/AgCap_Map_GDB_20150923.zip' })).toEqual({ skip: 'format "fgdb" is not CSV or GeoJSON' });
    expect(formatOfResource({ id: 'a', format: 'JSON', url: 'https://x/api/points' })).toEqual({ skip: 'format "JSON" is not CSV or GeoJSON' });
    expect(formatOfResource({ id: 'a', format: '', url: 'https://x/map.pdf' })).toEqual({ skip: 'a ".pdf" file with no format is not CSV or GeoJSON' });
    expect(formatOfResource({ id: 'a', format: 'HTML', url: 'https://x/page' })).toEqual({ skip: 'format "HTML" is not CSV or GeoJSON' });
    expect(formatOfResource({ id: 'a', format: 'PDF', url: 'https://x/brochure.csv' })).toEqual({ skip: 'format "PDF" is not CSV or GeoJSON' });
  });
});
