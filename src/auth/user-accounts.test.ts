import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { parsePasswordHash } from './password-hash.js';
import {
  AccountError,
  accountEmail,
  addUser,
  authenticate,
  passwordProblem,
  removeUser,
} from './user-accounts.js';

const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-01-14T17:00:00Z');

describe('accountEmail', () => {
  it('trims and lower-cases the whole address; refuses what is not an address', () => {
    expect(accountEmail(' Ana.Analyst@Example.GC.ca ')).toBe('ana.analyst@example.gc.ca');
    expect(accountEmail('mailto:bo@example.ca')).toBe('bo@example.ca');
    expect(accountEmail('ana analyst@example.ca')).toBeNull();
    expect(accountEmail('ana@')).toBeNull();
  });
});

describe('passwordProblem', () => {
  it('asks for 12 to 1,024 characters, counted as the user sees them', () => {
    expect(passwordProblem('short pass')).toBe('the password must have at least 12 characters; it has 10');
    expect(passwordProblem('x'.repeat(1025))).toBe(
      'the password must have at most 1024 characters; it has 1025',
    );
    // Twelve characters, twenty-four UTF-16 units.
    expect(passwordProblem('🍁'.repeat(12))).toBeNull();
    expect(passwordProblem(PASSWORD)).toBeNull();
  });
});

describe('addUser, authenticate, removeUser', () => {
  it('stores the normalised address and a scrypt hash, never the password', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      const user = await addUser(store, 'Ana.Analyst@Example.GC.ca', PASSWORD, { now: NOW });
      expect(user.email).toBe('ana.analyst@example.gc.ca');
      expect(user.createdAt).toBe('2026-01-14T17:00:00.000Z');
      expect(parsePasswordHash(user.passwordHash)).not.toBeNull();
      expect(JSON.stringify(await store.listUsers())).not.toContain(PASSWORD);
      expect(await store.getUser('ana.analyst@example.gc.ca')).toStrictEqual(user);
    } finally {
      await store.close();
    }
  });

  it('signs in with the right password, whatever the capitals of the address, and nothing else', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      await addUser(store, 'ana.analyst@example.gc.ca', PASSWORD);
      expect((await authenticate(store, 'ANA.analyst@example.gc.ca', PASSWORD))?.email).toBe(
        'ana.analyst@example.gc.ca',
      );
      expect(await authenticate(store, 'ana.analyst@example.gc.ca', 'wrong password!!')).toBeNull();
      expect(await authenticate(store, 'nobody@example.gc.ca', PASSWORD)).toBeNull();
      expect(await authenticate(store, 'not an address', PASSWORD)).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('refuses a second account for an address unless asked to replace it, which keeps its creation date', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      const first = await addUser(store, 'bo@example.ca', PASSWORD, { now: NOW });
      await expect(addUser(store, 'BO@example.ca', 'another long password')).rejects.toThrow(
        new AccountError('bo@example.ca already has an account: use --replace to set a new password'),
      );
      const second = await addUser(store, 'bo@example.ca', 'another long password', { replace: true });
      expect(second.createdAt).toBe(first.createdAt);
      expect(await authenticate(store, 'bo@example.ca', PASSWORD)).toBeNull();
      expect(await authenticate(store, 'bo@example.ca', 'another long password')).not.toBeNull();
    } finally {
      await store.close();
    }
  });

  it('refuses a bad address or a short password, and removing an account that does not exist', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      await expect(addUser(store, 'nobody', PASSWORD)).rejects.toThrow('"nobody" is not an e-mail address');
      await expect(addUser(store, 'bo@example.ca', 'short')).rejects.toThrow(
        'the password must have at least 12 characters; it has 5',
      );
      await expect(removeUser(store, 'bo@example.ca')).rejects.toThrow('bo@example.ca has no account');
      await addUser(store, 'bo@example.ca', PASSWORD);
      await expect(removeUser(store, 'Bo@Example.ca')).resolves.toBe('bo@example.ca');
      expect(await store.listUsers()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
