import { AnalysisParameterError } from './analysis-parameter-error.js';

/** Bounds of a numeric parameter; `min` is exclusive unless `minInclusive`. */
export interface NumberBounds {
  min: number;
  max: number;
  minInclusive?: boolean;
  integer?: boolean;
}

function describeBounds(bounds: NumberBounds): string {
  const kind = bounds.integer ? 'an integer' : 'a number';
  const lower = bounds.minInclusive ? `at least ${bounds.min}` : `greater than ${bounds.min}`;
  return `${kind} ${lower} and at most ${bounds.max}`;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** The value of a numeric parameter, or its default when absent; throws AnalysisParameterError. */
export function numberParameter(
  name: string,
  value: unknown,
  fallback: number,
  bounds: NumberBounds,
): number {
  if (value === undefined || value === null) return fallback;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (bounds.minInclusive ? value >= bounds.min : value > bounds.min) &&
    value <= bounds.max &&
    (!bounds.integer || Number.isInteger(value));
  if (!ok) throw new AnalysisParameterError(name, `must be ${describeBounds(bounds)}; got ${shown(value)}`);
  return value as number;
}

/** Like numberParameter, but absent stays null (an optional limit). */
export function optionalNumberParameter(name: string, value: unknown, bounds: NumberBounds): number | null {
  if (value === undefined || value === null) return null;
  return numberParameter(name, value, 0, bounds);
}

/** A boolean parameter (true/false only), or its default. */
export function booleanParameter(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean')
    throw new AnalysisParameterError(name, `must be true or false; got ${shown(value)}`);
  return value;
}

/** One of `allowed`, or the default. */
export function choiceParameter<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new AnalysisParameterError(name, `must be one of ${allowed.join(', ')}; got ${shown(value)}`);
  }
  return value as T;
}

/** A list of values each in `allowed` (when given), de-duplicated in first-seen order; absent or empty gives the default. */
export function listParameter<T extends string>(
  name: string,
  value: unknown,
  fallback: readonly T[],
  allowed?: readonly T[],
): T[] {
  if (value === undefined || value === null) return [...fallback];
  if (!Array.isArray(value))
    throw new AnalysisParameterError(name, `must be a list of values; got ${shown(value)}`);
  if (value.length === 0) return [...fallback];
  const out: T[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new AnalysisParameterError(name, `must hold non-empty text values; got ${shown(item)}`);
    }
    if (allowed && !(allowed as readonly string[]).includes(item)) {
      throw new AnalysisParameterError(name, `values must be among ${allowed.join(', ')}; got "${item}"`);
    }
    if (!out.includes(item as T)) out.push(item as T);
  }
  return out;
}

/** A list of numbers each within bounds, or null when absent. */
export function numberListParameter(name: string, value: unknown, bounds: NumberBounds): number[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length === 0) {
    throw new AnalysisParameterError(name, `must be a non-empty list of numbers; got ${shown(value)}`);
  }
  return (value as unknown[]).map((item) => {
    try {
      return numberParameter(name, item, 0, bounds);
    } catch {
      throw new AnalysisParameterError(
        name,
        `values must each be ${describeBounds(bounds)}; got ${shown(item)}`,
      );
    }
  });
}
