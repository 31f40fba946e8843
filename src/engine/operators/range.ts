// range (range-operator.md): a single-column table of values from `from` to `to` inclusive, by `step`; its output is
// serialized. An int start makes a long column.

import { diagnostic, KqlError } from '../../diagnostics.js';
import { makeTable } from '../../tables/table.js';
import { vectorFromValues } from '../../tables/vector.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import { bindExpr } from '../bind/bind-expr.js';
import { convertTo } from '../bind/build.js';
import type { RowScope } from '../bind/scope.js';
import { evalExpr } from '../exec/compile-expr.js';
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
  readonly step: BoundExpr;
}

export const sources: SourceBinders = {
  Range: (e, lets, ctx) => {
    const scope: RowScope = { schema: [], lets };
    const from = bindExpr(e.from, scope, ctx);
    const to = bindExpr(e.to, scope, ctx);
    const step = bindExpr(e.step, scope, ctx);
    if (!from || !to || !step) return undefined;
    let type: ScalarType = from.type;
    if (type === 'int') type = 'long';
    if (!['long', 'real', 'datetime', 'timespan'].includes(type)) {
      ctx.diagnostics.push(diagnostic('bind-wrong-type', e.from.span, { what: 'range', expected: 'a long, real, datetime or timespan start', got: from.type }));
      return undefined;
    }
    return { kind: 'Range', from: convertTo(from, type), to: convertTo(to, type), step, schema: [{ name: e.column.name, type }], span: e.span };
  },
};

export const plans: PlanOperatorsOf<'Range'> = {
  Range: {
    inputs: () => [],
    execute: (node, ctx) => {
      const one = makeTable([], [], 1);
      const from = (evalExpr(node.from, one, ctx) as { value: ScalarValue | null }).value;
      const to = (evalExpr(node.to, one, ctx) as { value: ScalarValue | null }).value;
      const step = (evalExpr(node.step, one, ctx) as { value: ScalarValue | null }).value;
      const values: ScalarValue[] = [];
      if (from !== null && to !== null && step !== null) {
        const big = typeof from === 'bigint';
        const s = big ? BigInt(step as bigint) : Number(step);
        if ((big && s === 0n) || (!big && s === 0)) {
          throw new KqlError([diagnostic('runtime-range-step-zero', node.step.span, {})], ctx.source);
        }
        const up = big ? (s as bigint) > 0n : (s as number) > 0;
        for (let v: any = from; up ? v <= (to as any) : v >= (to as any); v = v + s) {
          values.push(v);
          if ((values.length & 0xffff) === 0) {
            ctx.checkRows(values.length, node.span, 'range');
            ctx.check(node.span);
          }
        }
      }
      return makeTable(node.schema, [vectorFromValues(node.schema[0]!.type, values)], values.length);
    },
    explain: (node) => `Range ${explainExpr(node.from)} .. ${explainExpr(node.to)} step ${explainExpr(node.step)}`,
    serialization: 'produces',
  },
};
