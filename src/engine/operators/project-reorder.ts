// project-reorder (project-reorder-operator.md): the named columns first, in the order given, then the rest.

import { matchPatterns } from '../bind/names.js';
import type { OperatorBinders } from './operator.js';
import { projectIndices } from './project.js';

export const binders: OperatorBinders = {
  ProjectReorder: (input, op, _lets, ctx) => {
    const order: number[] = [];
    for (const item of op.columns) {
      const m = matchPatterns(input.schema, [item.column], ctx);
      if (!m) return undefined;
      // Matches of one pattern keep their order, or are sorted by name: asc/desc ordinal, granny-* with
      // numbers compared by value (project-reorder-operator.md).
      const name = (i: number) => input.schema[i]!.name;
      const granny = (a: number, b: number) => name(a).localeCompare(name(b), 'en', { numeric: true, sensitivity: 'variant' });
      const ordinal = (a: number, b: number) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
      const cmp =
        item.order === 'asc' ? ordinal : item.order === 'desc' ? (a: number, b: number) => -ordinal(a, b)
        : item.order === 'granny-asc' ? granny : item.order === 'granny-desc' ? (a: number, b: number) => -granny(a, b)
        : (a: number, b: number) => a - b;
      for (const i of [...m].sort(cmp)) if (!order.includes(i)) order.push(i);
    }
    input.schema.forEach((_, i) => {
      if (!order.includes(i)) order.push(i);
    });
    return projectIndices(input, order, 'project-reorder', op.span);
  },
};
