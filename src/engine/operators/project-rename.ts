// project-rename (project-rename-operator.md): columns renamed in place, everything else unchanged.

import { colRef } from '../bind/build.js';
import { unknownColumn } from '../bind/names.js';
import type { OperatorBinders } from './operator.js';

export const binders: OperatorBinders = {
  ProjectRename: (input, op, _lets, ctx) => {
    const schema = [...input.schema];
    for (const item of op.items) {
      const idx = input.schema.findIndex((c) => c.name === item.oldName.name);
      if (idx < 0) return unknownColumn(ctx, item.oldName.name, item.oldName.span, input.schema);
      schema[idx] = { name: item.newName.name, type: schema[idx]!.type };
    }
    return {
      kind: 'Project',
      input,
      operator: 'project-rename',
      exprs: input.schema.map((c, i) => colRef(c, i, op.span)),
      schema,
      span: op.span,
    };
  },
};
