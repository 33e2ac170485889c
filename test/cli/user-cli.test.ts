// `repere user add|list|remove` as an administrator runs it, on a fresh SQLite file.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password-hash.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const ROOT = resolve('.');
let tmp: string;
let db: string;

/** Runs `repere user …` with `stdin` piped in; resolves with its output and exit code. */
function repereUser(
  args: string[],
  stdin = '',
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'user', ...args, '--db', db],
      { cwd: ROOT },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ stdout, stderr, code }));
    child.stdin.end(stdin);
  });
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'repere-user-cli-'));
  db = join(tmp, 'users.db');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('repere user', () => {
  it('adds an account from a password on standard input, stores only its scrypt hash, lists and removes it', async () => {
    const added = await repereUser(
      ['add', 'Ana.Analyst@Example.GC.ca', '--password-stdin'],
      'correct horse battery staple\n',
    );
    expect(added).toMatchObject({ code: 0, stderr: 'Added ana.analyst@example.gc.ca\n' });

    const store = SqliteStore.open(db);
    try {
      const user = await store.getUser('ana.analyst@example.gc.ca');
      expect(user?.passwordHash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
      // The trailing line break of `echo` is not part of the password.
      await expect(verifyPassword('correct horse battery staple', user!.passwordHash)).resolves.toBe(true);
    } finally {
      await store.close();
    }

    const listed = await repereUser(['list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([
      { email: 'ana.analyst@example.gc.ca', created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    ]);
    expect(listed.stdout).not.toContain('scrypt');

    const again = await repereUser(
      ['add', 'ana.analyst@example.gc.ca', '--password-stdin'],
      'another long password',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'repere: ana.analyst@example.gc.ca already has an account: use --replace to set a new password\n',
    );

    expect((await repereUser(['remove', 'ana.analyst@example.gc.ca'])).code).toBe(0);
    expect(JSON.parse((await repereUser(['list', '--json'])).stdout)).toEqual([]);
    const missing = await repereUser(['remove', 'ana.analyst@example.gc.ca']);
    expect([missing.code, missing.stderr]).toEqual([1, 'repere: ana.analyst@example.gc.ca has no account\n']);
  });

  it('refuses a short password, and a password it cannot read without a terminal', async () => {
    const short = await repereUser(['add', 'bo@example.ca', '--password-stdin'], 'too short\n');
    expect([short.code, short.stderr]).toEqual([
      1,
      'repere: the password must have at least 12 characters; it has 9\n',
    ]);
    const noTerminal = await repereUser(['add', 'bo@example.ca']);
    expect([noTerminal.code, noTerminal.stderr]).toEqual([
      1,
      'repere: standard input is not a terminal: pass --password-stdin to read the password from it\n',
    ]);
  });
});
