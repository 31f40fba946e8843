// The implicit table of a subquery run once per group of rows: mv-apply runs its subquery once per input row
// (mv-apply-operator.md), partition once per partition (partition-operator.md). The parser gives such a subquery the
// source `Name('')`; its operator binds that name to a Subtable leaf (`subtableScope`) and, at run time, hands the
// leaf each group's rows (`runOverSubtable`) before running the subquery's plan.
//
// The group's rows are kept per run (ExecContext) and per leaf node, so nested mv-apply / partition each see their
// own rows, and two queries running at once never share state.

import type { Span } from '../../diagnostics.js';
import type { Schema, Table } from '../../tables/table.js';
import type { LetScope } from '../bind/scope.js';
import type { ExecContext } from '../exec/context.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    /** The rows of one mv-apply input row, in order: serialized (its expansion keeps the array's order). */
    ApplyRows: SubtableNode<'ApplyRows'>;
    /** The rows of one partition: no order is promised (partition-operator.md), so not serialized. */
    PartitionRows: SubtableNode<'PartitionRows'>;
  }
}

export interface SubtableNode<K extends 'ApplyRows' | 'PartitionRows'> extends PlanNodeBase<K> {
  /** The operator that feeds the rows (for explain). */
  readonly owner: string;
}

export type AnySubtable = SubtableNode<'ApplyRows'> | SubtableNode<'PartitionRows'>;

/** The empty name the parser gives a subquery's implicit source. */
export const IMPLICIT_SOURCE = '';

export function subtableNode<K extends 'ApplyRows' | 'PartitionRows'>(kind: K, schema: Schema, span: Span, owner: string): SubtableNode<K> {
  return { kind, schema, span, owner } as SubtableNode<K>;
}

/** The scope in which the subquery's implicit source is the given leaf. */
export function subtableScope(lets: LetScope, leaf: Plan): LetScope {
  return lets.with(IMPLICIT_SOURCE, { kind: 'tabular', plan: leaf });
}

const groups = new WeakMap<ExecContext, Map<AnySubtable, Table>>();

/** Runs `plan` with `leaf` reading `rows`; the previous rows of the leaf (an enclosing run) are restored after. */
export function runOverSubtable(ctx: ExecContext, leaf: AnySubtable, rows: Table, plan: Plan): Table {
  let map = groups.get(ctx);
  if (!map) groups.set(ctx, (map = new Map()));
  const previous = map.get(leaf);
  map.set(leaf, rows);
  // Scalar subqueries (toscalar) are cached per run; inside the subquery they may read this group (`as P |
  // … toscalar(P | summarize …)`), so each group starts without the cache and the outer entries come back after.
  const cached = ctx.subqueries.size > 0 ? new Map(ctx.subqueries) : undefined;
  ctx.subqueries.clear();
  try {
    return ctx.run(plan);
  } finally {
    if (previous) map.set(leaf, previous);
    else map.delete(leaf);
    ctx.subqueries.clear();
    if (cached) for (const [k, v] of cached) ctx.subqueries.set(k, v);
  }
}

function rowsOf(node: AnySubtable, ctx: ExecContext): Table {
  const t = groups.get(ctx)?.get(node);
  // Only reachable through a bug: the leaf is bound inside its operator's subquery and run by that operator.
  if (!t) throw new Error(`internal error: ${node.owner} subquery run without its rows`);
  return t;
}

export const plans: PlanOperatorsOf<'ApplyRows' | 'PartitionRows'> = {
  ApplyRows: {
    inputs: () => [],
    execute: (node, ctx) => rowsOf(node, ctx),
    explain: (node) => `ApplyRows (each row of ${node.owner})`,
    serialization: 'produces',
  },
  PartitionRows: {
    inputs: () => [],
    execute: (node, ctx) => rowsOf(node, ctx),
    explain: (node) => `PartitionRows (each partition of ${node.owner})`,
    serialization: 'loses',
  },
};
