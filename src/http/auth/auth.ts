import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../../auth/user-accounts.js';
import type { Store } from '../../store/store.js';
import { AttemptLimiter } from './attempt-limiter.js';
import { csrfToken, randomToken, sessionIdHash, tokensMatch } from './tokens.js';

/** How sign-in behaves; every field has a default (DEFAULT_AUTH_SETTINGS). */
export interface AuthSettings {
  /** Signs the cookies and keys the CSRF tokens; the same on every server of a deployment. */
  secret: string;
  /** A session ends this long after sign-in, whatever happens meanwhile. */
  sessionHours: number;
  /** Failed sign-ins allowed per account and per client address in the window, then a wait. */
  signInAttempts: { perAccount: number; perClient: number; windowMinutes: number };
}

export const DEFAULT_AUTH_SETTINGS: Omit<AuthSettings, 'secret'> = {
  sessionHours: 8,
  signInAttempts: { perAccount: 5, perClient: 20, windowMinutes: 15 },
};

/** Who is signed in, and the token their state-changing forms (sign-out) must carry. */
export interface SignedIn {
  email: string;
  csrfToken: string;
}

/** The result of a sign-in attempt: a session, a refusal (no reason given), or a wait. */
export type SignInOutcome = { kind: 'signed_in' } | { kind: 'refused' } | { kind: 'wait'; seconds: number };

export const SESSION_COOKIE = 'repere_session';
export const SIGNIN_NONCE_COOKIE = 'repere_signin';
const SIGNIN_NONCE_MINUTES = 60;

/**
 * Analyst sign-in, sessions and CSRF tokens. Sessions live in the store (one row per signed-in
 * browser, keyed by the SHA-256 of its id), so that every server of a deployment sees the same
 * sessions and signing out or removing a user ends them everywhere; the cookie holds the
 * 32-byte random id, signed (HMAC) by @fastify/cookie, HttpOnly, SameSite=Lax, Secure over
 * HTTPS. CSRF: the sign-out form carries an HMAC of the session id (a synchroniser token that
 * needs no storage); the sign-in form, before any session, an HMAC of a nonce kept in its own
 * signed cookie (signed double submit). A POST whose Origin is another site is refused too.
 */
export class Auth {
  readonly #store: Store;
  readonly #settings: AuthSettings;
  readonly #now: () => Date;
  readonly #cookiePath: string;
  readonly #byAccount: AttemptLimiter;
  readonly #byClient: AttemptLimiter;
  readonly #signedIn = new WeakMap<FastifyRequest, Promise<SignedIn | null>>();

  constructor(store: Store, settings: AuthSettings, now: () => Date, basePath: string) {
    this.#store = store;
    this.#settings = settings;
    this.#now = now;
    this.#cookiePath = basePath === '' ? '/' : basePath;
    const { perAccount, perClient, windowMinutes } = settings.signInAttempts;
    const windowMs = windowMinutes * 60_000;
    this.#byAccount = new AttemptLimiter({ maxFailures: perAccount, windowMs });
    this.#byClient = new AttemptLimiter({ maxFailures: perClient, windowMs });
  }

  /** The signed-in analyst of a request, or null (no cookie, a bad signature, an ended session). */
  signedIn(request: FastifyRequest): Promise<SignedIn | null> {
    let found = this.#signedIn.get(request);
    if (!found) {
      found = this.#lookUp(request);
      this.#signedIn.set(request, found);
    }
    return found;
  }

  async #lookUp(request: FastifyRequest): Promise<SignedIn | null> {
    const sessionId = this.#unsigned(request, SESSION_COOKIE);
    if (sessionId === null) return null;
    const session = await this.#store.getSession(sessionIdHash(sessionId), this.#now().toISOString());
    if (!session) return null;
    return { email: session.email, csrfToken: csrfToken(this.#settings.secret, 'signout', sessionId) };
  }

  /** The CSRF token of the sign-in form, setting its nonce cookie when the browser has none. */
  signInFormToken(request: FastifyRequest, reply: FastifyReply): string {
    let nonce = this.#unsigned(request, SIGNIN_NONCE_COOKIE);
    if (nonce === null) {
      nonce = randomToken();
      reply.setCookie(SIGNIN_NONCE_COOKIE, nonce, {
        ...this.#cookieOptions(request),
        sameSite: 'strict',
        maxAge: SIGNIN_NONCE_MINUTES * 60,
      });
    }
    return csrfToken(this.#settings.secret, 'signin', nonce);
  }

  /** True when a sign-in POST comes from our own form: same origin, nonce cookie and token agree. */
  isSignInFormGenuine(request: FastifyRequest, token: unknown): boolean {
    const nonce = this.#unsigned(request, SIGNIN_NONCE_COOKIE);
    return (
      isSameOrigin(request) &&
      nonce !== null &&
      tokensMatch(token, csrfToken(this.#settings.secret, 'signin', nonce))
    );
  }

  /** True when a signed-in POST (sign-out) carries the session's token and comes from our origin. */
  isSessionFormGenuine(request: FastifyRequest, signedIn: SignedIn, token: unknown): boolean {
    return isSameOrigin(request) && tokensMatch(token, signedIn.csrfToken);
  }

  /**
   * Checks the address and password and, when they match, starts a session (a new id: no
   * session fixation) and sets its cookie. Failures are counted per account and per client
   * address; past the limit the answer is a wait, without checking the password.
   */
  async signIn(
    request: FastifyRequest,
    reply: FastifyReply,
    email: string,
    password: string,
  ): Promise<SignInOutcome> {
    const nowMs = this.#now().getTime();
    const accountKey = `account:${email.trim().toLowerCase()}`;
    const clientKey = `client:${request.ip}`;
    const waitMs = Math.max(
      this.#byAccount.waitMs(accountKey, nowMs),
      this.#byClient.waitMs(clientKey, nowMs),
    );
    if (waitMs > 0) return { kind: 'wait', seconds: Math.ceil(waitMs / 1000) };
    const user = await authenticate(this.#store, email, password);
    if (!user) {
      this.#byAccount.fail(accountKey, nowMs);
      this.#byClient.fail(clientKey, nowMs);
      return { kind: 'refused' };
    }
    this.#byAccount.reset(accountKey);
    const now = this.#now();
    const sessionId = randomToken();
    const hours = this.#settings.sessionHours;
    // The browser's previous session, if any, ends here: one browser, one session.
    const previous = this.#unsigned(request, SESSION_COOKIE);
    if (previous !== null) await this.#store.deleteSession(sessionIdHash(previous));
    await this.#store.deleteExpiredSessions(now.toISOString());
    await this.#store.putSession({
      idHash: sessionIdHash(sessionId),
      email: user.email,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
    });
    reply.setCookie(SESSION_COOKIE, sessionId, { ...this.#cookieOptions(request), maxAge: hours * 3600 });
    reply.clearCookie(SIGNIN_NONCE_COOKIE, this.#cookieOptions(request));
    return { kind: 'signed_in' };
  }

  /** Ends the request's session in the store and clears its cookie. */
  async signOut(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const sessionId = this.#unsigned(request, SESSION_COOKIE);
    if (sessionId !== null) await this.#store.deleteSession(sessionIdHash(sessionId));
    reply.clearCookie(SESSION_COOKIE, this.#cookieOptions(request));
  }

  #cookieOptions(request: FastifyRequest): {
    path: string;
    httpOnly: true;
    sameSite: 'lax';
    secure: boolean;
    signed: true;
  } {
    // Behind a TLS-terminating proxy, X-Forwarded-Proto says https (the app trusts its proxy).
    return {
      path: this.#cookiePath,
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      signed: true,
    };
  }

  /** A signed cookie's value when its signature holds, else null. */
  #unsigned(request: FastifyRequest, name: string): string | null {
    const raw = request.cookies[name];
    if (raw === undefined) return null;
    const result = request.unsignCookie(raw);
    return result.valid && result.value !== null && result.value !== '' ? result.value : null;
  }
}

/**
 * False when the browser says the request comes from another site: Sec-Fetch-Site other than
 * same-origin, or an Origin header other than ours. `Origin: null` says nothing (browsers send
 * it for forms when the Referrer-Policy is no-referrer, as this site's is), nor do requests
 * without either header (old browsers, tools): the CSRF token is the real check, this one a
 * second line.
 */
export function isSameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === 'null' || origin === `${request.protocol}://${request.host}`;
}
