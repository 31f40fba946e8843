// The KQL lexer: chevrotain Lexer over ALL_TOKENS, plus the conversion of lexing problems into diagnostics.

import { Lexer, type IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { ALL_TOKENS, UnterminatedString } from './tokens.js';
import { tokenSpan } from './to-ast.js';

const lexer = new Lexer(ALL_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: false,
});

export interface LexResult {
  readonly tokens: IToken[];
  readonly diagnostics: Diagnostic[];
}

export function tokenize(text: string): LexResult {
  const result = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const start = e.offset;
    // chevrotain folds a run of unlexable characters into one error; report it once, on its first character.
    const char = String.fromCodePoint(text.codePointAt(start) ?? 0);
    diagnostics.push(diagnostic('syntax-unexpected-char', { start, end: start + Math.max(1, e.length) }, { char }));
  }
  for (const t of result.tokens) {
    if (t.tokenType === UnterminatedString) diagnostics.push(diagnostic('syntax-unterminated-string', tokenSpan(t), {}));
  }
  return { tokens: result.tokens, diagnostics };
}
