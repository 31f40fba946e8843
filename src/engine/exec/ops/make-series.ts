// make-series (make-series-operator.md). Main syntax: bins from, from+step, ... strictly below `to` (end
// exclusive), rows placed by bin_at(axis, step, from). Without `from`, a series starts at its first bin with data;
// without `to`, it ends after its last bin with data (bins then align at zero, like bin()). `in range(start, stop,
// step)`: stop inclusive and bins aligned with bin(), so start itself may not be an axis value. Empty bins hold the
// default (0 unless default= says otherwise). Output per key tuple: the keys, one dynamic array per aggregate, then
// the axis array. Empty input gives no rows unless kind=nonempty.

import { makeTable, type Table } from '../../../tables/table.js';
import { getValue, type Vector } from '../../../tables/vector.js';
import { vectorWriter } from '../../../tables/builder.js';
import type { Dynamic, ScalarValue } from '../../../values/types.js';
import { dynamicFromScalar } from '../../../values/dynamic.js';
import type { MakeSeriesNode } from '../../plan/logical.js';
import type { ExecContext } from '../context.js';
import { evalExpr } from '../compile-expr.js';
import { groupKey, toVector } from './aggregate.js';
import { diagnostic, KqlError } from '../../../diagnostics.js';

const MAX_BINS = 1_048_576; // make-series arrays are limited to 2^20 values (make-series-operator.md)

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

export function runMakeSeries(node: MakeSeriesNode, input: Table, ctx: ExecContext): Table {
  const n = input.rowCount;
  const fail = (message: string, span = node.span): never => {
    throw new KqlError([diagnostic('runtime-error', span, { message })], ctx.source);
  };
  const from = node.from ? scalarValue(evalExpr(node.from, input, ctx)) : null;
  const to = node.to ? scalarValue(evalExpr(node.to, input, ctx)) : null;
  const step = scalarValue(evalExpr(node.step, input, ctx));
  if ((node.from && from === null) || (node.to && to === null) || step === null) fail('make-series from, to and step must not be null');
  const ticks = node.axis.type === 'datetime' || node.axis.type === 'timespan';
  if (ticks ? (step as bigint) <= 0n : Number(step) <= 0) fail('make-series step must be positive', node.step.span);
  const axis = axisOf(step!, ticks);
  const zero: ScalarValue = ticks ? 0n : node.axis.type === 'real' ? 0 : 0n;
  // Bins align with `from` in the main syntax, at zero (bin()) in the range form or without `from`.
  const origin: ScalarValue = !node.rangeForm && from !== null ? from : zero;
  const kStart = from === null ? undefined : node.rangeForm ? axis.index(from, zero) : 0;
  const kEnd = to === null ? undefined : node.rangeForm ? axis.index(to, zero) + 1 : axis.ceilIndex(to, origin);
  if (kStart !== undefined && kEnd !== undefined && kEnd - kStart > MAX_BINS) fail(`make-series would build more than ${MAX_BINS} bins`);

  const axisVec = toVector(evalExpr(node.axis, input, ctx), n);
  const keyVecs = node.keys.map((k) => toVector(evalExpr(k, input, ctx), n));
  const argVecs = node.aggregates.map((a) => a.args.map((x) => toVector(evalExpr(x, input, ctx), n)));
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
    const key = groupKey(kv);
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
    if (hi - lo > MAX_BINS) fail(`make-series would build more than ${MAX_BINS} bins`);
    return { lo, hi };
  });
  node.aggregates.forEach((a, j) => {
    const w = vectorWriter('dynamic', g);
    for (let r = 0; r < g; r++) {
      const { lo, hi } = ranges[r]!;
      const arr: Dynamic[] = [];
      for (let k = lo; k < hi; k++) {
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
    for (let k = lo; k < hi; k++) arr.push(dynamicFromScalar(axis.value(origin, k), axisType));
    wa.set(r, Object.freeze(arr));
  }
  columns.push(wa.finish());
  return makeTable(node.schema, columns, g);
}
