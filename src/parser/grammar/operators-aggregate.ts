// Tabular operators that aggregate: summarize, make-series, top-nested, top-hitters (docs: <operator>-operator.md).

import type { Assignment, Expression, Identifier, MakeSeriesAggregate, MakeSeriesOp, TabularOperator, TopNestedLevel } from '../ast.js';
import * as T from '../tokens.js';
import { DROP_ON_ERROR } from './base.js';
import { PREC } from './expressions.js';
import { RowOperatorRules } from './operators-rows.js';
import { P_KNOWN } from './params.js';

type SeriesRange = { start: Expression; stop: Expression; step: Expression };

export abstract class AggregateOperatorRules extends RowOperatorRules {
  summarizeOp = this.RULE('summarizeOp', (): TabularOperator => {
    const first = this.CONSUME(T.Summarize);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const aggregates: Assignment[] = this.OPTION(() => this.SUBRULE(this.assignmentList)) ?? [];
    const by: Assignment[] = this.OPTION2(() => this.SUBRULE(this.byClause)) ?? [];
    return this.ACTION(() => ({ kind: 'Summarize' as const, params, aggregates, by, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /**
   * `make-series kind=nonempty Count=count() default=0 on Timestamp from a to b step 1d by Key`
   * or `... on Timestamp in range(a, b, 1d) by Key`.
   */
  makeSeriesOp = this.RULE('makeSeriesOp', (): MakeSeriesOp => {
    const first = this.CONSUME(T.MakeSeries);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const aggregates = this.commaList(this.makeSeriesAggregate);
    this.CONSUME(T.On);
    const on = this.SUBRULE(this.expr, { ARGS: [PREC.add] });
    let from: Expression | undefined;
    let to: Expression | undefined;
    let step: Expression | undefined;
    let inRange: SeriesRange | undefined;
    this.OR([
      { ALT: () => (inRange = this.SUBRULE(this.seriesInRange)) },
      {
        ALT: () => {
          this.OPTION(() => (from = this.SUBRULE(this.fromClause)));
          this.OPTION2(() => (to = this.SUBRULE(this.toClause)));
          step = this.SUBRULE(this.stepClause);
        },
      },
    ]);
    const by: Assignment[] = this.OPTION3(() => this.SUBRULE(this.byClause)) ?? [];
    return this.ACTION(() => ({
      kind: 'MakeSeries' as const,
      params,
      aggregates,
      on,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(step ? { step } : {}),
      ...(inRange ? { inRange } : {}),
      by,
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  /** `in range(start, stop, step)`. */
  seriesInRange = this.RULE('seriesInRange', (): SeriesRange => {
    this.CONSUME(T.InTok);
    this.CONSUME(T.Range);
    this.CONSUME(T.LParen);
    const start = this.SUBRULE(this.expr);
    this.CONSUME(T.Comma);
    const stop = this.SUBRULE2(this.expr);
    this.CONSUME2(T.Comma);
    const step = this.SUBRULE3(this.expr);
    this.CONSUME(T.RParen);
    return { start, stop, step };
  });

  makeSeriesAggregate = this.RULE('makeSeriesAggregate', (): MakeSeriesAggregate => {
    const first = this.LA(1);
    let name: Identifier | undefined;
    this.OPTION({ GATE: () => this.namedAssignAhead(), DEF: () => (name = this.SUBRULE(this.nameThenEq)) });
    const expression = this.SUBRULE(this.expr);
    let defaultValue: Expression | undefined;
    this.OPTION2(() => (defaultValue = this.SUBRULE(this.defaultClause)));
    return this.ACTION(() => ({
      kind: 'MakeSeriesAggregate' as const,
      ...(name ? { name } : {}),
      expression,
      ...(defaultValue ? { defaultValue } : {}),
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  /** `default = value` after a make-series aggregate. */
  defaultClause = this.RULE('defaultClause', (): Expression => {
    this.CONSUME(T.Default);
    this.CONSUME(T.Eq);
    return this.SUBRULE(this.expr);
  });

  /** `top-nested … , top-nested …`: one level per clause. */
  topNestedOp = this.RULE('topNestedOp', (): TabularOperator => {
    const first = this.LA(1);
    const levels = this.commaList(this.topNestedLevel);
    return this.ACTION(() => ({ kind: 'TopNested' as const, levels, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `top-nested [N] of Expr [with others = Literal] by Aggregation [asc|desc] [nulls first|last]`. */
  topNestedLevel = this.RULE('topNestedLevel', (): TopNestedLevel => {
    const first = this.CONSUME(T.TopNested);
    const count = this.OPTION({ GATE: () => !this.is(this.LA(1), T.Of), DEF: () => this.SUBRULE(this.expr) });
    const of = this.SUBRULE(this.ofClause);
    const others = this.OPTION2(() => this.SUBRULE(this.withOthers));
    this.CONSUME(T.By);
    const by = this.SUBRULE(this.assignment);
    const order = this.OPTION3(() => this.OR([{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => this.CONSUME(T.Desc) }]));
    const nulls = this.OPTION4(() => {
      this.CONSUME(T.Nulls);
      return this.OR2([{ ALT: () => this.CONSUME(T.First) }, { ALT: () => this.CONSUME(T.Last) }]);
    });
    return this.ACTION(() => ({
      kind: 'TopNestedLevel' as const,
      ...(count ? { count } : {}),
      of,
      ...(others ? { others } : {}),
      by,
      ...(order ? { order: order.image as 'asc' | 'desc' } : {}),
      ...(nulls ? { nulls: nulls.image as 'first' | 'last' } : {}),
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  /** `with others = Literal`. */
  withOthers = this.RULE('withOthers', (): Expression => {
    this.CONSUME(T.With);
    this.CONSUME(T.AnyName, { LABEL: 'others' });
    this.CONSUME(T.Eq);
    return this.SUBRULE(this.expr);
  });

  /** `reduce [params] by Expr [with threshold=…, characters=…]`. */
  reduceOp = this.RULE('reduceOp', (): TabularOperator => {
    const first = this.CONSUME(T.Reduce);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    this.CONSUME(T.By);
    const by = this.SUBRULE(this.assignment);
    const properties = this.OPTION(() => {
      this.CONSUME(T.With);
      return this.commaList(this.property);
    }) ?? [];
    return this.ACTION(() => ({ kind: 'Reduce' as const, params, by, properties, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `top-hitters N of Expr [by Aggregation]`. */
  topHittersOp = this.RULE('topHittersOp', (): TabularOperator => {
    const first = this.CONSUME(T.TopHitters);
    const count = this.SUBRULE(this.expr);
    const of = this.SUBRULE(this.ofClause);
    const by = this.OPTION(() => {
      this.CONSUME(T.By);
      return this.SUBRULE(this.assignment);
    });
    return this.ACTION(() => ({ kind: 'TopHitters' as const, count, of, ...(by ? { by } : {}), span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);
}
