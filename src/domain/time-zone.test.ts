import { describe, expect, it } from 'vitest';
import type { ProvinceCode } from './province.js';
import { timeZoneAt } from './time-zone.js';

// Coordinates of town centres, rounded to 3 decimals (Natural Resources Canada, Canadian
// Geographical Names Database), and the zone each town keeps (tz zone.tab, Wikipedia "Time in
// Canada"/"Time in Nunavut", provincial time acts).
describe('timeZoneAt', () => {
  it.each<[string, number, number, ProvinceCode, string]>([
    // Province defaults.
    ["St. John's", 47.561, -52.713, 'NL', 'America/St_Johns'],
    ['Halifax', 44.649, -63.576, 'NS', 'America/Halifax'],
    ['Regina', 50.445, -104.619, 'SK', 'America/Regina'],
    ['Vancouver', 49.283, -123.121, 'BC', 'America/Vancouver'],
    ['Whitehorse', 60.721, -135.057, 'YT', 'America/Whitehorse'],
    ['Yellowknife', 62.454, -114.372, 'NT', 'America/Yellowknife'],
    // Ontario.
    ['Kenora', 49.767, -94.489, 'ON', 'America/Winnipeg'],
    ['Dryden', 49.78, -92.837, 'ON', 'America/Winnipeg'],
    ['Thunder Bay', 48.382, -89.246, 'ON', 'America/Toronto'],
    ['Atikokan', 48.757, -91.622, 'ON', 'America/Atikokan'],
    ['Upsala', 49.05, -90.467, 'ON', 'America/Toronto'],
    ['Pickle Lake', 51.471, -90.194, 'ON', 'America/Toronto'],
    ['Kitchenuhmaykoosib (Big Trout Lake)', 53.822, -89.867, 'ON', 'America/Winnipeg'],
    // Nunavut.
    ['Cambridge Bay', 69.117, -105.06, 'NU', 'America/Cambridge_Bay'],
    ['Kugluktuk', 67.826, -115.096, 'NU', 'America/Cambridge_Bay'],
    ['Gjoa Haven', 68.626, -95.878, 'NU', 'America/Cambridge_Bay'],
    ['Kugaaruk', 68.534, -89.825, 'NU', 'America/Cambridge_Bay'],
    ['Rankin Inlet', 62.809, -92.085, 'NU', 'America/Rankin_Inlet'],
    ['Baker Lake', 64.318, -96.02, 'NU', 'America/Rankin_Inlet'],
    ['Naujaat', 66.522, -86.236, 'NU', 'America/Rankin_Inlet'],
    ['Resolute', 74.697, -94.832, 'NU', 'America/Resolute'],
    ['Coral Harbour', 64.137, -83.165, 'NU', 'America/Atikokan'],
    ['Arctic Bay', 73.036, -85.152, 'NU', 'America/Iqaluit'],
    ['Iqaluit', 63.749, -68.522, 'NU', 'America/Iqaluit'],
    // Québec.
    ['Cap-aux-Meules', 47.382, -61.858, 'QC', 'America/Halifax'],
    ['Blanc-Sablon', 51.426, -57.131, 'QC', 'America/Puerto_Rico'],
    ['Kegaska', 50.19, -61.265, 'QC', 'America/Puerto_Rico'],
    ['Natashquan', 50.187, -61.823, 'QC', 'America/Toronto'],
    ['Gaspé', 48.831, -64.482, 'QC', 'America/Toronto'],
    // Newfoundland and Labrador.
    ['Happy Valley-Goose Bay', 53.302, -60.326, 'NL', 'America/Goose_Bay'],
    ['Labrador City', 52.947, -66.914, 'NL', 'America/Goose_Bay'],
    ['Cartwright', 53.708, -57.021, 'NL', 'America/Goose_Bay'],
    ["L'Anse-au-Loup", 51.521, -56.832, 'NL', 'America/St_Johns'],
    ["Mary's Harbour", 52.311, -55.847, 'NL', 'America/St_Johns'],
    ['Port Hope Simpson', 52.544, -56.3, 'NL', 'America/St_Johns'],
    ['St. Anthony', 51.372, -55.595, 'NL', 'America/St_Johns'],
    // British Columbia.
    ['Dawson Creek', 55.76, -120.236, 'BC', 'America/Dawson_Creek'],
    ['Fort St. John', 56.252, -120.846, 'BC', 'America/Dawson_Creek'],
    ['Tumbler Ridge', 55.126, -120.993, 'BC', 'America/Dawson_Creek'],
    ['Mackenzie', 55.338, -123.094, 'BC', 'America/Vancouver'],
    ['Fort Nelson', 58.806, -122.697, 'BC', 'America/Fort_Nelson'],
    ['Creston', 49.098, -116.513, 'BC', 'America/Creston'],
    ['Cranbrook', 49.512, -115.769, 'BC', 'America/Edmonton'],
    ['Invermere', 50.507, -116.03, 'BC', 'America/Edmonton'],
    ['Golden', 51.298, -116.963, 'BC', 'America/Edmonton'],
    ['Nelson', 49.493, -117.294, 'BC', 'America/Vancouver'],
    ['Kaslo', 49.913, -116.914, 'BC', 'America/Vancouver'],
    ['Revelstoke', 50.998, -118.196, 'BC', 'America/Vancouver'],
    // Saskatchewan.
    ['Lloydminster (Saskatchewan side)', 53.278, -109.98, 'SK', 'America/Edmonton'],
    ['Creighton', 54.756, -101.88, 'SK', 'America/Winnipeg'],
    ['North Battleford', 52.757, -108.286, 'SK', 'America/Regina'],
  ])('puts %s in its zone', (_town, lat, lon, province, zone) => {
    expect(timeZoneAt(lat, lon, province)).toBe(zone);
  });

  it('returns only zones that Intl knows', () => {
    const zones = [
      'America/Atikokan',
      'America/Puerto_Rico',
      'America/Creston',
      'America/Resolute',
      'America/Fort_Nelson',
    ];
    for (const timeZone of zones) expect(() => new Intl.DateTimeFormat('en-CA', { timeZone })).not.toThrow();
  });

  it('falls back to the province zone for coordinates that are not numbers', () => {
    expect(timeZoneAt(Number.NaN, Number.NaN, 'ON')).toBe('America/Toronto');
  });
});
