// extend (extend-operator.md): columns added after the input's, or replacing a same-named input column in place.
// Every item is evaluated against the INPUT row, as `project` is: `extend a = c, c = a` swaps a and c, and a column
// defined by an earlier item of the same extend is not visible to later items (real engine, recorded answers, and
// Microsoft's analyser: "The name 'y' does not refer to any known column"; see CONTEXT.md "Docs vs engine").
// A name given twice in one extend is refused (the analyser: "A column with the name 'a' is already declared").

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
  const schema: Column[] = [...input.schema];
  const exprs: BoundExpr[] = input.schema.map((c, i) => colRef(c, i, span));
  const defined = new Set<string>();
  for (const item of items) {
    if (item.names.length > 1) {
      ctx.diagnostics.push(diagnostic('bind-not-supported', item.span, { name: 'tuple assignment in extend' }));
      return undefined;
    }
    const before = ctx.diagnostics.length;
    const e = bindExpr(item.expression, { schema: input.schema, lets, inputColumns: input.schema.length, serialized: ctx.isSerialized(input) }, ctx);
    if (!e) {
      explainSiblingReference(ctx, before, defined, input.schema);
      return undefined;
    }
    const name = item.names[0]?.name ?? defaultColumnName(item.expression) ?? freshColumnName((n) => schema.some((c) => c.name === n));
    if (defined.has(name)) {
      ctx.diagnostics.push(diagnostic('bind-duplicate-column', item.names[0]?.span ?? item.span, { name }));
      return undefined;
    }
    defined.add(name);
    const at = schema.findIndex((c) => c.name === name);
    if (at >= 0) {
      schema[at] = { name, type: e.type };
      exprs[at] = e;
    } else {
      schema.push({ name, type: e.type });
      exprs.push(e);
    }
  }
  return { kind: 'Project', input, operator: 'extend', exprs, schema, span };
}

/** An unknown column that an earlier item of the same extend defines: say why it is not visible. */
function explainSiblingReference(ctx: BindContext, from: number, defined: ReadonlySet<string>, input: readonly Column[]): void {
  for (let i = from; i < ctx.diagnostics.length; i++) {
    const d = ctx.diagnostics[i]!;
    const name = d.data?.['name'];
    if (d.code !== 'bind-unknown-column' || typeof name !== 'string' || !defined.has(name) || input.some((c) => c.name === name)) continue;
    ctx.diagnostics[i] = diagnostic('bind-extend-sibling-column', d.span, { name });
  }
}

export const binders: OperatorBinders = {
  Extend: (input, op, lets, ctx) => bindExtend(input, op.items, lets, ctx, op.span),
};
