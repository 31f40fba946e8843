// distinct (distinct-operator.md): the distinct combinations of the given columns (or of all columns with `*`),
// an Aggregate with those keys and no aggregates. An item may name its column (`distinct Name = expr, Col`), as a
// `by` item of summarize does. `*` mixed with other items (`distinct *, a`) is refused: Microsoft's analyser gives it
// two different schemas depending on the order (`*, a` adds `a1`, `a, *` does not), and the docs show neither.

import type * as A from '../../parser/ast.js';
import { colRef } from '../bind/build.js';
import { report } from '../bind/report.js';
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
    const star = op.columns.find((c) => c.kind === 'Star');
    if (star) return report(ctx, 'bind-not-supported', star.span, { name: "'*' among other columns of distinct" });
    const items: A.Assignment[] = op.columns.map((c) =>
      c.kind === 'NamedArg'
        ? { kind: 'Assignment', names: [c.name], expression: c.value, span: c.span }
        : { kind: 'Assignment', names: [], expression: c, span: c.span },
    );
    return bindSummarize(input, { kind: 'Summarize', params: [], aggregates: [], by: items, span: op.span }, lets, ctx, 'distinct');
  },
};
