// sample (sample-operator.md) and sample-distinct (sample-distinct-operator.md): random rows, random distinct values.
//   - `sample N`: up to N rows of the input, chosen uniformly at random without replacement (Math.random), kept in
//     input order [U: Kusto's choice and order are unspecified — "geared for speed rather than even distribution"].
//     Each run draws anew (the page: "returns a different result set each time it's evaluated"); materialize()
//     fixes one draw.
//   - `sample-distinct N of Col`: up to N distinct values of a column (a single column, named after it): the
//     distinct values (an Aggregate, as distinct does), then `sample N` of them.
// N is any constant numeric expression; a real N is truncated, a negative or null N gives no rows [U].
// Results are a random subset: tests assert properties (sizes, membership, distinctness), never rows.

import { selectRows } from '../../tables/table.js';
import { bindExpr } from '../bind/bind-expr.js';
import { report } from '../bind/report.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import { isNumeric } from '../types.js';
import type { BoundExpr } from '../plan/expr.js';
import { explainExpr } from '../plan/explain.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type * as A from '../../parser/ast.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';
import { countOf } from './sort.js';
import { bindSummarize } from './summarize.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Sample: SampleNode;
  }
}

export interface SampleNode extends PlanNodeBase<'Sample'> {
  readonly input: Plan;
  readonly count: BoundExpr;
}

function bindCount(e: A.Expression, what: string, lets: LetScope, ctx: BindContext): BoundExpr | undefined {
  const n = bindExpr(e, { schema: [], lets }, ctx);
  if (!n) return undefined;
  if (!isNumeric(n.type)) return report(ctx, 'bind-wrong-type', e.span, { what, expected: 'a number of rows (int, long or real)', got: n.type });
  return n;
}

export const binders: OperatorBinders = {
  Sample: (input, op, lets, ctx) => {
    const count = bindCount(op.count, 'sample', lets, ctx);
    return count && { kind: 'Sample', input, count, schema: input.schema, span: op.span };
  },
  SampleDistinct: (input, op, lets, ctx) => {
    const count = bindCount(op.count, 'sample-distinct', lets, ctx);
    if (!count) return undefined;
    if (op.of.names.length > 0 || op.of.expression.kind !== 'Name') {
      // Microsoft's analyser: "Column name expected".
      return report(ctx, 'bind-expected-column', op.of.span, { what: 'the argument of sample-distinct … of' });
    }
    const distinct = bindSummarize(input, { kind: 'Summarize', params: [], aggregates: [], by: [op.of], span: op.span }, lets, ctx, 'sample-distinct');
    return distinct && { kind: 'Sample', input: distinct, count, schema: distinct.schema, span: op.span };
  },
};

export const plans: PlanOperatorsOf<'Sample'> = {
  Sample: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => {
      const input = ctx.run(node.input);
      const raw = countOf(node.count, input, ctx);
      const n = Number.isFinite(raw) ? Math.max(0, Math.min(Math.trunc(raw), input.rowCount)) : 0;
      if (n === input.rowCount) return input;
      // Partial Fisher–Yates: the first n slots end up a uniform sample without replacement.
      const order = Uint32Array.from({ length: input.rowCount }, (_, i) => i);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(Math.random() * (input.rowCount - i));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      return selectRows(input, order.slice(0, n).sort());
    },
    explain: (node) => `Sample ${explainExpr(node.count)}`,
    serialization: 'loses',
  },
};
