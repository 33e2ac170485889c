import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new session id or CSRF nonce: 32 random bytes, base64url (43 characters). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a session id: its SHA-256, hex. */
export function sessionIdHash(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/**
 * A CSRF token bound to a value (a session id, a sign-in nonce) and a purpose: an HMAC under
 * the server's secret, so that it cannot be made without the secret nor reused for another
 * session or another form.
 * @example csrfToken(secret, 'signout', sessionId)
 */
export function csrfToken(secret: string, purpose: 'signin' | 'signout', value: string): string {
  return createHmac('sha256', secret).update(`repere-csrf\u0000${purpose}\u0000${value}`).digest('base64url');
}

/** Constant-time comparison of a submitted token with the expected one. */
export function tokensMatch(submitted: unknown, expected: string): boolean {
  if (typeof submitted !== 'string') return false;
  const a = Buffer.from(submitted);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
