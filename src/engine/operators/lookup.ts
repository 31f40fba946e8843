// lookup (lookup-operator.md): a join whose kind is leftouter (default) or inner, keeping the left columns and the
// right side's non-key columns.

import { bindJoin } from './join.js';
import type { OperatorBinders } from './operator.js';

export const binders: OperatorBinders = {
  Lookup: (input, op, lets, ctx) => bindJoin(input, op, lets, ctx),
};
