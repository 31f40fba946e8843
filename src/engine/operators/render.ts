// render (render-operator.md): the data passes unchanged; the chart request is read from the plan's last node by
// the API (QueryResult.visualization).

import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Render: RenderNode;
  }
}

export interface RenderNode extends PlanNodeBase<'Render'> {
  readonly input: Plan;
  readonly chart: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export const binders: OperatorBinders = {
  Render: (input, op) => {
    const properties: Record<string, unknown> = {};
    for (const p of op.properties) {
      const v = p.value;
      properties[p.name] =
        v.kind === 'Name' ? v.name : v.kind === 'StringLiteral' ? v.value : v.kind === 'LongLiteral' ? Number(v.value) : v.kind === 'BoolLiteral' ? v.value : v.kind === 'RealLiteral' ? v.value : undefined;
    }
    return { kind: 'Render', input, chart: op.chart.name, properties, schema: input.schema, span: op.span };
  },
};

export const plans: PlanOperatorsOf<'Render'> = {
  Render: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => ctx.run(node.input),
    explain: (node) => `Render ${node.chart}`,
    serialization: 'keeps',
  },
};
