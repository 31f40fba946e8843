// Tabular operators that filter, order, limit or aggregate rows: where, sort, top, take, count, distinct, sample,
// getschema, summarize, make-series, render. One rule per operator (docs: <operator>-operator.md, Syntax section).

import type { Assignment, Expression, Identifier, MakeSeriesAggregate, MakeSeriesOp, SortKey, TabularOperator } from '../ast.js';
import * as T from '../tokens.js';
import { DROP_ON_ERROR } from './base.js';
import { PREC } from './expressions.js';
import { ColumnOperatorRules } from './operators-columns.js';
import { P_HINT } from './queries.js';

const P_MAKESERIES = new Set(['kind', 'hint.*']);

type SeriesRange = { start: Expression; stop: Expression; step: Expression };

export abstract class RowOperatorRules extends ColumnOperatorRules {
  whereOp = this.RULE('whereOp', (): TabularOperator => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Where) }, { ALT: () => this.CONSUME(T.Filter) }]);
    const predicate = this.SUBRULE(this.expr);
    return this.ACTION(() => ({ kind: 'Where' as const, keyword: kw.image, predicate, span: this.spanFrom(kw) }));
  }, DROP_ON_ERROR);

  sortOp = this.RULE('sortOp', (): TabularOperator => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Sort) }, { ALT: () => this.CONSUME(T.Order) }]);
    this.SUBRULE(this.opParams, { ARGS: [P_HINT] });
    this.CONSUME(T.By);
    const keys = this.SUBRULE(this.sortKeyList);
    return this.ACTION(() => ({ kind: 'Sort' as const, keyword: kw.image, keys, span: this.spanFrom(kw) }));
  }, DROP_ON_ERROR);

  topOp = this.RULE('topOp', (): TabularOperator => {
    const first = this.CONSUME(T.Top);
    const count = this.SUBRULE(this.expr);
    this.CONSUME(T.By);
    const keys: SortKey[] = [];
    this.pushDefined(keys, this.SUBRULE(this.sortKey));
    return this.ACTION(() => ({ kind: 'Top' as const, count, keys, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  takeOp = this.RULE('takeOp', (): TabularOperator => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Take) }, { ALT: () => this.CONSUME(T.Limit) }]);
    const count = this.SUBRULE(this.expr);
    return this.ACTION(() => ({ kind: 'Take' as const, keyword: kw.image, count, span: this.spanFrom(kw) }));
  }, DROP_ON_ERROR);

  countOp = this.RULE('countOp', (): TabularOperator => {
    const first = this.CONSUME(T.Count);
    return this.ACTION(() => ({ kind: 'Count' as const, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `distinct a, b` or `distinct *`. */
  distinctOp = this.RULE('distinctOp', (): TabularOperator => {
    const first = this.CONSUME(T.Distinct);
    this.SUBRULE(this.opParams, { ARGS: [P_HINT] });
    const columns = this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Star);
          return '*' as const;
        },
      },
      { ALT: () => this.SUBRULE(this.exprList) },
    ]);
    return this.ACTION(() => ({ kind: 'Distinct' as const, columns, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  sampleOp = this.RULE('sampleOp', (): TabularOperator => {
    const first = this.CONSUME(T.Sample);
    const count = this.SUBRULE(this.expr);
    return this.ACTION(() => ({ kind: 'Sample' as const, count, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  getSchemaOp = this.RULE('getSchemaOp', (): TabularOperator => {
    const first = this.CONSUME(T.GetSchema);
    return this.ACTION(() => ({ kind: 'GetSchema' as const, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  summarizeOp = this.RULE('summarizeOp', (): TabularOperator => {
    const first = this.CONSUME(T.Summarize);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_HINT] });
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
    const params = this.SUBRULE(this.opParams, { ARGS: [P_MAKESERIES] });
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

  /** `render timechart with (title="x", ysplit=axes)`. */
  renderOp = this.RULE('renderOp', (): TabularOperator => {
    const first = this.CONSUME(T.Render);
    const chart = this.SUBRULE(this.declName);
    const properties = this.OPTION(() => this.SUBRULE(this.withProperties)) ?? [];
    return this.ACTION(() => ({ kind: 'Render' as const, chart, properties, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);
}
