// count_distinct, count_distinctif (count-distinct-, count-distinctif-aggregation-function.md): the exact number of
// distinct values, equal under the one hashing kernel (so it equals kqlite's dcount, which is exact too). Nulls are
// not values and are not counted [U: the pages are silent; dcount ignores them]. Kusto refuses a dynamic argument
// (Microsoft's analyser: "The value of type 'dynamic' is not allowed in this context").

import type { ScalarValue } from '../../../values/types.js';
import { valueKey, type ValueKey } from '../../kernels/value-key.js';
import type { AggregateFunctionDef } from '../types.js';
import { impl, suffixName } from './helpers.js';

function countDistinctDef(name: 'count_distinct' | 'count_distinctif'): AggregateFunctionDef {
  const withP = name === 'count_distinctif';
  return {
    kind: 'aggregate',
    name,
    signature: `${name}(scalar${withP ? ', predicate: bool' : ''}) → long`,
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 2 : 1,
    columnName: suffixName(name),
    doc: `Exact number of distinct non-null values${withP ? ' among rows where the predicate is true' : ''}.`,
    docs: `${name.replace('_', '-')}-aggregation-function`,
    example: `datatable(u: string)["a", "b", "a"] | summarize ${name}(u${withP ? ', u != "b"' : ''})`,
    resolve: ([t, p]) => {
      if (t === 'dynamic') return { arg: 0, expected: 'a scalar value (not dynamic)', got: t };
      if (withP && p !== 'bool') return { arg: 1, expected: 'a bool predicate', got: p! };
      return {
        returnType: 'long',
        impl: impl(
          () => new Set<ValueKey>(),
          (s: Set<ValueKey>, [v, q]) => {
            if (v !== null && v !== undefined && (!withP || q === true)) s.add(valueKey(v as ScalarValue));
            return s;
          },
          (s: Set<ValueKey>) => BigInt(s.size),
        ),
      };
    },
  };
}

export const countDistinctAggregates: readonly AggregateFunctionDef[] = [countDistinctDef('count_distinct'), countDistinctDef('count_distinctif')];
