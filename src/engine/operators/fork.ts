// Several result tables from one query: `fork` (fork-operator.md: one result per branch, each branch a pipeline over
// the fork's input) and a batch of tabular statements (batches.md: each tabular expression statement is a result).
// Both bind to a Results node at the root of the plan; Database.query runs each part (in one run, so the fork's
// input — a materialize of it — is computed once) and returns the first as the primary QueryResult, all of them in
// `results`. A result is named by `name = (…)` or by a trailing `| as Name` (the page's named subqueries).
//
// A Results node only makes sense at the root: fork followed by another operator, or inside a join, union or let, is
// refused by name (`misplacedResults`, called by the script binder) rather than silently keeping one branch.

import type { Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { Table } from '../../tables/table.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';
import { IMPLICIT_SOURCE } from './subtable.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Results: ResultsNode;
  }
}

export interface ResultPart {
  readonly plan: Plan;
  readonly name?: string;
}

/** Several results; its own schema is the first part's (what a caller that expects one table sees). */
export interface ResultsNode extends PlanNodeBase<'Results'> {
  readonly parts: readonly ResultPart[];
  readonly operator: 'fork' | 'batch';
}

/** The name a trailing `| as Name` gives a result. */
export function trailingAsName(e: A.Expression): string | undefined {
  const inner = e.kind === 'Paren' ? e.expression : e;
  if (inner.kind !== 'Pipeline') return undefined;
  const last = inner.operators[inner.operators.length - 1];
  return last?.kind === 'As' ? last.name.name : undefined;
}

/** The parts of a plan: a Results node's, or the plan itself. */
export function resultParts(plan: Plan, name?: string): readonly ResultPart[] {
  return plan.kind === 'Results' ? plan.parts : [{ plan, ...(name !== undefined ? { name } : {}) }];
}

/** The script's result: one plan, or a batch of every statement's results (a fork's branches flattened in). */
export function batchResults(statements: readonly { plan: Plan; expression: A.Expression }[], span: Span): Plan | undefined {
  if (statements.length === 0) return undefined;
  if (statements.length === 1) return statements[0]!.plan;
  const parts = statements.flatMap((s) => resultParts(s.plan, trailingAsName(s.expression)));
  return { kind: 'Results', parts, operator: 'batch', schema: parts[0]!.plan.schema, span };
}

/** A Results node below the root (fork followed by an operator, or used as a table): its span, or undefined. */
export function misplacedResults(root: Plan, inputs: (p: Plan) => readonly Plan[]): Span | undefined {
  const stack: Plan[] = root.kind === 'Results' ? root.parts.map((p) => p.plan) : [root];
  const seen = new Set<Plan>();
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    if (p.kind === 'Results') return p.span;
    stack.push(...inputs(p));
  }
  return undefined;
}

export const binders: OperatorBinders = {
  Fork: (input, op, lets, ctx) => {
    // Every branch reads the same rows: the input is materialized once per run (materialize-function.md).
    const shared: Plan = { kind: 'Materialize', input, id: ctx.materializeCount++, schema: input.schema, span: op.span };
    const scope = lets.with(IMPLICIT_SOURCE, { kind: 'tabular', plan: shared });
    const parts: ResultPart[] = [];
    for (const branch of op.branches) {
      const plan = ctx.bindTabular(branch.subquery, scope, ctx);
      if (!plan) return undefined;
      const name = branch.name?.name ?? trailingAsName(branch.subquery);
      parts.push(name !== undefined ? { plan, name } : { plan });
    }
    return { kind: 'Results', parts, operator: 'fork', schema: parts[0]!.plan.schema, span: op.span };
  },
};

export const plans: PlanOperatorsOf<'Results'> = {
  Results: {
    // Not the parts: Database runs each part itself. Run as one table (it never is, see misplacedResults), the
    // node gives its first part.
    inputs: () => [],
    execute: (node, ctx): Table => ctx.run(node.parts[0]!.plan),
    explain: (node) => `Results (${node.operator}: ${node.parts.map((p, i) => p.name ?? `#${i + 1}`).join(', ')})`,
    serialization: 'loses',
  },
};
