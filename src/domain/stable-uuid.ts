import { createHash } from 'node:crypto';

/** Repère's namespace for name-based UUIDs (RFC 9562 §5.5), fixed forever. */
export const REPERE_UUID_NAMESPACE = '6f1c1a52-9a3e-4c55-8f9b-2b0d4e6a7c31';

const NAMESPACE_BYTES = Buffer.from(REPERE_UUID_NAMESPACE.replace(/-/g, ''), 'hex');

/**
 * A deterministic UUID (version 5, SHA-1) for one of our ids, so HSDS consumers get the
 * UUIDs the standard requires and the same record keeps the same UUID across imports.
 * @example stableUuid('service_canada:5944') // always the same UUID
 */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(text);
}
