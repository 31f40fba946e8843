// mv-apply (mv-apply-operator.md): each input row is expanded as mv-expand would expand it (same items, `to
// typeof()`, with_itemindex, limit), the subquery runs over that row's expansion alone, and the results of all rows
// are concatenated in input order.
//
// Columns, as Microsoft's analyser types them (checked against it, test/conformance/mv-apply.kql):
// - the subquery sees the expanded row: every input column, an item `x = Arr` added as x (Arr kept), a bare column
//   item `Arr` replaced by its elements in place, then the item index column;
// - the output is the input's columns minus those the expansion replaced (bare column items, and a column an item
//   or the index names), each row repeating its input row's values, merged with the subquery's columns: a subquery
//   column named like one of those keeps that place and takes the subquery's type and value; the others follow, in
//   the subquery's order. So `on (summarize c = count())` gives the input columns but the expanded ones, then c.
// - an unnamed expression item (`mv-apply pack_array(a) on …`) is named Column1, Column2… as the analyser names it.

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, sliceRows, type Column, type Table } from '../../tables/table.js';
import { concatVectors, take, type Vector } from '../../tables/vector.js';
import { defaultColumnName } from '../bind/names.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import { CHECK_INTERVAL, type ExecContext } from '../exec/context.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';
import { IMPLICIT_SOURCE, runOverSubtable, subtableNode, subtableScope, type SubtableNode } from './subtable.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    MvApply: MvApplyNode;
  }
}

/** Where an output column comes from: the input row (repeated) or the subquery's result. */
type OutputSource = { readonly from: 'input'; readonly index: number } | { readonly from: 'subquery'; readonly index: number };

export interface MvApplyNode extends PlanNodeBase<'MvApply'> {
  readonly input: Plan;
  /** The leaf the subquery's expansion starts from: one input row at a time. */
  readonly rows: SubtableNode<'ApplyRows'>;
  /** mv-expand of `rows` then the subquery. */
  readonly subquery: Plan;
  readonly sources: readonly OutputSource[];
}

const name = (text: string, span: A.Identifier['span']): A.Identifier => ({ kind: 'Identifier', name: text, quoted: false, span });

function bindMvApply(input: Plan, op: A.MvApplyOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  const params: A.OperatorParam[] = [];
  for (const p of op.params) {
    if (p.name === 'with_itemindex') params.push(p);
    else if (!p.name.startsWith('hint.')) {
      // mv-apply has no bag expansion to choose (the page: "doesn't support bagexpand=array").
      ctx.diagnostics.push(diagnostic('bind-not-supported', p.span, { name: `mv-apply parameter '${p.name}'` }));
      return undefined;
    }
  }
  // Items named as they will be in the expansion; an unnamed expression gets ColumnN (the analyser's name).
  let unnamed = 0;
  const items: A.MvExpandItem[] = op.items.map((item) => {
    if (item.name || item.expression.kind === 'Name' || defaultColumnName(item.expression) !== undefined) return item;
    let n: string;
    do n = `Column${++unnamed}`;
    while (input.schema.some((c) => c.name === n));
    return { ...item, name: name(n, item.expression.span) };
  });
  const expandedNames = new Set(items.map((it) => it.name?.name ?? defaultColumnName(it.expression)!));
  const itemIndex = op.params.find((p) => p.name === 'with_itemindex')?.value;
  if (itemIndex?.kind === 'Name') expandedNames.add(itemIndex.name);

  const rows = subtableNode('ApplyRows', input.schema, op.span, 'mv-apply');
  const expandAst: A.Pipeline = {
    kind: 'Pipeline',
    source: { kind: 'Name', name: IMPLICIT_SOURCE, span: op.span } as A.NameRef,
    operators: [{ kind: 'MvExpand', params, items, limit: op.limit, span: op.span }],
    span: op.span,
  };
  const expanded = ctx.bindTabular(expandAst, subtableScope(lets, rows), ctx);
  if (!expanded) return undefined;
  const subquery = ctx.bindTabular(op.subquery, subtableScope(lets, expanded), ctx);
  if (!subquery) return undefined;

  const schema: Column[] = [];
  const sources: OutputSource[] = [];
  input.schema.forEach((c, i) => {
    if (expandedNames.has(c.name)) return;
    schema.push(c);
    sources.push({ from: 'input', index: i });
  });
  subquery.schema.forEach((c, j) => {
    const at = schema.findIndex((o) => o.name === c.name);
    if (at >= 0) {
      schema[at] = c;
      sources[at] = { from: 'subquery', index: j };
    } else {
      schema.push(c);
      sources.push({ from: 'subquery', index: j });
    }
  });
  return { kind: 'MvApply', input, rows, subquery, sources, schema, span: op.span };
}

function runMvApply(node: MvApplyNode, input: Table, ctx: ExecContext): Table {
  const results: Table[] = [];
  const origin: number[] = [];
  for (let i = 0; i < input.rowCount; i++) {
    const r = runOverSubtable(ctx, node.rows, sliceRows(input, i, i + 1), node.subquery);
    for (let k = 0; k < r.rowCount; k++) origin.push(i);
    if (r.rowCount > 0) results.push(r);
    ctx.checkRows(origin.length, node.span, 'mv-apply');
    if ((i & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
  }
  const rowOrigin = Int32Array.from(origin);
  const columns: Vector[] = node.sources.map((s, c) =>
    s.from === 'input' ? take(input.columns[s.index]!, rowOrigin) : concatVectors(node.schema[c]!.type, results.map((r) => r.columns[s.index]!)),
  );
  return makeTable(node.schema, columns, rowOrigin.length);
}

export const binders: OperatorBinders = {
  MvApply: (input, op, lets, ctx) => bindMvApply(input, op, lets, ctx),
};

export const plans: PlanOperatorsOf<'MvApply'> = {
  MvApply: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => runMvApply(node, ctx.run(node.input), ctx),
    explain: (node) => `MvApply → subquery ${node.subquery.schema.map((c) => c.name).join(', ')}`,
    serialization: 'keeps',
  },
};
