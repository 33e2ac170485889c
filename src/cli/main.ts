import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerBuildDefault } from './commands/build-default.js';
import { registerCopy } from './commands/copy.js';
import { registerExport } from './commands/export.js';
import { registerHarvest } from './commands/harvest.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerServe } from './commands/serve.js';
import { registerSources } from './commands/sources.js';
import { registerValidate } from './commands/validate.js';
import { configFromEnv } from './config.js';

/** The `repere` command line: one file per command under ./commands. */
export function buildProgram(): Command {
  const config = configFromEnv();
  const program = new Command('repere')
    .description('Repère: a bilingual open map of Canadian government service points')
    .showHelpAfterError()
    .exitOverride();
  registerValidate(program, config);
  registerImport(program, config);
  registerExport(program, config);
  registerSources(program, config);
  registerHarvest(program, config);
  registerBuildDefault(program, config);
  registerServe(program, config);
  registerAnalyze(program, config);
  registerMigrate(program, config);
  registerCopy(program, config);
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`repere: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
