import { haversineMetres } from '../../domain/distance.js';
import type { Geocode, GeocodePrecision, GeocodeSource } from '../../domain/geocode.js';
import {
  fsaFromPostalCode,
  isRuralFsa,
  normaliseFsa,
  normalisePostalCode,
  provincesForFsa,
} from '../../domain/postal-code.js';
import type { ProvinceCode } from '../../domain/province.js';
import type { Community, FsaCentroid, Place, PopulationUnit } from '../../domain/reference.js';
import { communityNameKey } from './community-name-key.js';
import { placeKeys, placeNameVariants, partialPlaceKeys } from './place-name-variants.js';

/** What the gazetteer is built from: reference layers, as loaded by src/ingest/reference/. */
export interface GazetteerInput {
  /** GeoNames places: the first answer for a name. */
  places: readonly Place[];
  communities: readonly (Community & { alternateNames?: readonly string[] })[];
  fsas: readonly FsaCentroid[];
  /** Located census subdivisions; their names are the last resort (precision `csd`). */
  units?: readonly PopulationUnit[];
  /** Community points derived from facility addresses (loadAddressPlaces), after places and communities. */
  addressPlaces?: readonly Place[];
}

/** An address to locate: a postal code, a place name, a province; any may be missing. */
export interface GeocodeQuery {
  postalCode?: string;
  city?: string;
  province?: ProvinceCode;
}

/** One suggestion for a place or postal-code search box. */
export interface SearchResult {
  label: string;
  lat: number;
  lon: number;
  precision: GeocodePrecision;
  kind: 'postal_code' | 'fsa' | 'place' | 'community';
}

/** A named point the gazetteer can answer with. */
interface Entry {
  name: string;
  province: ProvinceCode;
  lat: number;
  lon: number;
  population: number;
  /** Position in the input, to break population ties in input order. */
  order: number;
  source: GeocodeSource;
  precision: GeocodePrecision;
  kind: 'place' | 'community' | 'csd';
  /** Keys of the main name, then of the other names. */
  mainKeys: string[];
  otherKeys: string[];
  /** Keys of one half of a compound municipality name ("valleyfield" for Salaberry-de-Valleyfield). */
  partialKeys: string[];
}

/** Key → entries, for one tier of names (main names, other names, communities, CSDs). */
type NameIndex = Map<string, Entry[]>;

/** One tier of the name search: its index, how a query becomes keys, and whether a match must be unique. */
interface Tier {
  index: NameIndex;
  queryKeys: (name: string) => string[];
  /** Partial names ("Valleyfield" for Salaberry-de-Valleyfield) count only when one place in the province has them. */
  unique: boolean;
}

// An urban FSA is a few km across; a place farther than this from the FSA centroid is not
// where the FSA is, and the postal code is probably a PO box elsewhere.
const MAX_FSA_TO_PLACE_METRES = 25_000;
// Parts of one name ("Sudbury - Val Caron") must be this close to count as the same place.
const MAX_PART_SPREAD_METRES = 30_000;
// Entries of the same name this close together are one settlement seen by two sources.
const SAME_PLACE_METRES = 10_000;

/**
 * The offline geocoder: FSA centroids, GeoNames places, First Nations/Inuit community points
 * and CSD representative points, matched by folded name within a province.
 * @example
 * const gazetteer = Gazetteer.from({ places, communities, fsas, units });
 * gazetteer.geocode({ postalCode: 'V9W 2P8', city: 'Campbell River', province: 'BC' }) // { precision: 'fsa', label: 'FSA V9W', … }
 */
export class Gazetteer {
  readonly #fsas: ReadonlyMap<string, FsaCentroid>;
  /** Community-level tiers, searched in order; the first tier with a match wins. */
  readonly #tiers: readonly Tier[];
  readonly #csdTier: Tier;
  readonly #searchable: readonly Entry[];

  private constructor(fsas: Map<string, FsaCentroid>, tiers: Tier[], csdTier: Tier, searchable: Entry[]) {
    this.#fsas = fsas;
    this.#tiers = tiers;
    this.#csdTier = csdTier;
    this.#searchable = searchable;
  }

  /** Builds the name and FSA indexes once; the inputs are not kept or changed. */
  static from(input: GazetteerInput): Gazetteer {
    const fsas = new Map<string, FsaCentroid>();
    for (const f of input.fsas) fsas.set(f.fsa, f);

    // Half a compound name locates only a whole municipality (Happy Valley-Goose Bay), never
    // a neighbourhood inside one: Toronto's "Taylor-Massey" is not Massey, 400 km north.
    const csdKeys = new Map<string, string[]>();
    for (const u of input.units ?? []) csdKeys.set(u.csdCode, placeKeys(u.name));
    const isMunicipality = (p: Place): boolean => {
      const keys = p.csdCode ? csdKeys.get(p.csdCode) : undefined;
      return keys !== undefined && placeKeys(p.name).some((k) => keys.includes(k));
    };

    let order = 0;
    const entry = (
      base: Pick<Entry, 'name' | 'lat' | 'lon' | 'source' | 'precision' | 'kind' | 'mainKeys' | 'otherKeys'>,
      province: ProvinceCode,
      population: number | null,
      partialKeys: string[] = [],
    ): Entry => ({ ...base, province, population: population ?? 0, order: order++, partialKeys });
    const fromPlace = (p: Place & { province: ProvinceCode }): Entry =>
      entry(
        {
          name: p.name,
          lat: p.lat,
          lon: p.lon,
          source: 'gazetteer',
          precision: 'community',
          kind: 'place',
          mainKeys: placeKeys(p.name),
          otherKeys: p.alternateNames.flatMap(placeKeys),
        },
        p.province,
        p.population,
        isMunicipality(p) ? partialPlaceKeys(p.name) : [],
      );
    const hasProvince = <T extends { province: ProvinceCode | null }>(
      x: T,
    ): x is T & { province: ProvinceCode } => x.province !== null;

    const places = input.places.filter(hasProvince).map(fromPlace);
    const addressPlaces = (input.addressPlaces ?? []).filter(hasProvince).map(fromPlace);
    const communities = input.communities.filter(hasProvince).map((c) => {
      const names = [c.name.en, c.name.fr].filter((n): n is string => Boolean(n));
      const traditional = c.alternateNames ?? [];
      return entry(
        {
          name: names[0] ?? '',
          lat: c.lat,
          lon: c.lon,
          source: 'community',
          precision: 'community',
          kind: 'community',
          mainKeys: [...new Set(names.flatMap(placeKeys))],
          otherKeys: [...new Set(traditional.flatMap(placeKeys))],
        },
        c.province,
        c.population,
      );
    });
    // Band names without their generic words: "Cross Lake Band of Indians" is at Cross Lake,
    // "Cree Nation of Chisasibi" at Chisasibi. A late tier: the town of Temagami is not the
    // Temagami First Nation on Bear Island.
    const bandKeys = (e: Entry): string[] => [
      ...new Set(e.mainKeys.concat(e.otherKeys).map(communityNameKey).filter(Boolean)),
    ];
    const units = (input.units ?? []).flatMap((u) =>
      u.province && u.lat !== null && u.lon !== null
        ? [
            entry(
              {
                name: u.name,
                lat: u.lat,
                lon: u.lon,
                source: 'csd',
                precision: 'csd',
                kind: 'csd',
                mainKeys: placeKeys(u.name),
                otherKeys: [],
              },
              u.province,
              u.population,
            ),
          ]
        : [],
    );

    const communityQueryKeys = (name: string): string[] =>
      [...placeKeys(name), communityNameKey(name)].filter(Boolean);
    const tiers: Tier[] = [
      { index: indexBy(places, (e) => e.mainKeys), queryKeys: placeKeys, unique: false },
      { index: indexBy(places, (e) => e.otherKeys), queryKeys: placeKeys, unique: false },
      {
        index: indexBy(communities, (e) => [...e.mainKeys, ...e.otherKeys]),
        queryKeys: placeKeys,
        unique: false,
      },
      { index: indexBy(addressPlaces, (e) => e.mainKeys), queryKeys: placeKeys, unique: false },
      { index: indexBy(communities, bandKeys), queryKeys: communityQueryKeys, unique: false },
      { index: indexBy(places, (e) => e.partialKeys), queryKeys: placeKeys, unique: true },
    ];
    const csdTier: Tier = { index: indexBy(units, (e) => e.mainKeys), queryKeys: placeKeys, unique: false };
    return new Gazetteer(fsas, tiers, csdTier, [...places, ...communities, ...addressPlaces]);
  }

  /** The centroid of an FSA ("V9W", any case), or null when the FSA is unknown. */
  lookupFsa(fsa: string): FsaCentroid | null {
    const code = normaliseFsa(fsa);
    return code ? (this.#fsas.get(code) ?? null) : null;
  }

  /**
   * Locates an address offline. A valid postal code gives its FSA centroid (precision `fsa`);
   * a place name gives the best-matching place within the province (precision `community`,
   * or `csd` from a census subdivision name). When both exist the place wins for a rural FSA
   * (second character 0, often hundreds of km across) and whenever the FSA centroid is more
   * than 25 km from the place (a PO box elsewhere). A name that exists only in another
   * province never matches.
   * @example gazetteer.geocode({ city: 'Iqaluit', province: 'NU' }) // { lat: 63.75, lon: -68.51, precision: 'community', source: 'gazetteer', label: 'Iqaluit, NU' }
   */
  geocode(query: GeocodeQuery): Geocode | null {
    const fsa = this.#fsaOf(query);
    const provinces = query.province ? [query.province] : fsa?.province ? [fsa.province] : null;
    const place = query.city ? this.#matchPlace(query.city, provinces) : null;
    if (!fsa) return place ? toGeocode(place) : null;
    if (!place) return fsaGeocode(fsa);
    const far = haversineMetres(fsa.lat, fsa.lon, place.lat, place.lon) > MAX_FSA_TO_PLACE_METRES;
    if (far || (place.precision === 'community' && isRuralFsa(fsa.fsa))) return toGeocode(place);
    return fsaGeocode(fsa);
  }

  /**
   * Suggestions for a search box: the postal code or FSA when the text is one, else places and
   * communities whose folded name starts with the text, exact names first, then by population.
   * @example gazetteer.search('quebec', 3)[0]?.label // 'Québec, QC'
   */
  search(text: string, limit: number): SearchResult[] {
    const max = Math.max(0, Math.floor(limit));
    if (max === 0) return [];
    const postalCode = normalisePostalCode(text);
    const fsaCode = postalCode ? fsaFromPostalCode(postalCode) : normaliseFsa(text);
    const fsa = fsaCode ? this.#fsas.get(fsaCode) : undefined;
    if (fsa) {
      const label = postalCode ?? `FSA ${fsa.fsa}`;
      return [
        { label, lat: fsa.lat, lon: fsa.lon, precision: 'fsa', kind: postalCode ? 'postal_code' : 'fsa' },
      ];
    }
    const [key] = placeKeys(text);
    if (!key) return [];
    const scored: { entry: Entry; rank: number }[] = [];
    for (const entry of this.#searchable) {
      const rank = searchRank(entry, key);
      if (rank !== null) scored.push({ entry, rank });
    }
    scored.sort(
      (a, b) => a.rank - b.rank || b.entry.population - a.entry.population || a.entry.order - b.entry.order,
    );
    const out: SearchResult[] = [];
    const kept: Entry[] = [];
    for (const { entry } of scored) {
      if (out.length >= max) break;
      // One settlement is often both a GeoNames place and an ISC community point.
      if (kept.some((k) => isSamePlace(k, entry))) continue;
      kept.push(entry);
      out.push({
        label: labelOf(entry),
        lat: entry.lat,
        lon: entry.lon,
        precision: entry.precision,
        kind: entry.kind === 'community' ? 'community' : 'place',
      });
    }
    return out;
  }

  /** The query's FSA centroid; null without a valid code, or when it contradicts the province. */
  #fsaOf(query: GeocodeQuery): FsaCentroid | null {
    if (!query.postalCode) return null;
    const postalCode = normalisePostalCode(query.postalCode);
    const code = postalCode ? fsaFromPostalCode(postalCode) : normaliseFsa(query.postalCode);
    const fsa = code ? this.#fsas.get(code) : undefined;
    if (!fsa) return null;
    if (query.province && !provincesForFsa(fsa.fsa).includes(query.province)) return null;
    return fsa;
  }

  /**
   * The place a name stands for, within the given provinces (or, without any, the one province
   * where the name exists). Tiers, first match wins: GeoNames names; their alternate names;
   * ISC community names and traditional names; facility-address places; band names without
   * their generic words; one half of a compound municipality name; then, at `csd` precision,
   * CSD names. In each, the whole name is tried before its parts.
   */
  #matchPlace(name: string, provinces: readonly ProvinceCode[] | null): Entry | null {
    const { whole, parts } = placeNameVariants(name);
    for (const tiers of [this.#tiers, [this.#csdTier]]) {
      const found = this.#lookup(whole, tiers, provinces);
      if (found) return found;
      const partMatches = parts
        .map((part) => this.#lookup(part, tiers, provinces))
        .filter((e): e is Entry => e !== null);
      if (partMatches.length > 0) return combineParts(partMatches);
    }
    return null;
  }

  #lookup(name: string, tiers: readonly Tier[], provinces: readonly ProvinceCode[] | null): Entry | null {
    for (const tier of tiers) {
      const candidates = [...new Set(tier.queryKeys(name).flatMap((key) => tier.index.get(key) ?? []))];
      const inProvince = provinces ? candidates.filter((e) => provinces.includes(e.province)) : candidates;
      if (inProvince.length === 0) continue;
      // Without a province, a name found in several provinces is ambiguous: no guess.
      if (!provinces && new Set(inProvince.map((e) => e.province)).size > 1) return null;
      const best = inProvince.reduce((b, e) => (isBetter(e, b) ? e : b));
      // Several entries of one settlement (GeoNames and an address-derived point) are still one place.
      if (
        tier.unique &&
        inProvince.some((e) => haversineMetres(e.lat, e.lon, best.lat, best.lon) > SAME_PLACE_METRES)
      )
        continue;
      return best;
    }
    return null;
  }
}

function indexBy(entries: readonly Entry[], keysOf: (e: Entry) => readonly string[]): NameIndex {
  const index: NameIndex = new Map();
  for (const entry of entries) {
    for (const key of new Set(keysOf(entry))) {
      const list = index.get(key);
      if (list) list.push(entry);
      else index.set(key, [entry]);
    }
  }
  return index;
}

/** More populous first; on a tie, the earlier input (GeoNames before derived places). */
function isBetter(a: Entry, b: Entry): boolean {
  return a.population > b.population || (a.population === b.population && a.order < b.order);
}

/**
 * Several parts of one name matched ("Ottawa (Orléans)": Ottawa and Orléans). When they lie
 * together, the least populous is the most specific answer; when they disagree, the most
 * populous is the safer one (a "Downtown" elsewhere in the province is not the one meant).
 */
function combineParts(matches: readonly Entry[]): Entry {
  const largest = matches.reduce((best, e) => (isBetter(e, best) ? e : best));
  const together = matches.every(
    (e) => haversineMetres(e.lat, e.lon, largest.lat, largest.lon) <= MAX_PART_SPREAD_METRES,
  );
  if (!together) return largest;
  return matches.reduce((best, e) => (e.population < best.population ? e : best));
}

function searchRank(entry: Entry, key: string): number | null {
  if (entry.mainKeys.includes(key)) return 0;
  if (entry.otherKeys.includes(key)) return 1;
  if (entry.mainKeys.some((k) => k.startsWith(key))) return 2;
  if (entry.otherKeys.some((k) => k.startsWith(key))) return 3;
  return null;
}

/** Same province, within 10 km, and one shares a name with the other ("Québec" / "Quebec City"). */
function isSamePlace(a: Entry, b: Entry): boolean {
  if (a.province !== b.province || haversineMetres(a.lat, a.lon, b.lat, b.lon) > SAME_PLACE_METRES)
    return false;
  const bKeys = [...b.mainKeys, ...b.otherKeys];
  return [...a.mainKeys, ...a.otherKeys].some((k) => bKeys.includes(k));
}

function labelOf(entry: Entry): string {
  return `${entry.name}, ${entry.province}`;
}

function toGeocode(entry: Entry): Geocode {
  return {
    lat: entry.lat,
    lon: entry.lon,
    precision: entry.precision,
    source: entry.source,
    label: labelOf(entry),
  };
}

function fsaGeocode(fsa: FsaCentroid): Geocode {
  return { lat: fsa.lat, lon: fsa.lon, precision: 'fsa', source: 'fsa_centroid', label: `FSA ${fsa.fsa}` };
}
