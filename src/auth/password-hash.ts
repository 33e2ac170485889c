import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters: N = 2^ln (CPU and memory), r (block size), p (parallelism). */
export interface ScryptParameters {
  ln: number;
  r: number;
  p: number;
}

/**
 * N = 2^15, r = 8, p = 1: 32 MiB and about 50–100 ms per hash on a server core, the
 * interactive-login parameters of RFC 7914 §2 and OWASP's password storage cheat sheet.
 */
export const DEFAULT_SCRYPT: ScryptParameters = { ln: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;

// What a stored hash may ask for: a tampered or corrupt row must not make one sign-in attempt
// allocate gigabytes or spin for minutes.
const LIMITS = { ln: [10, 20], r: [1, 32], p: [1, 16], salt: [8, 64], key: [16, 64] } as const;
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

/** A parsed hash: its parameters, salt and derived key. */
export interface PasswordHash {
  parameters: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

// The PHC string format (github.com/P-H-C/phc-string-format), as passlib writes scrypt:
// $scrypt$ln=15,r=8,p=1$<salt, unpadded base64>$<key, unpadded base64>
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

const unpadded = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

function derive(
  password: string,
  salt: Buffer,
  { ln, r, p }: ScryptParameters,
  length: number,
): Promise<Buffer> {
  const N = 2 ** ln;
  // Node refuses (128 · N · r) above maxmem, 32 MiB by default: exactly the default cost.
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // NFC: the same password typed on two keyboards (é as one code point or e + ◌́) is one password.
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Hashes a password with scrypt and a random 16-byte salt; the result names its parameters,
 * so they can be raised later without invalidating stored hashes.
 * @example await hashPassword('correct horse battery staple') // '$scrypt$ln=15,r=8,p=1$…$…'
 */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, parameters, KEY_BYTES);
  const { ln, r, p } = parameters;
  return `$scrypt$ln=${ln},r=${r},p=${p}$${unpadded(salt)}$${unpadded(key)}`;
}

/** The parts of a stored hash, or null when it is not one this code wrote (or is out of bounds). */
export function parsePasswordHash(text: string): PasswordHash | null {
  const match = FORMAT.exec(text);
  if (!match) return null;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const salt = Buffer.from(match[4], 'base64');
  const key = Buffer.from(match[5], 'base64');
  const within = (value: number, [min, max]: readonly [number, number]): boolean =>
    value >= min && value <= max;
  if (!within(ln, LIMITS.ln) || !within(r, LIMITS.r) || !within(p, LIMITS.p)) return null;
  if (128 * 2 ** ln * r > MAX_MEMORY_BYTES) return null;
  if (!within(salt.length, LIMITS.salt) || !within(key.length, LIMITS.key)) return null;
  return { parameters: { ln, r, p }, salt, key };
}

/**
 * True when `password` matches the stored hash, compared in constant time; false for a wrong
 * password and for a hash that cannot be read (which is logged by no one: the caller decides).
 * @example await verifyPassword('correct horse battery staple', storedHash) // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.parameters, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}
