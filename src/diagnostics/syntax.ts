// Messages of the lexer and parser (codes `syntax-*`). The one place their wording lives.

export const SYNTAX_MESSAGES = {
  'syntax-unexpected-char': (p: { char: string }) => `unexpected character '${p.char}'`,
  'syntax-unterminated-string': (_p: object) => 'unterminated string literal',
  'syntax-unexpected-token': (p: { found: string; expected?: string }) => (p.expected ? `unexpected ${p.found}; expected ${p.expected}` : `unexpected ${p.found}`),
  'syntax-bad-literal': (p: { type: string; text: string; reason?: string }) => `invalid ${p.type} literal '${p.text}'${p.reason ? `: ${p.reason}` : ''}`,
  'syntax-too-deep': (p: { limit: number }) => `query nested too deeply (more than ${p.limit} levels of brackets)`,
  'syntax-too-many-errors': (p: { count: number }) => `too many syntax errors: parsing stopped after ${p.count}`,
  /** Generic: a syntax error described by the parser itself. */
  'syntax-error': (p: { message: string }) => p.message,
} as const;
