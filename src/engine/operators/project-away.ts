// project-away (project-away-operator.md): the input columns except those matching the patterns.

import { matchPatterns } from '../bind/names.js';
import type { OperatorBinders } from './operator.js';
import { projectIndices } from './project.js';

export const binders: OperatorBinders = {
  ProjectAway: (input, op, _lets, ctx) => {
    const matched = matchPatterns(input.schema, op.columns, ctx);
    if (!matched) return undefined;
    const keep = input.schema.map((_, i) => i).filter((i) => !matched.has(i));
    return projectIndices(input, keep, 'project-away', op.span);
  },
};
