import { PROVINCES } from './province.js';
import type { ProvinceCode } from './province.js';

/** A rectangle in degrees: south, north latitude; west, east longitude (negative west of Greenwich). */
interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

interface Rule {
  zone: string;
  /** Where the rule comes from and what it approximates. */
  why: string;
  contains: (lat: number, lon: number) => boolean;
}

const inBox =
  ({ south, north, west, east }: Box) =>
  (lat: number, lon: number): boolean =>
    lat >= south && lat <= north && lon >= west && lon <= east;

// Every boundary below is a latitude/longitude approximation of a legal or customary line
// (regional district, municipality, river, meridian); a point within a few kilometres of one
// may get its neighbour's zone. Rules are tried in order; the first that contains the point
// wins, else the province's own zone (PROVINCES[code].timeZone). Zones and their regions are
// those of the IANA tz database zone.tab (2025b); which community keeps which time is from
// Wikipedia "Time in Canada", "Time in Nunavut" and the provincial time acts cited per rule.
const RULES: Readonly<Partial<Record<ProvinceCode, readonly Rule[]>>> = {
  ON: [
    {
      zone: 'America/Atikokan',
      why: 'Atikokan township and Quetico keep EST all year (tz: "EST - ON (Atikokan)").',
      contains: inBox({ south: 48.3, north: 49.2, west: -92.0, east: -91.0 }),
    },
    {
      zone: 'America/Toronto',
      why: 'Upsala and Shebandowan, west of 90°W, keep Eastern time with Thunder Bay.',
      contains: inBox({ south: 48.0, north: 49.3, west: -91.0, east: -90.0 }),
    },
    {
      zone: 'America/Toronto',
      why: 'Pickle Lake and Mishkeegogamang (New Osnaburgh), west of 90°W, keep Eastern time.',
      contains: inBox({ south: 50.9, north: 51.7, west: -90.8, east: -90.0 }),
    },
    {
      zone: 'America/Winnipeg',
      why: 'Kitchenuhmaykoosib (Big Trout Lake), east of 90°W, keeps Central time.',
      contains: inBox({ south: 53.5, north: 54.1, west: -90.0, east: -89.5 }),
    },
    {
      zone: 'America/Winnipeg',
      why: 'Ontario Time Act: Central time west of 90°W (Kenora, Dryden, Fort Frances, Sioux Lookout).',
      contains: (_lat, lon) => lon < -90.0,
    },
  ],
  NU: [
    {
      // tz has no zone of its own for Southampton Island: zone.tab lists Coral Harbour under
      // America/Atikokan (EST all year).
      zone: 'America/Atikokan',
      why: 'Southampton Island (Coral Harbour) keeps EST all year.',
      contains: inBox({ south: 61.7, north: 66.0, west: -86.9, east: -80.0 }),
    },
    {
      zone: 'America/Cambridge_Bay',
      why: 'Mountain time west of 102°W (Cambridge Bay, Kugluktuk, western Kivalliq).',
      contains: (_lat, lon) => lon < -102.0,
    },
    {
      zone: 'America/Cambridge_Bay',
      why: 'Every Kitikmeot community keeps Mountain time, also east of 102°W: Gjoa Haven, Taloyoak, Kugaaruk.',
      contains: inBox({ south: 67.0, north: 72.0, west: -102.0, east: -87.5 }),
    },
    {
      zone: 'America/Resolute',
      why: 'Resolute (Cornwallis Island) and the High Arctic between 89° and 102°W: Central time, own tz zone.',
      contains: inBox({ south: 72.0, north: 84.0, west: -102.0, east: -89.0 }),
    },
    {
      // Arctic Bay (85.15°W) keeps Eastern time, so the line is drawn just west of it.
      zone: 'America/Rankin_Inlet',
      why: 'Central time from 85°W to 102°W: Kivalliq (Rankin Inlet, Arviat, Baker Lake, Naujaat).',
      contains: (_lat, lon) => lon < -85.5,
    },
  ],
  QC: [
    {
      zone: 'America/Halifax',
      why: 'Loi sur le temps légal: the Magdalen Islands keep Atlantic time with DST.',
      contains: inBox({ south: 47.0, north: 48.0, west: -62.3, east: -61.0 }),
    },
    {
      // The Act sets AST all year east of 63°W except the MRC de Minganie, whose eastern
      // limit lies between Natashquan (61.8°W, Eastern) and Kegaska (61.3°W, Atlantic): so the
      // line is 61.5°W, not Blanc-Sablon's own 57°W. tz's zone for this region is
      // America/Blanc-Sablon, now only a link to America/Puerto_Rico (same rules: AST, no DST);
      // we return the canonical name.
      zone: 'America/Puerto_Rico',
      why: 'Lower North Shore, Kegaska to Blanc-Sablon: AST all year.',
      contains: inBox({ south: 50.0, north: 52.5, west: -61.5, east: -57.0 }),
    },
  ],
  NL: [
    {
      // Labrador lies north of 52°N except the Strait of Belle Isle shore (L'Anse-au-Clair to
      // Red Bay, 51.4–51.8°N), which keeps Newfoundland time anyway; the island never reaches 52°N.
      zone: 'America/St_Johns',
      why: "South-east Labrador coast, Mary's Harbour to Black Tickle (53.5°N): Newfoundland time.",
      contains: inBox({ south: 52.0, north: 53.55, west: -57.3, east: -55.0 }),
    },
    {
      zone: 'America/Goose_Bay',
      why: 'Rest of Labrador (Happy Valley-Goose Bay, Labrador City, Nain, Cartwright): Atlantic time.',
      contains: (lat) => lat >= 52.0,
    },
  ],
  BC: [
    {
      zone: 'America/Fort_Nelson',
      why: 'Northern Rockies Regional Municipality (Fort Nelson, Toad River, Muncho Lake): MST all year since 2015.',
      contains: inBox({ south: 57.5, north: 60.0, west: -127.0, east: -120.0 }),
    },
    {
      zone: 'America/Dawson_Creek',
      why: "Peace River Regional District (Dawson Creek, Fort St. John, Chetwynd, Hudson's Hope): MST all year.",
      contains: inBox({ south: 55.5, north: 57.5, west: -123.5, east: -120.0 }),
    },
    {
      zone: 'America/Dawson_Creek',
      why: 'Peace River Regional District south of 55.5°N (Tumbler Ridge): MST all year.',
      contains: inBox({ south: 54.5, north: 55.5, west: -122.5, east: -120.0 }),
    },
    {
      // tz: America/Creston is a link to America/Phoenix (MST, no DST).
      zone: 'America/Creston',
      why: 'Town of Creston and its valley (Wynndel, Erickson, Lister): MST all year.',
      contains: inBox({ south: 49.0, north: 49.35, west: -116.75, east: -116.35 }),
    },
    {
      // Kootenay Bay (116.87°W) keeps Pacific time; Riondel (116.85°W) and the east shore to
      // the south keep Mountain time: the line runs between them.
      zone: 'America/Edmonton',
      why: 'East Kootenay and Central Kootenay east of Kootenay Lake (Cranbrook, Invermere, Yahk, Riondel): Mountain time.',
      contains: inBox({ south: 49.0, north: 50.8, west: -116.86, east: -114.0 }),
    },
    {
      zone: 'America/Edmonton',
      why: 'Columbia-Shuswap east of the Selkirks (Golden, Field, Donald): Mountain time.',
      contains: inBox({ south: 50.8, north: 52.0, west: -117.3, east: -114.0 }),
    },
  ],
  SK: [
    {
      zone: 'America/Edmonton',
      why: 'Lloydminster and its area, Saskatchewan side (Alberta border at 110°W): Alberta time by city choice.',
      contains: inBox({ south: 52.9, north: 53.8, west: -110.1, east: -109.9 }),
    },
    {
      zone: 'America/Winnipeg',
      why: 'Creighton and Denare Beach observe Central time with DST, with Flin Flon (Manitoba).',
      contains: inBox({ south: 54.5, north: 55.0, west: -102.2, east: -101.8 }),
    },
  ],
};

/**
 * The IANA time zone of a point: the province's zone, refined where Canada's zones split it
 * (north-west Ontario, Nunavut, eastern Québec, Labrador, eastern BC, Lloydminster).
 * Boundaries are lat/lon approximations; see the rules above.
 * @example timeZoneAt(49.767, -94.489, 'ON') // 'America/Winnipeg' (Kenora)
 */
export function timeZoneAt(lat: number, lon: number, province: ProvinceCode): string {
  const rule = RULES[province]?.find((r) => r.contains(lat, lon));
  return rule?.zone ?? PROVINCES[province].timeZone;
}
