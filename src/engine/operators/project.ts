// project (project-operator.md) and the Project plan node, which every column-wise operator binds to: extend,
// project-away/-keep/-rename/-reorder, print, summarize's expressions over aggregates. Each output column is an
// expression over the input.

import { diagnostic, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, type Column } from '../../tables/table.js';
import { bindExpr } from '../bind/bind-expr.js';
import { colRef } from '../bind/build.js';
import { defaultColumnName, freshColumnName } from '../bind/names.js';
import type { BindContext, LetScope, RowScope } from '../bind/scope.js';
import { evalVector } from '../exec/compile-expr.js';
import type { BoundExpr } from '../plan/expr.js';
import { explainExpr } from '../plan/explain.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Project: ProjectNode;
  }
}

export interface ProjectNode extends PlanNodeBase<'Project'> {
  readonly input: Plan;
  /** The operator it was bound from (extend, project, project-away, print, summarize...), for explain. */
  readonly operator: string;
  readonly exprs: readonly BoundExpr[];
}

/** A projection that keeps input columns by index, in the given order. */
export function projectIndices(input: Plan, indices: readonly number[], operator: string, span: Span): Plan {
  return {
    kind: 'Project',
    input,
    operator,
    exprs: indices.map((i) => colRef(input.schema[i]!, i, span)),
    schema: indices.map((i) => input.schema[i]!),
    span,
  };
}

/** project and print: each item is a new column; unnamed ones are named after the expression or Column<n>. */
export function bindProjection(
  input: Plan,
  items: readonly A.Assignment[],
  lets: LetScope,
  ctx: BindContext,
  operator: 'project' | 'print',
  span: Span,
): Plan | undefined {
  const schema: Column[] = [];
  const exprs: BoundExpr[] = [];
  const scope: RowScope = { schema: input.schema, lets, serialized: ctx.isSerialized(input) };
  let position = 0;
  for (const item of items) {
    if (item.names.length > 1) {
      ctx.diagnostics.push(diagnostic('bind-not-supported', item.span, { name: `tuple assignment in ${operator}` }));
      return undefined;
    }
    if (item.expression.kind === 'Star' || (item.expression.kind === 'Name' && item.expression.name.includes('*'))) {
      ctx.diagnostics.push(diagnostic('bind-not-supported', item.span, { name: `wildcards in ${operator}` }));
      return undefined;
    }
    const e = bindExpr(item.expression, scope, ctx);
    if (!e) return undefined;
    let name = item.names[0]?.name;
    if (!name) {
      // print names unnamed columns print_<position> (kql-lang Binder_NodeBinder.cs), even bare variables.
      name =
        operator === 'print'
          ? `print_${position}`
          : (defaultColumnName(item.expression) ?? freshColumnName((n) => schema.some((c) => c.name === n) || input.schema.some((c) => c.name === n)));
    }
    position++;
    if (schema.some((c) => c.name === name)) {
      ctx.diagnostics.push(diagnostic('bind-duplicate-column', item.span, { name }));
      return undefined;
    }
    schema.push({ name, type: e.type });
    exprs.push(e);
  }
  return { kind: 'Project', input, operator, exprs, schema, span };
}

export const binders: OperatorBinders = {
  Project: (input, op, lets, ctx) => bindProjection(input, op.items, lets, ctx, 'project', op.span),
};

export const plans: PlanOperatorsOf<'Project'> = {
  Project: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => {
      const input = ctx.run(node.input);
      return makeTable(
        node.schema,
        node.exprs.map((e) => evalVector(e, input, ctx)),
        input.rowCount,
      );
    },
    explain: (node) => `Project(${node.operator}) ${node.exprs.map(explainExpr).join(', ')}`,
    serialization: 'keeps',
  },
};
