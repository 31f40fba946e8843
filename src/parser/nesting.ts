// The nesting limit. The parser, the printer and the binder recurse once per level of brackets, so a query nested
// deeper than the JavaScript stack allows would crash them. parse() therefore measures the nesting of `(`, `[` and
// `{` over the tokens first (a linear pass) and refuses a query nested more than MAX_NESTING deep with one
// `syntax-too-deep` diagnostic at the opening bracket that crossed the limit, without running the parser.
// Everything else that repeats — `a + b + ...`, `x.a.b...`, `- - x`, `| op | op ...`, statements — is read in
// loops, not by recursion, so only brackets count.
//
// [U] The limit is ours (Kusto documents none). Measured on Node 20's default stack (984 KB) with the parser run
// cold (interpreted, its largest frames), the constructs that cost most per level overflow at about 139
// (`toscalar(T | where x > toscalar(...`), 211 (`x in (T | where x in (...`), 256 (`f(f(...`), 364 (`((...`);
// real rules nest fewer than 20 levels. Where a smaller stack cannot reach MAX_NESTING, a stack overflow while
// parsing a query nested at least MIN_OVERFLOW_NESTING deep is reported the same way (parse() in index.ts).

import type { IToken } from 'chevrotain';
import * as T from './tokens.js';

export const MAX_NESTING = 200;
/** Below this depth a stack overflow cannot come from the query's nesting: it is a bug and surfaces as one. */
export const MIN_OVERFLOW_NESTING = 32;

const CLOSER_OF = new Map([
  [T.LParen, T.RParen],
  [T.LBracket, T.RBracket],
  [T.LBrace, T.RBrace],
]);
const CLOSERS = new Set([T.RParen, T.RBracket, T.RBrace]);

export interface Nesting {
  /** The deepest nesting reached by the first `upTo` tokens (all by default). */
  readonly depth: number;
  /** The first opening bracket at a depth greater than `limit`, if any. */
  readonly tooDeep?: IToken;
  /** The innermost bracket still open after the first `upTo` tokens. */
  readonly innermostOpen?: IToken;
}

/**
 * Nesting of brackets, counting an opening bracket until its matching closer. A closer that matches nothing open
 * on top (`(]`) is ignored, so the count never undercounts what the parser may still have open.
 */
export function measureNesting(tokens: readonly IToken[], limit = MAX_NESTING, upTo = tokens.length): Nesting {
  const open: IToken[] = [];
  let depth = 0;
  for (let i = 0; i < upTo && i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CLOSER_OF.has(t.tokenType)) {
      open.push(t);
      if (open.length > depth) depth = open.length;
      if (open.length > limit) return { depth, tooDeep: t, innermostOpen: t };
    } else if (CLOSERS.has(t.tokenType)) {
      const top = open[open.length - 1];
      if (top && CLOSER_OF.get(top.tokenType) === t.tokenType) open.pop();
    }
  }
  const innermost = open[open.length - 1];
  return innermost ? { depth, innermostOpen: innermost } : { depth };
}
