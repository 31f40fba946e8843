// The foundation every grammar layer extends: chevrotain configuration, parse state, span helpers, the comma-list
// helper and the lookahead predicates (GATEs) shared by several layers.
//
// Layout (see ../CONTEXT.md): chevrotain needs ONE parser class, so the grammar is a chain of classes, one file per
// area, each adding its rules as fields: base → literals → names → expressions → clauses → queries → operators-* →
// parser.ts (the operator table and the constructor that runs chevrotain's self-analysis). A rule may call rules of
// its own or earlier layers; the two rules used before they are defined are declared abstract here.

import {
  EmbeddedActionsParser,
  tokenMatcher,
  type IOrAlt,
  type IRecognitionException,
  type IRuleConfig,
  type IToken,
  type ParserMethod,
  type TokenType,
} from 'chevrotain';
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

/**
 * Config of a rule whose result a list may drop after a syntax error (a tabular operator, a statement): it re-syncs
 * and yields undefined, which `pushDefined` leaves out.
 */
export const DROP_ON_ERROR: IRuleConfig<never> = { recoveryValueFunc: () => undefined as never };

/** After this many syntax errors parsing stops: the rest would be noise, and its cost is bounded. */
export const MAX_SYNTAX_ERRORS = 100;

/** Thrown through every rule when MAX_SYNTAX_ERRORS is reached; parse() turns it into one last diagnostic. */
export class TooManySyntaxErrors extends Error {
  override readonly name = 'TooManySyntaxErrors';
}

/**
 * Rule nesting up to which a missing or extra token is repaired in place (single-token insertion/deletion). To find
 * what may follow, chevrotain walks the grammar from the top rule down the whole rule stack, recursively: at depth it
 * overflowed the stack, and one walk per level made unclosed brackets quadratic. Deeper, the error is recovered by
 * re-syncing instead.
 */
const MAX_RULE_DEPTH_FOR_TOKEN_REPAIR = 40;

// chevrotain-internal members hooked below (chevrotain 11: error_handler.ts, recoverable.ts, recognizer_engine.ts).
interface ChevrotainInternals {
  SAVE_ERROR(this: EmbeddedActionsParser, error: IRecognitionException): IRecognitionException;
  getFollowsForInRuleRecovery(this: EmbeddedActionsParser, tokType: TokenType, tokIdxInRule: number): TokenType[];
  RULE_STACK_IDX: number;
}
const chevrotain = EmbeddedActionsParser.prototype as unknown as ChevrotainInternals;

export abstract class GrammarBase extends EmbeddedActionsParser {
  /** Source text of the current parse (for spans at the end of input and UnsupportedStatement text). */
  text = '';
  /** Diagnostics raised by semantic actions (bad literals, unknown type names). */
  diags: Diagnostic[] = [];
  /** Syntax errors recorded so far in this parse (reset by `input =`, see resetState). */
  private errorCount = 0;
  /** Offset of the furthest token a syntax error was reported at (-1: none yet). */
  protected lastErrorAt = -1;

  // Defined by later layers (queries.ts, parser.ts) but used by earlier ones.
  abstract pipeExpr: ParserMethod<[], Expression>;
  /** The alternatives of the operator table: one per tabular operator, each reading it with its own rule. */
  protected abstract operatorAlternatives(): IOrAlt<TabularOperator>[];

  constructor(options: GrammarOptions) {
    // maxLookahead 1: every choice is made by the next token, ordered alternatives and GATEs (which look further
    // where needed). chevrotain's LL(2) analysis of the expression rules' huge first sets took ~2/3 of the
    // parser's construction time; 3–4 made it take minutes.
    super(T.ALL_TOKENS, {
      recoveryEnabled: true,
      maxLookahead: 1,
      errorMessageProvider,
      skipValidations: !options.validate,
    });
    // chevrotain's "in-repetition" recovery skips tokens after a loop and re-enters the loop by calling itself, one
    // level deeper per error, each time scanning ahead for a re-sync point: on input with thousands of errors in one
    // loop (`T; ) T; ) ...`) it overflowed the stack and took quadratic time. Without it, an error inside a loop is
    // recovered by the enclosing rule (see RULE below). The hook is chevrotain-internal (recoverable.ts).
    (this as unknown as { attemptInRepetitionRecovery: () => void }).attemptInRepetitionRecovery = () => {};
  }

  /** chevrotain-internal hook (error_handler.ts) that records every syntax error: here it also counts them. */
  SAVE_ERROR(error: IRecognitionException): IRecognitionException {
    // Past the limit nothing more is recorded (chevrotain still reports "not all input parsed" while unwinding).
    if (this.errorCount >= MAX_SYNTAX_ERRORS) throw new TooManySyntaxErrors();
    const saved = chevrotain.SAVE_ERROR.call(this, error);
    if (isRealToken(error.token)) this.lastErrorAt = Math.max(this.lastErrorAt, error.token.startOffset);
    if (++this.errorCount >= MAX_SYNTAX_ERRORS) throw new TooManySyntaxErrors();
    return saved;
  }

  /** A syntax error found by a rule itself (not by chevrotain); it counts towards MAX_SYNTAX_ERRORS. */
  protected reportError(d: Diagnostic): void {
    if (this.errorCount >= MAX_SYNTAX_ERRORS) throw new TooManySyntaxErrors();
    this.diags.push(d);
    this.lastErrorAt = Math.max(this.lastErrorAt, d.span.start);
    if (++this.errorCount >= MAX_SYNTAX_ERRORS) throw new TooManySyntaxErrors();
  }

  /** chevrotain-internal: the tokens that may follow, for single-token repair (see MAX_RULE_DEPTH_FOR_TOKEN_REPAIR). */
  getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[] {
    const depth = (this as unknown as ChevrotainInternals).RULE_STACK_IDX + 1;
    if (depth > MAX_RULE_DEPTH_FOR_TOKEN_REPAIR) return [];
    return chevrotain.getFollowsForInRuleRecovery.call(this, tokType, tokIdxInRule);
  }

  override reset(): void {
    super.reset();
    this.errorCount = 0;
    this.lastErrorAt = -1;
  }

  /**
   * Error recovery policy. chevrotain lets any rule re-sync after a syntax error and then return its
   * `recoveryValueFunc()` (undefined by default), which would leave holes in the AST. Here only rules that say what
   * to return (a placeholder node, an empty list, or DROP_ON_ERROR) re-sync; the others pass the error up.
   */
  protected override RULE<F extends (...args: any[]) => any>(
    name: string,
    implementation: F,
    config?: IRuleConfig<ReturnType<F>>,
  ): ParserMethod<Parameters<F>, ReturnType<F>> {
    return super.RULE(name, implementation, config?.recoveryValueFunc ? config : { ...config, resyncEnabled: false });
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

  /** The last token consumed (after a failed parse: how far it got). */
  lastConsumed(): IToken | undefined {
    const t = this.LA(0);
    return isRealToken(t) ? t : undefined;
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
    return (this.is(t1, T.HintName) || this.is(t1, T.AnyName)) && allowed.has(t1.image);
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
