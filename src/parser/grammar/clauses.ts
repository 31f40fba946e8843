// Pieces shared by several operators: assignments (`name = expr`, `(a, b) = expr`), sort keys, `by` lists,
// operator parameters (`kind=inner`, `hint.strategy=shuffle`) and `with (name = value, ...)` property lists.

import type { Assignment, Expression, Identifier, OperatorParam, SortKey } from '../ast.js';
import * as T from '../tokens.js';
import { DROP_ON_ERROR } from './base.js';
import { identifier, missingName, nameRef, typedLiteral } from '../to-ast.js';
import { ExpressionRules } from './expressions.js';

export abstract class ClauseRules extends ExpressionRules {
  assignmentList = this.RULE('assignmentList', (): Assignment[] => this.commaList(this.assignment), {
    recoveryValueFunc: () => [],
  });

  /** `name = expr`, `(a, b) = expr` or a bare `expr`. */
  assignment = this.RULE('assignment', (): Assignment => {
    const first = this.LA(1);
    let names: Identifier[] = [];
    // A gated OPTION rather than an OR with an empty alternative: chevrotain's first-set analysis of an OR with an
    // empty alternative dropped the expression's literal starts from enclosing OPTIONs (`summarize 1`).
    this.OPTION({
      GATE: () => this.tupleAssignAhead() || this.namedAssignAhead(),
      DEF: () => (names = this.SUBRULE(this.assignTarget)),
    });
    const expression = this.SUBRULE(this.expr);
    return this.ACTION(() => ({ kind: 'Assignment' as const, names, expression, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `name =` or `(a, b) =`. */
  assignTarget = this.RULE(
    'assignTarget',
    (): Identifier[] => {
      const names = this.OR([
        { ALT: () => this.SUBRULE(this.nameTuple) },
        { ALT: () => [this.SUBRULE(this.declName)] },
      ]);
      this.CONSUME(T.Eq);
      return names;
    },
    { recoveryValueFunc: () => [] },
  );

  exprList = this.RULE('exprList', (): Expression[] => this.commaList(this.expr), { recoveryValueFunc: () => [] });

  /** `by a, b = bin(t, 1h)` (summarize, make-series). */
  byClause = this.RULE(
    'byClause',
    (): Assignment[] => {
      this.CONSUME(T.By);
      return this.SUBRULE(this.assignmentList);
    },
    { recoveryValueFunc: () => [] },
  );

  /** `from x` (range, make-series). */
  fromClause = this.RULE(
    'fromClause',
    (): Expression => {
      this.CONSUME(T.From);
      return this.SUBRULE(this.expr);
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  toClause = this.RULE(
    'toClause',
    (): Expression => {
      this.CONSUME(T.To);
      return this.SUBRULE(this.expr);
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  stepClause = this.RULE(
    'stepClause',
    (): Expression => {
      this.CONSUME(T.Step);
      return this.SUBRULE(this.expr);
    },
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  sortKeyList = this.RULE('sortKeyList', (): SortKey[] => this.commaList(this.sortKey), { recoveryValueFunc: () => [] });

  sortKey = this.RULE('sortKey', (): SortKey => {
    const first = this.LA(1);
    const expression = this.SUBRULE(this.expr);
    let order: 'asc' | 'desc' | undefined;
    let nulls: 'first' | 'last' | undefined;
    this.OPTION(() => {
      const t = this.OR([{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => this.CONSUME(T.Desc) }]);
      order = this.ACTION(() => t.image as 'asc' | 'desc');
    });
    this.OPTION2(() => {
      this.CONSUME(T.Nulls);
      const t = this.OR2([{ ALT: () => this.CONSUME(T.First) }, { ALT: () => this.CONSUME(T.Last) }]);
      nulls = this.ACTION(() => t.image as 'first' | 'last');
    });
    return this.ACTION(() => ({
      kind: 'SortKey' as const,
      expression,
      ...(order ? { order } : {}),
      ...(nulls ? { nulls } : {}),
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  /** The operator parameters in `allowed` (`kind`, `hint.*` for any hint...), in any order. */
  opParams = this.RULE(
    'opParams',
    (allowed: ReadonlySet<string>): OperatorParam[] => {
      const params: OperatorParam[] = [];
      this.MANY({ GATE: () => this.paramAhead(allowed), DEF: () => this.pushDefined(params, this.SUBRULE(this.property)) });
      return params;
    },
    { recoveryValueFunc: () => [] },
  );

  /** `(name = value, ...)` after `with` (externaldata, render). */
  propertyList = this.RULE(
    'propertyList',
    (): OperatorParam[] => {
      const props: OperatorParam[] = [];
      this.CONSUME(T.LParen);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.pushDefined(props, this.SUBRULE(this.property)) });
      this.CONSUME(T.RParen);
      return props;
    },
    { recoveryValueFunc: () => [] },
  );

  property = this.RULE('property', (): OperatorParam => {
    const first = this.LA(1);
    const name = this.OR([{ ALT: () => this.CONSUME(T.AnyName) }, { ALT: () => this.CONSUME(T.HintName) }]);
    this.CONSUME(T.Eq);
    const value = this.SUBRULE(this.paramValue);
    return this.ACTION(() => ({ kind: 'OperatorParam' as const, name: name.image, value, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** Operator parameter values are single tokens: `kind=leftouter (R)` must not read as a call. */
  paramValue = this.RULE(
    'paramValue',
    (): Expression =>
      this.OR([
        { ALT: () => this.tok(T.AnyName, (t) => nameRef(identifier(t))) },
        { ALT: () => this.SUBRULE(this.stringLit) },
        { ALT: () => this.SUBRULE(this.numberLit) },
        { ALT: () => this.SUBRULE(this.boolLit) },
        { ALT: () => this.SUBRULE(this.negativeNumber) },
        { ALT: () => this.tok(T.TypedLiteralTok, typedLiteral) },
      ]),
    { recoveryValueFunc: () => missingName(this.here()) },
  );

  negativeNumber = this.RULE('negativeNumber', (): Expression => {
    const first = this.CONSUME(T.Minus);
    const operand = this.SUBRULE(this.numberLit);
    return this.ACTION(() => ({ kind: 'Unary' as const, op: '-' as const, operand, span: this.spanFrom(first) }));
  });

  /** `[v1, v2, ...]` with an optional leading or trailing comma (datatable values, externaldata URIs). */
  bracketList = this.RULE(
    'bracketList',
    (): Expression[] => {
      const values: Expression[] = [];
      this.CONSUME(T.LBracket);
      // Kusto also takes a leading comma (`[\n, "a", "b"\n, "c", "d"]`, a style of long datatables).
      this.OPTION3(() => this.CONSUME2(T.Comma));
      this.OPTION(() => {
        this.pushDefined(values, this.SUBRULE(this.expr));
        this.MANY({
          GATE: () => !this.is(this.LA(2), T.RBracket),
          DEF: () => this.pushDefined(values, this.SUBRULE(this.commaThenExpr)),
        });
        this.OPTION2(() => this.CONSUME(T.Comma));
      });
      this.CONSUME(T.RBracket);
      return values;
    },
    { recoveryValueFunc: () => [] },
  );

  commaThenExpr = this.RULE('commaThenExpr', (): Expression => {
    this.CONSUME(T.Comma);
    return this.SUBRULE(this.expr);
  }, DROP_ON_ERROR);
}
