// take / limit (take-operator.md): the first n rows (of a serialized input; an arbitrary n rows otherwise). Its
// plan node is named Limit.

import { diagnostic } from '../../diagnostics.js';
import { selectRows } from '../../tables/table.js';
import { bindExpr } from '../bind/bind-expr.js';
import type { BoundExpr } from '../plan/expr.js';
import { explainExpr } from '../plan/explain.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';
import { countOf } from './sort.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Limit: LimitNode;
  }
}

export interface LimitNode extends PlanNodeBase<'Limit'> {
  readonly input: Plan;
  readonly count: BoundExpr;
}

export const binders: OperatorBinders = {
  Take: (input, op, lets, ctx) => {
    const n = bindExpr(op.count, { schema: [], lets }, ctx);
    if (!n) return undefined;
    if (n.type !== 'long' && n.type !== 'int') {
      ctx.diagnostics.push(diagnostic('bind-wrong-type', op.count.span, { what: op.keyword, expected: 'an integer count', got: n.type }));
      return undefined;
    }
    // sort | take n: the Sort keeps only its first n rows (a top-n heap in sort.ts, as `top n` does); the Limit stays.
    const source = input.kind === 'Sort' && !input.limit ? { ...input, limit: n } : input;
    return { kind: 'Limit', input: source, count: n, schema: input.schema, span: op.span };
  },
};

export const plans: PlanOperatorsOf<'Limit'> = {
  Limit: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => {
      const input = ctx.run(node.input);
      const n = Math.max(0, Math.min(countOf(node.count, input, ctx), input.rowCount));
      if (n === input.rowCount) return input;
      return selectRows(input, Uint32Array.from({ length: n }, (_, i) => i));
    },
    explain: (node) => `Limit ${explainExpr(node.count)}`,
    serialization: 'keeps',
  },
};
