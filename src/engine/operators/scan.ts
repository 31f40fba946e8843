// A table by name: a database table (Scan), a let-bound tabular value, or a parameterless let function used as a
// view (let-statement.md). `table("T")` / `view("T")` name one by a string.

import { diagnostic, didYouMean, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { emptyTable } from '../../tables/table.js';
import { bindTabularLambdaCall } from '../bind/lambda.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Scan: ScanNode;
  }
}

export interface ScanNode extends PlanNodeBase<'Scan'> {
  readonly table: string;
}

export function bindTableName(name: string, span: Span, lets: LetScope, ctx: BindContext): Plan | undefined {
  const b = lets.lookup(name);
  if (b?.kind === 'tabular') return b.plan;
  if (b?.kind === 'failed') return undefined;
  if (b?.kind === 'lambda' && b.lambda.params.every((p) => p.defaultValue !== undefined)) {
    // A parameterless function (or view) used as a table: `let V = view () { ... }; V` (let-statement.md).
    const call: A.CallExpr = { kind: 'Call', callee: { kind: 'Identifier', name, quoted: false, span }, args: [], span };
    return bindTabularLambdaCall(call, b.lambda, b.scope, lets, ctx, undefined);
  }
  if (b) {
    ctx.diagnostics.push(diagnostic('bind-not-a-table', span, { name }));
    return undefined;
  }
  const schema = ctx.catalog.schemaOf(name);
  if (schema) return { kind: 'Scan', table: name, schema, span };
  ctx.diagnostics.push(diagnostic('bind-unknown-table', span, { name }, { notes: didYouMean(name, [...ctx.catalog.tableNames(), ...lets.names()]) }));
  return undefined;
}

export const plans: PlanOperatorsOf<'Scan'> = {
  Scan: {
    inputs: () => [],
    // A table with no data is an empty table of its schema: rule logic still binds and runs.
    execute: (node, ctx) => ctx.tables(node.table) ?? emptyTable(node.schema),
    explain: (node) => `Scan ${node.table}`,
    serialization: 'loses',
  },
};
