import type { Command } from 'commander';
import { addUser, removeUser } from '../../auth/user-accounts.js';
import type { Store } from '../../store/store.js';
import type { Config } from '../config.js';
import { openStore } from '../open-store.js';
import { passwordFromStdin, passwordFromTerminal } from '../read-password.js';

async function withStore<T>(db: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The new password: from standard input with --password-stdin, else typed twice on the terminal. */
async function newPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return passwordFromStdin();
  if (!process.stdin.isTTY) {
    throw new Error('standard input is not a terminal: pass --password-stdin to read the password from it');
  }
  const first = await passwordFromTerminal('Password: ');
  const second = await passwordFromTerminal('Password again: ');
  if (first !== second) throw new Error('the two passwords differ; nothing was changed');
  return first;
}

/**
 * `repere user add|list|remove`: the analysts who may sign in to /{lang}/analysis and the
 * analysis API. Passwords are hashed with scrypt (src/auth/password-hash.ts) and never shown.
 */
export function registerUser(program: Command, config: Config): void {
  const user = program.command('user').description('Analyst accounts for the analysis pages and API');

  user
    .command('add')
    .description('Create an analyst account (the password is asked for, or read from standard input)')
    .argument('<email>', 'e-mail address the analyst signs in with')
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .option('--replace', 'set a new password on an existing account (signs it out everywhere)')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .action(async (email: string, options: { passwordStdin?: boolean; replace?: boolean; db?: string }) => {
      const password = await newPassword(options.passwordStdin === true);
      const account = await withStore(options.db ?? config.db, (store) =>
        addUser(store, email, password, { replace: options.replace === true }),
      );
      process.stderr.write(`${options.replace ? 'Updated' : 'Added'} ${account.email}\n`);
    });

  user
    .command('list')
    .description('List analyst accounts (addresses and creation dates)')
    .option('--json', 'print a JSON array of { email, created_at }')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .action(async (options: { json?: boolean; db?: string }) => {
      const users = await withStore(options.db ?? config.db, (store) => store.listUsers());
      if (options.json) {
        const rows = users.map((u) => ({ email: u.email, created_at: u.createdAt }));
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const u of users) process.stdout.write(`${u.email}  created ${u.createdAt}\n`);
    });

  user
    .command('remove')
    .description('Delete an analyst account and end its sessions')
    .argument('<email>', 'e-mail address of the account')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .action(async (email: string, options: { db?: string }) => {
      const removed = await withStore(options.db ?? config.db, (store) => removeUser(store, email));
      process.stderr.write(`Removed ${removed}\n`);
    });
}
