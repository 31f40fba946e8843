// Messages of query evaluation (codes `runtime-*`) and of data loading (`data-error`). The one place their wording
// lives.

export const RUNTIME_MESSAGES = {
  'runtime-limit': (p: { what: string; limit: number }) => `${p.what} exceeded the limit of ${p.limit}`,
  'runtime-aborted': (_p: object) => 'query was aborted',
  'runtime-range-step-zero': (_p: object) => 'range step must not be zero',
  'runtime-range-not-finite': (p: { what: string }) => `range ${p.what} must be a finite number`,
  'runtime-memory-limit': (p: { what: string; bytes: number; limit: number }) =>
    `${p.what} would build about ${p.bytes} bytes, over the memory budget of ${p.limit} bytes`,
  'runtime-too-deep': (_p: object) => 'query too complex: it nests deeper than the stack allows (write long chains of or as in (...))',
  'runtime-make-series-bounds': (_p: object) => 'make-series from, to and step must not be null',
  'runtime-make-series-step': (_p: object) => 'make-series step must be positive',
  'runtime-make-series-bins': (p: { limit: number }) => `make-series would build more than ${p.limit} bins`,
  /** externaldata could not read a URI: no data for it, or its text does not parse in its format (file:line:col). */
  'runtime-externaldata': (p: { message: string }) => `externaldata: ${p.message}`,
  /**
   * A function refusing its input at run time (a bad regex, an unknown date part, an undocumented format
   * specifier): the function's own reason. Also generic for callers outside the engine (without `function`).
   */
  'runtime-error': (p: { function?: string; message: string }) => (p.function ? `${p.function}(): ${p.message}` : p.message),
} as const;

export const DATA_MESSAGES = {
  'data-error': (p: { message: string }) => p.message,
} as const;
