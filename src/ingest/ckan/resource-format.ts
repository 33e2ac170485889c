import type { CkanResource } from './ckan-types.js';

export type HarvestFormat = 'csv' | 'geojson';

/** What harvesting does with one resource: import it as CSV/GeoJSON, or skip it and say why. */
export type FormatDecision = { format: HarvestFormat } | { skip: string };

// Publishers write formats freely ("CSV", "text/csv", ".csv", "GeoJSON", "geo+json").
const FORMAT_NAMES: Record<string, HarvestFormat> = {
  csv: 'csv',
  'text/csv': 'csv',
  geojson: 'geojson',
  'application/geo+json': 'geojson',
  'application/vnd.geo+json': 'geojson',
  'geo+json': 'geojson',
};

/**
 * Picks the reader for a resource from its `format` (case-insensitive), then from its URL's
 * extension; anything else (PDF, ZIP, shapefile, web pages, APIs) is skipped with a reason.
 * A `JSON` format counts as GeoJSON only when the URL ends in `.geojson`.
 * @example formatOfResource({ id: 'r', format: 'fgdb', url: 'https://x/a.zip' }) // { skip: 'format "fgdb" is not CSV or GeoJSON' }
 */
export function formatOfResource(resource: CkanResource): FormatDecision {
  const declared = (resource.format ?? '').trim().toLowerCase().replace(/^\./, '');
  const byName = FORMAT_NAMES[declared];
  if (byName) return { format: byName };
  const extension = urlExtension(resource.url ?? '');
  if (extension === 'csv' && (declared === '' || declared === 'txt' || declared === 'text')) return { format: 'csv' };
  if (extension === 'geojson' && (declared === '' || declared === 'json')) return { format: 'geojson' };
  if (!resource.url) return { skip: 'the resource has no URL' };
  const what = declared ? `format "${resource.format?.trim()}"` : extension ? `a ".${extension}" file with no format` : 'no format';
  return { skip: `${what} is not CSV or GeoJSON` };
}

/** Lower-case extension of the URL's last path segment, without the dot ('' when none). */
function urlExtension(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0] ?? '';
  }
  const last = path.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}
