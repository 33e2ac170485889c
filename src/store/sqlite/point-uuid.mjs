// @ts-check
// The HSDS UUID of a point, for the import: the main thread's in-thread writer and the import
// thread (point-write-thread.worker.mjs) compute it here, which is why this is JavaScript.
import { Buffer } from 'node:buffer';
import * as crypto from 'node:crypto';

/** @typedef {(algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer} OneShotHash */

// Node ≥ 20.12: a one-shot SHA-1 with no Hash object per call (the engines range starts at 20.0).
const oneShot = /** @type {{ hash?: OneShotHash }} */ (/** @type {unknown} */ (crypto)).hash;

/** @param {Uint8Array} data */
function sha1(data) {
  return oneShot ? oneShot('sha1', data, 'buffer') : crypto.createHash('sha1').update(data).digest();
}

/**
 * The UUID v5 of `id` in the namespace `namespace` (a UUID), as `stableUuid` computes it
 * (SHA-1 of the namespace bytes then the UTF-8 id, version and variant bits set), with one
 * buffer and a one-shot hash: about twice as fast, and it runs once per imported point.
 * @param {string} namespace
 * @returns {(id: string) => string}
 */
export function uuidV5In(namespace) {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  return (id) => {
    const input = Buffer.allocUnsafe(16 + Buffer.byteLength(id, 'utf8'));
    namespaceBytes.copy(input, 0);
    input.write(id, 16, 'utf8');
    const bytes = sha1(input).subarray(0, 16);
    bytes[6] = (/** @type {number} */ (bytes[6]) & 0x0f) | 0x50;
    bytes[8] = (/** @type {number} */ (bytes[8]) & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
