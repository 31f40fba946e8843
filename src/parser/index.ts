// Public entry point of the parser: text → { ast, diagnostics }. Syntax errors, however bad the input, are
// diagnostics; parse() throws only on a bug of its own (an internal error, which callers report as such).

import type { IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Script } from './ast.js';
import { MAX_SYNTAX_ERRORS, TooManySyntaxErrors } from './grammar/base.js';
import { KqlParser } from './grammar/parser.js';
import { tokenize } from './lexer.js';
import { MAX_NESTING, MIN_OVERFLOW_NESTING, measureNesting } from './nesting.js';
import { describeSyntaxError } from './syntax-errors.js';
import { tokenSpan } from './to-ast.js';

export type * from './ast.js';
export { print } from './print.js';
export { MAX_NESTING } from './nesting.js';

let shared: KqlParser | undefined;

function parser(): KqlParser {
  shared ??= new KqlParser();
  return shared;
}

export function parse(text: string): { ast: Script; diagnostics: Diagnostic[] } {
  const empty: Script = { kind: 'Script', statements: [], span: { start: 0, end: text.length } };
  const lexed = tokenize(text);
  const nesting = measureNesting(lexed.tokens);
  if (nesting.tooDeep) return { ast: empty, diagnostics: [tooDeep(nesting.tooDeep), ...lexed.diagnostics] };

  const p = parser();
  p.text = text;
  p.diags = [];
  p.input = lexed.tokens;
  let ast: Script;
  let tooMany = false;
  try {
    ast = p.script() ?? empty;
  } catch (err) {
    if (err instanceof TooManySyntaxErrors) {
      ast = empty;
      tooMany = true;
    } else {
      // See nesting.ts: a stack too small for MAX_NESTING levels of the costliest constructs. Anything else is a bug.
      if (!isStackOverflow(err) || nesting.depth < MIN_OVERFLOW_NESTING) throw err;
      const reached = measureNesting(lexed.tokens, Infinity, consumedTokens(p, lexed.tokens)).innermostOpen;
      return { ast: empty, diagnostics: [tooDeep(reached ?? nesting.innermostOpen!), ...lexed.diagnostics] };
    }
  }
  const diagnostics = [...lexed.diagnostics, ...p.diags, ...p.errors.map((e) => describeSyntaxError(e, text))];
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  if (tooMany) {
    // Last, at the last error reported: parsing stopped there.
    const at = diagnostics[diagnostics.length - 1]?.span ?? { start: 0, end: 0 };
    diagnostics.push(diagnostic('syntax-too-many-errors', at, { count: MAX_SYNTAX_ERRORS }));
  }
  return { ast, diagnostics };
}

function tooDeep(bracket: IToken): Diagnostic {
  return diagnostic('syntax-too-deep', tokenSpan(bracket), { limit: MAX_NESTING });
}

function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

/** How many tokens the parser had consumed when it stopped (its last consumed token is LA(0)). */
function consumedTokens(p: KqlParser, tokens: readonly IToken[]): number {
  const last = p.lastConsumed();
  const i = last ? tokens.indexOf(last) : -1;
  return i < 0 ? tokens.length : i + 1;
}
