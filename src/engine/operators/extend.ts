// extend (extend-operator.md): columns added after the input's, or replacing a same-named input column in place.
// Every item is evaluated against the INPUT row, as `project` is: `extend a = c, c = a` swaps a and c, and a column
// defined by an earlier item of the same extend is not visible to later items (real engine, recorded answers, and
// Microsoft's analyser: "The name 'y' does not refer to any known column"; see CONTEXT.md "Docs vs engine").
// A name given twice in one extend is refused (the analyser: "A column with the name 'a' is already declared").
// A function with several values (functions/types.ts TupleResult) expands: `extend (a, b) = series_fit_line(y)` adds
// only a and b (real engine: `extend st = series_stats(s)` adds st alone), bare `extend series_fit_line(y)` adds all
// of them as series_fit_line_y_rsquare... (Microsoft's analyser). The call runs once per row into a hidden column of
// a first Project; the second Project takes its values apart and drops it.

import { diagnostic, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { Column } from '../../tables/table.js';
import { bindExpr, resolveContext } from '../bind/bind-expr.js';
import { call, colRef, convertTo } from '../bind/build.js';
import { defaultColumnName, freshColumnName } from '../bind/names.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import type { BoundExpr } from '../plan/expr.js';
import type { Plan } from '../plan/logical.js';
import { lift } from '../functions/lift.js';
import { lookupScalar } from '../functions/registry.js';
import { isRefusal, type ScalarFunctionDef, type TupleResult, type Value } from '../functions/types.js';
import type { OperatorBinders } from './operator.js';

export function bindExtend(input: Plan, items: readonly A.Assignment[], lets: LetScope, ctx: BindContext, span: Span): Plan | undefined {
  const schema: Column[] = [...input.schema];
  const exprs: BoundExpr[] = input.schema.map((c, i) => colRef(c, i, span));
  const defined = new Set<string>();
  const hidden: BoundExpr[] = [];
  for (const item of items) {
    const tuple = item.names.length !== 1 ? tupleFunction(item.expression, lets) : undefined;
    if (tuple) {
      const scope = { schema: input.schema, lets, inputColumns: input.schema.length, serialized: ctx.isSerialized(input) };
      const bound = tupleCall(item.expression as A.CallExpr, tuple, scope, ctx);
      if (!bound) return undefined;
      const values = tuple.tuple!;
      if (item.names.length > values.names.length) {
        ctx.diagnostics.push(diagnostic('bind-tuple-names', item.span, { name: tuple.name, names: item.names.length, values: values.names.length }));
        return undefined;
      }
      const at = input.schema.length + hidden.length;
      hidden.push(bound);
      const argName = defaultColumnName((item.expression as A.CallExpr).args[0]!) ?? '';
      const count = item.names.length > 0 ? item.names.length : values.names.length;
      for (let k = 0; k < count; k++) {
        const given = item.names[k];
        let name = given?.name ?? `${tuple.name}_${argName}_${values.names[k]}`;
        if (!given) for (let i = 1; defined.has(name) || schema.some((c) => c.name === name); i++) name = `${tuple.name}_${argName}_${values.names[k]}${i}`;
        if (defined.has(name)) {
          ctx.diagnostics.push(diagnostic('bind-duplicate-column', given?.span ?? item.span, { name }));
          return undefined;
        }
        defined.add(name);
        const e = tupleValue(values, k, tuple.name, at, item.span);
        const existing = schema.findIndex((c) => c.name === name);
        if (existing >= 0) (schema[existing] = { name, type: e.type }), (exprs[existing] = e);
        else schema.push({ name, type: e.type }), exprs.push(e);
      }
      continue;
    }
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
  if (hidden.length === 0) return { kind: 'Project', input, operator: 'extend', exprs, schema, span };
  const withTuples: Plan = {
    kind: 'Project',
    input,
    operator: 'extend',
    exprs: [...input.schema.map((c, i) => colRef(c, i, span)), ...hidden],
    schema: [...input.schema, ...hidden.map((_, i) => ({ name: `__tuple${i}`, type: 'dynamic' as const }))],
    span,
  };
  return { kind: 'Project', input: withTuples, operator: 'extend', exprs, schema, span };
}

/** The definition of a call to a function with several values (not shadowed by a let function), or undefined. */
function tupleFunction(e: A.Expression, lets: LetScope): ScalarFunctionDef | undefined {
  if (e.kind !== 'Call' || lets.lookup(e.callee.name)) return undefined;
  const def = lookupScalar(e.callee.name);
  return def?.tuple && e.args.length > 0 ? def : undefined;
}

/**
 * The call producing all values of a tuple function as one dynamic array. The call is bound as usual first (every
 * diagnostic of a bad argument comes from there), then its arguments are converted as `resolve` asks.
 */
function tupleCall(e: A.CallExpr, def: ScalarFunctionDef, scope: Parameters<typeof bindExpr>[1], ctx: BindContext): BoundExpr | undefined {
  if (!bindExpr(e, scope, ctx)) return undefined;
  const args: BoundExpr[] = [];
  for (const a of e.args) {
    const b = bindExpr(a, scope, ctx);
    if (!b) return undefined;
    args.push(b);
  }
  const r = def.resolve(args.map((a) => a.type), resolveContext(args, ctx));
  if (isRefusal(r)) return undefined;
  const converted = args.map((a, i) => (r.argTypes?.[i] ? convertTo(a, r.argTypes[i]!) : a));
  return call(def.name, converted, 'dynamic', def.tuple!.invoke, e.span, def.deterministic);
}

/** Value k of the tuple held in hidden column `at`. */
function tupleValue(values: TupleResult, k: number, name: string, at: number, span: Span): BoundExpr {
  const type = values.types[k]!;
  const pick = lift(type, (all) => (all as readonly Value[])[k] ?? null);
  return call(`${name}_${values.names[k]}`, [{ kind: 'Column', index: at, name: `__tuple`, type: 'dynamic', span }], type, pick, span);
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
