import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { Auth, DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth.js';
import { randomToken } from './tokens.js';

export { Auth, DEFAULT_AUTH_SETTINGS, type AuthSettings, type SignedIn, type SignInOutcome } from './auth.js';
export { localNextPath } from './local-path.js';

/** Meta key of the secret a deployment shares when none is configured (see secretOf). */
export const SESSION_SECRET_META_KEY = 'session_secret';
/** A configured secret shorter than this is refused: it could be guessed. */
const MIN_SECRET_LENGTH = 32;
/** Sign-in forms are a few hundred bytes. */
const FORM_BODY_LIMIT_BYTES = 8 * 1024;

/**
 * The configured secret, else the one kept in the store's meta (written once, with 32 random
 * bytes, by the first server to start), so that every server over one database signs and
 * checks cookies alike without any configuration.
 */
async function secretOf(store: Store, configured: string | undefined): Promise<string> {
  if (configured !== undefined && configured !== '') {
    if (configured.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `The session secret must have at least ${MIN_SECRET_LENGTH} characters (it signs the analysts' cookies); it has ${configured.length}. Generate one with: openssl rand -base64 48`,
      );
    }
    return configured;
  }
  const stored = await store.getMeta(SESSION_SECRET_META_KEY);
  if (stored !== null) return stored;
  const secret = randomToken();
  await store.setMeta(SESSION_SECRET_META_KEY, secret);
  return (await store.getMeta(SESSION_SECRET_META_KEY)) ?? secret;
}

/**
 * Registers cookie parsing (signed with the session secret) and urlencoded form bodies (the
 * sign-in and sign-out forms), and returns the analyst sign-in the routes use.
 */
export async function registerAuth(
  app: FastifyInstance,
  store: Store,
  options: {
    secret?: string;
    settings?: Partial<Omit<AuthSettings, 'secret'>>;
    now: () => Date;
    basePath: string;
  },
): Promise<Auth> {
  const secret = await secretOf(store, options.secret);
  await app.register(cookie, { secret, hook: 'onRequest' });
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT_BYTES });
  return new Auth(
    store,
    { ...DEFAULT_AUTH_SETTINGS, ...options.settings, secret },
    options.now,
    options.basePath,
  );
}
