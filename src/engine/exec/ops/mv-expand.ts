// mv-expand (mv-expand-operator.md): one row per element; several columns expand in parallel, the shorter padded
// with null; a bag expands to single-entry bags (bagexpansion=bag) or [key, value] arrays (array); an empty array
// or bag drops the row; null (or a non-collection value [U]) gives one row with that value.

import { makeTable, type Table } from '../../../tables/table.js';
import { getValue, take, type Vector } from '../../../tables/vector.js';
import { vectorWriter } from '../../../tables/builder.js';
import { isDynamicArray, isDynamicBag, type Dynamic } from '../../../values/types.js';
import type { MvExpandNode } from '../../plan/logical.js';
import type { ExecContext } from '../context.js';
import { conversionInvoke } from '../../functions/scalar/conversion.js';
import { evalExpr } from '../compile-expr.js';

function elements(d: Dynamic, bagExpansion: 'bag' | 'array'): Dynamic[] {
  if (isDynamicArray(d)) return [...d];
  if (isDynamicBag(d)) {
    return Object.keys(d).map((k) =>
      bagExpansion === 'bag' ? Object.freeze(Object.assign(Object.create(null), { [k]: d[k]! })) : Object.freeze([k, d[k]!]),
    );
  }
  return [d];
}

export function runMvExpand(node: MvExpandNode, input: Table, ctx: ExecContext): Table {
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
