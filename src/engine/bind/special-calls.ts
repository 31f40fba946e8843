// Bind hooks of the special functions (functions/special.ts): calls whose arguments the binder must see before
// binding them as scalars. One entry per SpecialName, so a special without a hook fails to compile. Hooks get
// expression binding as a parameter (ExprBinder) instead of importing bind-expr.ts, which imports them.

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { dynamicFromScalar, freezeDynamic, makeBag } from '../../values/dynamic.js';
import type { Dynamic } from '../../values/types.js';
import { lift } from '../functions/lift.js';
import type { SpecialName } from '../functions/special.js';
import type { BoundExpr } from '../plan/expr.js';
import { call } from './build.js';
import type { BindContext, ExprBinder, RowScope } from './scope.js';

export type SpecialHook = (e: A.CallExpr, scope: RowScope, ctx: BindContext, bind: ExprBinder) => BoundExpr | undefined;

function arity(e: A.CallExpr, ctx: BindContext, expected: string): undefined {
  ctx.diagnostics.push(diagnostic('bind-wrong-arity', e.span, { name: e.callee.name, expected, got: e.args.length }));
  return undefined;
}

export const SPECIAL_HOOKS: { readonly [N in SpecialName]: SpecialHook } = {
  // toscalar(T): the first cell of a tabular expression, evaluated once per run (toscalar-function.md).
  toscalar(e, scope, ctx, bind) {
    const arg = e.args[0];
    if (!arg || e.args.length !== 1) return arity(e, ctx, '1');
    return bind.subquery(arg.kind === 'Paren' ? arg.expression : arg, 'scalar', scope, ctx, e.span);
  },
  // materialize(T) used as a scalar: its first cell, like toscalar (the tabular use binds in bind-tabular.ts).
  materialize(e, scope, ctx, bind) {
    return bind.subquery(e, 'scalar', scope, ctx, e.span);
  },
  // column_ifexists('Name', default): the column when the input has it, else the default, which is then the only
  // argument bound (column-ifexists-function.md).
  column_ifexists(e, scope, ctx, bind) {
    const [nameArg, fallback] = e.args;
    if (e.args.length !== 2 || !nameArg || !fallback) return arity(e, ctx, '2');
    if (nameArg.kind !== 'StringLiteral') {
      ctx.diagnostics.push(diagnostic('bind-expected-constant', nameArg.span, { what: 'the column name of column_ifexists' }));
      return undefined;
    }
    const idx = scope.schema.findIndex((c) => c.name === nameArg.value);
    if (idx >= 0) return { kind: 'Column', index: idx, name: nameArg.value, type: scope.schema[idx]!.type, span: e.span };
    return bind.expr(fallback, scope, ctx);
  },
  // pack_all([ignore_null_empty]): a bag of the input row's columns (pack-all-function.md).
  pack_all(e, scope, ctx, bind) {
    if (e.args.length > 1) return arity(e, ctx, '0 to 1');
    let ignoreEmpty = false;
    if (e.args[0]) {
      const b = bind.expr(e.args[0], scope, ctx);
      if (!b) return undefined;
      if (b.kind !== 'Literal' || b.type !== 'bool') {
        ctx.diagnostics.push(diagnostic('bind-expected-constant', b.span, { what: 'the argument of pack_all (a bool)' }));
        return undefined;
      }
      ignoreEmpty = b.value === true;
    }
    const cols = scope.schema.slice(0, scope.inputColumns ?? scope.schema.length);
    const refs: BoundExpr[] = cols.map((c, i) => ({ kind: 'Column', index: i, name: c.name, type: c.type, span: e.span }));
    const invoke = lift(
      'dynamic',
      (...vals) => {
        const bag: Record<string, Dynamic> = Object.create(null) as Record<string, Dynamic>;
        cols.forEach((c, i) => {
          const v = vals[i] ?? null;
          if (ignoreEmpty && (v === null || v === '')) return;
          bag[c.name] = v === null ? null : dynamicFromScalar(v, c.type);
        });
        return freezeDynamic(bag);
      },
      'custom',
    );
    return call('pack_all', refs, 'dynamic', invoke, e.span);
  },
  // bag_pack_columns(c1, c2, ...): a bag of the listed columns under their names (bag-pack-columns-function.md); every
  // argument must be a column (Microsoft's analyser: "Column name expected"). [U] A null value is kept as null, as
  // bag_pack keeps it.
  bag_pack_columns(e, scope, ctx, bind) {
    if (e.args.length === 0) return arity(e, ctx, '1 or more');
    const cols: (BoundExpr & { kind: 'Column' })[] = [];
    for (const a of e.args) {
      const b = bind.expr(a, scope, ctx);
      if (!b) return undefined;
      if (b.kind !== 'Column') {
        ctx.diagnostics.push(diagnostic('bind-expected-column', b.span, { what: 'an argument of bag_pack_columns' }));
        return undefined;
      }
      cols.push(b);
    }
    const invoke = lift(
      'dynamic',
      (...vals) => freezeDynamic(makeBag(cols.map((c, i) => [c.name, dynamicFromScalar(vals[i] ?? null, c.type)] as const))),
      'custom',
    );
    return call('bag_pack_columns', cols, 'dynamic', invoke, e.span);
  },
};
