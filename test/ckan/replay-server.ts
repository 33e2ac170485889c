import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** What a resource URL answers (test/ckan/fixtures/catalogue.json `files`). */
interface ServedFile {
  file?: string;
  content_type?: string;
  /** Sent without Content-Length (Transfer-Encoding: chunked), as dynamic exports are. */
  chunked?: boolean;
  /** An HTML page (a portal landing page where the data file was expected). */
  html?: string;
  /** Never answers: for timeouts. */
  hang?: boolean;
}

interface CatalogueFile {
  datasets: string[];
  files: Record<string, ServedFile>;
}

type Json = Record<string, unknown>;

export interface ReplayRequest {
  path: string;
  params: Record<string, string>;
}

export interface ReplayServer {
  /** Base URL of the replayed portal, e.g. `http://127.0.0.1:41234` (no trailing "/"). */
  url: string;
  /** Every request received, in order. */
  requests: ReplayRequest[];
  /** Resource ids whose file was requested, in order (downloads). */
  downloads(): string[];
  /**
   * Publishes a new version of a resource, as a portal does when a dataset is updated: the
   * file it serves, its `last_modified` (null: the portal does not track it) and the
   * dataset's `metadata_modified`.
   */
  updateResource(resourceId: string, change: { file: string; lastModified: string | null; metadataModified: string }): void;
  close(): Promise<void>;
}

/**
 * A local CKAN portal that replays recorded Action API payloads (test/ckan/fixtures/): the
 * same envelope (`help`, `success`, `result`), `package_search` with `q`, `fq=organization:`
 * and `rows`/`start` paging, `package_show` by id or name (404 envelope when unknown), and
 * resource downloads. Resource URLs are rewritten to point at this server. Listens on
 * 127.0.0.1, on a random port.
 * @example
 * const portal = await startReplayServer('main');
 * // … harvest portal.url …
 * await portal.close();
 */
export async function startReplayServer(catalogueName: 'main' | 'broken'): Promise<ReplayServer> {
  const index = JSON.parse(readFileSync(join(FIXTURES, 'catalogue.json'), 'utf8')) as Record<string, CatalogueFile>;
  const catalogue = index[catalogueName];
  if (!catalogue) throw new Error(`no catalogue "${catalogueName}" in test/ckan/fixtures/catalogue.json`);
  const packages: Json[] = catalogue.datasets.map((file) => (JSON.parse(readFileSync(join(FIXTURES, 'catalogue', file), 'utf8')) as { result: Json }).result);
  const files = new Map(Object.entries(catalogue.files));
  const requests: ReplayRequest[] = [];
  let base = '';

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const params = Object.fromEntries(url.searchParams);
    requests.push({ path: url.pathname, params });
    const download = /^\/download\/([^/]+)\//.exec(url.pathname);
    if (download) return serveFile(files.get(download[1] ?? ''), response);
    const action = /^\/api\/3\/action\/([a-z_]+)$/.exec(url.pathname)?.[1];
    if (action === 'package_search') return sendJson(response, 200, envelope(base, action, packageSearch(packages, params, base)));
    if (action === 'package_show') {
      const found = packages.find((p) => p['id'] === params['id'] || p['name'] === params['id']);
      if (found) return sendJson(response, 200, envelope(base, action, withLocalUrls(found, base)));
      return sendJson(response, 404, { help: helpUrl(base, action), success: false, error: { message: 'Not found', __type: 'Not Found Error' } });
    }
    sendJson(response, 400, {
      help: helpUrl(base, 'help_show'),
      success: false,
      error: { message: `Bad request - Action name not known: ${action ?? url.pathname}`, __type: 'Validation Error' },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    downloads: () => requests.flatMap((r) => /^\/download\/([^/]+)\//.exec(r.path)?.[1] ?? []),
    updateResource(resourceId, change) {
      const pkg = packages.find((p) => (p['resources'] as Json[]).some((r) => r['id'] === resourceId));
      const resource = (pkg?.['resources'] as Json[] | undefined)?.find((r) => r['id'] === resourceId);
      if (!pkg || !resource) throw new Error(`no resource ${resourceId} in the replay catalogue`);
      resource['last_modified'] = change.lastModified;
      pkg['metadata_modified'] = change.metadataModified;
      files.set(resourceId, { ...files.get(resourceId), file: change.file });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function helpUrl(base: string, action: string): string {
  return `${base}/api/3/action/help_show?name=${action}`;
}

function envelope(base: string, action: string, result: unknown): Json {
  return { help: helpUrl(base, action), success: true, result };
}

/** CKAN 2.x `package_search`: every `q` term in the dataset's text (`*:*` or empty: all), `fq=organization:<name>`, `rows` (default 10) from `start`. */
function packageSearch(packages: readonly Json[], params: Record<string, string>, base: string): Json {
  const q = (params['q'] ?? '').trim();
  const terms = q === '' || q === '*:*' ? [] : fold(q).split(/\s+/);
  const organization = /^organization:(.+)$/.exec(params['fq'] ?? '')?.[1]?.replace(/^"|"$/g, '');
  const matches = packages.filter((pkg) => {
    if (organization && (pkg['organization'] as Json | null)?.['name'] !== organization) return false;
    const text = fold(searchText(pkg));
    return terms.every((term) => text.includes(term));
  });
  const rows = Number(params['rows'] ?? 10);
  const start = Number(params['start'] ?? 0);
  return {
    count: matches.length,
    facets: {},
    results: matches.slice(start, start + rows).map((pkg) => withLocalUrls(pkg, base)),
    sort: 'score desc, metadata_modified desc',
    search_facets: {},
  };
}

function searchText(pkg: Json): string {
  const tags = ((pkg['tags'] as Json[] | undefined) ?? []).map((t) => String(t['name']));
  const org = pkg['organization'] as Json | null;
  return [pkg['name'], pkg['title'], pkg['notes'], org?.['title'], ...tags].map((v) => String(v ?? '')).join(' ');
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A copy of the package whose resource URLs point at this server (same file name as the real URL). */
function withLocalUrls(pkg: Json, base: string): Json {
  const resources = (pkg['resources'] as Json[]).map((resource) => {
    const real = String(resource['url'] ?? '');
    const name = new URL(real).pathname.split('/').pop() ?? '';
    return { ...resource, url: `${base}/download/${String(resource['id'])}/${name}` };
  });
  return { ...pkg, resources };
}

function serveFile(served: ServedFile | undefined, response: ServerResponse): void {
  if (served?.hang) return;
  if (served?.html !== undefined) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(served.html);
    return;
  }
  if (!served?.file) {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 Not Found</h1>');
    return;
  }
  const body = readFileSync(join(FIXTURES, 'files', served.file));
  const headers: Record<string, string> = { 'content-type': served.content_type ?? 'application/octet-stream' };
  if (served.chunked) {
    response.writeHead(200, headers);
    for (let i = 0; i < body.length; i += 1024) response.write(body.subarray(i, i + 1024));
    response.end();
    return;
  }
  response.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=utf-8' }).end(JSON.stringify(body));
}
