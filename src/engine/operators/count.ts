// count (count-operator.md): the number of input rows, as one column `Count` (an Aggregate with no keys);
// `count as Name` names the column Name.

import type { OperatorBinders } from './operator.js';
import { bindAggregateNode } from './summarize.js';

export const binders: OperatorBinders = {
  Count: (input, op, lets, ctx) => bindAggregateNode(input, [], [{ name: op.as?.name ?? 'Count', agg: 'count', args: [], span: op.span }], lets, ctx, 'count', op.span),
};
