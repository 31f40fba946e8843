// materialize() (materialize-function.md): the tabular expression is evaluated once per query run and the result
// shared by every use. Bound by the dispatcher when `materialize(T)` appears where a table is expected.

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Materialize: MaterializeNode;
  }
}

export interface MaterializeNode extends PlanNodeBase<'Materialize'> {
  readonly input: Plan;
  readonly id: number;
}

export function bindMaterialize(e: A.CallExpr, lets: LetScope, ctx: BindContext): Plan | undefined {
  const arg = e.args[0];
  if (!arg || e.args.length !== 1) {
    ctx.diagnostics.push(diagnostic('bind-wrong-arity', e.span, { name: 'materialize', expected: '1', got: e.args.length }));
    return undefined;
  }
  const input = ctx.bindTabular(arg, lets, ctx);
  if (!input) return undefined;
  return { kind: 'Materialize', input, id: ctx.materializeCount++, schema: input.schema, span: e.span };
}

export const plans: PlanOperatorsOf<'Materialize'> = {
  Materialize: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => {
      const cached = ctx.materialized.get(node.id);
      if (cached) return cached;
      const t = ctx.run(node.input);
      ctx.materialized.set(node.id, t);
      return t;
    },
    explain: (node) => `Materialize #${node.id}`,
    serialization: 'keeps',
  },
};
