import type { CkanEnvelope, CkanPackage, CkanSearchResult } from './ckan-types.js';

/** A CKAN Action API call that did not give a usable answer (HTTP error, bad JSON, `success: false`). */
export class CkanApiError extends Error {
  constructor(
    readonly url: string,
    problem: string,
  ) {
    super(`CKAN API ${url}: ${problem}`);
    this.name = 'CkanApiError';
  }
}

export interface CkanClientOptions {
  /** Per-request timeout, milliseconds. */
  timeoutMs: number;
  userAgent: string;
}

export interface SearchQuery {
  q: string;
  /** Organization name (`fq=organization:<name>`). */
  organization?: string;
  rows: number;
  start: number;
}

/**
 * A minimal read-only client for the CKAN Action API v3 of one portal
 * (`<base>/api/3/action/<action>`), over the global `fetch`.
 * @example
 * const ckan = new CkanClient('https://open.canada.ca/data', { timeoutMs: 30_000, userAgent: 'repere' });
 * const page = await ckan.packageSearch({ q: 'service centre', rows: 100, start: 0 });
 */
export class CkanClient {
  readonly #actionBase: string;
  readonly #options: CkanClientOptions;

  constructor(baseUrl: string, options: CkanClientOptions) {
    this.#actionBase = `${baseUrl.replace(/\/+$/, '')}/api/3/action`;
    this.#options = options;
  }

  /** The URL of an action with its query parameters, as requested (also used in reports). */
  actionUrl(action: string, params: Record<string, string>): string {
    const query = new URLSearchParams(params).toString();
    return `${this.#actionBase}/${action}${query ? `?${query}` : ''}`;
  }

  /** One page of `package_search`. */
  async packageSearch(query: SearchQuery): Promise<CkanSearchResult> {
    const params: Record<string, string> = { q: query.q, rows: String(query.rows), start: String(query.start) };
    if (query.organization) params['fq'] = `organization:${query.organization}`;
    const url = this.actionUrl('package_search', params);
    const result = await this.#call<CkanSearchResult>(url);
    if (typeof result.count !== 'number' || !Array.isArray(result.results)) {
      throw new CkanApiError(url, 'expected a package_search result with "count" and "results"; is this a CKAN portal?');
    }
    return result;
  }

  /** `package_show` of one dataset by id or name. */
  async packageShow(id: string): Promise<CkanPackage> {
    const url = this.actionUrl('package_show', { id });
    const result = await this.#call<CkanPackage>(url);
    if (typeof result?.id !== 'string' || typeof result.name !== 'string') {
      throw new CkanApiError(url, 'expected a package_show result with "id" and "name"');
    }
    return result;
  }

  async #call<T>(url: string): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', 'user-agent': this.#options.userAgent },
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new CkanApiError(url, `no answer (${describeFetchError(error, this.#options.timeoutMs)}); check the portal URL and the network`);
    }
    let envelope: CkanEnvelope<T>;
    try {
      envelope = JSON.parse(text) as CkanEnvelope<T>;
    } catch {
      const kind = response.headers.get('content-type') ?? 'unknown content type';
      throw new CkanApiError(url, `HTTP ${response.status} answered ${kind}, not JSON; is this the base URL of a CKAN portal (the part before /api/3)?`);
    }
    if (!response.ok || envelope.success !== true || envelope.result === undefined) {
      const reason = envelope.error?.message ?? envelope.error?.__type ?? `HTTP ${response.status}`;
      throw new CkanApiError(url, `the portal answered "${reason}" (HTTP ${response.status})`);
    }
    return envelope.result;
  }
}

/** "timed out after 30 s", "ECONNREFUSED"… from what `fetch` throws. */
export function describeFetchError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
