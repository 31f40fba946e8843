// evaluate narrow() (narrow-plugin.md): unpivots a table into three columns — Row (the row's 0-based number),
// Column (the column's name) and Value (the cell as tostring() writes it) — one row per cell, row by row and each
// row's cells in column order. Microsoft's analyser types the columns long, string, string.

import type * as A from '../../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../../tables/table.js';
import { getValue, encodeStrings, type Vector } from '../../../tables/vector.js';
import { toStringValue } from '../../../values/convert.js';
import type { ScalarValue } from '../../../values/types.js';
import { report } from '../../bind/report.js';
import type { BindContext } from '../../bind/scope.js';
import { CHECK_INTERVAL, type ExecContext } from '../../exec/context.js';
import type { Plan, PlanNodeBase } from '../../plan/logical.js';
import type { PlanOperatorsOf } from '../operator.js';

declare module '../../plan/logical.js' {
  interface PlanNodes {
    Narrow: NarrowNode;
  }
}

export interface NarrowNode extends PlanNodeBase<'Narrow'> {
  readonly input: Plan;
}

const SCHEMA: readonly Column[] = [
  { name: 'Row', type: 'long' },
  { name: 'Column', type: 'string' },
  { name: 'Value', type: 'string' },
];

export function bindNarrow(input: Plan, op: A.EvaluateOp, _lets: unknown, ctx: BindContext): Plan | undefined {
  const extra = op.call.args[0];
  if (extra) return report(ctx, 'bind-wrong-arity', op.call.span, { name: 'narrow', expected: '0', got: op.call.args.length });
  return { kind: 'Narrow', input, schema: SCHEMA, span: op.span };
}

function runNarrow(node: NarrowNode, input: Table, ctx: ExecContext): Table {
  const width = input.schema.length;
  const total = input.rowCount * width;
  // Each cell becomes a row: a long, a column name (shared) and a new string.
  ctx.reserve(total, 8 + 8 + 32, node.span, 'narrow');
  const row = new BigInt64Array(total);
  const column: string[] = new Array(total);
  const value: string[] = new Array(total);
  let k = 0;
  for (let i = 0; i < input.rowCount; i++) {
    for (let j = 0; j < width; j++, k++) {
      row[k] = BigInt(i);
      column[k] = input.schema[j]!.name;
      value[k] = toStringValue(getValue(input.columns[j]!, i) as ScalarValue | null, input.schema[j]!.type);
    }
    if ((i & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
  }
  const columns: Vector[] = [{ type: 'long', length: total, data: row }, encodeStrings(column), encodeStrings(value)];
  return makeTable(node.schema, columns, total);
}

export const plans: PlanOperatorsOf<'Narrow'> = {
  Narrow: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => runNarrow(node, ctx.run(node.input), ctx),
    explain: () => 'Narrow',
    serialization: 'loses',
  },
};
