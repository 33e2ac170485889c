import { describe, expect, it } from 'vitest';
import { checkCoordinates, parseDegrees } from './coordinates.js';

// A stand-in for the province polygons: a box around southern Canada is enough to test
// the swap and sign logic; the real polygons are tested in src/ingest/geocode.
const canadaBox = { isInCanada: (lat: number, lon: number) => lat > 41.6 && lat < 84 && lon > -141.1 && lon < -52.5 };

describe('parseDegrees', () => {
  it('reads decimal degrees with a point or a French decimal comma', () => {
    expect(parseDegrees('50.0240613')).toBe(50.0240613);
    expect(parseDegrees(' -125.2434889 ')).toBe(-125.2434889);
    expect(parseDegrees('46,213764')).toBe(46.213764);
    expect(parseDegrees('+45.5')).toBe(45.5);
  });
  it('tells empty from invalid', () => {
    expect(parseDegrees('')).toBeNull();
    expect(parseDegrees(undefined)).toBeNull();
    expect(parseDegrees('abc')).toBeNaN();
    expect(parseDegrees('45°30′')).toBeNaN();
  });
});

describe('checkCoordinates', () => {
  it('keeps a valid Canadian point (WorkBC Campbell River)', () => {
    const checked = checkCoordinates(1, '50.0240613', '-125.2434889', canadaBox);
    expect(checked).toEqual({ point: { lat: 50.0240613, lon: -125.2434889 }, absent: false, corrected: null, issues: [] });
  });
  it('reports nothing when both cells are empty', () => {
    expect(checkCoordinates(2, '', '', canadaBox)).toEqual({ point: null, absent: true, corrected: null, issues: [] });
  });
  it('corrects a latitude/longitude swap with a warning', () => {
    const checked = checkCoordinates(3, '-60.261426', '46.213764', canadaBox);
    expect(checked.point).toEqual({ lat: 46.213764, lon: -60.261426 });
    expect(checked.corrected).toBe('swapped');
    expect(checked.issues).toEqual([
      expect.objectContaining({ row: 3, code: 'swapped_coordinates', severity: 'warning', field: 'latitude' }),
    ]);
  });
  it('corrects a missing minus sign on the longitude', () => {
    const checked = checkCoordinates(4, '45.4215', '75.6972', canadaBox);
    expect(checked.point).toEqual({ lat: 45.4215, lon: -75.6972 });
    expect(checked.issues.map((i) => i.code)).toEqual(['sign_corrected']);
  });
  it('drops a point in the United States so the address can locate the row', () => {
    const checked = checkCoordinates(5, '37.7749', '-122.4194', canadaBox);
    expect(checked.point).toBeNull();
    expect(checked.absent).toBe(false);
    expect(checked.issues).toEqual([expect.objectContaining({ row: 5, code: 'outside_canada', severity: 'warning' })]);
  });
  it('drops unreadable, half-empty and 0,0 coordinates as invalid', () => {
    expect(checkCoordinates(6, 'abc', '-75', canadaBox).issues[0]?.code).toBe('invalid_coordinates');
    expect(checkCoordinates(7, '45.1', '', canadaBox).issues[0]?.code).toBe('invalid_coordinates');
    expect(checkCoordinates(8, '0', '0', canadaBox).issues[0]?.code).toBe('invalid_coordinates');
    expect(checkCoordinates(9, '145', '-275', canadaBox).issues[0]?.code).toBe('invalid_coordinates');
  });
});
