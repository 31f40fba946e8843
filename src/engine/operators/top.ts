// top (top-operator.md): the first n rows by the sort keys, a Sort node with a limit.

import { bindExpr } from '../bind/bind-expr.js';
import type { OperatorBinders } from './operator.js';
import { bindSortKeys } from './sort.js';

export const binders: OperatorBinders = {
  Top: (input, op, lets, ctx) => {
    const keys = bindSortKeys(input, op.keys, lets, ctx);
    if (!keys) return undefined;
    const n = bindExpr(op.count, { schema: [], lets }, ctx);
    if (!n) return undefined;
    return { kind: 'Sort', input, keys, limit: n, schema: input.schema, span: op.span };
  },
};
