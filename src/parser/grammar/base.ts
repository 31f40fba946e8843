// The foundation every grammar layer extends: chevrotain configuration, parse state, span helpers, the comma-list
// helper and the lookahead predicates (GATEs) shared by several layers.
//
// Layout (see ../CONTEXT.md): chevrotain needs ONE parser class, so the grammar is a chain of classes, one file per
// area, each adding its rules as fields: base → literals → names → expressions → clauses → queries → operators-* →
// parser.ts (the operator table and the constructor that runs chevrotain's self-analysis). A rule may call rules of
// its own or earlier layers; the two rules used before they are defined are declared abstract here.

import { EmbeddedActionsParser, tokenMatcher, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type { Diagnostic, Span } from '../../diagnostics.js';
import type { Expression, TabularOperator } from '../ast.js';
import * as T from '../tokens.js';
import { isRealToken, missingName, spanBetween, tokenEnd } from '../to-ast.js';
import { errorMessageProvider } from './messages.js';

export interface GrammarOptions {
  /**
   * Run chevrotain's grammar validations (ambiguities, left recursion...) while constructing. They cost about a
   * quarter of the construction time, so the shared production parser skips them and a test runs them.
   */
  readonly validate?: boolean;
}

export abstract class GrammarBase extends EmbeddedActionsParser {
  /** Source text of the current parse (for spans at the end of input and UnsupportedStatement text). */
  text = '';
  /** Diagnostics raised by semantic actions (bad literals, unknown type names). */
  diags: Diagnostic[] = [];

  // Defined by later layers (queries.ts, parser.ts) but called from earlier ones.
  abstract pipeExpr: ParserMethod<[], Expression>;
  abstract tabularOperator: ParserMethod<[], TabularOperator>;

  constructor(options: GrammarOptions) {
    // maxLookahead 2: 3–4 made self-analysis take minutes. Ambiguities are settled by ordered alternatives and GATEs.
    super(T.ALL_TOKENS, {
      recoveryEnabled: true,
      maxLookahead: 2,
      errorMessageProvider,
      skipValidations: !options.validate,
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Helpers for semantic actions and GATEs (they run only while parsing, never while chevrotain records the grammar)

  protected is(t: IToken, type: TokenType): boolean {
    return tokenMatcher(t, type);
  }

  /** Offset of the next token, or the end of the last one consumed when at the end of input. */
  protected here(): number {
    const t = this.LA(1);
    if (isRealToken(t)) return t.startOffset;
    const prev = this.LA(0);
    return isRealToken(prev) ? tokenEnd(prev) : this.text.length;
  }

  /** From `first` to the last token consumed so far. */
  protected spanFrom(first: IToken): Span {
    return spanBetween(first, this.LA(0), this.here());
  }

  /** Consumes one token and maps it to a node (a placeholder during chevrotain's recording phase). */
  protected tok<N>(type: TokenType, build: (t: IToken) => N, idx = 0): N {
    const t = this.consume(idx, type);
    return this.ACTION(() => build(t)) ?? (missingName(0) as N);
  }

  /** `item, item, ...` (at least one). Once per rule: a rule with two lists delegates one to a small rule. */
  protected commaList<R>(rule: ParserMethod<[], R>): R[] {
    const items: R[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.pushDefined(items, this.SUBRULE(rule)) });
    return items;
  }

  /** A rule that error recovery abandoned returns undefined; such holes are left out of lists (a diagnostic says why). */
  protected pushDefined<R>(items: R[], item: R | undefined): void {
    if (item !== undefined) items.push(item);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Lookahead predicates

  /** `name =` where `name` is one of the operator's parameters (`kind`, `hint.*`...), so `extend kind = 1` stays an assignment. */
  protected paramAhead(allowed: ReadonlySet<string>): boolean {
    const t1 = this.LA(1);
    if (!this.is(this.LA(2), T.Eq)) return false;
    if (this.is(t1, T.HintName)) return allowed.has('hint.*');
    return this.is(t1, T.AnyName) && allowed.has(t1.image);
  }

  /** `name =` or `['name'] =`. */
  protected namedAssignAhead(): boolean {
    if (this.is(this.LA(1), T.AnyName)) return this.is(this.LA(2), T.Eq);
    return (
      this.is(this.LA(1), T.LBracket) &&
      this.is(this.LA(2), T.StringTok) &&
      this.is(this.LA(3), T.RBracket) &&
      this.is(this.LA(4), T.Eq)
    );
  }

  /** `(a, b) = expr` in extend/project/summarize. */
  protected tupleAssignAhead(): boolean {
    if (!this.is(this.LA(1), T.LParen)) return false;
    let i = 2;
    for (;;) {
      if (this.is(this.LA(i), T.AnyName)) i++;
      else if (this.is(this.LA(i), T.LBracket) && this.is(this.LA(i + 1), T.StringTok) && this.is(this.LA(i + 2), T.RBracket)) i += 3;
      else return false;
      if (this.is(this.LA(i), T.RParen)) return this.is(this.LA(i + 1), T.Eq);
      if (!this.is(this.LA(i), T.Comma)) return false;
      i++;
    }
  }

  /** Name/star tokens written without spaces between them, containing at least one `*`: a wildcard pattern. */
  protected wildcardAhead(): boolean {
    let i = 1;
    let star = false;
    let prev: IToken | undefined;
    for (;;) {
      const t = this.LA(i);
      if (!(this.is(t, T.AnyName) || this.is(t, T.Star))) break;
      if (prev && tokenEnd(prev) !== t.startOffset) break;
      if (this.is(t, T.Star)) star = true;
      prev = t;
      i++;
    }
    return star;
  }
}
