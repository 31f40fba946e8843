// Scalar expressions. Precedence, low → high (docs logical-operators.md; kql-semantics.md §1):
//   or < and < comparisons, string predicates, `in`-family, `between`, `matches regex` (one level, left-assoc)
//      < `+ -` < `* / %` < unary `- +` < postfix `.x` `[i]` < primary.
// Binary operators are parsed as a flat list of operands and "tails" and assembled by precedence (buildExpression)
// rather than by one rule per level: every level of parentheses then costs a few rule calls instead of nine, which
// keeps deep nesting within the stack (see the nesting limit in ../nesting.ts) and parsing fast.

import type { IOrAlt, IToken, TokenType } from 'chevrotain';
import type {
  BinaryOp,
  CallExpr,
  DynamicNode,
  Expression,
  Identifier,
  ListOp,
} from '../ast.js';
import * as T from '../tokens.js';
import { DROP_ON_ERROR } from './base.js';
import {
  binary,
  comparisonOp,
  identifier,
  isRealToken,
  listOp,
  missingIdentifier,
  missingName,
  nameRef,
  tokenEnd,
  tokenSpan,
  typedLiteral,
} from '../to-ast.js';
import { NameRules } from './names.js';

export const PREC = { or: 1, and: 2, cmp: 3, add: 4, mul: 5 } as const;

/** What follows an operand: a binary operator with its right operand, or a comparison-level postfix form. */
type Tail =
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly prec: number; readonly right: Expression }
  | { readonly kind: 'list'; readonly op: ListOp; readonly items: Expression[]; readonly end: number }
  | { readonly kind: 'between'; readonly negated: boolean; readonly low: Expression; readonly high: Expression; readonly end: number };

/** A suffix after an operand: `.name`, `[index]` or the legacy element access `.[index]`. */
type Postfix = { readonly member: Identifier } | { readonly index: Expression; readonly close: IToken };

/** Tokens that continue an expression, with the precedence of the operator they start. */
const TAIL_TOKEN_PREC: readonly (readonly [TokenType, number])[] = [
  [T.Or, PREC.or],
  [T.And, PREC.and],
  [T.EqEq, PREC.cmp],
  [T.BangEq, PREC.cmp],
  [T.EqTilde, PREC.cmp],
  [T.BangTilde, PREC.cmp],
  [T.LtGt, PREC.cmp],
  [T.Lt, PREC.cmp],
  [T.LtEq, PREC.cmp],
  [T.Gt, PREC.cmp],
  [T.GtEq, PREC.cmp],
  [T.StringOpTok, PREC.cmp],
  [T.Colon, PREC.cmp],
  [T.Matches, PREC.cmp],
  [T.InTok, PREC.cmp],
  [T.HasAnyAllTok, PREC.cmp],
  [T.BetweenTok, PREC.cmp],
  [T.Plus, PREC.add],
  [T.Minus, PREC.add],
  [T.Star, PREC.mul],
  [T.Slash, PREC.mul],
  [T.Percent, PREC.mul],
];
const PREC_BY_TOKEN = new Map(TAIL_TOKEN_PREC);


/** The operators `*` may be the left operand of (meaning "any column"). */
const STAR_OPERATORS = [T.StringOpTok, T.EqEq, T.EqTilde, T.BangTilde, T.Colon];

/** Words the grammar reserves but that may still follow a `.` as a member name (`d.by`, `bag.and`). */
const RESERVED_MEMBER_TOKENS = [T.And, T.Or, T.By, T.Let, T.Union, T.Print, T.Datatable, T.Externaldata, T.Find, T.Matches, T.True, T.False];

export abstract class ExpressionRules extends NameRules {
  // Alternatives of the hottest ORs, built once (chevrotain's performance advice; a fresh array of closures per
  // call dominated parsing time). Their closures must not capture the locals of a call.
  private tailAlts?: IOrAlt<Tail>[];
  private signAlts?: IOrAlt<IToken>[];
  private suffixAlts?: IOrAlt<Postfix>[];
  private primaryAlts?: IOrAlt<Expression>[];
  private dotSuffixAlts?: IOrAlt<Postfix>[];
  private reservedMemberAlts?: IOrAlt<IToken>[];

  /** Precedence of the operator that `t` starts, or 0 when `t` continues no expression. */
  protected tailPrec(t: IToken): number {
    return PREC_BY_TOKEN.get(t.tokenType) ?? 0;
  }

  /**
   * An expression whose operators all bind at least as tightly as `minPrec` (`between (a .. b)` and make-series
   * `on` take additive expressions). After a comparison-level postfix (`in (...)`, `between (...)`) only operators of
   * comparison level or lower may follow, as with one rule per level: `x in (1) + 2` is an error.
   */
  expr = this.RULE(
    'expr',
    (minPrec: number = PREC.or): Expression => {
      const first = this.SUBRULE(this.operand);
      const tails: Tail[] = [];
      let ceiling: number = PREC.mul;
      this.MANY({
        GATE: () => {
          const p = this.tailPrec(this.LA(1));
          return p >= minPrec && p <= ceiling;
        },
        DEF: () => {
          const tail = this.OR(
            (this.tailAlts ??= [
              { ALT: () => this.SUBRULE(this.binaryTail) },
              { ALT: () => this.SUBRULE(this.matchesTail) },
              { ALT: () => this.listTail() },
              { ALT: () => this.SUBRULE(this.betweenTail) },
            ]),
          );
          this.ACTION(() => {
            if (tail === undefined) return;
            tails.push(tail);
            ceiling = tail.kind === 'binary' ? PREC.mul : PREC.cmp;
          });
        },
      });
      return this.ACTION(() => buildExpression(first, tails));
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  binaryTail = this.RULE('binaryTail', (): Tail => {
    const op = this.CONSUME(T.BinaryOperator);
    const right = this.SUBRULE(this.operand);
    return this.ACTION(() => {
      const prec = this.tailPrec(op);
      const name: BinaryOp = prec === PREC.cmp ? comparisonOp(op.image) : (op.image as BinaryOp);
      return { kind: 'binary' as const, op: name, prec, right };
    });
  }, DROP_ON_ERROR);

  matchesTail = this.RULE('matchesTail', (): Tail => {
    this.CONSUME(T.Matches);
    this.CONSUME(T.Regex);
    const right = this.SUBRULE(this.operand);
    return { kind: 'binary' as const, op: 'matches regex', prec: PREC.cmp, right };
  }, DROP_ON_ERROR);

  /**
   * `in (a, b)`, `!in~ (T | project x)`, `has_any (dyn)`. Part of `expr` (a helper, not a rule): nested subqueries
   * (`x in (T | where y in (...))`) then cost fewer calls per level.
   */
  private listTail(): Tail {
    const op = this.OR2([{ ALT: () => this.CONSUME(T.InTok) }, { ALT: () => this.CONSUME(T.HasAnyAllTok) }]);
    this.CONSUME(T.LParen);
    const items: Expression[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.pushDefined(items, this.SUBRULE(this.pipeExpr)) });
    this.CONSUME(T.RParen);
    return this.ACTION(() => ({ kind: 'list' as const, op: listOp(op.image), items, end: this.spanFrom(op).end }));
  }

  /** `between (low .. high)`; the bounds are additive expressions. */
  betweenTail = this.RULE('betweenTail', (): Tail => {
    const op = this.CONSUME(T.BetweenTok);
    this.CONSUME(T.LParen);
    const low = this.SUBRULE(this.expr, { ARGS: [PREC.add] });
    this.CONSUME(T.DotDot);
    const high = this.SUBRULE2(this.expr, { ARGS: [PREC.add] });
    this.CONSUME(T.RParen);
    return this.ACTION(() => ({ kind: 'between' as const, negated: op.image.startsWith('!'), low, high, end: this.spanFrom(op).end }));
  }, DROP_ON_ERROR);

  /**
   * An operand: prefix signs (read in a loop so `- - - x` does not recurse), a primary expression, then `.member`,
   * `[index]` and `.[index]` suffixes. One rule rather than unary → postfix → primary keeps the rule calls per level
   * of nesting low. `signs: false` (join's right side, union's tables) reads no signs.
   */
  operand = this.RULE(
    'operand',
    (signsAllowed = true): Expression => {
      const signs: IToken[] = [];
      this.MANY({
        GATE: () => signsAllowed,
        DEF: () => signs.push(this.OR((this.signAlts ??= [{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]))),
      });
      let target = this.primary();
      this.MANY2(() => {
        const suffix = this.OR2(
          (this.suffixAlts ??= [
            {
              ALT: () => {
                this.CONSUME(T.Dot);
                return this.SUBRULE(this.dotSuffix);
              },
            },
            { ALT: () => this.SUBRULE(this.elementAccess) },
          ]),
        );
        target = this.ACTION(() => (suffix === undefined ? target : applyPostfix(target, suffix)));
      });
      return this.ACTION(() => {
        let e = target;
        for (let i = signs.length - 1; i >= 0; i--) {
          const op = signs[i]!;
          e = { kind: 'Unary', op: op.image as '-' | '+', operand: e, span: this.spanFrom(op) };
        }
        return e;
      });
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  /**
   * After `.`: a member name (`.x`, `.['x']`, `.by`) or Kusto's legacy element access `.[0]`, which means `[0]`
   * (Kql.g4 legacyFunctionCallOrPathElementOperation).
   */
  dotSuffix = this.RULE('dotSuffix', (): Postfix =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: (this.dotSuffixAlts ??= [
        {
          GATE: () => this.is(this.LA(2), T.StringTok) && this.is(this.LA(3), T.RBracket),
          ALT: () => ({ member: this.SUBRULE(this.quotedName) }),
        },
        { ALT: () => this.SUBRULE(this.elementAccess) },
        { ALT: () => ({ member: this.tok(T.AnyName, identifier) }) },
        {
          ALT: () => {
            const t = this.OR2((this.reservedMemberAlts ??= RESERVED_MEMBER_TOKENS.map((tt) => ({ ALT: () => this.CONSUME(tt) }))));
            return { member: this.ACTION(() => identifier(t)) ?? missingIdentifier(0) };
          },
        },
      ]),
    }),
    DROP_ON_ERROR,
  );

  elementAccess = this.RULE('elementAccess', (): Postfix => {
    this.CONSUME(T.LBracket);
    const index = this.SUBRULE(this.expr);
    const close = this.CONSUME(T.RBracket);
    return { index, close };
  }, DROP_ON_ERROR);

  /**
   * Literals, names, calls, `(...)`, `dynamic(...)`, `typeof(...)`, `$left.x`. A helper of `operand` rather than a
   * rule of its own (see operand).
   */
  private primary(): Expression {
    return this.OR3({
      IGNORE_AMBIGUITIES: true,
      DEF: (this.primaryAlts ??= [
        { ALT: () => this.SUBRULE(this.stringLit) },
        { ALT: () => this.SUBRULE(this.numberLit) },
        { ALT: () => this.SUBRULE(this.boolLit) },
        { ALT: () => this.tok(T.TypedLiteralTok, typedLiteral) },
        {
          // `dynamic` and `typeof` are names too: literals only before `(`.
          GATE: () => this.is(this.LA(2), T.LParen),
          ALT: () => {
            const first = this.LA(1);
            const value = this.SUBRULE(this.dynamicContent);
            return this.ACTION(() => ({ kind: 'DynamicLiteral' as const, value, span: this.spanFrom(first) }));
          },
        },
        {
          GATE: () => this.is(this.LA(2), T.LParen),
          ALT: () => {
            const first = this.LA(1);
            const type = this.SUBRULE(this.typeofType);
            return this.ACTION(() => ({ kind: 'TypeOf' as const, type, span: this.spanFrom(first) }));
          },
        },
        { ALT: () => this.SUBRULE(this.joinSide) },
        {
          ALT: () => {
            const open = this.CONSUME(T.LParen);
            const expression = this.SUBRULE(this.pipeExpr);
            this.CONSUME(T.RParen);
            return this.ACTION(() => ({ kind: 'Paren' as const, expression, span: this.spanFrom(open) }));
          },
        },
        {
          ALT: () => {
            const id = this.SUBRULE(this.quotedName);
            return this.ACTION(() => nameRef(id)) ?? missingName(0);
          },
        },
        {
          GATE: () => this.is(this.LA(2), T.LParen),
          ALT: () => {
            const name = this.CONSUME(T.AnyName);
            // Index 4: the argument list's DSL calls must not collide with this rule's own OR, OR2, OR3 and CONSUMEs.
            const args = this.argumentList(4);
            return this.ACTION(() => ({ kind: 'Call' as const, callee: identifier(name), args, span: this.spanFrom(name) }));
          },
        },
        { ALT: () => this.tok(T.AnyName, (t) => nameRef(identifier(t)), 1) },
        {
          // `* has "x"`, `* == 1`, `* : "x"`: any column (search-operator.md; Kusto's StringOperation/Equality).
          GATE: () => STAR_OPERATORS.some((t) => this.is(this.LA(2), t)),
          ALT: () => this.tok(T.Star, (t): Expression => ({ kind: 'Star', span: tokenSpan(t) })),
        },
      ]),
    });
  }

  /** `dynamic(...)`. */
  dynamicContent = this.RULE('dynamicContent', (): DynamicNode => {
    this.CONSUME(T.Dynamic);
    this.CONSUME(T.LParen);
    const value = this.SUBRULE(this.dynValue);
    this.CONSUME(T.RParen);
    return value;
  });

  /** `$left.X` / `$right.X` in join conditions. */
  joinSide = this.RULE('joinSide', (): Expression => {
    const side = this.OR([{ ALT: () => this.CONSUME(T.DollarLeft) }, { ALT: () => this.CONSUME(T.DollarRight) }]);
    this.CONSUME(T.Dot);
    const name = this.SUBRULE(this.declName);
    return this.ACTION(() => ({
      kind: 'JoinSide' as const,
      side: side.image === '$left' ? ('left' as const) : ('right' as const),
      name,
      span: this.spanFrom(side),
    }));
  });

  /** `f(...)` where only a call may stand (evaluate, invoke); calls inside expressions are read by `operand`. */
  callExpr = this.RULE('callExpr', (): CallExpr => {
    const name = this.CONSUME(T.AnyName);
    const args = this.argumentList(0);
    return this.ACTION(() => ({ kind: 'Call' as const, callee: identifier(name), args, span: this.spanFrom(name) }));
  });

  /**
   * `(arg, ...)`: each argument is `*`, `name = value` (NamedArg) or any expression, tabular ones included
   * (toscalar, materialize). Inlined into its two callers to save rule calls per level of nested calls.
   */
  private argumentList(idx: number): Expression[] {
    const args: Expression[] = [];
    this.consume(idx, T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.pushDefined(
          args,
          this.or(idx, {
            IGNORE_AMBIGUITIES: true,
            DEF: [
              {
                // `*` alone (`arg_max(x, *)`); `* has "x"` is an expression (Kusto: a star argument is followed by , or )).
                GATE: () => this.is(this.LA(2), T.Comma) || this.is(this.LA(2), T.RParen),
                ALT: () => this.tok(T.Star, (t): Expression => ({ kind: 'Star', span: tokenSpan(t) }), idx),
              },
              { GATE: () => this.namedAssignAhead(), ALT: () => this.subrule(idx, this.namedArg) },
              { ALT: () => this.subrule(idx, this.pipeExpr) },
            ],
          }),
        ),
    });
    this.consume(idx, T.RParen);
    return args;
  }

  namedArg = this.RULE('namedArg', (): Expression => {
    const first = this.LA(1);
    const name = this.SUBRULE(this.nameThenEq);
    const value = this.SUBRULE(this.expr);
    return this.ACTION(() => ({ kind: 'NamedArg' as const, name, value, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);
}

function applyPostfix(target: Expression, suffix: Postfix): Expression {
  if ('member' in suffix) {
    return { kind: 'Member', target, member: suffix.member, span: { start: target.span.start, end: suffix.member.span.end } };
  }
  const end = isRealToken(suffix.close) ? tokenEnd(suffix.close) : suffix.index.span.end;
  return { kind: 'Index', target, index: suffix.index, span: { start: target.span.start, end } };
}

/** Assembles operands and tails into left-associative trees by precedence (shunting-yard). */
function buildExpression(first: Expression, tails: readonly Tail[]): Expression {
  const operands: Expression[] = [first];
  const pending: { op: BinaryOp; prec: number }[] = [];
  const reduce = () => {
    const { op } = pending.pop()!;
    const right = operands.pop()!;
    const left = operands.pop()!;
    operands.push(binary(op, left, right));
  };
  for (const t of tails) {
    const prec = t.kind === 'binary' ? t.prec : PREC.cmp;
    while (pending.length > 0 && pending[pending.length - 1]!.prec >= prec) reduce();
    if (t.kind === 'binary') {
      pending.push(t);
      operands.push(t.right);
    } else {
      const left = operands.pop()!;
      const span = { start: left.span.start, end: t.end };
      operands.push(
        t.kind === 'list'
          ? { kind: 'ListOp', op: t.op, left, items: t.items, span }
          : { kind: 'Between', negated: t.negated, left, low: t.low, high: t.high, span },
      );
    }
  }
  while (pending.length > 0) reduce();
  return operands[0]!;
}
