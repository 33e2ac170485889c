import type { ProfileRule, RecordDefaults } from './source-profile.js';

export interface ResolvedRow {
  defaults: RecordDefaults;
  /** Reason the row is left out, when a rule excludes it. */
  excluded: string | null;
}

/**
 * Applies a profile's rules to one raw row, in order (later rules win). Regexes are
 * compiled once per profile by `compileRules`, not per row.
 */
export function resolveDefaults(
  base: RecordDefaults,
  rules: readonly CompiledRule[],
  fields: Record<string, string>,
): ResolvedRow {
  let defaults = base;
  let excluded: string | null = null;
  for (const rule of rules) {
    if (!rule.test(fields[rule.field] ?? '')) continue;
    if (rule.exclude) excluded = rule.exclude;
    if (rule.set || rule.addServiceTypes) {
      defaults = { ...defaults, ...rule.set };
      if (rule.addServiceTypes) {
        defaults.serviceTypes = [...new Set([...defaults.serviceTypes, ...rule.addServiceTypes])];
      }
    }
  }
  return { defaults, excluded };
}

export interface CompiledRule {
  field: string;
  test: (value: string) => boolean;
  set?: Partial<RecordDefaults>;
  addServiceTypes?: string[];
  exclude?: string;
}

/** Turns declarative `when` clauses into predicates (case-insensitive, trimmed). */
export function compileRules(rules: readonly ProfileRule[] = []): CompiledRule[] {
  return rules.map((rule) => {
    const { field, equals, matches } = rule.when;
    const inList = rule.when.in?.map((v) => v.toLowerCase());
    const regex = matches === undefined ? null : new RegExp(matches, 'i');
    const test = (raw: string): boolean => {
      const value = raw.trim();
      if (equals !== undefined && value.toLowerCase() !== equals.toLowerCase()) return false;
      if (inList && !inList.includes(value.toLowerCase())) return false;
      if (regex && !regex.test(value)) return false;
      return true;
    };
    const compiled: CompiledRule = { field, test };
    if (rule.set) compiled.set = rule.set;
    if (rule.addServiceTypes) compiled.addServiceTypes = rule.addServiceTypes;
    if (rule.exclude) compiled.exclude = rule.exclude;
    return compiled;
  });
}
