// top-nested (top-nested-operator.md): hierarchical top-N. Level 1 groups the input by its expression and keeps the
// N groups with the largest (or, with `asc`, smallest) aggregation; each next level groups the rows of every group
// kept so far by its own expression and keeps the top N inside each. The output has one row per kept path, two
// columns per level: the level's value (named as written: `of Name = expr` or the column's name) and its
// aggregation (`by Name = agg`, else `aggregated_<value column>`). Without N, every value is kept.
//
// Plan: one Aggregate per level (summarize agg_k by e_1, …, e_k — an aggregation over the rows having those values
// is the aggregation inside the parent group), then a TopNested node walks them level by level.
// `with others = C` adds, inside each parent group, one row with value C and the aggregation of the rows that did
// not make the top — kept exactly for sum(), count(), min() and max(), whose per-group results combine (sum of sums
// or counts, min of mins, max of maxes). Refused by name: others with another aggregation, others on a level that
// is not the last (the page does not say what the next levels show under the others row), an unnamed value
// expression (Microsoft's analyser names its column ""), a level without an aggregation.
// [U] Ties keep the order in which values first appear; the others row follows its group's top rows and is added
// only when some rows are left over; the output is ordered level by level, each as its top N.

import type * as A from '../../parser/ast.js';
import { makeTable, type Column } from '../../tables/table.js';
import { getValue, vectorFromValues } from '../../tables/vector.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import { bindExpr } from '../bind/bind-expr.js';
import { convertTo } from '../bind/build.js';
import { report } from '../bind/report.js';
import { compareForSort, compareValues } from '../kernels/compare.js';
import { tupleKey } from '../kernels/value-key.js';
import { isNumeric } from '../types.js';
import type { BoundExpr } from '../plan/expr.js';
import { explainExpr } from '../plan/explain.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';
import { countOf } from './sort.js';
import { bindSummarize } from './summarize.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    TopNested: TopNestedNode;
  }
}

interface TopNestedLevelPlan {
  readonly count?: BoundExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
  /** `with others = C`: the value and how the leftover groups' aggregations combine. */
  readonly others?: { readonly value: ScalarValue | null; readonly combine: 'sum' | 'min' | 'max' };
}

export interface TopNestedNode extends PlanNodeBase<'TopNested'> {
  /** Per level k: summarize agg_k by e_1..e_k (keys first, the aggregation last). */
  readonly inputs: readonly Plan[];
  readonly levels: readonly TopNestedLevelPlan[];
}

const COMBINE: Readonly<Record<string, 'sum' | 'min' | 'max'>> = { sum: 'sum', count: 'sum', min: 'min', max: 'max' };

function identifier(name: string, span: A.Expression['span']): A.Identifier {
  return { kind: 'Identifier', name, quoted: false, span };
}

export const binders: OperatorBinders = {
  TopNested: (input, op, lets, ctx) => {
    const keyItems: A.Assignment[] = [];
    const plans: Plan[] = [];
    const levels: TopNestedLevelPlan[] = [];
    const schema: Column[] = [];
    const names = new Set<string>();
    for (let k = 0; k < op.levels.length; k++) {
      const level = op.levels[k]!;
      const keyName = level.of.names[0]?.name ?? (level.of.expression.kind === 'Name' ? level.of.expression.name : undefined);
      if (keyName === undefined) return report(ctx, 'bind-not-supported', level.of.span, { name: 'top-nested … of an unnamed expression (name it: of Name = expression)' });
      const aggName = level.by.names[0]?.name ?? `aggregated_${keyName}`;
      for (const n of [keyName, aggName]) {
        if (names.has(n)) return report(ctx, 'bind-duplicate-column', level.span, { name: n });
        names.add(n);
      }
      keyItems.push({ kind: 'Assignment', names: [identifier(keyName, level.of.span)], expression: level.of.expression, span: level.of.span });
      const summary = bindSummarize(
        input,
        {
          kind: 'Summarize',
          params: [],
          aggregates: [{ kind: 'Assignment', names: [identifier(aggName, level.by.span)], expression: level.by.expression, span: level.by.span }],
          by: [...keyItems],
          span: level.span,
        },
        lets,
        ctx,
        'top-nested',
      );
      if (!summary) return undefined;
      plans.push(summary);
      const keyColumn = summary.schema[k]!;
      const aggColumn = summary.schema[summary.schema.length - 1]!;
      schema.push(keyColumn, aggColumn);

      let count: BoundExpr | undefined;
      if (level.count) {
        const c = bindExpr(level.count, { schema: [], lets }, ctx);
        if (!c) return undefined;
        if (!isNumeric(c.type)) return report(ctx, 'bind-wrong-type', level.count.span, { what: 'top-nested', expected: 'a number of values', got: c.type });
        count = c.type === 'real' ? convertTo(c, 'long') : c;
      }
      let others: TopNestedLevelPlan['others'];
      if (level.others) {
        if (k !== op.levels.length - 1) {
          return report(ctx, 'bind-not-supported', level.others.span, { name: 'top-nested … with others on a level that is not the last' });
        }
        const agg = level.by.expression;
        const combine = agg.kind === 'Call' ? COMBINE[agg.callee.name] : undefined;
        if (!combine) {
          return report(ctx, 'bind-not-supported', level.by.span, { name: 'top-nested … with others over an aggregation other than sum(), count(), min() or max()' });
        }
        const v = bindExpr(level.others, { schema: [], lets }, ctx);
        if (!v) return undefined;
        const value = v.type === keyColumn.type ? v : isNumeric(v.type) && isNumeric(keyColumn.type) ? convertTo(v, keyColumn.type) : undefined;
        if (!value || value.kind !== 'Literal') {
          return report(ctx, 'bind-wrong-type', level.others.span, { what: 'with others', expected: `a constant ${keyColumn.type}`, got: v.type });
        }
        others = { value: value.value, combine };
      }
      const descending = (level.order ?? 'desc') === 'desc';
      levels.push({ count, descending, nullsFirst: level.nulls ? level.nulls === 'first' : !descending, others });
    }
    return { kind: 'TopNested', inputs: plans, levels, schema, span: op.span };
  },
};

interface Path {
  readonly keys: readonly (ScalarValue | null)[];
  /** Key and aggregation of every level so far, in output order. */
  readonly cells: readonly (ScalarValue | null)[];
}

function combine(values: readonly (ScalarValue | null)[], how: 'sum' | 'min' | 'max', type: ScalarType): ScalarValue | null {
  const present = values.filter((v): v is ScalarValue => v !== null);
  if (present.length === 0) return null;
  if (how === 'sum') {
    if (type === 'long' || type === 'int') return BigInt.asIntN(64, present.reduce<bigint>((s, v) => s + BigInt(v as bigint | number), 0n));
    if (type === 'timespan') return present.reduce<bigint>((s, v) => s + (v as bigint), 0n);
    return present.reduce<number>((s, v) => s + Number(v), 0);
  }
  return present.reduce((best, v) => {
    const c = compareValues(v, best) ?? 0;
    return how === 'min' ? (c < 0 ? v : best) : c > 0 ? v : best;
  });
}

export const plans: PlanOperatorsOf<'TopNested'> = {
  TopNested: {
    inputs: (node) => node.inputs,
    execute: (node, ctx) => {
      let paths: Path[] = [{ keys: [], cells: [] }];
      node.levels.forEach((level, k) => {
        const table = ctx.run(node.inputs[k]!);
        const aggIndex = table.schema.length - 1;
        const aggType = table.schema[aggIndex]!.type;
        // The level's groups, under the key of their parent path.
        const byParent = new Map<string, { key: ScalarValue | null; agg: ScalarValue | null }[]>();
        for (let i = 0; i < table.rowCount; i++) {
          const parent = [];
          for (let j = 0; j < k; j++) parent.push(getValue(table.columns[j]!, i));
          const id = tupleKey(parent);
          const list = byParent.get(id) ?? [];
          list.push({ key: getValue(table.columns[k]!, i), agg: getValue(table.columns[aggIndex]!, i) });
          byParent.set(id, list);
          ctx.check(node.span);
        }
        const limit = level.count ? Math.max(0, countOf(level.count, table, ctx)) : Infinity;
        const next: Path[] = [];
        for (const path of paths) {
          const groups = [...(byParent.get(tupleKey(path.keys)) ?? [])];
          groups.sort((a, b) => {
            if (a.agg === null || b.agg === null) {
              if (a.agg === b.agg) return 0;
              return (a.agg === null) === level.nullsFirst ? -1 : 1;
            }
            const c = compareForSort(a.agg, b.agg);
            return level.descending ? -c : c;
          });
          const top = groups.slice(0, limit);
          for (const g of top) next.push({ keys: [...path.keys, g.key], cells: [...path.cells, g.key, g.agg] });
          const rest = groups.slice(top.length);
          if (level.others && rest.length > 0) {
            const agg = combine(rest.map((g) => g.agg), level.others.combine, aggType);
            next.push({ keys: [...path.keys, level.others.value], cells: [...path.cells, level.others.value, agg] });
          }
        }
        paths = next;
      });
      return makeTable(
        node.schema,
        node.schema.map((c, j) => vectorFromValues(c.type, paths.map((p) => p.cells[j] ?? null))),
        paths.length,
      );
    },
    explain: (node) => `TopNested ${node.levels.map((l) => (l.count ? explainExpr(l.count) : 'all')).join(', ')}`,
    serialization: 'loses',
  },
};
