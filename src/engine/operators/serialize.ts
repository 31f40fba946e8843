// serialize (serialize-operator.md): marks the row set as serialized, so window functions may follow; with items
// it also extends (`serialize rn = row_number()`).

import type { Plan, PlanNodeBase } from '../plan/logical.js';
import { bindExtend } from './extend.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Serialize: SerializeNode;
  }
}

export interface SerializeNode extends PlanNodeBase<'Serialize'> {
  readonly input: Plan;
}

export const binders: OperatorBinders = {
  Serialize: (input, op, lets, ctx) => {
    const node: SerializeNode = { kind: 'Serialize', input, schema: input.schema, span: op.span };
    return op.items.length === 0 ? node : bindExtend(node, op.items, lets, ctx, op.span);
  },
};

export const plans: PlanOperatorsOf<'Serialize'> = {
  Serialize: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => ctx.run(node.input),
    explain: () => 'Serialize',
    serialization: 'produces',
  },
};
