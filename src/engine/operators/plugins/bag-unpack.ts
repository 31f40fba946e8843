// evaluate bag_unpack (bag-unpack-plugin.md): one output column per top-level slot of the unpacked bags; a row
// whose bag lacks a slot (or is not a bag) gets null there. Slot values convert to the column's type. With an output
// schema the columns are those it names (after the input's when it starts with `*`); without one, Kusto derives them
// from the data, so binding reads the input once through the documented hook BindContext.discover and takes every
// top-level slot, sorted by name, typed by its values (mixed → dynamic) [U: order].

import { diagnostic, type Span } from '../../../diagnostics.js';
import type * as A from '../../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../../tables/table.js';
import { getValue, type Vector } from '../../../tables/vector.js';
import { vectorWriter } from '../../../tables/builder.js';
import { isDynamicBag, type Dynamic, type ScalarType } from '../../../values/types.js';
import { bindExpr } from '../../bind/bind-expr.js';
import { unknownColumn } from '../../bind/names.js';
import { report } from '../../bind/report.js';
import type { BindContext, LetScope } from '../../bind/scope.js';
import { conversionInvoke } from '../../functions/scalar/conversion.js';
import type { Plan, PlanNodeBase } from '../../plan/logical.js';
import type { PlanOperatorsOf } from '../operator.js';

declare module '../../plan/logical.js' {
  interface PlanNodes {
    BagUnpack: BagUnpackNode;
  }
}

/** Input columns (`keep`, indices into the input) then one column per bag slot. */
export interface BagUnpackNode extends PlanNodeBase<'BagUnpack'> {
  readonly input: Plan;
  readonly column: number;
  readonly keep: readonly number[];
  readonly slots: readonly { readonly key: string; readonly type: ScalarType }[];
}

function notSupported(ctx: BindContext, span: Span, name: string): undefined {
  ctx.diagnostics.push(diagnostic('bind-not-supported', span, { name }));
  return undefined;
}

function slotType(values: readonly Dynamic[]): ScalarType {
  let t: ScalarType | undefined;
  for (const v of values) {
    if (v === null) continue;
    const vt: ScalarType =
      typeof v === 'string' ? 'string' : typeof v === 'bigint' ? 'long' : typeof v === 'number' ? 'real' : typeof v === 'boolean' ? 'bool' : 'dynamic';
    if (t === undefined) t = vt;
    else if (t !== vt) return 'dynamic';
  }
  return t ?? 'dynamic';
}

export function bindBagUnpack(input: Plan, op: A.EvaluateOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  const args = op.call.args;
  const colArg = args[0];
  if (!colArg || colArg.kind !== 'Name') return report(ctx, 'bind-expected-column', colArg?.span ?? op.call.span, { what: 'the first argument of bag_unpack()' });
  const column = input.schema.findIndex((c) => c.name === colArg.name);
  if (column < 0) return unknownColumn(ctx, colArg.name, colArg.span, input.schema);
  if (input.schema[column]!.type !== 'dynamic') return report(ctx, 'bind-wrong-type', colArg.span, { what: 'bag_unpack()', expected: 'a dynamic column', got: input.schema[column]!.type });
  let prefix = '';
  let conflict = 'error';
  let ignored = new Set<string>();
  const constant = (e: A.Expression) => {
    const b = bindExpr(e, { schema: [], lets }, ctx);
    return b && b.kind === 'Literal' ? b : undefined;
  };
  let positional = 0;
  for (const a of args.slice(1)) {
    const name = a.kind === 'NamedArg' ? a.name.name : ['OutputColumnPrefix', 'columnsConflict', 'ignoredProperties'][positional++];
    const value = constant(a.kind === 'NamedArg' ? a.value : a);
    if (!value || !name) return report(ctx, 'bind-expected-constant', a.span, { what: 'a bag_unpack() option' });
    if (name === 'OutputColumnPrefix' && typeof value.value === 'string') prefix = value.value;
    else if (name === 'columnsConflict' && ['error', 'replace_source', 'keep_source'].includes(value.value as string)) conflict = value.value as string;
    else if (name === 'ignoredProperties' && Array.isArray(value.value)) ignored = new Set((value.value as Dynamic[]).map(String));
    else return report(ctx, 'bind-invalid-option', a.span, { operator: 'bag_unpack()', name });
  }
  const rest = input.schema.map((_, i) => i).filter((i) => i !== column);
  if (op.schema) {
    const slots = op.schema.columns.map((c) => ({ key: c.name.name, type: c.type.type }));
    if (slots.some((s) => s.type === 'decimal')) return notSupported(ctx, op.schema.span, 'decimal');
    const keep = op.schema.wildcard ? rest.filter((i) => !slots.some((s) => s.key === input.schema[i]!.name)) : [];
    const schema: Column[] = [...keep.map((i) => input.schema[i]!), ...slots.map((s) => ({ name: s.key, type: s.type }))];
    return { kind: 'BagUnpack', input, column, keep, slots, schema, span: op.span };
  }
  if (!ctx.discover) return notSupported(ctx, op.call.callee.span, 'evaluate bag_unpack without an output schema (no data to derive it from)');
  const data = ctx.discover(input);
  const values = new Map<string, Dynamic[]>();
  const source = data.columns[column]!;
  for (let i = 0; i < data.rowCount; i++) {
    const bag = getValue(source, i) as Dynamic;
    if (!isDynamicBag(bag)) continue;
    for (const [k, v] of Object.entries(bag)) {
      if (ignored.has(k)) continue;
      let list = values.get(k);
      if (!list) values.set(k, (list = []));
      list.push(v);
    }
  }
  let keep = rest;
  const slots: { key: string; type: ScalarType; name: string }[] = [];
  for (const key of [...values.keys()].sort()) {
    const name = prefix + key;
    const clash = keep.find((i) => input.schema[i]!.name === name);
    if (clash !== undefined) {
      if (conflict === 'error') {
        return report(ctx, 'bind-bag-unpack-conflict', op.call.span, { key, column: name });
      }
      if (conflict === 'keep_source') continue;
      keep = keep.filter((i) => i !== clash);
    }
    slots.push({ key, type: slotType(values.get(key)!), name });
  }
  const schema: Column[] = [...keep.map((i) => input.schema[i]!), ...slots.map((s) => ({ name: s.name, type: s.type }))];
  return { kind: 'BagUnpack', input, column, keep, slots: slots.map(({ key, type }) => ({ key, type })), schema, span: op.span };
}

function runBagUnpack(node: BagUnpackNode, input: Table): Table {
  const n = input.rowCount;
  const source = input.columns[node.column]!;
  const columns: Vector[] = node.keep.map((i) => input.columns[i]!);
  for (const slot of node.slots) {
    const w = vectorWriter('dynamic', n);
    for (let i = 0; i < n; i++) {
      const bag = getValue(source, i) as Dynamic;
      const v = isDynamicBag(bag) && Object.prototype.hasOwnProperty.call(bag, slot.key) ? bag[slot.key]! : null;
      w.set(i, v);
    }
    const dyn = w.finish();
    columns.push(slot.type === 'dynamic' ? dyn : (conversionInvoke('dynamic', slot.type)([dyn], n) as Vector));
  }
  return makeTable(node.schema, columns, n);
}

export const plans: PlanOperatorsOf<'BagUnpack'> = {
  BagUnpack: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => runBagUnpack(node, ctx.run(node.input)),
    explain: (node) => `BagUnpack ${node.input.schema[node.column]!.name}`,
    serialization: 'keeps',
  },
};
