// Tabular operators that combine a pipeline with other tables, subqueries or functions: join, lookup, mv-apply,
// as, invoke (union and evaluate, which may also start a pipeline, are in queries.ts).

import type { Expression, Pipeline, TabularOperator } from '../ast.js';
import * as T from '../tokens.js';
import { DROP_ON_ERROR } from './base.js';
import { missingName } from '../to-ast.js';
import { RowOperatorRules } from './operators-rows.js';

const P_JOIN = new Set(['kind', 'hint.*']);
const P_MVAPPLY = new Set(['kind', 'bagexpansion', 'with_itemindex', 'hint.*']);
const P_AS = new Set(['hint.*']);

export abstract class CombineOperatorRules extends RowOperatorRules {
  /**
   * `join kind=leftouter hint.remote=auto (Right) on Key, $left.A == $right.B`; `lookup` has the same shape.
   * `on` conditions are names (same name on both sides) or `==` between `$left.X` and `$right.Y`, possibly with `and`.
   */
  joinOp = this.RULE('joinOp', (): TabularOperator => {
    const first = this.LA(1);
    const isLookup = this.OR([
      { ALT: () => (this.CONSUME(T.Join), false) },
      { ALT: () => (this.CONSUME(T.Lookup), true) },
    ]);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_JOIN] });
    const right = this.SUBRULE(this.operand, { ARGS: [false] });
    const on = this.OPTION(() => this.SUBRULE(this.onClause)) ?? [];
    return this.ACTION(() => ({ kind: isLookup ? ('Lookup' as const) : ('Join' as const), params, right, on, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  onClause = this.RULE(
    'onClause',
    (): Expression[] => {
      this.CONSUME(T.On);
      return this.SUBRULE(this.exprList);
    },
    { recoveryValueFunc: () => [] },
  );

  /** `mv-apply x = arr to typeof(long) on (subquery)`. */
  mvApplyOp = this.RULE('mvApplyOp', (): TabularOperator => {
    const first = this.CONSUME(T.MvApply);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_MVAPPLY] });
    const r = this.SUBRULE(this.mvExpandItems);
    this.CONSUME(T.On);
    const subquery = this.SUBRULE(this.contextualSubquery);
    return this.ACTION(() => ({ kind: 'MvApply' as const, params, ...r, subquery, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /**
   * `(op | op ...)` run once per row group (mv-apply): a Paren(Pipeline) whose source is an empty name, the implicit
   * per-row table.
   */
  contextualSubquery = this.RULE('contextualSubquery', (): Expression => {
    const open = this.CONSUME(T.LParen);
    const opStart = this.LA(1);
    const operators: TabularOperator[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Pipe, DEF: () => this.pushDefined(operators, this.OR(this.operatorAlternatives())) });
    const inner = this.ACTION(() => this.spanFrom(opStart));
    this.CONSUME(T.RParen);
    return this.ACTION(() => {
      const pipeline: Pipeline = { kind: 'Pipeline', source: missingName(inner.start), operators, span: inner };
      return { kind: 'Paren' as const, expression: pipeline, span: this.spanFrom(open) };
    });
  });

  asOp = this.RULE('asOp', (): TabularOperator => {
    const first = this.CONSUME(T.As);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_AS] });
    const name = this.SUBRULE(this.declName);
    return this.ACTION(() => ({ kind: 'As' as const, params, name, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  invokeOp = this.RULE('invokeOp', (): TabularOperator => {
    const first = this.CONSUME(T.Invoke);
    const call = this.SUBRULE(this.callExpr);
    return this.ACTION(() => ({ kind: 'Invoke' as const, call, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);
}
