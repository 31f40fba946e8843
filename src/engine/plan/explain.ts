// Deterministic text of bound expressions and plan schemas, for explain lines (each operator writes its own head
// line; operators/index.ts assembles the indented plan).

import { toStringValue } from '../../values/convert.js';
import type { BoundExpr } from './expr.js';
import type { Plan } from './logical.js';

export function explainExpr(e: BoundExpr): string {
  switch (e.kind) {
    case 'Column':
      return e.name;
    case 'Literal':
      // Values in their KQL text (a datetime as ISO text, a bag as JSON), strings quoted.
      return e.value === null ? `${e.type}(null)` : typeof e.value === 'string' ? JSON.stringify(e.value) : `${e.type}(${toStringValue(e.value, e.type)})`;
    case 'Call':
      return `${e.name}(${e.args.map(explainExpr).join(', ')})`;
    case 'Subquery':
      return `${e.mode === 'scalar' ? 'toscalar' : 'column'}(<subquery>)`;
  }
}

export function explainSchema(p: Plan): string {
  return `[${p.schema.map((c) => `${c.name}:${c.type}`).join(', ')}]`;
}
