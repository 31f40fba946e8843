// Deterministic, indented plan text: one line per operator with its output schema (for --explain and snapshots).

import type { BoundExpr } from './expr.js';
import type { Plan } from './logical.js';

export function explainExpr(e: BoundExpr): string {
  switch (e.kind) {
    case 'Column':
      return e.name;
    case 'Literal':
      return e.value === null ? `${e.type}(null)` : typeof e.value === 'string' ? JSON.stringify(e.value) : `${e.type}(${String(e.value)})`;
    case 'Call':
      return `${e.name}(${e.args.map(explainExpr).join(', ')})`;
    case 'Subquery':
      return `${e.mode === 'scalar' ? 'toscalar' : 'column'}(<subquery>)`;
  }
}

function schemaText(p: Plan): string {
  return `[${p.schema.map((c) => `${c.name}:${c.type}`).join(', ')}]`;
}

export function explainPlan(plan: Plan, indent = 0): string {
  const pad = '  '.repeat(indent);
  const line = (head: string) => `${pad}${head} → ${schemaText(plan)}`;
  const child = (p: Plan) => explainPlan(p, indent + 1);
  switch (plan.kind) {
    case 'Scan':
      return line(`Scan ${plan.table}`);
    case 'Values':
      return line(`Values (${plan.rows.length} rows)`);
    case 'Filter':
      return [line(`Filter ${explainExpr(plan.predicate)}`), child(plan.input)].join('\n');
    case 'Project':
      return [line(`Project(${plan.operator}) ${plan.exprs.map(explainExpr).join(', ')}`), child(plan.input)].join('\n');
    case 'Aggregate':
      return [
        line(`Aggregate(${plan.operator}) keys=[${plan.keys.map(explainExpr).join(', ')}] aggs=[${plan.aggregates.map((a) => `${a.name}(${a.args.map(explainExpr).join(', ')})`).join(', ')}]`),
        child(plan.input),
      ].join('\n');
    case 'Sort':
      return [
        line(`Sort ${plan.keys.map((k) => `${explainExpr(k.expr)} ${k.descending ? 'desc' : 'asc'} nulls ${k.nullsFirst ? 'first' : 'last'}`).join(', ')}${plan.limit ? ` limit ${explainExpr(plan.limit)}` : ''}`),
        child(plan.input),
      ].join('\n');
    case 'Limit':
      return [line(`Limit ${explainExpr(plan.count)}`), child(plan.input)].join('\n');
    case 'Join':
      return [
        line(`Join(${plan.operator} kind=${plan.joinKind}) on ${plan.leftKeys.map((l, i) => `${plan.left.schema[l]!.name}==${plan.right.schema[plan.rightKeys[i]!]!.name}`).join(', ')}`),
        child(plan.left),
        child(plan.right),
      ].join('\n');
    case 'Union':
      return [line(`Union`), ...plan.inputs.map(child)].join('\n');
    case 'MvExpand':
      return [line(`MvExpand ${plan.items.map((i) => plan.input.schema[i.index]!.name).join(', ')}`), child(plan.input)].join('\n');
    case 'MakeSeries':
      return [line(`MakeSeries on ${explainExpr(plan.axis)}${plan.from ? ` from ${explainExpr(plan.from)}` : ''}${plan.to ? ` to ${explainExpr(plan.to)}` : ''} step ${explainExpr(plan.step)}${plan.rangeForm ? ' (range form)' : ''}`), child(plan.input)].join('\n');
    case 'Range':
      return line(`Range ${explainExpr(plan.from)} .. ${explainExpr(plan.to)} step ${explainExpr(plan.step)}`);
    case 'Render':
      return [line(`Render ${plan.chart}`), child(plan.input)].join('\n');
    case 'Materialize':
      return [line(`Materialize #${plan.id}`), child(plan.input)].join('\n');
    case 'Serialize':
      return [line('Serialize'), child(plan.input)].join('\n');
    case 'BagUnpack':
      return [line(`BagUnpack ${plan.input.schema[plan.column]!.name}`), child(plan.input)].join('\n');
    case 'Parse':
      return [line(`Parse ${explainExpr(plan.source)} /${plan.regex.source}/`), child(plan.input)].join('\n');
  }
}
