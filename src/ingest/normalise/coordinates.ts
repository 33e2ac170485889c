import type { RowIssue } from '../../domain/row-issue.js';

/** Answers "is this point in Canada?" (implemented by the offline ProvinceLocator). */
export interface CanadaTest {
  isInCanada(lat: number, lon: number): boolean;
}

export interface CheckedCoordinates {
  /** Usable coordinates, corrected when a swap or sign error was detected; null otherwise. */
  point: { lat: number; lon: number } | null;
  /** True when the cells were empty (nothing to report, geocode instead). */
  absent: boolean;
  corrected: 'swapped' | 'sign' | null;
  issues: RowIssue[];
}

/** Parses a coordinate cell: decimal degrees with `.` or `,` as decimal mark. */
export function parseDegrees(cell: string | undefined): number | null {
  if (cell === undefined) return null;
  const text = cell.trim().replace(/^\+/, '');
  if (text === '') return null;
  // French-locale exports write "46,213764"; a lone comma is the decimal mark there.
  const normalised = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/**
 * Validates a latitude/longitude pair against Canada. Latitude/longitude swaps and a
 * missing minus sign on the longitude (both frequent in hand-made open data) are detected
 * by testing the alternatives against the province polygons, corrected, and reported as
 * warnings; anything else outside Canada is dropped with an issue so the row can still be
 * geocoded from its address.
 */
export function checkCoordinates(
  row: number,
  latCell: string | undefined,
  lonCell: string | undefined,
  canada: CanadaTest,
): CheckedCoordinates {
  const lat = parseDegrees(latCell);
  const lon = parseDegrees(lonCell);
  if (lat === null && lon === null) return { point: null, absent: true, corrected: null, issues: [] };
  const shown = `"${latCell ?? ''}", "${lonCell ?? ''}"`;
  if (lat === null || lon === null) {
    const missing = lat === null ? 'latitude' : 'longitude';
    return dropped(row, 'invalid_coordinates', `the ${missing} is empty while the other coordinate is ${shown}; the row will be located from its address instead`);
  }
  if (Number.isNaN(lat) || Number.isNaN(lon)) {
    return dropped(row, 'invalid_coordinates', `latitude/longitude ${shown} are not both decimal degrees; the row will be located from its address instead`);
  }
  if (lat === 0 && lon === 0) {
    return dropped(row, 'invalid_coordinates', 'latitude/longitude are 0, 0 (a placeholder, not a place); the row will be located from its address instead');
  }
  if (isOnEarth(lat, lon) && canada.isInCanada(lat, lon)) {
    return { point: { lat, lon }, absent: false, corrected: null, issues: [] };
  }
  if (isOnEarth(lon, lat) && canada.isInCanada(lon, lat)) {
    return {
      point: { lat: lon, lon: lat },
      absent: false,
      corrected: 'swapped',
      issues: [
        {
          row,
          field: 'latitude',
          code: 'swapped_coordinates',
          severity: 'warning',
          message: `latitude and longitude were swapped (${shown}); corrected to ${lon}, ${lat}`,
        },
      ],
    };
  }
  if (lon > 0 && isOnEarth(lat, -lon) && canada.isInCanada(lat, -lon)) {
    return {
      point: { lat, lon: -lon },
      absent: false,
      corrected: 'sign',
      issues: [
        {
          row,
          field: 'longitude',
          code: 'sign_corrected',
          severity: 'warning',
          message: `longitude ${lon} lacks its minus sign (Canada is west of Greenwich); corrected to ${-lon}`,
        },
      ],
    };
  }
  if (!isOnEarth(lat, lon)) {
    return dropped(row, 'invalid_coordinates', `latitude/longitude ${shown} are out of range; the row will be located from its address instead`);
  }
  return dropped(row, 'outside_canada', `point ${lat}, ${lon} is outside Canada; the row will be located from its address instead`);
}

function isOnEarth(lat: number, lon: number): boolean {
  return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

function dropped(row: number, code: 'invalid_coordinates' | 'outside_canada', message: string): CheckedCoordinates {
  return {
    point: null,
    absent: false,
    corrected: null,
    issues: [{ row, field: 'latitude', code, severity: 'warning', message }],
  };
}
