// mv-expand (mv-expand-operator.md): one row per element; several columns expand in parallel, the shorter padded
// with null; a bag expands to single-entry bags (bagexpansion=bag) or [key, value] arrays (array); an empty array
// or bag drops the row; null (or a non-collection value [U]) gives one row with that value. An expression item
// (`mv-expand x = f(y)`) is added as a column first, as extend would.

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, type Table } from '../../tables/table.js';
import { getValue, take, type Vector } from '../../tables/vector.js';
import { vectorWriter } from '../../tables/builder.js';
import { isDynamicArray, isDynamicBag, type Dynamic, type ScalarType } from '../../values/types.js';
import { bindExpr } from '../bind/bind-expr.js';
import { defaultColumnName, unknownColumn } from '../bind/names.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import { evalExpr } from '../exec/compile-expr.js';
import type { ExecContext } from '../exec/context.js';
import { conversionInvoke } from '../functions/scalar/conversion.js';
import type { BoundExpr } from '../plan/expr.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import { bindExtend } from './extend.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    MvExpand: MvExpandNode;
  }
}

export interface MvExpandNode extends PlanNodeBase<'MvExpand'> {
  readonly input: Plan;
  /** Input column expanded for each item (replaced in place), and the type it is converted to. */
  readonly items: readonly { readonly index: number; readonly toType: ScalarType }[];
  readonly bagExpansion: 'bag' | 'array';
  readonly itemIndex?: string;
  readonly limit?: BoundExpr;
}

function bindMvExpand(input: Plan, op: A.MvExpandOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  let bagExpansion: 'bag' | 'array' = 'bag';
  let itemIndex: string | undefined;
  for (const p of op.params) {
    const v = p.value.kind === 'Name' ? p.value.name : undefined;
    if ((p.name === 'bagexpansion' || p.name === 'kind') && (v === 'bag' || v === 'array')) bagExpansion = v;
    else if (p.name === 'with_itemindex' && v) itemIndex = v;
    else {
      ctx.diagnostics.push(diagnostic('bind-not-supported', p.span, { name: `mv-expand parameter '${p.name}'` }));
      return undefined;
    }
  }
  let current = input;
  const items: { index: number; toType: ScalarType }[] = [];
  for (const item of op.items) {
    let index: number;
    if (item.expression.kind === 'Name' && !item.name) {
      index = current.schema.findIndex((c) => c.name === (item.expression as A.NameRef).name);
      if (index < 0) return unknownColumn(ctx, (item.expression as A.NameRef).name, item.expression.span, current.schema);
    } else {
      const name = item.name?.name ?? defaultColumnName(item.expression);
      if (!name) {
        ctx.diagnostics.push(diagnostic('bind-not-supported', item.span, { name: 'mv-expand of an unnamed expression' }));
        return undefined;
      }
      const ext = bindExtend(current, [{ kind: 'Assignment', names: [{ kind: 'Identifier', name, quoted: false, span: item.span }], expression: item.expression, span: item.span }], lets, ctx, item.span);
      if (!ext) return undefined;
      current = ext;
      index = current.schema.findIndex((c) => c.name === name);
    }
    if (current.schema[index]!.type !== 'dynamic') {
      ctx.diagnostics.push(diagnostic('bind-wrong-type', item.expression.span, { what: 'mv-expand', expected: 'a dynamic array or bag', got: current.schema[index]!.type }));
      return undefined;
    }
    const toType = item.toType?.type ?? 'dynamic';
    if (toType === 'decimal') {
      ctx.diagnostics.push(diagnostic('bind-not-supported', item.span, { name: 'decimal' }));
      return undefined;
    }
    items.push({ index, toType });
  }
  let limit: BoundExpr | undefined;
  if (op.limit) {
    limit = bindExpr(op.limit, { schema: [], lets }, ctx);
    if (!limit) return undefined;
  }
  const schema = current.schema.map((c, i) => {
    const it = items.find((x) => x.index === i);
    return it ? { name: c.name, type: it.toType } : c;
  });
  if (itemIndex) schema.push({ name: itemIndex, type: 'long' });
  return { kind: 'MvExpand', input: current, items, bagExpansion, itemIndex, limit, schema, span: op.span };
}

function elements(d: Dynamic, bagExpansion: 'bag' | 'array'): Dynamic[] {
  if (isDynamicArray(d)) return [...d];
  if (isDynamicBag(d)) {
    return Object.keys(d).map((k) =>
      bagExpansion === 'bag' ? Object.freeze(Object.assign(Object.create(null), { [k]: d[k]! })) : Object.freeze([k, d[k]!]),
    );
  }
  return [d];
}

function runMvExpand(node: MvExpandNode, input: Table, ctx: ExecContext): Table {
  let limit = Infinity;
  if (node.limit) {
    const l = evalExpr(node.limit, input, ctx) as { value: unknown };
    limit = Number(l.value);
  }
  const source: number[] = [];
  const itemIndex: number[] = [];
  const expanded: Dynamic[][] = node.items.map(() => []);
  for (let i = 0; i < input.rowCount; i++) {
    const lists = node.items.map((it) => elements(getValue(input.columns[it.index]!, i) as Dynamic, node.bagExpansion));
    const len = Math.min(limit, Math.max(...lists.map((l) => l.length)));
    for (let e = 0; e < len; e++) {
      source.push(i);
      itemIndex.push(e);
      lists.forEach((l, k) => expanded[k]!.push(e < l.length ? l[e]! : null));
    }
    if ((i & 0x3fff) === 0) {
      ctx.checkRows(source.length, node.span, 'mv-expand');
      ctx.check(node.span);
    }
  }
  ctx.checkRows(source.length, node.span, 'mv-expand');
  const idx = Int32Array.from(source);
  const columns: Vector[] = input.columns.map((c, ci) => {
    const k = node.items.findIndex((it) => it.index === ci);
    if (k < 0) return take(c, idx);
    const w = vectorWriter('dynamic', source.length);
    expanded[k]!.forEach((v, r) => w.set(r, v));
    const dyn = w.finish();
    const to = node.items[k]!.toType;
    if (to === 'dynamic') return dyn;
    // `to typeof(t)`: convert each element; values that do not conform become null.
    return conversionInvoke('dynamic', to)([dyn], source.length) as Vector;
  });
  if (node.itemIndex) {
    const w = vectorWriter('long', source.length);
    itemIndex.forEach((v, r) => w.set(r, BigInt(v)));
    columns.push(w.finish());
  }
  return makeTable(node.schema, columns, source.length);
}

export const binders: OperatorBinders = {
  MvExpand: (input, op, lets, ctx) => bindMvExpand(input, op, lets, ctx),
};

export const plans: PlanOperatorsOf<'MvExpand'> = {
  MvExpand: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => runMvExpand(node, ctx.run(node.input), ctx),
    explain: (node) => `MvExpand ${node.items.map((i) => node.input.schema[i.index]!.name).join(', ')}`,
    serialization: 'keeps',
  },
};
