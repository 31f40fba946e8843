// Plan → Table: one lookup per node in the operator table (operators/index.ts); each operator's work lives in its
// own module. Operators execute their inputs through ctx.run.
//
// The walk is iterative: inputs are executed first, in post-order with an explicit stack, and handed to their
// consumer through ctx.provide/ctx.run, so a chain of thousands of operators never recurses (an operator's
// ctx.run(input) finds its input ready). The walk is a generator that stops after every operator: `execute` drains
// it at once, `executeAsync` yields to the event loop between operators so that an AbortSignal (fired by a timer or
// a UI event on the same thread) is seen at the next operator.

import type { Table } from '../../tables/table.js';
import { planOperator } from '../operators/index.js';
import type { Plan } from '../plan/logical.js';
import { ExecContext, type Limits } from './context.js';

/** Runs the plan: every operator in post-order, each result provided to its consumer. Yields after each one. */
function* steps(root: Plan, ctx: ExecContext): Generator<Plan, Table> {
  // Frames: a node and whether its inputs were pushed already.
  const stack: { plan: Plan; expanded: boolean }[] = [{ plan: root, expanded: false }];
  let result: Table | undefined;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const op = planOperator(top.plan);
    if (!top.expanded) {
      top.expanded = true;
      // A materialize() already computed in this run is not recomputed: its node returns the cached table.
      if (top.plan.kind === 'Materialize' && ctx.materialized.has(top.plan.id)) continue;
      const inputs = op.inputs(top.plan);
      // Pushed in reverse so they run in order (left before right, as the recursive executor ran them).
      for (let i = inputs.length - 1; i >= 0; i--) stack.push({ plan: inputs[i]!, expanded: false });
      continue;
    }
    stack.pop();
    ctx.check(top.plan.span);
    const table = op.execute(top.plan, ctx);
    if (stack.length === 0) result = table;
    else ctx.provide(top.plan, table);
    yield top.plan;
  }
  return result!;
}

export function execute(plan: Plan, ctx: ExecContext): Table {
  const it = steps(plan, ctx);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Longest stretch without yielding to the event loop, in ms: short enough for an abort to feel immediate. */
const YIELD_EVERY_MS = 10;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** As execute, yielding to the event loop between operators (at most every YIELD_EVERY_MS). */
export async function executeAsync(plan: Plan, ctx: ExecContext): Promise<Table> {
  const it = steps(plan, ctx);
  let last = Date.now();
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    if (Date.now() - last >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      last = Date.now();
      ctx.check(r.value.span);
    }
  }
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
