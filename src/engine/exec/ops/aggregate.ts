// summarize / distinct / count: hash grouping on the key tuple, one aggregate state per group and call.
// Without `by`, exactly one row even on empty input (summarize-operator.md); with `by`, no rows on empty input.

import { makeTable, type Table } from '../../../tables/table.js';
import { broadcast, getValue, isScalar, type Vector } from '../../../tables/vector.js';
import { vectorWriter } from '../../../tables/builder.js';
import type { ScalarValue } from '../../../values/types.js';
import { toStringValue } from '../../../values/convert.js';
import { reader } from '../../functions/define.js';
import type { AggregateNode } from '../../plan/logical.js';
import type { ExecContext } from '../context.js';
import { evalExpr } from '../compile-expr.js';

export function groupKey(values: readonly (ScalarValue | null)[]): string {
  let k = '';
  for (const v of values) {
    if (v === null) k += '\u0001n';
    else if (typeof v === 'string') k += '\u0001s' + v;
    else if (typeof v === 'bigint') k += '\u0001i' + v;
    else if (typeof v === 'number') k += Number.isInteger(v) ? '\u0001i' + v : '\u0001r' + v;
    else if (typeof v === 'boolean') k += '\u0001b' + v;
    else k += '\u0001j' + toStringValue(v, 'dynamic');
  }
  return k;
}

export function toVector(a: Vector | { kind: 'scalar' }, n: number): Vector {
  return isScalar(a as never) ? broadcast(a as never, n) : (a as Vector);
}

export function runAggregate(node: AggregateNode, input: Table, ctx: ExecContext): Table {
  const n = input.rowCount;
  const keyVecs = node.keys.map((k) => toVector(evalExpr(k, input, ctx), n));
  const argVecs = node.aggregates.map((a) => a.args.map((x) => toVector(evalExpr(x, input, ctx), n)));
  const argReaders = argVecs.map((vecs) => vecs.map(reader));
  const argBuffers = argVecs.map((vecs) => new Array<ScalarValue | null>(vecs.length));
  const groups = new Map<string, number>();
  const groupKeys: (ScalarValue | null)[][] = [];
  const states: unknown[][] = [];
  const keyVals: (ScalarValue | null)[] = new Array(keyVecs.length);
  const newGroup = (kv: (ScalarValue | null)[]) => {
    groupKeys.push(kv);
    states.push(node.aggregates.map((a) => a.impl.init()));
    return states.length - 1;
  };
  if (keyVecs.length === 0) newGroup([]);
  for (let i = 0; i < n; i++) {
    let g = 0;
    if (keyVecs.length > 0) {
      for (let k = 0; k < keyVecs.length; k++) keyVals[k] = getValue(keyVecs[k]!, i);
      const key = groupKey(keyVals);
      let found = groups.get(key);
      if (found === undefined) {
        found = newGroup([...keyVals]);
        groups.set(key, found);
      }
      g = found;
    }
    const st = states[g]!;
    for (let a = 0; a < node.aggregates.length; a++) {
      // One argument buffer per aggregate, refilled per row: aggregates read their arguments, never keep the array.
      const read = argReaders[a]!;
      const args = argBuffers[a]!;
      for (let k = 0; k < read.length; k++) args[k] = read[k]!(i);
      st[a] = node.aggregates[a]!.impl.add(st[a], args);
    }
    if ((i & 0xffff) === 0) ctx.check(node.span);
  }
  const g = states.length;
  const columns: Vector[] = [];
  node.keys.forEach((k, j) => {
    const w = vectorWriter(node.schema[j]!.type, g);
    for (let r = 0; r < g; r++) w.set(r, groupKeys[r]![j]!);
    columns.push(w.finish());
  });
  node.aggregates.forEach((a, j) => {
    const w = vectorWriter(node.schema[node.keys.length + j]!.type, g);
    for (let r = 0; r < g; r++) w.set(r, a.impl.finish(states[r]![j]));
    columns.push(w.finish());
  });
  return makeTable(node.schema, columns, g);
}
