import { Command, CommanderError } from 'commander';
import type { Config } from './config.js';
import { configFromEnv } from './config.js';
import { useFlatHeapFor } from './batch-heap.js';

type Register = (program: Command, config: Config) => void;

// One file per command, each loaded only when it runs: `repere import` then does not load
// the HTTP server, the analysis engine or the PostgreSQL driver, which keeps a 100,000-row
// import well under its memory budget and start-up fast.
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  import: async () => (await import('./commands/import.js')).registerImport,
  export: async () => (await import('./commands/export.js')).registerExport,
  sources: async () => (await import('./commands/sources.js')).registerSources,
  harvest: async () => (await import('./commands/harvest.js')).registerHarvest,
  'build-default': async () => (await import('./commands/build-default.js')).registerBuildDefault,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  analyze: async () => (await import('./commands/analyze.js')).registerAnalyze,
  migrate: async () => (await import('./commands/migrate.js')).registerMigrate,
  copy: async () => (await import('./commands/copy.js')).registerCopy,
  user: async () => (await import('./commands/user.js')).registerUser,
};

/**
 * The `repere` command line. `argv` picks the command to load; without a known command
 * (`repere --help`, a typo) every command is registered so help and suggestions list them all.
 */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const config = configFromEnv();
  const program = new Command('repere')
    .description('Repère: a bilingual open map of Canadian government service points')
    .showHelpAfterError()
    .exitOverride();
  const wanted = argv[2];
  useFlatHeapFor(wanted);
  const names = wanted !== undefined && wanted in COMMANDS ? [wanted] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!())(program, config);
  return program;
}

try {
  await (await buildProgram()).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`repere: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
