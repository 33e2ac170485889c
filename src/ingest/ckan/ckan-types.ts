/**
 * The parts of CKAN Action API payloads (API v3) that harvesting reads. Portals add many
 * fields of their own (the BC catalogue's `sector`, `contacts`, open.canada.ca's
 * `title_translated`…); they are ignored, never required. Values are typed as CKAN sends
 * them: most strings may be null or absent on some portal.
 */
export interface CkanResource {
  id: string;
  name?: string | null;
  url?: string | null;
  /** Free text set by the publisher: "CSV", "csv", "GeoJSON", "fgdb", "other", "". */
  format?: string | null;
  mimetype?: string | null;
  /** ISO timestamp without a zone (UTC) or null when the portal does not track it. */
  last_modified?: string | null;
  created?: string | null;
  size?: number | null;
  hash?: string | null;
}

export interface CkanOrganization {
  id?: string;
  name?: string;
  title?: string;
  /** open.canada.ca (ckanext-fluent): `{ en, fr }`. */
  title_translated?: { en?: string; fr?: string };
}

export interface CkanPackage {
  id: string;
  name: string;
  title?: string | null;
  /** open.canada.ca (ckanext-fluent) publishes the title in both languages here. */
  title_translated?: { en?: string; fr?: string } | null;
  license_id?: string | null;
  license_title?: string | null;
  license_url?: string | null;
  metadata_modified?: string | null;
  organization?: CkanOrganization | null;
  resources?: CkanResource[];
}

/** `package_search` result (CKAN 2.x): the page of packages and the total match count. */
export interface CkanSearchResult {
  count: number;
  results: CkanPackage[];
  sort?: string;
  facets?: Record<string, unknown>;
  search_facets?: Record<string, unknown>;
}

/** Every Action API response: `success` true with `result`, or false with `error`. */
export interface CkanEnvelope<T> {
  help?: string;
  success: boolean;
  result?: T;
  error?: { message?: string; __type?: string };
}
