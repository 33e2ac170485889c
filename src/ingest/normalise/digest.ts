import * as crypto from 'node:crypto';

type OneShotHash = (algorithm: string, data: string, outputEncoding: 'hex' | 'base64') => string;

// Node ≥ 20.12 has crypto.hash(), a one-shot digest about twice as fast as createHash() for
// short inputs (no Hash object per call); the engines range starts at 20.0, so fall back.
const oneShot = (crypto as { hash?: OneShotHash }).hash;

/** The digest of a UTF-8 string, the same as `createHash(algorithm).update(text).digest(encoding)`. */
export const digestOf: OneShotHash =
  typeof oneShot === 'function'
    ? oneShot
    : (algorithm, text, encoding) => crypto.createHash(algorithm).update(text).digest(encoding);
