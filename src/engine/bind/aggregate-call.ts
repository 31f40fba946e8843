// One aggregate of summarize or make-series → AggregateCalls with their output columns. Most aggregates give one
// column; arg_max/arg_min and take_any(a, b) / take_any(*) give one column per returned value, all reading the
// same row (arg-max-aggregation-function.md, take-any-aggregation-function.md).

import { diagnostic, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { Column, Schema } from '../../tables/table.js';
import { FIRST_ROW } from '../functions/aggregate/take-any.js';
import { lookupAggregate } from '../functions/registry.js';
import { isRefusal } from '../functions/types.js';
import type { AggregateCall, BoundExpr } from '../plan/expr.js';
import { bindExpr, resolveContext } from './bind-expr.js';
import { colRef, convertTo } from './build.js';
import { defaultColumnName } from './names.js';
import { reportRefusal } from './report.js';
import type { BindContext, RowScope } from './scope.js';

/** An aggregate as written: `name = agg(args)`. */
export interface AggItem {
  readonly name?: string;
  readonly agg: string;
  readonly args: readonly A.Expression[];
  readonly span: Span;
}

/**
 * Binds one aggregate item over the input (`scope`), appending its output columns to `schema` (names made unique
 * by `uniqueName`). By-columns (`keys` that are plain columns) are not repeated by arg_max(*) / take_any(*).
 */
export function bindAggregateCall(
  item: AggItem,
  scope: RowScope,
  ctx: BindContext,
  schema: Column[],
  inputSchema: Schema,
  uniqueName: (base: string) => string,
  keys: readonly BoundExpr[],
): AggregateCall[] | undefined {
  const def = lookupAggregate(item.agg)!;
  const keyColumns = new Set(keys.filter((k) => k.kind === 'Column').map((k) => (k as { index: number }).index));
  if (def.name === 'arg_max' || def.name === 'arg_min') {
    // arg_max(e, *) / arg_max(e, c1, c2): the row with the extreme e; output e's column then the returned columns,
    // by-columns not repeated, no max_ prefix (arg-max-aggregation-function.md).
    const [first, ...rest] = item.args;
    if (!first || rest.length === 0) {
      ctx.diagnostics.push(diagnostic('bind-wrong-arity', item.span, { name: def.name, expected: 'at least 2', got: item.args.length }));
      return undefined;
    }
    const e = bindExpr(first, scope, ctx);
    if (!e) return undefined;
    const returned: { name: string; expr: BoundExpr }[] = [];
    for (const r of rest) {
      if (r.kind === 'Star') {
        inputSchema.forEach((c, i) => {
          if (!keyColumns.has(i) && !(e.kind === 'Column' && e.index === i)) returned.push({ name: c.name, expr: colRef(c, i, r.span) });
        });
      } else if (r.kind === 'NamedArg') {
        const b = bindExpr(r.value, scope, ctx);
        if (!b) return undefined;
        returned.push({ name: r.name.name, expr: b });
      } else {
        const b = bindExpr(r, scope, ctx);
        if (!b) return undefined;
        returned.push({ name: defaultColumnName(r) ?? `Column${returned.length + 1}`, expr: b });
      }
    }
    const r = def.resolve([e.type, ...returned.map((x) => x.expr.type)], { constant: () => undefined, nowTicks: ctx.nowTicks });
    if (isRefusal(r)) {
      if (typeof r === 'string') {
        ctx.diagnostics.push(diagnostic('bind-wrong-type', first.span, { what: `'${def.name}'`, expected: r, got: e.type }));
        return undefined;
      }
      return reportRefusal(r, `'${def.name}'`, [e], item.span, ctx);
    }
    // The deprecated argmax()/argmin() name their columns max_e, max_e_c (min_...), Microsoft's analyser.
    const legacy = item.agg === 'argmax' ? 'max' : item.agg === 'argmin' ? 'min' : undefined;
    const firstName = item.name ?? (legacy ? `${legacy}_${defaultColumnName(first) ?? ''}` : defaultColumnName(first) ?? `${def.name}_`);
    const out: AggregateCall[] = [];
    // One aggregate per output column; all share the comparison on e (impl receives [e, value]).
    out.push({ name: def.name, impl: r.impl, args: [e, e], type: e.type, span: item.span });
    schema.push({ name: uniqueName(firstName), type: e.type });
    for (const x of returned) {
      out.push({ name: def.name, impl: r.impl, args: [e, x.expr], type: x.expr.type, span: item.span });
      schema.push({ name: uniqueName(legacy ? `${legacy}_${defaultColumnName(first) ?? ''}_${x.name}` : x.name), type: x.expr.type });
    }
    return out;
  }
  if (def.name === 'take_any' && (item.args.length > 1 || item.args[0]?.kind === 'Star')) {
    // take_any(a, b) / take_any(*): one arbitrary row (here the group's first), one column per value
    // (take-any-aggregation-function.md); by-columns are not repeated.
    const out: AggregateCall[] = [];
    for (const a of item.args) {
      const cols: { name: string; expr: BoundExpr }[] = [];
      if (a.kind === 'Star') {
        inputSchema.forEach((c, i) => {
          if (!keyColumns.has(i)) cols.push({ name: c.name, expr: colRef(c, i, a.span) });
        });
      } else {
        const b = bindExpr(a, scope, ctx);
        if (!b) return undefined;
        cols.push({ name: defaultColumnName(a) ?? `any_arg${out.length}`, expr: b });
      }
      for (const c of cols) {
        out.push({ name: 'take_any', impl: FIRST_ROW, args: [c.expr], type: c.expr.type, span: item.span });
        schema.push({ name: uniqueName(c.name), type: c.expr.type });
      }
    }
    return out;
  }
  if (item.args.length < def.minArgs || item.args.length > def.maxArgs) {
    const expected = def.minArgs === def.maxArgs ? `${def.minArgs}` : `${def.minArgs} to ${def.maxArgs}`;
    ctx.diagnostics.push(diagnostic('bind-wrong-arity', item.span, { name: item.agg, expected, got: item.args.length }));
    return undefined;
  }
  const args: BoundExpr[] = [];
  for (const a of item.args) {
    if (a.kind === 'Star') continue;
    const b = bindExpr(a, scope, ctx);
    if (!b) return undefined;
    args.push(b);
  }
  const r = def.resolve(
    args.map((a) => a.type),
    resolveContext(args, ctx),
  );
  if (isRefusal(r)) return reportRefusal(r, `'${item.agg}'`, args, item.span, ctx);
  const converted = args.map((a, i) => (r.argTypes?.[i] ? convertTo(a, r.argTypes[i]!) : a));
  // Numeric literal arguments name columns too (percentile(x, 95) → percentile_x_95).
  const argName = (a: A.Expression) => defaultColumnName(a) ?? (a.kind === 'LongLiteral' || a.kind === 'RealLiteral' ? String(a.value) : undefined);
  const name = item.name ?? def.columnName(item.args.map(argName));
  schema.push({ name: uniqueName(name), type: r.returnType });
  const calls: AggregateCall[] = [{ name: def.name, impl: r.impl, args: converted, type: r.returnType, span: item.span }];
  // Further columns of an aggregate with several (percentiles(x, 50, 90)): default names even after `p = ...`.
  const moreNames = def.columnNames?.(item.args.map(argName)) ?? [];
  r.more?.forEach((m, i) => {
    schema.push({ name: uniqueName(moreNames[i + 1] ?? `${name}${i + 1}`), type: m.returnType });
    calls.push({ name: def.name, impl: m.impl, args: converted, type: m.returnType, span: item.span });
  });
  return calls;
}

/**
 * Does this aggregate give several columns (arg_max/arg_min and their legacy names, take_any(a, b), take_any(*),
 * percentiles with several percentiles)? Such items cannot sit inside an expression over aggregates.
 */
export function givesSeveralColumns(item: AggItem): boolean {
  const def = lookupAggregate(item.agg);
  if (!def) return false;
  if (def.name === 'arg_max' || def.name === 'arg_min') return true;
  if (def.name === 'take_any') return item.args.length > 1 || item.args[0]?.kind === 'Star';
  return (def.columnNames?.(item.args.map(() => undefined)).length ?? 1) > 1;
}
