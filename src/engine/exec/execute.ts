// Plan → Table, one case per node kind; each operator's work lives in exec/ops/.

import { diagnostic, KqlError } from '../../diagnostics.js';
import { emptyTable, makeTable, selectRows, type Table } from '../../tables/table.js';
import { getValue, isScalar, vectorFromValues, type Vector } from '../../tables/vector.js';
import { vectorWriter } from '../../tables/builder.js';
import type { ScalarValue } from '../../values/types.js';
import type { Plan } from '../plan/logical.js';
import type { ExecContext } from './context.js';
import { evalExpr } from './compile-expr.js';
import { runAggregate, toVector } from './ops/aggregate.js';
import { runJoin } from './ops/join.js';
import { runMakeSeries } from './ops/make-series.js';
import { runMvExpand } from './ops/mv-expand.js';
import { runParse } from './ops/parse.js';
import { runBagUnpack } from './ops/bag-unpack.js';
import { sortIndices } from './ops/sort.js';

export function execute(plan: Plan, ctx: ExecContext): Table {
  ctx.check(plan.span);
  switch (plan.kind) {
    case 'Scan': {
      const t = ctx.tables(plan.table);
      // A table with no data is an empty table of its schema: rule logic still binds and runs.
      if (!t) return emptyTable(plan.schema);
      return t;
    }
    case 'Values':
      return makeTable(
        plan.schema,
        plan.schema.map((c, j) => vectorFromValues(c.type, plan.rows.map((r) => r[j] ?? null))),
        plan.rows.length,
      );
    case 'Filter': {
      const input = execute(plan.input, ctx);
      const p = evalExpr(plan.predicate, input, ctx);
      if (isScalar(p)) return p.value === true ? input : selectRows(input, new Uint32Array(0));
      // Only rows where the predicate is exactly true are kept (null drops the row).
      const v = p as Extract<Vector, { type: 'bool' }>;
      const data = v.data;
      const valid = v.valid;
      let count = 0;
      for (let i = 0; i < input.rowCount; i++) if (data[i] === 1 && (!valid || valid[i] === 1)) count++;
      if (count === input.rowCount) return input;
      const sel = new Uint32Array(count);
      for (let i = 0, k = 0; i < input.rowCount; i++) if (data[i] === 1 && (!valid || valid[i] === 1)) sel[k++] = i;
      return selectRows(input, sel);
    }
    case 'Project': {
      const input = execute(plan.input, ctx);
      const columns = plan.exprs.map((e) => toVector(evalExpr(e, input, ctx), input.rowCount));
      return makeTable(plan.schema, columns, input.rowCount);
    }
    case 'Aggregate':
      return runAggregate(plan, execute(plan.input, ctx), ctx);
    case 'Sort': {
      const input = execute(plan.input, ctx);
      const keys = plan.keys.map((k) => ({
        vector: toVector(evalExpr(k.expr, input, ctx), input.rowCount),
        descending: k.descending,
        nullsFirst: k.nullsFirst,
      }));
      let idx = sortIndices(input.rowCount, keys);
      if (plan.limit) idx = idx.subarray(0, Math.max(0, countOf(plan.limit, input, ctx)));
      return selectRows(input, idx);
    }
    case 'Limit': {
      const input = execute(plan.input, ctx);
      const n = Math.max(0, Math.min(countOf(plan.count, input, ctx), input.rowCount));
      if (n === input.rowCount) return input;
      return selectRows(input, Uint32Array.from({ length: n }, (_, i) => i));
    }
    case 'Join':
      return runJoin(plan, execute(plan.left, ctx), execute(plan.right, ctx), ctx);
    case 'Union': {
      const parts = plan.inputs.map((p) => execute(p, ctx));
      const total = parts.reduce((s, p) => s + p.rowCount, 0);
      const offset = plan.sourceNames ? 1 : 0;
      const columns: Vector[] = plan.schema.map((c, j) => {
        const w = vectorWriter(c.type, total);
        let r = 0;
        parts.forEach((p, leg) => {
          const src = j < offset ? -2 : plan.mapping[leg]![j - offset]!;
          for (let i = 0; i < p.rowCount; i++, r++) {
            w.set(r, src === -2 ? plan.sourceNames![leg]! : src < 0 ? null : getValue(p.columns[src]!, i));
          }
        });
        return w.finish();
      });
      return makeTable(plan.schema, columns, total);
    }
    case 'MvExpand':
      return runMvExpand(plan, execute(plan.input, ctx), ctx);
    case 'MakeSeries':
      return runMakeSeries(plan, execute(plan.input, ctx), ctx);
    case 'Range': {
      const one = makeTable([], [], 1);
      const from = (evalExpr(plan.from, one, ctx) as { value: ScalarValue | null }).value;
      const to = (evalExpr(plan.to, one, ctx) as { value: ScalarValue | null }).value;
      const step = (evalExpr(plan.step, one, ctx) as { value: ScalarValue | null }).value;
      const values: ScalarValue[] = [];
      if (from !== null && to !== null && step !== null) {
        const big = typeof from === 'bigint';
        const s = big ? BigInt(step as bigint) : Number(step);
        if ((big && s === 0n) || (!big && s === 0)) {
          throw new KqlError([diagnostic('runtime-error', plan.step.span, { message: 'range step must not be zero' })], ctx.source);
        }
        const up = big ? (s as bigint) > 0n : (s as number) > 0;
        for (let v: any = from; up ? v <= (to as any) : v >= (to as any); v = v + s) {
          values.push(v);
          if ((values.length & 0xffff) === 0) {
            ctx.checkRows(values.length, plan.span, 'range');
            ctx.check(plan.span);
          }
        }
      }
      return makeTable(plan.schema, [vectorFromValues(plan.schema[0]!.type, values)], values.length);
    }
    case 'Parse':
      return runParse(plan, execute(plan.input, ctx), ctx);
    case 'BagUnpack':
      return runBagUnpack(plan, execute(plan.input, ctx));
    case 'Render':
    case 'Serialize':
      return execute(plan.input, ctx);
    case 'Materialize': {
      const cached = ctx.materialized.get(plan.id);
      if (cached) return cached;
      const t = execute(plan.input, ctx);
      ctx.materialized.set(plan.id, t);
      return t;
    }
  }
}

function countOf(e: Parameters<typeof evalExpr>[0], input: Table, ctx: ExecContext): number {
  const v = evalExpr(e, input, ctx);
  const x = isScalar(v) ? v.value : getValue(v, 0);
  return x === null ? 0 : Number(x);
}

