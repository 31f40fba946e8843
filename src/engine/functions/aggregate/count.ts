// count, countif, dcount, dcountif (count-aggregation-function.md, countif-, dcount-, dcountif-aggregation-function.md).
// count() counts rows, nulls included; the others ignore nulls. Empty input gives 0.

import { valueKey, type ValueKey } from '../../kernels/value-key.js';
import type { ScalarValue } from '../../../values/types.js';
import type { AggregateFunctionDef, AggregateImpl } from '../types.js';
import { impl, suffixName } from './helpers.js';

const countDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'count',
  signature: 'count() → long',
  minArgs: 0,
  maxArgs: 1,
  columnName: () => 'count_',
  doc: 'Number of rows in the group.',
  docs: 'count-aggregation-function',
  example: 'range x from 1 to 5 step 1 | summarize count()',
  resolve: () => ({ returnType: 'long', impl: impl(() => 0, (s: number) => s + 1, (s: number) => BigInt(s)) }),
};

const countifDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'countif',
  signature: 'countif(predicate: bool) → long',
  minArgs: 1,
  maxArgs: 1,
  // countif(b) over a column is countif_b; over an expression, countif_ (Microsoft's analyser).
  columnName: suffixName('countif'),
  doc: 'Number of rows where the predicate is true.',
  docs: 'countif-aggregation-function',
  example: 'range x from 1 to 5 step 1 | summarize countif(x > 3)',
  resolve: ([p]) =>
    p !== 'bool' ? 'a bool predicate' : { returnType: 'long', impl: impl(() => 0, (s: number, [b]) => (b === true ? s + 1 : s), (s: number) => BigInt(s)) },
};

function distinctImpl(withPredicate: boolean): AggregateImpl {
  return impl(
    () => new Set<ValueKey>(),
    (s: Set<ValueKey>, [v, p]) => {
      if (v !== null && (!withPredicate || p === true)) s.add(valueKey(v as ScalarValue));
      return s;
    },
    (s: Set<ValueKey>) => BigInt(s.size),
  );
}

// dcount is an HyperLogLog estimate in Kusto; we count exactly, which equals Kusto's answer for the small
// cardinalities where its estimate is exact and is within its documented error elsewhere [U].
const dcountDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'dcount',
  signature: 'dcount(any [, accuracy: int]) → long',
  minArgs: 1,
  maxArgs: 2,
  columnName: suffixName('dcount'),
  doc: 'Number of distinct non-null values (exact).',
  docs: 'dcount-aggregation-function',
  example: 'datatable(u: string)["a", "b", "a"] | summarize dcount(u)',
  resolve: () => ({ returnType: 'long', impl: distinctImpl(false) }),
};

const dcountifDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'dcountif',
  signature: 'dcountif(any, predicate: bool [, accuracy: int]) → long',
  minArgs: 2,
  maxArgs: 3,
  columnName: suffixName('dcountif'),
  doc: 'Number of distinct values among rows where the predicate is true.',
  docs: 'dcountif-aggregation-function',
  example: 'datatable(u: string, ok: bool)["a", true, "b", false, "a", true] | summarize dcountif(u, ok)',
  resolve: ([, p]) => (p !== 'bool' ? 'a bool predicate as second argument' : { returnType: 'long', impl: distinctImpl(true) }),
};

export const countAggregates: readonly AggregateFunctionDef[] = [countDef, countifDef, dcountDef, dcountifDef];
