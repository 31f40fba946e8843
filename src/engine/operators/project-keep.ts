// project-keep (project-keep-operator.md): only the input columns matching the patterns, in input order.

import { matchPatterns } from '../bind/names.js';
import type { OperatorBinders } from './operator.js';
import { projectIndices } from './project.js';

export const binders: OperatorBinders = {
  ProjectKeep: (input, op, _lets, ctx) => {
    const matched = matchPatterns(input.schema, op.columns, ctx);
    if (!matched) return undefined;
    const keep = input.schema.map((_, i) => i).filter((i) => matched.has(i));
    return projectIndices(input, keep, 'project-keep', op.span);
  },
};
