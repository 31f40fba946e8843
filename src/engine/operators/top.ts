// top (top-operator.md): the first n rows by the sort keys, a Sort node with a limit.

import { diagnostic } from '../../diagnostics.js';
import { bindExpr } from '../bind/bind-expr.js';
import type { OperatorBinders } from './operator.js';
import { bindSortKeys } from './sort.js';

export const binders: OperatorBinders = {
  Top: (input, op, lets, ctx) => {
    const keys = bindSortKeys(input, op.keys, lets, ctx);
    if (!keys) return undefined;
    const n = bindExpr(op.count, { schema: [], lets }, ctx);
    if (!n) return undefined;
    // As take: the count is an integer (a dynamic or string count has no row count to give).
    if (n.type !== 'long' && n.type !== 'int') {
      ctx.diagnostics.push(diagnostic('bind-wrong-type', op.count.span, { what: 'top', expected: 'an integer count', got: n.type }));
      return undefined;
    }
    return { kind: 'Sort', input, keys, limit: n, schema: input.schema, span: op.span };
  },
};
