// Scalar expressions. Precedence, low → high (docs logical-operators.md; kql-semantics.md §1):
//   or < and < comparisons, string predicates, `in`-family, `between`, `matches regex` (one level, left-assoc)
//      < `+ -` < `* / %` < unary `- +` < postfix `.x` `[i]` < primary.
// Binary operators are parsed as a flat list of operands and "tails" and assembled by precedence (buildExpression)
// rather than by one rule per level: every level of parentheses then costs a few rule calls instead of nine, which
// keeps deep nesting within the stack (see the nesting limit in ../nesting.ts) and parsing fast.

import type { IToken, TokenType } from 'chevrotain';
import type {
  BinaryOp,
  CallExpr,
  DynamicNode,
  Expression,
  Identifier,
  ListOp,
} from '../ast.js';
import * as T from '../tokens.js';
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
/** Tokens of the operators written `left op right`; the others (`matches regex`, `in (...)`, `between (...)`) have their own tails. */
const BINARY_OPERATOR_TOKENS = TAIL_TOKEN_PREC.map(([t]) => t).filter(
  (t) => t !== T.Matches && t !== T.InTok && t !== T.HasAnyAllTok && t !== T.BetweenTok,
);

/** Words the grammar reserves but that may still follow a `.` as a member name (`d.by`, `bag.and`). */
const RESERVED_MEMBER_TOKENS = [T.And, T.Or, T.By, T.Let, T.Union, T.Print, T.Datatable, T.Externaldata, T.Find, T.Matches, T.True, T.False];

export abstract class ExpressionRules extends NameRules {
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
      const first = this.SUBRULE(this.unaryExpr);
      const tails: Tail[] = [];
      let ceiling: number = PREC.mul;
      this.MANY({
        GATE: () => {
          const p = this.tailPrec(this.LA(1));
          return p >= minPrec && p <= ceiling;
        },
        DEF: () => {
          const tail = this.SUBRULE(this.exprTail);
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

  exprTail = this.RULE('exprTail', (): Tail =>
    this.OR([
      { ALT: () => this.SUBRULE(this.binaryTail) },
      { ALT: () => this.SUBRULE(this.matchesTail) },
      { ALT: () => this.SUBRULE(this.listTail) },
      { ALT: () => this.SUBRULE(this.betweenTail) },
    ]),
  );

  binaryTail = this.RULE('binaryTail', (): Tail => {
    const op = this.OR(BINARY_OPERATOR_TOKENS.map((t) => ({ ALT: () => this.CONSUME(t) })));
    const right = this.SUBRULE(this.unaryExpr);
    return this.ACTION(() => {
      const prec = this.tailPrec(op);
      const name: BinaryOp = prec === PREC.cmp ? comparisonOp(op.image) : (op.image as BinaryOp);
      return { kind: 'binary' as const, op: name, prec, right };
    });
  });

  matchesTail = this.RULE('matchesTail', (): Tail => {
    this.CONSUME(T.Matches);
    this.CONSUME(T.Regex);
    const right = this.SUBRULE(this.unaryExpr);
    return { kind: 'binary' as const, op: 'matches regex', prec: PREC.cmp, right };
  });

  /** `in (a, b)`, `!in~ (T | project x)`, `has_any (dyn)`. */
  listTail = this.RULE('listTail', (): Tail => {
    const op = this.OR([{ ALT: () => this.CONSUME(T.InTok) }, { ALT: () => this.CONSUME(T.HasAnyAllTok) }]);
    this.CONSUME(T.LParen);
    const items = this.commaList(this.pipeExpr);
    this.CONSUME(T.RParen);
    return this.ACTION(() => ({ kind: 'list' as const, op: listOp(op.image), items, end: this.spanFrom(op).end }));
  });

  /** `between (low .. high)`; the bounds are additive expressions. */
  betweenTail = this.RULE('betweenTail', (): Tail => {
    const op = this.CONSUME(T.BetweenTok);
    this.CONSUME(T.LParen);
    const low = this.SUBRULE(this.expr, { ARGS: [PREC.add] });
    this.CONSUME(T.DotDot);
    const high = this.SUBRULE2(this.expr, { ARGS: [PREC.add] });
    this.CONSUME(T.RParen);
    return this.ACTION(() => ({ kind: 'between' as const, negated: op.image.startsWith('!'), low, high, end: this.spanFrom(op).end }));
  });

  /** Prefix signs, read in a loop so that `- - - x` does not recurse. */
  unaryExpr = this.RULE(
    'unaryExpr',
    (): Expression => {
      const signs: IToken[] = [];
      this.MANY(() => signs.push(this.OR([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }])));
      const operand = this.SUBRULE(this.postfixExpr);
      return this.ACTION(() => {
        let e = operand;
        for (let i = signs.length - 1; i >= 0; i--) {
          const op = signs[i]!;
          e = { kind: 'Unary', op: op.image as '-' | '+', operand: e, span: this.spanFrom(op) };
        }
        return e;
      });
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  postfixExpr = this.RULE(
    'postfixExpr',
    (): Expression => {
      let target = this.SUBRULE(this.primary);
      this.MANY(() => {
        const suffix = this.OR([
          {
            ALT: () => {
              this.CONSUME(T.Dot);
              return this.SUBRULE(this.dotSuffix);
            },
          },
          { ALT: () => this.SUBRULE(this.elementAccess) },
        ]);
        target = this.ACTION(() => (suffix === undefined ? target : applyPostfix(target, suffix)));
      });
      return target;
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
      DEF: [
        {
          GATE: () => this.is(this.LA(2), T.StringTok) && this.is(this.LA(3), T.RBracket),
          ALT: () => ({ member: this.SUBRULE(this.quotedName) }),
        },
        { ALT: () => this.SUBRULE(this.elementAccess) },
        { ALT: () => ({ member: this.tok(T.AnyName, identifier) }) },
        {
          ALT: () => {
            const t = this.OR2(RESERVED_MEMBER_TOKENS.map((tt) => ({ ALT: () => this.CONSUME(tt) })));
            return { member: this.ACTION(() => identifier(t)) ?? missingIdentifier(0) };
          },
        },
      ],
    }),
  );

  elementAccess = this.RULE('elementAccess', (): Postfix => {
    this.CONSUME(T.LBracket);
    const index = this.SUBRULE(this.expr);
    const close = this.CONSUME(T.RBracket);
    return { index, close };
  });

  primary = this.RULE(
    'primary',
    (): Expression => {
      const first = this.LA(1);
      return this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.stringLit) },
          { ALT: () => this.SUBRULE(this.numberLit) },
          { ALT: () => this.SUBRULE(this.boolLit) },
          { ALT: () => this.tok(T.TypedLiteralTok, typedLiteral) },
          {
            ALT: () => {
              const value = this.SUBRULE(this.dynamicContent);
              return this.ACTION(() => ({ kind: 'DynamicLiteral' as const, value, span: this.spanFrom(first) }));
            },
          },
          {
            ALT: () => {
              const type = this.SUBRULE(this.typeofType);
              return this.ACTION(() => ({ kind: 'TypeOf' as const, type, span: this.spanFrom(first) }));
            },
          },
          { ALT: () => this.SUBRULE(this.joinSide) },
          {
            ALT: () => {
              this.CONSUME(T.LParen);
              const expression = this.SUBRULE(this.pipeExpr);
              this.CONSUME(T.RParen);
              return this.ACTION(() => ({ kind: 'Paren' as const, expression, span: this.spanFrom(first) }));
            },
          },
          {
            ALT: () => {
              const id = this.SUBRULE(this.quotedName);
              return this.ACTION(() => nameRef(id)) ?? missingName(0);
            },
          },
          { GATE: () => this.is(this.LA(2), T.LParen), ALT: () => this.SUBRULE(this.callExpr) },
          { ALT: () => this.tok(T.AnyName, (t) => nameRef(identifier(t))) },
        ],
      });
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

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

  callExpr = this.RULE('callExpr', (): CallExpr => {
    const name = this.CONSUME(T.AnyName);
    const args = this.SUBRULE(this.argList);
    return this.ACTION(() => ({ kind: 'Call' as const, callee: identifier(name), args, span: this.spanFrom(name) }));
  });

  argList = this.RULE(
    'argList',
    (): Expression[] => {
      const args: Expression[] = [];
      this.CONSUME(T.LParen);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.pushDefined(args, this.SUBRULE(this.arg)) });
      this.CONSUME(T.RParen);
      return args;
    },
    { recoveryValueFunc: () => [] },
  );

  /** A call argument: `*`, `name = value` (NamedArg) or any expression, tabular ones included (toscalar, materialize). */
  arg = this.RULE('arg', (): Expression =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.tok(T.Star, (t): Expression => ({ kind: 'Star', span: tokenSpan(t) })) },
        { GATE: () => this.namedAssignAhead(), ALT: () => this.SUBRULE(this.namedArg) },
        { ALT: () => this.SUBRULE(this.pipeExpr) },
      ],
    }),
  );

  namedArg = this.RULE('namedArg', (): Expression => {
    const first = this.LA(1);
    const name = this.SUBRULE(this.nameThenEq);
    const value = this.SUBRULE(this.expr);
    return this.ACTION(() => ({ kind: 'NamedArg' as const, name, value, span: this.spanFrom(first) }));
  });
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
