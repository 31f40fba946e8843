// make_set, make_set_if, make_list, make_list_if, make_list_with_nulls, make_bag (make-set-, make-list-,
// make-bag-aggregation-function.md). Nulls are skipped (except make_list_with_nulls); array inputs are flattened
// into their elements; make_set keeps the first of values equal under the one hashing kernel.

import type { Dynamic, ScalarType, ScalarValue } from '../../../values/types.js';
import { isDynamicArray, isDynamicBag } from '../../../values/types.js';
import { dynamicFromScalar } from '../../../values/dynamic.js';
import { valueKey, type ValueKey } from '../../kernels/value-key.js';
import type { AggregateFunctionDef, Value } from '../types.js';
import { impl, suffixName } from './helpers.js';

function flattenInto(out: Dynamic[], v: Value, type: ScalarType | undefined) {
  if (v === null) return;
  const d = type === 'dynamic' ? (v as Dynamic) : dynamicFromScalar(v as ScalarValue, type ?? 'dynamic');
  // make_set/make_list flatten array inputs into their elements (make-set-aggfunction.md) [U for make_list].
  if (isDynamicArray(d)) for (const x of d) out.push(x);
  else out.push(d);
}

function makeCollection(name: string, kind: 'set' | 'list', withP: boolean): AggregateFunctionDef {
  return {
    kind: 'aggregate',
    name,
    signature: `${name}(any${withP ? ', predicate: bool' : ''} [, max size: long]) → dynamic`,
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 3 : 2,
    columnName: suffixName(kind),
    docs: `${name.replace(/_/g, '-')}-aggregation-function`,
    doc: `Array of ${kind === 'set' ? 'the distinct values' : 'all the values'}${withP ? ' where the predicate is true' : ''} (nulls skipped).`,
    example: `datatable(x: long)[1, 2, 2, 3] | summarize ${name}(x${withP ? ', x > 1' : ''})`,
    resolve: (types, ctx) => {
      if (withP && types[1] !== 'bool') return 'a bool predicate as second argument';
      const t = types[0];
      const maxIdx = withP ? 2 : 1;
      const maxArg = ctx.constant(maxIdx);
      const max = maxArg && maxArg.value !== null ? Number(maxArg.value) : 1_048_576;
      return {
        returnType: 'dynamic',
        impl: impl(
          () => ({ items: [] as Dynamic[], seen: new Set<ValueKey>() }),
          (s: { items: Dynamic[]; seen: Set<ValueKey> }, args) => {
            if (withP && args[1] !== true) return s;
            const vals: Dynamic[] = [];
            flattenInto(vals, args[0]!, t);
            for (const v of vals) {
              if (s.items.length >= max) break;
              if (kind === 'set') {
                const k = valueKey(v as ScalarValue);
                if (s.seen.has(k)) continue;
                s.seen.add(k);
              }
              s.items.push(v);
            }
            return s;
          },
          (s: { items: Dynamic[] }) => Object.freeze(s.items),
        ),
      };
    },
  };
}

const makeBagDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'make_bag',
  signature: 'make_bag(dynamic [, max size: long]) → dynamic',
  minArgs: 1,
  maxArgs: 2,
  docs: 'make-bag-aggregation-function',
  columnName: suffixName('bag'),
  doc: 'Merges the property bags of the group (first value of a key wins).',
  example: 'datatable(p: dynamic)[dynamic({"a": 1}), dynamic({"b": 2})] | summarize make_bag(p)',
  resolve: ([t]) =>
    t !== 'dynamic'
      ? 'a dynamic property bag'
      : {
          returnType: 'dynamic',
          impl: impl(
            () => Object.create(null) as Record<string, Dynamic>,
            (s: Record<string, Dynamic>, [v]) => {
              if (isDynamicBag(v as Dynamic)) for (const [k, x] of Object.entries(v as Record<string, Dynamic>)) if (!(k in s)) s[k] = x;
              return s;
            },
            (s: Record<string, Dynamic>) => Object.freeze(s),
          ),
        },
};

const makeListWithNullsDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'make_list_with_nulls',
  signature: 'make_list_with_nulls(any) → dynamic',
  minArgs: 1,
  maxArgs: 1,
  docs: 'make-list-with-nulls-aggregation-function',
  columnName: suffixName('list'),
  doc: 'Array of all the values, nulls included.',
  example: 'datatable(x: long)[1, long(null), 3] | summarize make_list_with_nulls(x)',
  resolve: ([t]) => ({
    returnType: 'dynamic',
    impl: impl(
      () => [] as Dynamic[],
      (s: Dynamic[], [v]) => {
        s.push(v === null ? null : t === 'dynamic' ? (v as Dynamic) : dynamicFromScalar(v as ScalarValue, t!));
        return s;
      },
      (s: Dynamic[]) => Object.freeze(s),
    ),
  }),
};

export const collectionAggregates: readonly AggregateFunctionDef[] = [
  makeCollection('make_set', 'set', false),
  makeCollection('make_set_if', 'set', true),
  makeCollection('make_list', 'list', false),
  makeCollection('make_list_if', 'list', true),
  makeListWithNullsDef,
  makeBagDef,
];
