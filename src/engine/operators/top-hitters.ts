// top-hitters (top-hitters-operator.md): the N most frequent values of a column, or the N values with the largest
// sum of an expression. The page describes the approximation it stands for exactly:
//   `T | summarize C = count() by Value | top N by C desc`  (column approximate_count_<Value>)
//   `T | summarize S = sum(Sum) by Value | top N by S desc`  (column approximate_sum_<name of Sum>)
// kqlite computes that exactly (Kusto's Count-Min sketch may differ on close counts over large inputs) [U: ties
// keep the order in which the values first appear]. Column names are Microsoft's analyser's; the page's third
// example header (approximate_sum_State without `by`) contradicts its own syntax note and the analyser.
// A summing expression without a name (`by a * 2`, which the analyser names approximate_sum_) is refused by name.

import type * as A from '../../parser/ast.js';
import { bindExpr } from '../bind/bind-expr.js';
import { convertTo } from '../bind/build.js';
import { report } from '../bind/report.js';
import { isNumeric } from '../types.js';
import type { Plan } from '../plan/logical.js';
import type { OperatorBinders } from './operator.js';
import { bindSummarize } from './summarize.js';

function call(name: string, args: A.Expression[], span: A.Expression['span']): A.CallExpr {
  return { kind: 'Call', callee: { kind: 'Identifier', name, quoted: false, span }, args, span };
}

export const binders: OperatorBinders = {
  TopHitters: (input, op, lets, ctx) => {
    const count = bindExpr(op.count, { schema: [], lets }, ctx);
    if (!count) return undefined;
    if (!isNumeric(count.type)) return report(ctx, 'bind-wrong-type', op.count.span, { what: 'top-hitters', expected: 'a number of values', got: count.type });
    if (op.of.names.length > 0 || op.of.expression.kind !== 'Name') {
      return report(ctx, 'bind-expected-column', op.of.span, { what: 'the value of top-hitters … of' });
    }
    let aggName: string;
    let agg: A.Expression;
    if (op.by) {
      const named = op.by.names[0]?.name ?? (op.by.expression.kind === 'Name' ? op.by.expression.name : undefined);
      if (!named) return report(ctx, 'bind-not-supported', op.by.span, { name: 'top-hitters … by an unnamed expression (name it: by Name = expression)' });
      aggName = `approximate_sum_${named}`;
      agg = call('sum', [op.by.expression], op.by.span);
    } else {
      aggName = `approximate_count_${op.of.expression.name}`;
      agg = call('count', [], op.span);
    }
    const summary = bindSummarize(
      input,
      { kind: 'Summarize', params: [], aggregates: [{ kind: 'Assignment', names: [{ kind: 'Identifier', name: aggName, quoted: false, span: op.span }], expression: agg, span: op.span }], by: [op.of], span: op.span },
      lets,
      ctx,
      'top-hitters',
    );
    if (!summary) return undefined;
    const aggIndex = summary.schema.length - 1;
    const aggColumn = summary.schema[aggIndex]!;
    const plan: Plan = {
      kind: 'Sort',
      input: summary,
      keys: [{ expr: { kind: 'Column', index: aggIndex, name: aggColumn.name, type: aggColumn.type, span: op.span }, descending: true, nullsFirst: false }],
      limit: count.type === 'real' ? convertTo(count, 'long') : count,
      schema: summary.schema,
      span: op.span,
    };
    return plan;
  },
};
