// sort / order (sort-operator.md) and its plan node, which top binds to as well (with a limit). Default order is
// descending; nulls first for asc and last for desc unless stated. Null and NaN sort together at the null end: null
// before NaN when nulls come first, NaN before null when last. Values are ordered by the one comparison kernel
// (strings ordinally [U]). The sort is stable [U: the page promises no order among ties]; its output is serialized.
// The orderings over typed columns and the top-k heap are in kernels/row-order.ts.

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { selectRows, type Table } from '../../tables/table.js';
import { getValue, isScalar } from '../../tables/vector.js';
import { bindExpr } from '../bind/bind-expr.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import { evalExpr, evalVector } from '../exec/compile-expr.js';
import type { ExecContext } from '../exec/context.js';
import { firstRows, orderRows } from '../kernels/row-order.js';
import type { BoundExpr } from '../plan/expr.js';
import { explainExpr } from '../plan/explain.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Sort: SortNode;
  }
}

export interface SortKeyPlan {
  readonly expr: BoundExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

export interface SortNode extends PlanNodeBase<'Sort'> {
  readonly input: Plan;
  readonly keys: readonly SortKeyPlan[];
  /** `top n`: keep only the first n after sorting. */
  readonly limit?: BoundExpr;
}

export function bindSortKeys(input: Plan, keys: readonly A.SortKey[], lets: LetScope, ctx: BindContext): SortKeyPlan[] | undefined {
  const out: SortKeyPlan[] = [];
  for (const k of keys) {
    const e = bindExpr(k.expression, { schema: input.schema, lets, serialized: ctx.isSerialized(input) }, ctx);
    if (!e) return undefined;
    // A dynamic key is refused: real engine, recorded answers (issue #14): `mv-expand mv | order by g asc, mv asc`
    // with mv dynamic is rejected (2 recorded queries); Microsoft's analyser: KS116 "The value of type 'dynamic' is
    // not allowed in this context".
    if (e.type === 'dynamic') {
      ctx.diagnostics.push(diagnostic('bind-wrong-type', k.expression.span, { what: 'a sort key', expected: 'a value that is not dynamic (convert it, e.g. tostring() or tolong())', got: 'dynamic' }));
      return undefined;
    }
    // Default order is descending (sort-operator.md); nulls first for asc, last for desc.
    const descending = (k.order ?? 'desc') === 'desc';
    const nullsFirst = k.nulls ? k.nulls === 'first' : !descending;
    out.push({ expr: e, descending, nullsFirst });
  }
  return out;
}

/** The value of a count expression (top n, take n): null counts as 0. */
export function countOf(e: BoundExpr, input: Table, ctx: ExecContext): number {
  const v = evalExpr(e, input, ctx);
  const x = isScalar(v) ? v.value : getValue(v, 0);
  return x === null ? 0 : Number(x);
}

export const binders: OperatorBinders = {
  Sort: (input, op, lets, ctx) => {
    const keys = bindSortKeys(input, op.keys, lets, ctx);
    return keys && { kind: 'Sort', input, keys, schema: input.schema, span: op.span };
  },
};

export const plans: PlanOperatorsOf<'Sort'> = {
  Sort: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => {
      const input = ctx.run(node.input);
      const keys = node.keys.map((k) => ({ vector: evalVector(k.expr, input, ctx), descending: k.descending, nullsFirst: k.nullsFirst }));
      // top n / sort | take n: a bounded heap of n rows, not a sort of every row.
      const idx = node.limit ? firstRows(input.rowCount, keys, countOf(node.limit, input, ctx)) : orderRows(input.rowCount, keys);
      return selectRows(input, idx);
    },
    explain: (node) =>
      `Sort ${node.keys.map((k) => `${explainExpr(k.expr)} ${k.descending ? 'desc' : 'asc'} nulls ${k.nullsFirst ? 'first' : 'last'}`).join(', ')}${node.limit ? ` limit ${explainExpr(node.limit)}` : ''}`,
    serialization: 'produces',
  },
};
