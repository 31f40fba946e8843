// make-series (make-series-operator.md): bins s, s+d, ... strictly below e (end exclusive); a row goes to bin
// floor((axis - s) / d); rows outside [s, e) are dropped; empty bins hold the default (0 unless default= says
// otherwise). Output per key tuple: the keys, one dynamic array per aggregate, then the axis array. Empty input
// gives no rows unless kind=nonempty.

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

function scalarValue(a: unknown): ScalarValue | null {
  return (a as { value: ScalarValue | null }).value;
}

export function runMakeSeries(node: MakeSeriesNode, input: Table, ctx: ExecContext): Table {
  const n = input.rowCount;
  const from = scalarValue(evalExpr(node.from, input, ctx));
  const to = scalarValue(evalExpr(node.to, input, ctx));
  const step = scalarValue(evalExpr(node.step, input, ctx));
  if (from === null || to === null || step === null) {
    throw new KqlError([diagnostic('runtime-error', node.span, { message: 'make-series from, to and step must not be null' })], ctx.source);
  }
  const isTicks = typeof from === 'bigint' && typeof step === 'bigint';
  const fromN = Number(from);
  const stepN = Number(step);
  if (stepN <= 0) throw new KqlError([diagnostic('runtime-error', node.step.span, { message: 'make-series step must be positive' })], ctx.source);
  const bins = isTicks
    ? Number(((to as bigint) - (from as bigint) + (step as bigint) - 1n) / (step as bigint))
    : Math.ceil((Number(to) - fromN) / stepN);
  const binCount = Math.max(0, bins);
  ctx.checkRows(binCount, node.span, 'make-series (bins)');
  const binOf = (v: ScalarValue | null): number => {
    if (v === null) return -1;
    let b: number;
    if (isTicks) {
      const d = (v as bigint) - (from as bigint);
      if (d < 0n) return -1;
      b = Number(d / (step as bigint));
    } else {
      const d = Number(v) - fromN;
      if (d < 0) return -1;
      b = Math.floor(d / stepN);
    }
    return b < binCount ? b : -1;
  };
  const axis = toVector(evalExpr(node.axis, input, ctx), n);
  const keyVecs = node.keys.map((k) => toVector(evalExpr(k, input, ctx), n));
  const argVecs = node.aggregates.map((a) => a.args.map((x) => toVector(evalExpr(x, input, ctx), n)));
  const groups = new Map<string, number>();
  const groupKeys: (ScalarValue | null)[][] = [];
  const states: unknown[][][] = []; // group → aggregate → bin → state
  const newGroup = (kv: (ScalarValue | null)[]) => {
    groupKeys.push(kv);
    states.push(node.aggregates.map(() => new Array<unknown>(binCount)));
    return states.length - 1;
  };
  for (let i = 0; i < n; i++) {
    const b = binOf(getValue(axis, i));
    if (b < 0) continue;
    const kv = keyVecs.map((v) => getValue(v, i));
    const key = groupKey(kv);
    let g = groups.get(key);
    if (g === undefined) {
      g = newGroup(kv);
      groups.set(key, g);
    }
    node.aggregates.forEach((a, j) => {
      const perBin = states[g!]![j]!;
      const st = perBin[b] === undefined ? a.impl.init() : perBin[b];
      perBin[b] = a.impl.add(st, argVecs[j]!.map((v) => getValue(v, i)));
    });
  }
  if (states.length === 0 && node.nonEmpty && node.keys.length === 0) newGroup([]);
  const g = states.length;
  const axisType = node.axis.type;
  const axisValues: Dynamic[] = [];
  for (let b = 0; b < binCount; b++) {
    const v: ScalarValue = isTicks ? (from as bigint) + BigInt(b) * (step as bigint) : typeof from === 'bigint' ? (from as bigint) + BigInt(b) * BigInt(step as bigint) : fromN + b * stepN;
    axisValues.push(dynamicFromScalar(v, axisType === 'int' ? 'long' : axisType));
  }
  const frozenAxis = Object.freeze(axisValues);
  const columns: Vector[] = [];
  node.keys.forEach((_, j) => {
    const w = vectorWriter(node.schema[j]!.type, g);
    for (let r = 0; r < g; r++) w.set(r, groupKeys[r]![j]!);
    columns.push(w.finish());
  });
  node.aggregates.forEach((a, j) => {
    const w = vectorWriter('dynamic', g);
    for (let r = 0; r < g; r++) {
      const perBin = states[r]![j]!;
      const arr: Dynamic[] = [];
      for (let b = 0; b < binCount; b++) {
        const v = perBin[b] === undefined ? a.defaultValue : a.impl.finish(perBin[b]);
        arr.push(v === null ? null : dynamicFromScalar(v, a.type));
      }
      w.set(r, Object.freeze(arr));
    }
    columns.push(w.finish());
  });
  const wa = vectorWriter('dynamic', g);
  for (let r = 0; r < g; r++) wa.set(r, frozenAxis);
  columns.push(wa.finish());
  return makeTable(node.schema, columns, g);
}
