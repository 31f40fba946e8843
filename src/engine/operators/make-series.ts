// make-series (make-series-operator.md). Main syntax: bins from, from+step, ... strictly below `to` (end
// exclusive), rows placed by bin_at(axis, step, from). Without `from`, a series starts at its first bin with data;
// without `to`, it ends after its last bin with data (bins then align at zero, like bin()). `in range(start, stop,
// step)`: stop inclusive and bins aligned with bin(), so start itself may not be an axis value. Empty bins hold the
// default (0 unless default= says otherwise). Output per key tuple: the keys, one dynamic array per aggregate, then
// the axis array. Empty input gives no rows unless kind=nonempty.

import { diagnostic, KqlError, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../tables/table.js';
import { getValue, type Vector } from '../../tables/vector.js';
import { vectorWriter } from '../../tables/builder.js';
import type { Dynamic, ScalarValue } from '../../values/types.js';
import { dynamicFromScalar } from '../../values/dynamic.js';
import { bindAggregateCall } from '../bind/aggregate-call.js';
import { bindExpr } from '../bind/bind-expr.js';
import { convertTo } from '../bind/build.js';
import { defaultColumnName, uniqueNames } from '../bind/names.js';
import { report } from '../bind/report.js';
import type { BindContext, LetScope, RowScope } from '../bind/scope.js';
import { evalExpr, evalVector } from '../exec/compile-expr.js';
import { CHECK_INTERVAL, type ExecContext } from '../exec/context.js';
import { lookupAggregate } from '../functions/registry.js';
import { tupleKey } from '../kernels/value-key.js';
import type { AggregateCall, BoundExpr } from '../plan/expr.js';
import { explainExpr } from '../plan/explain.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    MakeSeries: MakeSeriesNode;
  }
}

export interface MakeSeriesNode extends PlanNodeBase<'MakeSeries'> {
  readonly input: Plan;
  readonly keys: readonly BoundExpr[];
  readonly aggregates: readonly (AggregateCall & { readonly defaultValue: ScalarValue | null })[];
  readonly axis: BoundExpr;
  /** Omitted: each series starts at its first bin with data (make-series-operator.md). */
  readonly from?: BoundExpr;
  /** Omitted: each series ends after its last bin with data. */
  readonly to?: BoundExpr;
  readonly step: BoundExpr;
  /** `in range(start, stop, step)`: stop is inclusive and bins align with bin() (at zero), not with start. */
  readonly rangeForm: boolean;
  readonly nonEmpty: boolean;
}

function notSupported(ctx: BindContext, span: Span, name: string): undefined {
  ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name }));
  return undefined;
}

function bindMakeSeries(input: Plan, op: A.MakeSeriesOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  let nonEmpty = false;
  for (const p of op.params) {
    const v = p.value.kind === 'Name' ? p.value.name : undefined;
    if (p.name === 'kind' && v === 'nonempty') nonEmpty = true;
    else if (!p.name.startsWith('hint.')) return notSupported(ctx, p.span, `make-series parameter '${p.name}'`);
  }
  const scope: RowScope = { schema: input.schema, lets };
  const axis = bindExpr(op.on, scope, ctx);
  const constScope: RowScope = { schema: [], lets };
  const fromAst = op.inRange ? op.inRange.start : op.from;
  const toAst = op.inRange ? op.inRange.stop : op.to;
  const stepAst = op.inRange ? op.inRange.step : op.step;
  if (!stepAst) return report(ctx, 'bind-make-series-no-step', op.span, {});
  const from = fromAst ? bindExpr(fromAst, constScope, ctx) : null;
  const to = toAst ? bindExpr(toAst, constScope, ctx) : null;
  const step = bindExpr(stepAst, constScope, ctx);
  if (!axis || from === undefined || to === undefined || !step) return undefined;
  const axisOk = axis.type === 'datetime' || axis.type === 'timespan' ? step.type === 'timespan' : ['int', 'long', 'real'].includes(axis.type) && ['int', 'long', 'real'].includes(step.type);
  if (!axisOk) return report(ctx, 'bind-make-series-axis', op.on.span, { axis: axis.type, step: step.type });
  const schema: Column[] = [];
  const unique = uniqueNames();
  const keys: BoundExpr[] = [];
  for (const k of op.by) {
    const e = bindExpr(k.expression, scope, ctx);
    if (!e) return undefined;
    keys.push(e);
    schema.push({ name: unique(k.names[0]?.name ?? defaultColumnName(k.expression) ?? `Column${keys.length}`), type: e.type });
  }
  const aggregates: (AggregateCall & { defaultValue: ScalarValue | null })[] = [];
  for (const a of op.aggregates) {
    const e = a.expression.kind === 'Paren' ? a.expression.expression : a.expression;
    if (e.kind !== 'Call' || !lookupAggregate(e.callee.name)) {
      ctx.diagnostics.push(diagnostic('bind-not-aggregate', a.expression.span, { text: ctx.source.slice(a.expression.span.start, a.expression.span.end) }));
      return undefined;
    }
    const tmp: Column[] = [];
    const calls = bindAggregateCall({ name: a.name?.name, agg: e.callee.name, args: e.args, span: e.span }, scope, ctx, tmp, input.schema, (b) => b, keys);
    if (!calls) return undefined;
    if (calls.length !== 1 || !['int', 'long', 'real', 'bool', 'datetime', 'timespan'].includes(calls[0]!.type)) {
      return notSupported(ctx, e.span, `make-series aggregate ${e.callee.name}()`);
    }
    let defaultValue: ScalarValue | null = calls[0]!.type === 'real' ? 0 : 0n;
    if (calls[0]!.type === 'int') defaultValue = 0;
    if (a.defaultValue) {
      const d = bindExpr(a.defaultValue, constScope, ctx);
      if (!d) return undefined;
      if (d.kind !== 'Literal') return report(ctx, 'bind-expected-constant', a.defaultValue.span, { what: 'default=' });
      // The default fills the aggregate's array, so it takes the aggregate's type (avg default=0 gives 0.0).
      const aggType = calls[0]!.type;
      const c = d.type === aggType || d.value === null ? d : convertTo(d, aggType);
      if (c.kind !== 'Literal') return report(ctx, 'bind-wrong-type', a.defaultValue.span, { what: 'default=', expected: `a ${aggType} constant`, got: d.type });
      defaultValue = c.value;
    }
    aggregates.push({ ...calls[0]!, defaultValue });
    schema.push({ name: unique(tmp[0]!.name), type: 'dynamic' });
  }
  const axisName = defaultColumnName(op.on) ?? 'Column1';
  schema.push({ name: unique(axisName), type: 'dynamic' });
  const axisType = axis.type;
  return {
    kind: 'MakeSeries',
    input,
    keys,
    aggregates,
    axis,
    from: from ? convertTo(from, axisType === 'int' ? 'long' : axisType) : undefined,
    to: to ? convertTo(to, axisType === 'int' ? 'long' : axisType) : undefined,
    step,
    rangeForm: op.inRange !== undefined,
    nonEmpty,
    schema,
    span: op.span,
  };
}

const MAX_BINS = 1_048_576; // make-series arrays are limited to 2^20 values (make-series-operator.md)
/** A value of a series array: a slot of a JavaScript array, and a boxed number for reals and longs. */
const SERIES_VALUE_BYTES = 16;

function scalarValue(a: unknown): ScalarValue | null {
  return (a as { value: ScalarValue | null }).value;
}

/** Axis arithmetic on exact ticks (datetime/timespan) or on numbers. */
interface Axis {
  /** floor((v - origin) / step) */
  index(v: ScalarValue, origin: ScalarValue): number;
  /** origin + k * step */
  value(origin: ScalarValue, k: number): ScalarValue;
  /** ceil((to - origin) / step) */
  ceilIndex(to: ScalarValue, origin: ScalarValue): number;
}

function axisOf(step: ScalarValue, ticks: boolean): Axis {
  if (ticks) {
    const s = step as bigint;
    const floorDiv = (a: bigint) => {
      const q = a / s;
      return Number(a % s !== 0n && a < 0n ? q - 1n : q);
    };
    return {
      index: (v, o) => floorDiv((v as bigint) - (o as bigint)),
      value: (o, k) => (o as bigint) + BigInt(k) * s,
      ceilIndex: (t, o) => -floorDiv((o as bigint) - (t as bigint)),
    };
  }
  const s = Number(step);
  return {
    index: (v, o) => Math.floor((Number(v) - Number(o)) / s),
    value: (o, k) => (typeof o === 'bigint' && Number.isInteger(s) ? o + BigInt(k * s) : Number(o) + k * s),
    ceilIndex: (t, o) => Math.ceil((Number(t) - Number(o)) / s),
  };
}

function runMakeSeries(node: MakeSeriesNode, input: Table, ctx: ExecContext): Table {
  const n = input.rowCount;
  const fail = (code: 'runtime-make-series-bounds' | 'runtime-make-series-step' | 'runtime-make-series-bins', span = node.span): never => {
    throw new KqlError([diagnostic(code, span, { limit: MAX_BINS })], ctx.source);
  };
  const from = node.from ? scalarValue(evalExpr(node.from, input, ctx)) : null;
  const to = node.to ? scalarValue(evalExpr(node.to, input, ctx)) : null;
  const step = scalarValue(evalExpr(node.step, input, ctx));
  if ((node.from && from === null) || (node.to && to === null) || step === null) fail('runtime-make-series-bounds');
  const ticks = node.axis.type === 'datetime' || node.axis.type === 'timespan';
  if (ticks ? (step as bigint) <= 0n : Number(step) <= 0) fail('runtime-make-series-step', node.step.span);
  const axis = axisOf(step!, ticks);
  const zero: ScalarValue = ticks ? 0n : node.axis.type === 'real' ? 0 : 0n;
  // Bins align with `from` in the main syntax, at zero (bin()) in the range form or without `from`.
  const origin: ScalarValue = !node.rangeForm && from !== null ? from : zero;
  const kStart = from === null ? undefined : node.rangeForm ? axis.index(from, zero) : 0;
  const kEnd = to === null ? undefined : node.rangeForm ? axis.index(to, zero) + 1 : axis.ceilIndex(to, origin);
  if (kStart !== undefined && kEnd !== undefined && kEnd - kStart > MAX_BINS) fail('runtime-make-series-bins');

  const axisVec = evalVector(node.axis, input, ctx);
  const keyVecs = node.keys.map((k) => evalVector(k, input, ctx));
  const argVecs = node.aggregates.map((a) => a.args.map((x) => evalVector(x, input, ctx)));
  interface Group {
    keys: (ScalarValue | null)[];
    bins: Map<number, unknown[]>; // bin index → one state per aggregate
    lo: number;
    hi: number;
  }
  const groups = new Map<string, Group>();
  for (let i = 0; i < n; i++) {
    const v = getValue(axisVec, i);
    if (v === null) continue;
    const k = axis.index(v, origin);
    if ((kStart !== undefined && k < kStart) || (kEnd !== undefined && k >= kEnd)) continue;
    const kv = keyVecs.map((vec) => getValue(vec, i));
    const key = tupleKey(kv);
    let g = groups.get(key);
    if (!g) {
      g = { keys: kv, bins: new Map(), lo: k, hi: k };
      groups.set(key, g);
    }
    g.lo = Math.min(g.lo, k);
    g.hi = Math.max(g.hi, k);
    let states = g.bins.get(k);
    if (!states) {
      states = node.aggregates.map((a) => a.impl.init());
      g.bins.set(k, states);
    }
    for (let j = 0; j < node.aggregates.length; j++) {
      states[j] = node.aggregates[j]!.impl.add(states[j], argVecs[j]!.map((vec) => getValue(vec, i)));
    }
    if ((i & 0xffff) === 0) ctx.check(node.span);
  }
  if (groups.size === 0 && node.nonEmpty && node.keys.length === 0 && kStart !== undefined && kEnd !== undefined) {
    groups.set('', { keys: [], bins: new Map(), lo: kStart, hi: kEnd - 1 });
  }
  const list = [...groups.values()];
  ctx.checkRows(list.length, node.span, 'make-series');
  const g = list.length;
  const columns: Vector[] = [];
  node.keys.forEach((_, j) => {
    const w = vectorWriter(node.schema[j]!.type, g);
    for (let r = 0; r < g; r++) w.set(r, list[r]!.keys[j]!);
    columns.push(w.finish());
  });
  const ranges = list.map((grp) => {
    const lo = kStart ?? grp.lo;
    const hi = kEnd ?? grp.hi + 1;
    if (hi - lo > MAX_BINS) fail('runtime-make-series-bins');
    return { lo, hi };
  });
  // Every series holds one value per bin in each aggregate's array and in the axis array: counted before the arrays
  // are built (10^4 series of 10^6 bins would be 10^10 values).
  const bins = ranges.reduce((sum, r) => sum + (r.hi - r.lo), 0);
  ctx.checkBytes(bins * (node.aggregates.length + 1) * SERIES_VALUE_BYTES, node.span, 'make-series');
  // Building the arrays is the long loop here (series × bins): time and abort are checked every CHECK_INTERVAL values.
  let built = 0;
  node.aggregates.forEach((a, j) => {
    const w = vectorWriter('dynamic', g);
    for (let r = 0; r < g; r++) {
      const { lo, hi } = ranges[r]!;
      const arr: Dynamic[] = [];
      for (let k = lo; k < hi; k++) {
        if ((++built & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
        const states = list[r]!.bins.get(k);
        const v = states === undefined ? a.defaultValue : a.impl.finish(states[j]);
        arr.push(v === null ? null : dynamicFromScalar(v, a.type));
      }
      w.set(r, Object.freeze(arr));
    }
    columns.push(w.finish());
  });
  const axisType = node.axis.type === 'int' ? 'long' : node.axis.type;
  const wa = vectorWriter('dynamic', g);
  for (let r = 0; r < g; r++) {
    const { lo, hi } = ranges[r]!;
    const arr: Dynamic[] = [];
    for (let k = lo; k < hi; k++) {
      if ((++built & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
      arr.push(dynamicFromScalar(axis.value(origin, k), axisType));
    }
    wa.set(r, Object.freeze(arr));
  }
  columns.push(wa.finish());
  return makeTable(node.schema, columns, g);
}

export const binders: OperatorBinders = {
  MakeSeries: (input, op, lets, ctx) => bindMakeSeries(input, op, lets, ctx),
};

export const plans: PlanOperatorsOf<'MakeSeries'> = {
  MakeSeries: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => runMakeSeries(node, ctx.run(node.input), ctx),
    explain: (node) =>
      `MakeSeries on ${explainExpr(node.axis)}${node.from ? ` from ${explainExpr(node.from)}` : ''}${node.to ? ` to ${explainExpr(node.to)}` : ''} step ${explainExpr(node.step)}${node.rangeForm ? ' (range form)' : ''}`,
    serialization: 'loses',
  },
};
