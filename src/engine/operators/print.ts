// print (print-operator.md): one row of expressions, a projection over a table of one empty row. Unnamed columns
// are print_0, print_1...

import type { Plan } from '../plan/logical.js';
import type { SourceBinders } from './operator.js';
import { bindProjection } from './project.js';

export const sources: SourceBinders = {
  Print: (e, lets, ctx) => {
    const one: Plan = { kind: 'Values', rows: [[]], schema: [], span: e.span };
    return bindProjection(one, e.items, lets, ctx, 'print', e.span);
  },
};
