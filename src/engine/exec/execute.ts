// Plan → Table: one lookup per node in the operator table (operators/index.ts); each operator's work lives in its
// own module. Operators execute their inputs through ctx.run, which is this function.

import type { Table } from '../../tables/table.js';
import { planOperator } from '../operators/index.js';
import type { Plan } from '../plan/logical.js';
import { ExecContext, type Limits } from './context.js';

export function execute(plan: Plan, ctx: ExecContext): Table {
  ctx.check(plan.span);
  return planOperator(plan).execute(plan, ctx);
}

/** A context for one query run over the given tables. */
export function newExecContext(
  tables: (name: string) => Table | undefined,
  limits: Limits = {},
  signal?: AbortSignal,
  source = '',
): ExecContext {
  return new ExecContext(execute, tables, limits, signal, source);
}
