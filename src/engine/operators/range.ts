// range (range-operator.md): a single-column table of values from `from` to `to` inclusive, by `step`; its output is
// serialized. The column's type is the common type of the three values, as Microsoft's analyser types it: an int
// start makes a long column, a real bound or step a real one (`range x from 1 to 10 step 0.5` is 1.0, 1.5 … 10.0);
// datetime and timespan ranges step by a timespan.
//
// The number of values is computed before any is built, so a range of 10^12 values stops at once on the row limit
// (it counts towards maxIntermediateRows and the memory budget like any operator that produces rows).

import { diagnostic, KqlError, type Span } from '../../diagnostics.js';
import { makeTable } from '../../tables/table.js';
import type { Vector } from '../../tables/vector.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import { bindExpr } from '../bind/bind-expr.js';
import { convertTo } from '../bind/build.js';
import type { RowScope } from '../bind/scope.js';
import { evalExpr } from '../exec/compile-expr.js';
import { CHECK_INTERVAL, type ExecContext } from '../exec/context.js';
import { typeRowBytes } from '../exec/memory.js';
import type { BoundExpr } from '../plan/expr.js';
import { explainExpr } from '../plan/explain.js';
import type { PlanNodeBase } from '../plan/logical.js';
import type { PlanOperatorsOf, SourceBinders } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Range: RangeNode;
  }
}

export interface RangeNode extends PlanNodeBase<'Range'> {
  readonly from: BoundExpr;
  readonly to: BoundExpr;
  /** Of the column's type for long and real ranges, a timespan for datetime and timespan ranges. */
  readonly step: BoundExpr;
}

const isNumber = (t: ScalarType) => t === 'int' || t === 'long' || t === 'real';

export const sources: SourceBinders = {
  Range: (e, lets, ctx) => {
    const scope: RowScope = { schema: [], lets };
    const from = bindExpr(e.from, scope, ctx);
    const to = bindExpr(e.to, scope, ctx);
    const step = bindExpr(e.step, scope, ctx);
    if (!from || !to || !step) return undefined;
    const wrong = (x: BoundExpr, span: Span, expected: string) => {
      ctx.diagnostics.push(diagnostic('bind-wrong-type', span, { what: 'range', expected, got: x.type }));
      return undefined;
    };
    let type: ScalarType;
    if (isNumber(from.type)) {
      if (!isNumber(to.type)) return wrong(to, e.to.span, 'a number for its end');
      if (!isNumber(step.type)) return wrong(step, e.step.span, 'a number for its step');
      type = from.type === 'real' || to.type === 'real' || step.type === 'real' ? 'real' : 'long';
    } else if (from.type === 'datetime' || from.type === 'timespan') {
      type = from.type;
      if (to.type !== type) return wrong(to, e.to.span, `a ${type} for its end`);
      if (step.type !== 'timespan') return wrong(step, e.step.span, 'a timespan for its step');
    } else {
      return wrong(from, e.from.span, 'a long, real, datetime or timespan start');
    }
    const stepOfType = type === 'long' || type === 'real' ? convertTo(step, type) : step;
    return { kind: 'Range', from: convertTo(from, type), to: convertTo(to, type), step: stepOfType, schema: [{ name: e.column.name, type }], span: e.span };
  },
};

function constant(e: BoundExpr, ctx: ExecContext): ScalarValue | null {
  return (evalExpr(e, makeTable([], [], 1), ctx) as { value: ScalarValue | null }).value;
}

function fail(code: 'runtime-range-step-zero', span: Span, ctx: ExecContext): never;
function fail(code: 'runtime-range-not-finite', span: Span, ctx: ExecContext, what: string): never;
function fail(code: 'runtime-range-step-zero' | 'runtime-range-not-finite', span: Span, ctx: ExecContext, what = ''): never {
  throw new KqlError([code === 'runtime-range-step-zero' ? diagnostic(code, span, {}) : diagnostic(code, span, { what })], ctx.source);
}

/** long, datetime and timespan ranges: exact 64-bit arithmetic, the count known before the first value. */
function bigRange(node: RangeNode, from: bigint, to: bigint, step: bigint, ctx: ExecContext): Vector {
  const type = node.schema[0]!.type as 'long' | 'datetime' | 'timespan';
  if (step === 0n) fail('runtime-range-step-zero', node.step.span, ctx);
  const count = step > 0n ? (to >= from ? (to - from) / step + 1n : 0n) : from >= to ? (from - to) / -step + 1n : 0n;
  ctx.reserve(Number(count), typeRowBytes(type), node.span, 'range');
  const n = Number(count);
  const data = new BigInt64Array(n);
  const last = from + BigInt(n - 1) * step;
  if (n > 0 && isSafe(from) && isSafe(last)) {
    // Every value is a safe integer: write the 64-bit values as two 32-bit halves, with no BigInt per row.
    const halves = new Int32Array(data.buffer);
    const f = Number(from);
    const s = Number(step);
    for (let k = 0; k < n; k++) {
      const v = f + k * s;
      halves[2 * k] = v | 0; // low 32 bits (two's complement, as the BigInt would store them)
      halves[2 * k + 1] = Math.floor(v / 4294967296);
      if ((k & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
    }
  } else {
    for (let k = 0, v = from; k < n; k++, v += step) {
      data[k] = v;
      if ((k & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
    }
  }
  return { type, length: n, data };
}

const isSafe = (v: bigint) => v >= -9007199254740991n && v <= 9007199254740991n;

/** real ranges: values accumulate (start, start + step, …) while within `to`; the count is bounded before. */
function realRange(node: RangeNode, from: number, to: number, step: number, ctx: ExecContext): Vector {
  if (!Number.isFinite(from)) fail('runtime-range-not-finite', node.from.span, ctx, 'start');
  if (!Number.isFinite(to)) fail('runtime-range-not-finite', node.to.span, ctx, 'end');
  if (!Number.isFinite(step)) fail('runtime-range-not-finite', node.step.span, ctx, 'step');
  if (step === 0) fail('runtime-range-step-zero', node.step.span, ctx);
  const span = (to - from) / step;
  // Accumulated values drift from from + k·step by a few ulps: one more slot than the division says is enough.
  const bound = span < 0 ? 0 : Math.floor(span) + 2;
  ctx.reserve(bound - 1, typeRowBytes('real'), node.span, 'range');
  const data = new Float64Array(bound);
  let n = 0;
  for (let v = from; n < bound && (step > 0 ? v <= to : v >= to); v += step) {
    data[n] = v;
    if ((n++ & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
  }
  return { type: 'real', length: n, data: n === bound ? data : data.slice(0, n) };
}

export const plans: PlanOperatorsOf<'Range'> = {
  Range: {
    inputs: () => [],
    execute: (node, ctx) => {
      const from = constant(node.from, ctx);
      const to = constant(node.to, ctx);
      const step = constant(node.step, ctx);
      let column: Vector;
      if (from === null || to === null || step === null) {
        column = node.schema[0]!.type === 'real' ? { type: 'real', length: 0, data: new Float64Array(0) } : { type: node.schema[0]!.type as 'long', length: 0, data: new BigInt64Array(0) };
      } else if (node.schema[0]!.type === 'real') {
        column = realRange(node, from as number, to as number, step as number, ctx);
      } else {
        column = bigRange(node, from as bigint, to as bigint, step as bigint, ctx);
      }
      return makeTable(node.schema, [column], column.length);
    },
    explain: (node) => `Range ${explainExpr(node.from)} .. ${explainExpr(node.to)} step ${explainExpr(node.step)}`,
    serialization: 'produces',
  },
};
