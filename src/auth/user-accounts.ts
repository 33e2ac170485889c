import { normaliseEmail } from '../domain/email.js';
import type { Store, UserAccount } from '../store/store.js';
import { hashPassword, verifyPassword } from './password-hash.js';

/** NIST SP 800-63B asks for at least 8; analysts' accounts open government analysis: 12. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords are refused before hashing: scrypt's cost grows with the input. */
export const MAX_PASSWORD_LENGTH = 1024;

/** An account cannot be created, replaced or removed as asked; the message says why and what to do. */
export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

/**
 * The key of an account: the e-mail address, trimmed and wholly in lower case (sign-in must
 * not depend on how someone capitalises their own address); null when it is not an address.
 * @example accountEmail(' Ana.Analyst@Example.GC.ca ') // 'ana.analyst@example.gc.ca'
 */
export function accountEmail(input: string): string | null {
  return normaliseEmail(input)?.toLowerCase() ?? null;
}

/** What is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters; it has ${length}`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `the password must have at most ${MAX_PASSWORD_LENGTH} characters; it has ${length}`;
  }
  return null;
}

/**
 * Creates an analyst account (the `repere user add` command): the address normalised, the
 * password hashed with scrypt. `replace` sets a new password on an existing account, which
 * signs it out everywhere. Throws AccountError on a bad address, a weak password, or an
 * account that exists already (without `replace`).
 * @example await addUser(store, 'ana.analyst@example.gc.ca', 'correct horse battery staple')
 */
export async function addUser(
  store: Pick<Store, 'getUser' | 'putUser'>,
  email: string,
  password: string,
  options: { replace?: boolean; now?: Date } = {},
): Promise<UserAccount> {
  const key = accountEmail(email);
  if (key === null) throw new AccountError(`"${email}" is not an e-mail address`);
  const problem = passwordProblem(password);
  if (problem !== null) throw new AccountError(problem);
  const existing = await store.getUser(key);
  if (existing && !options.replace) {
    throw new AccountError(`${key} already has an account: use --replace to set a new password`);
  }
  const user: UserAccount = {
    email: key,
    passwordHash: await hashPassword(password),
    createdAt: existing?.createdAt ?? (options.now ?? new Date()).toISOString(),
  };
  await store.putUser(user);
  return user;
}

/** Deletes an account and signs it out everywhere; throws AccountError when there is none. */
export async function removeUser(store: Pick<Store, 'deleteUser'>, email: string): Promise<string> {
  const key = accountEmail(email);
  if (key === null) throw new AccountError(`"${email}" is not an e-mail address`);
  if (!(await store.deleteUser(key))) throw new AccountError(`${key} has no account`);
  return key;
}

// Checked against when the address has no account, so that an unknown address costs the same
// scrypt work as a wrong password: response times do not tell which addresses exist.
let decoyHash: Promise<string> | null = null;

/**
 * The account whose address and password these are, or null; the same work and the same
 * answer whether the address is unknown or the password wrong (no user enumeration).
 * @example await authenticate(store, 'ana.analyst@example.gc.ca', password) // UserAccount | null
 */
export async function authenticate(
  store: Pick<Store, 'getUser'>,
  email: string,
  password: string,
): Promise<UserAccount | null> {
  const key = accountEmail(email);
  const user = key === null ? null : await store.getUser(key);
  if (password.length > MAX_PASSWORD_LENGTH * 4) return null;
  const hash = user?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy password, never valid')));
  const matches = await verifyPassword(password, hash);
  return user && matches ? user : null;
}
