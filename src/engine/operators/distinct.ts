// distinct (distinct-operator.md): the distinct combinations of the given columns (or of all columns with `*`),
// an Aggregate with those keys and no aggregates.

import type * as A from '../../parser/ast.js';
import { colRef } from '../bind/build.js';
import type { OperatorBinders } from './operator.js';
import { bindSummarize } from './summarize.js';

export const binders: OperatorBinders = {
  Distinct: (input, op, lets, ctx) => {
    if (op.columns === '*') {
      return {
        kind: 'Aggregate',
        input,
        operator: 'distinct',
        keys: input.schema.map((c, i) => colRef(c, i, op.span)),
        aggregates: [],
        schema: input.schema,
        span: op.span,
      };
    }
    const items: A.Assignment[] = op.columns.map((c) => ({ kind: 'Assignment', names: [], expression: c, span: c.span }));
    return bindSummarize(input, { kind: 'Summarize', params: [], aggregates: [], by: items, span: op.span }, lets, ctx, 'distinct');
  },
};
