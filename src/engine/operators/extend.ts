// extend (extend-operator.md): columns added after the input's, or replacing a same-named input column in place.
// Each item sees the columns produced by the previous items of the same extend: references to them are inlined.

import { diagnostic, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { Column } from '../../tables/table.js';
import { bindExpr } from '../bind/bind-expr.js';
import { colRef } from '../bind/build.js';
import { defaultColumnName, freshColumnName } from '../bind/names.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import type { BoundExpr } from '../plan/expr.js';
import type { Plan } from '../plan/logical.js';
import type { OperatorBinders } from './operator.js';

export function bindExtend(input: Plan, items: readonly A.Assignment[], lets: LetScope, ctx: BindContext, span: Span): Plan | undefined {
  let schema: Column[] = [...input.schema];
  let exprs: BoundExpr[] = input.schema.map((c, i) => colRef(c, i, span));
  for (const item of items) {
    if (item.names.length > 1) {
      ctx.diagnostics.push(diagnostic('bind-not-supported', item.span, { name: 'tuple assignment in extend' }));
      return undefined;
    }
    // Columns defined earlier in this extend are visible: bind against the current output schema by inlining.
    const e = bindExpr(item.expression, { schema, lets, inputColumns: input.schema.length, serialized: ctx.isSerialized(input) }, ctx);
    if (!e) return undefined;
    const inlined = inlineColumns(e, exprs);
    const name = item.names[0]?.name ?? defaultColumnName(item.expression) ?? freshColumnName((n) => schema.some((c) => c.name === n));
    const at = schema.findIndex((c) => c.name === name);
    if (at >= 0) {
      schema[at] = { name, type: e.type };
      exprs[at] = inlined;
    } else {
      schema = [...schema, { name, type: e.type }];
      exprs = [...exprs, inlined];
    }
  }
  return { kind: 'Project', input, operator: 'extend', exprs, schema, span };
}

/** Replace column references to a projection's output by the projection's expressions. */
function inlineColumns(e: BoundExpr, exprs: readonly BoundExpr[]): BoundExpr {
  switch (e.kind) {
    case 'Column':
      return exprs[e.index]!;
    case 'Call': {
      const args = e.args.map((a) => inlineColumns(a, exprs));
      return args.every((a, i) => a === e.args[i]) ? e : { ...e, args };
    }
    default:
      return e;
  }
}

export const binders: OperatorBinders = {
  Extend: (input, op, lets, ctx) => bindExtend(input, op.items, lets, ctx, op.span),
};
