import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, parsePasswordHash, verifyPassword } from './password-hash.js';

// RFC 7914 §12, the third test vector: scrypt(P = "pleaseletmein", S = "SodiumChloride",
// N = 16384, r = 8, p = 1, dkLen = 64) = 70 23 bd cb 3a fd 73 48 …, written in our format.
const RFC_7914_VECTOR =
  '$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$cCO9yzr9c0hGHAbNgf046/2o+7qQT44+qbVD9lRdofLVQylVYT8Pz2LUlwUkKpr55h6F3A1lHkDfzwF7RVdYhw';

describe('hashPassword and verifyPassword', () => {
  it('round-trips: the hash names scrypt, its parameters, a 16-byte salt and a 32-byte key', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const parsed = parsePasswordHash(hash);
    expect(parsed?.parameters).toEqual(DEFAULT_SCRYPT);
    expect([parsed?.salt.length, parsed?.key.length]).toEqual([16, 32]);
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('salts every hash: the same password twice gives two different hashes', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password here'),
      hashPassword('same password here'),
    ]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same password here', b)).resolves.toBe(true);
  });

  it('verifies the RFC 7914 test vector written in the PHC format (interoperable with passlib)', async () => {
    await expect(verifyPassword('pleaseletmein', RFC_7914_VECTOR)).resolves.toBe(true);
    await expect(verifyPassword('pleaseletmeout', RFC_7914_VECTOR)).resolves.toBe(false);
  });

  it('keeps the parameters a hash was made with', async () => {
    const hash = await hashPassword('cheaper for this test', { ln: 10, r: 8, p: 2 });
    expect(hash.startsWith('$scrypt$ln=10,r=8,p=2$')).toBe(true);
    await expect(verifyPassword('cheaper for this test', hash)).resolves.toBe(true);
  });

  it('treats the two Unicode spellings of one password as the same password (NFC)', async () => {
    const hash = await hashPassword('mot de passe d\u00e9j\u00e0 vu', { ln: 10, r: 8, p: 1 });
    await expect(verifyPassword('mot de passe de\u0301ja\u0300 vu', hash)).resolves.toBe(true);
  });

  it('refuses hashes it did not write or whose cost is out of bounds, without running scrypt on them', async () => {
    for (const bad of [
      '',
      'plain text password',
      '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaA',
      '$scrypt$ln=15,r=8$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
      // N = 2^30 would allocate 128 GiB.
      '$scrypt$ln=30,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
      // 2^20 × r = 32 × 128 bytes = 4 GiB.
      '$scrypt$ln=20,r=32,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
      // A 3-byte salt.
      '$scrypt$ln=15,r=8,p=1$c2Fs$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
    ]) {
      expect(parsePasswordHash(bad)).toBeNull();
      await expect(verifyPassword('anything at all', bad)).resolves.toBe(false);
    }
  });
});
