// Bytes on the wire of one response: the body as the server sent it (compressed or not),
// read with node:http because fetch() decompresses and hides the transferred size.
import { get } from 'node:http';

/** One response as transferred. */
export interface TransferredBody {
  status: number;
  /** Body bytes as sent (after Content-Encoding), headers not counted. */
  bytes: number;
  /** The Content-Encoding the server chose, or 'identity'. */
  encoding: string;
  body: Buffer;
}

/**
 * GETs `url` with the given Accept-Encoding (and extra headers) and counts the body bytes
 * as received, without decoding them.
 * @example (await transferredBody('http://127.0.0.1:3000/en/search?q=K1A', 'gzip, br')).bytes
 */
export function transferredBody(
  url: string,
  acceptEncoding: string,
  headers: Record<string, string> = {},
): Promise<TransferredBody> {
  return new Promise((resolveBody, reject) => {
    const request = get(url, { headers: { ...headers, 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolveBody({
          status: response.statusCode ?? 0,
          bytes: body.length,
          encoding: String(response.headers['content-encoding'] ?? 'identity'),
          body,
        });
      });
    });
    request.on('error', reject);
  });
}

/** The five entities our HTML escaper writes (src/http/pages/html.ts), decoded. */
export function decodeHtmlAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What a results page asks for: its stylesheets, module scripts and the map's data URLs. */
export interface PageRequests {
  stylesheets: string[];
  scripts: string[];
  /** Non-empty `data-*-url` attributes of `#map` (GeoJSON the map fetches), tile URL excluded. */
  mapData: string[];
}

/** The sub-resources a page's HTML names, as site-relative URLs. */
export function pageRequestsOf(html: string): PageRequests {
  const attribute = (tag: string, name: string): string | undefined =>
    new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const stylesheets = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => attribute(tag, 'rel') === 'stylesheet')
    .map((tag) => decodeHtmlAttribute(attribute(tag, 'href') ?? ''));
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)]
    .map(([tag]) => attribute(tag, 'src'))
    .filter((src): src is string => src !== undefined)
    .map(decodeHtmlAttribute);
  const map = /<div\b[^>]*\sid="map"[^>]*>/.exec(html)?.[0] ?? '';
  const mapData = [...map.matchAll(/\sdata-([a-z-]+)-url="([^"]*)"/g)]
    .filter(([, name, value]) => name !== 'tile' && value !== '')
    .map(([, , value]) => decodeHtmlAttribute(value));
  return { stylesheets, scripts, mapData };
}
