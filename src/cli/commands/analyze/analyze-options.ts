import { InvalidArgumentError, type Command } from 'commander';
import { AnalysisParameterError } from '../../../analysis/analysis-parameter-error.js';

/** Options every `repere analyze` subcommand takes. */
export interface CommonAnalyzeOptions {
  db?: string;
  json?: boolean;
  out?: string;
  table?: string;
  layer?: string[];
  jurisdiction?: string[];
  channel?: string[];
}

/** A commander parser for a number option: anything else is a usage error naming the option. */
export function parseNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new InvalidArgumentError(`expected a number, got "${value}"`);
  return n;
}

/** A commander parser for a comma-separated list of numbers (`10,20,30`). */
export function parseNumberList(value: string): number[] {
  return value.split(',').map((part) => parseNumber(part.trim()));
}

/** Variadic list options also accept commas: `--layer a,b` = `--layer a b`. */
export function splitList(values: readonly string[] | undefined): string[] | undefined {
  return values
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Adds the options shared by every analysis subcommand. */
export function addCommonOptions(command: Command, tables: readonly string[]): Command {
  return command
    .option('--layer <ids...>', 'service points of these layers or source ids (default: all)')
    .option(
      '--jurisdiction <levels...>',
      'only these orders of government: federal, provincial, territorial, municipal, indigenous, other',
    )
    .option('--channel <channels...>', 'only these channels (default: in_person outreach)')
    .option('--db <path>', 'database (SQLite file or postgres:// URL)')
    .option('--json', 'print the result as JSON on standard output')
    .option('--out <file>', 'write a table as CSV (.csv) or GeoJSON (.geojson)')
    .option('--table <name>', `table written by --out: ${tables.join(', ')} (default ${tables[0]})`);
}

// Parameters whose CLI option is not simply the kebab-case of their name.
const OPTION_OF: Readonly<Record<string, string>> = {
  layers: '--layer',
  jurisdiction_levels: '--jurisdiction',
  channels: '--channel',
};

/** The command-line option of a public parameter name: `radius_km` → `--radius-km`. */
export function optionOf(parameter: string): string {
  return OPTION_OF[parameter] ?? `--${parameter.replace(/_/g, '-')}`;
}

/** Runs `fn`, restating an AnalysisParameterError in terms of the command-line option. */
export async function withOptionErrors<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AnalysisParameterError)
      throw new Error(`${optionOf(error.parameter)} ${error.reason}`);
    throw error;
  }
}
