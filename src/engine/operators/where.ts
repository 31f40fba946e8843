// where / filter (where-operator.md): keeps the rows where the predicate is exactly true (null drops the row).
// Its plan node is named Filter. A dynamic predicate is converted to bool. Predicates over any column (`* has "x"`,
// `* == v`) and search terms (`Col:"x"`) are bound by bind/search-predicate.ts.

import { diagnostic } from '../../diagnostics.js';
import { selectRows } from '../../tables/table.js';
import { isScalar, type Vector } from '../../tables/vector.js';
import { bindExpr } from '../bind/bind-expr.js';
import { convertTo } from '../bind/build.js';
import { bindWherePredicate, usesSearchSyntax } from '../bind/search-predicate.js';
import { evalExpr } from '../exec/compile-expr.js';
import type { BoundExpr } from '../plan/expr.js';
import { explainExpr } from '../plan/explain.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Filter: FilterNode;
  }
}

export interface FilterNode extends PlanNodeBase<'Filter'> {
  readonly input: Plan;
  readonly predicate: BoundExpr;
}

export const binders: OperatorBinders = {
  Where: (input, op, lets, ctx) => {
    const scope = { schema: input.schema, lets, serialized: ctx.isSerialized(input) };
    const p = usesSearchSyntax(op.predicate) ? bindWherePredicate(op.predicate, scope, ctx) : bindExpr(op.predicate, scope, ctx);
    if (!p) return undefined;
    if (p.type !== 'bool' && p.type !== 'dynamic') {
      ctx.diagnostics.push(diagnostic('bind-wrong-type', op.predicate.span, { what: 'where', expected: 'a bool predicate', got: p.type }));
      return undefined;
    }
    return { kind: 'Filter', input, predicate: p.type === 'bool' ? p : convertTo(p, 'bool'), schema: input.schema, span: op.span };
  },
};

export const plans: PlanOperatorsOf<'Filter'> = {
  Filter: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => {
      const input = ctx.run(node.input);
      const p = evalExpr(node.predicate, input, ctx);
      if (isScalar(p)) return p.value === true ? input : selectRows(input, new Uint32Array(0));
      const v = p as Extract<Vector, { type: 'bool' }>;
      const data = v.data;
      const valid = v.valid;
      let count = 0;
      for (let i = 0; i < input.rowCount; i++) if (data[i] === 1 && (!valid || valid[i] === 1)) count++;
      if (count === input.rowCount) return input;
      const sel = new Uint32Array(count);
      for (let i = 0, k = 0; i < input.rowCount; i++) if (data[i] === 1 && (!valid || valid[i] === 1)) sel[k++] = i;
      return selectRows(input, sel);
    },
    explain: (node) => `Filter ${explainExpr(node.predicate)}`,
    serialization: 'keeps',
  },
};
