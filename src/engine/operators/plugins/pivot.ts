// evaluate pivot (pivot-plugin.md): `pivot(PivotColumn [, Aggregation [, Column, …]])` turns each distinct value of
// PivotColumn into a column; each cell is the aggregation (default count()) over the input rows of its group and
// value. The group columns are those listed, else every input column but the pivot column and the columns the
// aggregation reads. Without an output schema the value columns come from the data, so binding reads the input once
// through BindContext.discover (as bag_unpack does); with one (`: (EventType:string, ALABAMA:long)`) the columns are
// those it names, in its order, and values it does not name are left out (the page's last example).
//
// Bound as summarize Aggregation by Groups…, PivotColumn (the summarize binder does the typing), then rotated.
// Choices [U]: value columns in order of first appearance in the input (the page's ARKANSAS, ARIZONA is not sorted);
// rows in order of their group's first appearance; a column's name is the value as tostring() writes it (null → "");
// a value named like a group column (or like an earlier value column) gets the suffix 1, 2…; a cell without rows
// holds the aggregation over no rows — the page's 0 for count() and sum().

import type * as A from '../../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../../tables/table.js';
import { getValue, take, vectorFromValues, type Vector } from '../../../tables/vector.js';
import { toStringValue } from '../../../values/convert.js';
import type { ScalarType, ScalarValue } from '../../../values/types.js';
import { unknownColumn } from '../../bind/names.js';
import { report } from '../../bind/report.js';
import type { BindContext, LetScope } from '../../bind/scope.js';
import { conversionInvoke } from '../../functions/scalar/conversion.js';
import { tupleKey } from '../../kernels/value-key.js';
import type { Plan, PlanNodeBase } from '../../plan/logical.js';
import type { PlanOperatorsOf } from '../operator.js';
import { bindSummarize } from '../summarize.js';

declare module '../../plan/logical.js' {
  interface PlanNodes {
    Pivot: PivotNode;
  }
}

/** An output column: a group column (index into the groups) or the cells of one pivot value. */
type PivotColumn = { readonly group: number } | { readonly value: string };

export interface PivotNode extends PlanNodeBase<'Pivot'> {
  /** summarize Aggregation by Groups…, PivotColumn: groups, then the pivot value, then the cell. */
  readonly summarized: Plan;
  /** The aggregation over no rows: the value of a cell without rows. */
  readonly empty: Plan;
  readonly groups: number;
  readonly columns: readonly PivotColumn[];
}

/** The hidden name of the aggregation column inside the bound summarize. */
const CELL = 'pivot\u0001cell';

const ident = (name: string, span: A.Identifier['span']): A.Identifier => ({ kind: 'Identifier', name, quoted: false, span });

/** Column names an expression reads (the page: the aggregation column is not a group column by default). */
function namesIn(e: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(e)) for (const x of e) namesIn(x, out);
  else if (e && typeof e === 'object') {
    const node = e as { kind?: string; name?: unknown };
    if (node.kind === 'Name' && typeof node.name === 'string') out.add(node.name);
    for (const [k, v] of Object.entries(e)) if (k !== 'span') namesIn(v, out);
  }
  return out;
}

export function bindPivot(input: Plan, op: A.EvaluateOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  const [pivotArg, aggArg, ...groupArgs] = op.call.args;
  if (!pivotArg || pivotArg.kind !== 'Name') return report(ctx, 'bind-expected-column', pivotArg?.span ?? op.call.span, { what: 'the first argument of pivot()' });
  const pivot = input.schema.findIndex((c) => c.name === pivotArg.name);
  if (pivot < 0) return unknownColumn(ctx, pivotArg.name, pivotArg.span, input.schema);
  const aggregation: A.Expression = aggArg ?? { kind: 'Call', callee: ident('count', op.call.span), args: [], span: op.call.span };
  if (aggArg && aggArg.kind !== 'Call' && aggArg.kind !== 'Paren' && aggArg.kind !== 'Binary') {
    return report(ctx, 'bind-wrong-type', aggArg.span, { what: 'the second argument of pivot()', expected: 'an aggregation such as sum(x)', got: aggArg.kind === 'Name' ? 'a column' : 'a value' });
  }
  let groupNames: string[];
  if (groupArgs.length > 0) {
    groupNames = [];
    for (const g of groupArgs) {
      if (g.kind !== 'Name') return report(ctx, 'bind-expected-column', g.span, { what: 'a grouping argument of pivot()' });
      if (!input.schema.some((c) => c.name === g.name)) return unknownColumn(ctx, g.name, g.span, input.schema);
      groupNames.push(g.name);
    }
  } else {
    const read = namesIn(aggregation, new Set());
    groupNames = input.schema.filter((c, i) => i !== pivot && !read.has(c.name)).map((c) => c.name);
  }
  const span = op.call.span;
  const by = (name: string): A.Assignment => ({ kind: 'Assignment', names: [], expression: { kind: 'Name', name, span } as A.NameRef, span });
  const cell: A.Assignment = { kind: 'Assignment', names: [ident(CELL, span)], expression: aggregation, span };
  const summarized = bindSummarize(input, { kind: 'Summarize', params: [], aggregates: [cell], by: [...groupNames.map(by), by(pivotArg.name)], span }, lets, ctx, 'pivot');
  if (!summarized) return undefined;
  const noRows = { kind: 'Values' as const, rows: [], schema: input.schema, span };
  const empty = bindSummarize(noRows, { kind: 'Summarize', params: [], aggregates: [cell], by: [], span }, lets, ctx, 'pivot');
  if (!empty) return undefined;
  const cellType = summarized.schema[summarized.schema.length - 1]!.type;
  const groupColumns = summarized.schema.slice(0, groupNames.length);

  const schema: Column[] = [];
  const columns: PivotColumn[] = [];
  if (op.schema) {
    for (const c of op.schema.columns) {
      if (c.type.type === 'decimal') return report(ctx, 'bind-not-supported', c.span, { name: 'decimal' });
      const g = groupNames.indexOf(c.name.name);
      columns.push(g >= 0 ? { group: g } : { value: c.name.name });
      schema.push({ name: c.name.name, type: c.type.type });
    }
  } else {
    if (!ctx.discover) return report(ctx, 'bind-not-supported', op.call.callee.span, { name: 'evaluate pivot without an output schema (no data to derive it from)' });
    groupColumns.forEach((c, g) => {
      schema.push(c);
      columns.push({ group: g });
    });
    const data = ctx.discover(summarized);
    const pv = data.columns[groupNames.length]!;
    const pvType = summarized.schema[groupNames.length]!.type;
    const seen = new Set<string>();
    const used = new Set(groupNames);
    for (let i = 0; i < data.rowCount; i++) {
      const value = toStringValue(getValue(pv, i) as ScalarValue | null, pvType);
      if (seen.has(value)) continue;
      seen.add(value);
      let name = value;
      for (let k = 1; used.has(name); k++) name = `${value}${k}`;
      used.add(name);
      columns.push({ value });
      schema.push({ name, type: cellType });
    }
  }
  return { kind: 'Pivot', summarized, empty, groups: groupNames.length, columns, schema, span: op.span };
}

function runPivot(node: PivotNode, summarized: Table, empty: Table): Table {
  const g = node.groups;
  const pvType = node.summarized.schema[g]!.type;
  const cellType = node.summarized.schema[g + 1]!.type;
  const rowOf = new Map<string, number>();
  const firstRow: number[] = [];
  const cells = new Map<string, (ScalarValue | null)[]>();
  node.columns.forEach((c) => {
    if ('value' in c) cells.set(c.value, []);
  });
  const groupRow = (i: number) => tupleKey(summarized.columns.slice(0, g).map((v) => getValue(v, i)));
  for (let i = 0; i < summarized.rowCount; i++) {
    const key = groupRow(i);
    let r = rowOf.get(key);
    if (r === undefined) {
      rowOf.set(key, (r = firstRow.length));
      firstRow.push(i);
    }
    const list = cells.get(toStringValue(getValue(summarized.columns[g]!, i) as ScalarValue | null, pvType));
    if (list) list[r] = getValue(summarized.columns[g + 1]!, i);
  }
  const n = firstRow.length;
  const noRows = empty.rowCount > 0 ? getValue(empty.columns[0]!, 0) : null;
  const columns: Vector[] = node.columns.map((c, k) => {
    const type = node.schema[k]!.type;
    if ('group' in c) return convert(take(summarized.columns[c.group]!, firstRow), node.summarized.schema[c.group]!.type, type, n);
    const list = cells.get(c.value)!;
    const values = Array.from({ length: n }, (_, r) => (r in list ? list[r]! : noRows));
    return convert(vectorFromValues(cellType, values), cellType, type, n);
  });
  return makeTable(node.schema, columns, n);
}

/** A column of the bound type as the output schema declares it (the declared schema may name another type). */
function convert(v: Vector, from: ScalarType, to: ScalarType, n: number): Vector {
  return from === to ? v : (conversionInvoke(from, to)([v], n) as Vector);
}

export const plans: PlanOperatorsOf<'Pivot'> = {
  Pivot: {
    inputs: (node) => [node.summarized, node.empty],
    execute: (node, ctx) => runPivot(node, ctx.run(node.summarized), ctx.run(node.empty)),
    explain: (node) => `Pivot ${node.summarized.schema[node.groups]!.name}`,
    serialization: 'loses',
  },
};

