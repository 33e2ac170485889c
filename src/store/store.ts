import type { Channel, JurisdictionLevel } from '../domain/jurisdiction.js';
import type { GeocodePrecision } from '../domain/geocode.js';
import type { ServicePoint } from '../domain/service-point.js';
import type { Boundary, Community, FsaCentroid, Place, PopulationUnit } from '../domain/reference.js';
import type { ImportReport } from '../domain/row-issue.js';

/** What a source is, as registered in the store (one row per imported source). */
export interface SourceInfo {
  id: string;
  title: string;
  /** Licence name or URL; `unclear` when the publisher states none. */
  licence: string;
  attribution?: string;
  /** Where the data came from (file path, portal URL, dataset id…). */
  origin: string;
  retrievedAt: string;
  lastVerified: string | null;
}

/** A registered source with its quality counters. */
export interface SourceSummary extends SourceInfo {
  importedAt: string;
  records: number;
  byPrecision: Record<GeocodePrecision, number>;
  report: Omit<ImportReport, 'issues'> & { issue_counts: Record<string, number> };
}

/**
 * An analyst account (the only personal data Repère keeps: DESIGN.md "Safety"). `email` is
 * the key, as `accountEmail` normalises it (src/auth/user-accounts.ts); `passwordHash` is a
 * self-describing scrypt hash (src/auth/password-hash.ts), never the password.
 */
export interface UserAccount {
  email: string;
  passwordHash: string;
  /** ISO 8601 UTC. */
  createdAt: string;
}

/**
 * A signed-in session, kept server-side so that any server over the same database can check
 * it and sign-out or `repere user remove` ends it everywhere. Only a hash of the session id is
 * stored: reading the database does not give a usable cookie.
 */
export interface SessionRecord {
  /** SHA-256 of the session id, hex (src/http/auth/sessions.ts). */
  idHash: string;
  email: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** ISO 8601 UTC; the session is over from this instant. */
  expiresAt: string;
}

/** Filters shared by nearest, bbox and text queries. Empty arrays mean "no filter". */
export interface PointFilter {
  jurisdictionLevels?: readonly JurisdictionLevel[];
  channels?: readonly Channel[];
  layers?: readonly string[];
  serviceTypes?: readonly string[];
  sourceIds?: readonly string[];
  /** Defaults to `service_point` only: candidate sites are not shown to the public. */
  roles?: readonly ServicePoint['role'][];
}

export interface NearestQuery extends PointFilter {
  lat: number;
  lon: number;
  k: number;
  maxDistanceMetres?: number;
}

export interface NearestHit {
  point: ServicePoint;
  distanceMetres: number;
}

export interface TextQuery extends PointFilter {
  /** Free text; French and English, accent- and case-insensitive. */
  q: string;
  limit: number;
  offset?: number;
}

export interface TextHit {
  point: ServicePoint;
  /** Higher is better; comparable within one query only. */
  score: number;
}

export interface ListQuery extends PointFilter {
  limit: number;
  offset: number;
  modifiedAfter?: string;
}

export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The records of one import, in source order. Async so imports stream. */
export type PointStream = AsyncIterable<ServicePoint> | Iterable<ServicePoint>;

/** Thrown when an id does not exist; the HTTP layer maps it to 404. */
export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} "${id}" was not found`);
    this.name = 'NotFoundError';
  }
}

/**
 * The storage contract. SQLite (embedded default) and PostGIS implement it; everything
 * above the store (search, analysis, referral, HTTP, CLI) talks only to this interface.
 * Every method is async so a networked implementation fits the same shape.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgis';

  /** Creates or upgrades the schema; idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /**
   * Replaces every record of `source` with `points`, all-or-nothing: if the stream throws
   * or the process dies, the store is left exactly as before. Records the report.
   * `onProgress` is called with the count written so far.
   */
  replaceSource(
    source: SourceInfo,
    points: PointStream,
    finishReport: () => ImportReport,
    onProgress?: (written: number) => void,
  ): Promise<{ written: number }>;
  deleteSource(sourceId: string): Promise<void>;
  listSources(): Promise<SourceSummary[]>;

  getPoint(id: string): Promise<ServicePoint | null>;
  /**
   * The point whose HSDS location id is `uuid`, i.e. `stableUuid(point.id)` (any letter
   * case), or null. Implementations store and index that UUID: the HSDS API resolves
   * `/locations/{id}` and `/service_at_locations/{id}` through it.
   */
  getPointByUuid(uuid: string): Promise<ServicePoint | null>;
  getPoints(ids: readonly string[]): Promise<ServicePoint[]>;
  listPoints(query: ListQuery): Promise<{ items: ServicePoint[]; total: number }>;
  /** Every point matching the filter, streamed in id order (exports, analysis). */
  streamPoints(filter: PointFilter): AsyncIterable<ServicePoint>;
  /** k nearest by great-circle distance, ties broken by id. */
  findNearest(query: NearestQuery): Promise<NearestHit[]>;
  searchText(query: TextQuery): Promise<{ hits: TextHit[]; total: number }>;
  withinBBox(bbox: BBox, filter: PointFilter, limit: number): Promise<ServicePoint[]>;

  /** Reference layers are replaced whole, each in one transaction. */
  replacePopulationUnits(units: readonly PopulationUnit[]): Promise<void>;
  listPopulationUnits(): Promise<PopulationUnit[]>;
  replaceCommunities(communities: readonly Community[]): Promise<void>;
  listCommunities(): Promise<Community[]>;
  replacePlaces(places: readonly Place[]): Promise<void>;
  listPlaces(): Promise<Place[]>;
  replaceFsaCentroids(fsas: readonly FsaCentroid[]): Promise<void>;
  listFsaCentroids(): Promise<FsaCentroid[]>;
  replaceBoundaries(boundaries: readonly Boundary[]): Promise<void>;
  listBoundaries(): Promise<Boundary[]>;

  /** Small key/value metadata (dataset version, build time). */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;

  /** The account with this (normalised) e-mail address, or null. */
  getUser(email: string): Promise<UserAccount | null>;
  /** Creates or replaces an account; replacing one also ends all of its sessions. */
  putUser(user: UserAccount): Promise<void>;
  /** Deletes an account and its sessions; false when there was none. */
  deleteUser(email: string): Promise<boolean>;
  /** Every account, by e-mail address. */
  listUsers(): Promise<UserAccount[]>;

  /** Records a new session of an existing account (a NotFoundError when there is no such account). */
  putSession(session: SessionRecord): Promise<void>;
  /** The session with this id hash if it has not expired at `now` (ISO 8601), else null. */
  getSession(idHash: string, now: string): Promise<SessionRecord | null>;
  /** Ends a session; nothing happens when there is none. */
  deleteSession(idHash: string): Promise<void>;
  /** Deletes the sessions expired at `now` (ISO 8601); returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;
}
