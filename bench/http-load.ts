// One bounded autocannon run over loopback against a server in another process: a list of
// request paths sent in turn (shared by every connection), with browser-like headers.
import autocannon from 'autocannon';

/** What browsers send; JSON and pages over 1 KB come back compressed, as for the public. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * Client addresses the load is spread over (10.0.0.0–10.0.15.255, in X-Forwarded-For).
 * The API's rate limiter (@fastify/rate-limit, 600 requests per minute per client in
 * src/http/app.ts) keys on `request.ip`, and the app trusts X-Forwarded-For
 * (`trustProxy: true`), so each address stays far under its budget: at 5,000 requests/s
 * each sends ~73 a minute. The limiter still runs on every request, as in production.
 */
export const CLIENT_ADDRESSES = 4096;

/** The X-Forwarded-For address of the `n`-th request. */
export function clientAddress(n: number): string {
  const i = n % CLIENT_ADDRESSES;
  return `10.0.${i >> 8}.${i & 255}`;
}

/** One run's figures. Latencies in milliseconds, as autocannon measures them. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts included. */
  errors: number;
  /** Responses whose status is not 2xx (a 429 here means the limiter throttled the bench). */
  non2xx: number;
  /** Response count per status code. */
  statusCodes: Record<string, number>;
  /** Failed requests per error code or message ('request timed out', 'ECONNRESET'…). */
  errorKinds: Record<string, number>;
}

let sent = 0;

/** The next client address of this process's requests (load, checks and byte counts alike). */
export function nextClientAddress(): string {
  return clientAddress(sent++);
}

/**
 * Sends `paths` in turn (wrapping around) from `connections` keep-alive connections for
 * `seconds`, and reports completed requests per second and the latency percentiles.
 * @example await loadOnce({ baseUrl: 'http://127.0.0.1:3000', paths: ['/api/v1/health'], seconds: 10, connections: 50 });
 */
export async function loadOnce(options: {
  baseUrl: string;
  paths: readonly string[];
  seconds: number;
  connections: number;
}): Promise<LoadResult> {
  if (options.paths.length === 0) throw new Error('loadOnce needs at least one path to request');
  const { paths } = options;
  let next = 0;
  const errorKinds: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolveRun, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING, accept: '*/*' },
        requests: [
          {
            // Called before every request: the next path of the list and the next client address.
            setupRequest: (request) => {
              const n = next++;
              return {
                ...request,
                path: paths[n % paths.length],
                headers: { ...request.headers, 'x-forwarded-for': nextClientAddress() },
              };
            },
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolveRun(done)),
    );
    // Why a request failed (a timeout after 10 s, ECONNRESET…), for the error message.
    instance.on('reqError', (error: { code?: string; message?: string }) => {
      const kind = error.code ?? error.message ?? 'unknown';
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    });
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stats.count ?? 0;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    statusCodes,
    errorKinds,
  };
}
