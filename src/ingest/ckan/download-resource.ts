import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { describeFetchError } from './ckan-client.js';

/** A resource file that could not be downloaded; the message says why (HTTP status, timeout, size). */
export class DownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadLimits {
  /** Whole download (headers and body), milliseconds. */
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

export interface Downloaded {
  bytes: number;
  /** SHA-256 of the bytes as received, hex. */
  sha256: string;
  contentType: string | null;
}

/**
 * Streams `url` into the file `path`, hashing as it goes, never holding the body in memory.
 * Fails on a non-2xx status, on a body over `maxBytes` (announced or actual), on a timeout,
 * and on an HTML page where a data file was expected (a landing page instead of the file).
 * @example const { sha256 } = await downloadToFile(url, '/tmp/r.csv', { timeoutMs: 60_000, maxBytes: 50e6, userAgent: 'repere' });
 */
export async function downloadToFile(url: string, path: string, limits: DownloadLimits): Promise<Downloaded> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { headers: { 'user-agent': limits.userAgent }, signal });
  } catch (error) {
    throw new DownloadError(`download failed: ${describeFetchError(error, limits.timeoutMs)}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new DownloadError(`download failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const contentType = response.headers.get('content-type');
  if (contentType && /^text\/html\b/i.test(contentType)) {
    await response.body?.cancel();
    throw new DownloadError('the URL answered with an HTML page, not a data file; it probably links to a landing page');
  }
  const announced = Number(response.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > limits.maxBytes) {
    await response.body?.cancel();
    throw new DownloadError(`the file is ${announced} bytes, over the ${limits.maxBytes}-byte limit (--max-bytes)`);
  }
  if (!response.body) throw new DownloadError('download failed: the response has no body');

  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) {
        callback(new DownloadError(`the file is over the ${limits.maxBytes}-byte limit (--max-bytes); download stopped`));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), meter, createWriteStream(path));
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw new DownloadError(`download failed: ${describeFetchError(error, limits.timeoutMs)}`);
  }
  return { bytes, sha256: hash.digest('hex'), contentType };
}
