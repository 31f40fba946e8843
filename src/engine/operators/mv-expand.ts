// mv-expand (mv-expand-operator.md): one row per element; several columns expand in parallel, the shorter padded
// with null; a bag expands to single-entry bags (bagexpansion=bag) or [key, value] arrays (array); an empty array
// or bag drops the row; null (or a non-collection value [U]) gives one row with that value. An expression item
// (`mv-expand x = f(y)`) is added as a column first, as extend would. The rows are counted before any is built
// (runMvExpand), so the row limit and memory budget stop a runaway expansion at once.

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
import { CHECK_INTERVAL, type ExecContext } from '../exec/context.js';
import { gatherRowBytes, typeRowBytes } from '../exec/memory.js';
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
    else if (!p.name.startsWith('hint.')) {
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

/** How many rows a value expands to: an array's elements, a bag's entries, 1 for null or any other value [U]. */
function expansionLength(d: Dynamic): number {
  if (isDynamicArray(d)) return d.length;
  if (isDynamicBag(d)) return Object.keys(d).length;
  return 1;
}

/** Element e of a value's expansion (e < expansionLength), given the bag's keys when it is a bag. */
function element(d: Dynamic, e: number, keys: readonly string[] | undefined, bagExpansion: 'bag' | 'array'): Dynamic {
  if (isDynamicArray(d)) return d[e]!;
  if (keys) {
    const k = keys[e]!;
    const v = (d as Record<string, Dynamic>)[k]!;
    return bagExpansion === 'bag' ? Object.freeze(Object.assign(Object.create(null), { [k]: v })) : Object.freeze([k, v]);
  }
  return d;
}

/** A new single-entry bag or [key, value] pair per bag entry: about this many bytes each (V8 object + slots). */
const BAG_ENTRY_BYTES = 80;

/**
 * Two passes: the first counts the rows each input row expands to (no element is copied), so the row limit and
 * memory budget are checked before the second builds anything — 10^4 rows of 10^4 elements stop at once.
 */
function runMvExpand(node: MvExpandNode, input: Table, ctx: ExecContext): Table {
  let limit = Infinity;
  if (node.limit) {
    const l = evalExpr(node.limit, input, ctx) as { value: unknown };
    limit = Number(l.value);
  }
  const n = input.rowCount;
  const items = node.items.map((it) => input.columns[it.index]!);
  const lengths = new Int32Array(n);
  let total = 0;
  let bagEntries = 0;
  for (let i = 0; i < n; i++) {
    let len = 0;
    for (const v of items) {
      const d = getValue(v, i) as Dynamic;
      const l = expansionLength(d);
      if (l > len) len = l;
      if (isDynamicBag(d)) bagEntries += Math.min(l, limit);
    }
    lengths[i] = Math.min(limit, len);
    total += lengths[i]!;
    if ((i & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
  }
  const kept = input.columns.filter((_, ci) => !node.items.some((it) => it.index === ci));
  const perRow =
    4 + // the source row index
    gatherRowBytes(kept) +
    node.items.reduce((b, it) => b + typeRowBytes('dynamic') + (it.toType === 'dynamic' ? 0 : typeRowBytes(it.toType)), 0) +
    (node.itemIndex ? typeRowBytes('long') : 0);
  ctx.reserve(total, perRow, node.span, 'mv-expand');
  ctx.checkBytes(total * perRow + bagEntries * BAG_ENTRY_BYTES, node.span, 'mv-expand');

  const source = new Int32Array(total);
  const itemIndex = node.itemIndex ? new BigInt64Array(total) : undefined;
  const writers = node.items.map(() => vectorWriter('dynamic', total));
  let r = 0;
  let checked = 0;
  for (let i = 0; i < n; i++) {
    const len = lengths[i]!;
    if (len === 0) continue;
    for (let k = 0; k < items.length; k++) {
      const d = getValue(items[k]!, i) as Dynamic;
      const keys = isDynamicBag(d) ? Object.keys(d) : undefined;
      const own = Math.min(len, expansionLength(d));
      const w = writers[k]!;
      // The shorter collections of a row are padded with null (the writer's initial value).
      for (let e = 0; e < own; e++) w.set(r + e, element(d, e, keys, node.bagExpansion));
    }
    for (let e = 0; e < len; e++) {
      source[r + e] = i;
      if (itemIndex) itemIndex[r + e] = BigInt(e);
    }
    r += len;
    if (r - checked >= CHECK_INTERVAL) {
      ctx.check(node.span);
      checked = r;
    }
  }
  const columns: Vector[] = input.columns.map((c, ci) => {
    const k = node.items.findIndex((it) => it.index === ci);
    if (k < 0) return take(c, source);
    const dyn = writers[k]!.finish();
    const to = node.items[k]!.toType;
    if (to === 'dynamic') return dyn;
    // `to typeof(t)`: convert each element; values that do not conform become null.
    return conversionInvoke('dynamic', to)([dyn], total) as Vector;
  });
  if (itemIndex) columns.push({ type: 'long', length: total, data: itemIndex });
  return makeTable(node.schema, columns, total);
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
