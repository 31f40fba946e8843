// The error every KQL regex refusal raises (bad syntax, constructs RE2 lacks, limits). Callers position it at the
// pattern's argument or the call (a bind-time literal or a run-time value).

export class KqlRegexError extends Error {
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(`invalid regular expression ${JSON.stringify(pattern)}: ${message}`);
    this.name = 'KqlRegexError';
  }
}
