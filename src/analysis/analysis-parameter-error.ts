/**
 * A parameter of an analysis is missing its expected form or range. `parameter` is the public
 * name, the same in the API query (`radius_km`), in a result's `parameters` and, in
 * kebab-case, on the command line (`--radius-km`), so the HTTP layer answers 400 naming it
 * and the CLI names its own option.
 * @example new AnalysisParameterError('radius_km', 'must be greater than 0 and at most 1000; got 0')
 */
export class AnalysisParameterError extends Error {
  readonly parameter: string;
  /** The message without the parameter name, to prefix with the caller's own name for it. */
  readonly reason: string;

  constructor(parameter: string, reason: string) {
    super(`${parameter} ${reason}`);
    this.name = 'AnalysisParameterError';
    this.parameter = parameter;
    this.reason = reason;
  }
}
