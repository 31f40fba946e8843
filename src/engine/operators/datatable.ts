// datatable (datatable-operator.md): a constant table; every value converts to its column's type at bind time.

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, type Column } from '../../tables/table.js';
import { vectorFromValues } from '../../tables/vector.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import { bindExpr } from '../bind/bind-expr.js';
import { convertTo, literal } from '../bind/build.js';
import type { Literal } from '../plan/expr.js';
import type { PlanNodeBase } from '../plan/logical.js';
import type { PlanOperatorsOf, SourceBinder, SourceBinders } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Values: ValuesNode;
  }
}

/** A constant table (datatable; print is Values of one empty row under a projection). */
export interface ValuesNode extends PlanNodeBase<'Values'> {
  readonly rows: readonly (readonly (ScalarValue | null)[])[];
}

const isNumericType = (t: ScalarType) => t === 'int' || t === 'long' || t === 'real';

const bindDatatable: SourceBinder<'Datatable'> = (e, lets, ctx) => {
  const schema: Column[] = e.columns.map((c) => ({ name: c.name.name, type: c.type.type }));
  if (schema.some((c) => c.type === 'decimal')) {
    ctx.diagnostics.push(diagnostic('bind-not-supported', e.span, { name: 'decimal' }));
    return undefined;
  }
  const width = schema.length;
  if (width === 0 || e.values.length % width !== 0) {
    ctx.diagnostics.push(diagnostic('bind-datatable-shape', e.span, { values: e.values.length, columns: width }));
    return undefined;
  }
  const rows: (ScalarValue | null)[][] = [];
  for (let i = 0; i < e.values.length; i += width) {
    const row: (ScalarValue | null)[] = [];
    for (let j = 0; j < width; j++) {
      const value = e.values[i + j]!;
      // Values are literals only (a signed number or timespan included): real engine, recorded answers (issue #14):
      // datatable(r:real)[0.0/0.0, 1.0/0.0, …] is rejected (Microsoft's analyser: a syntax error at the operator).
      if (!isLiteralValue(value)) {
        ctx.diagnostics.push(diagnostic('bind-expected-constant', value.span, { what: 'a datatable value' }));
        return undefined;
      }
      const v = bindExpr(value, { schema: [], lets }, ctx);
      if (!v) return undefined;
      const col = schema[j]!;
      const c = v.type === col.type ? v : v.kind === 'Literal' && v.value === null ? literal(col.type, null, v.span) : convertTo(v, col.type);
      if (c.kind !== 'Literal') {
        ctx.diagnostics.push(diagnostic('bind-expected-constant', v.span, { what: 'a datatable value' }));
        return undefined;
      }
      if (v.type !== col.type && !(v.kind === 'Literal' && v.value === null) && !(isNumericType(v.type) && isNumericType(col.type)) && col.type !== 'dynamic') {
        ctx.diagnostics.push(diagnostic('bind-wrong-type', v.span, { what: `column '${col.name}'`, expected: col.type, got: v.type }));
        return undefined;
      }
      row.push((c as Literal).value);
    }
    rows.push(row);
  }
  return { kind: 'Values', rows, schema, span: e.span };
};

const LITERAL_KINDS = new Set(['StringLiteral', 'LongLiteral', 'RealLiteral', 'BoolLiteral', 'TimespanLiteral', 'TypedLiteral', 'DynamicLiteral']);

function isLiteralValue(e: A.Expression): boolean {
  if (e.kind === 'Unary') return LITERAL_KINDS.has(e.operand.kind) && e.operand.kind !== 'StringLiteral' && e.operand.kind !== 'BoolLiteral';
  if (e.kind === 'Paren') return false;
  return LITERAL_KINDS.has(e.kind);
}

export const sources: SourceBinders = { Datatable: bindDatatable };

export const plans: PlanOperatorsOf<'Values'> = {
  Values: {
    inputs: () => [],
    execute: (node) =>
      makeTable(
        node.schema,
        node.schema.map((c, j) => vectorFromValues(c.type, node.rows.map((r) => r[j] ?? null))),
        node.rows.length,
      ),
    explain: (node) => `Values (${node.rows.length} rows)`,
    serialization: 'loses',
  },
};
