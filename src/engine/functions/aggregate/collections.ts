// make_set, make_set_if, make_list, make_list_if, make_list_with_nulls, make_bag, make_bag_if and the deprecated
// makeset, makelist, make_dictionary (make-set-, make-list-, make-bag-aggregation-function.md and their -if pages).
// Array inputs are flattened into their elements; make_set keeps the first of values equal under the one hashing
// kernel. The deprecated names are their own definitions because their default maximum size is 128, not 1048576
// ("The deprecated version has a default maxSize limit of 128", make-set-/make-list-/make-bag- pages).

import type { Dynamic, ScalarType, ScalarValue } from '../../../values/types.js';
import { isDynamicArray, isDynamicBag } from '../../../values/types.js';
import { dynamicFromScalar } from '../../../values/dynamic.js';
import { valueKey, type ValueKey } from '../../kernels/value-key.js';
import type { AggregateFunctionDef, ResolveContext, Value } from '../types.js';
import { impl, suffixName } from './helpers.js';

/** The documented default and largest maxSize of make_set, make_list and make_bag. */
const MAX_SIZE = 1_048_576;
/** The default maxSize of the deprecated makeset, makelist and make_dictionary. */
const LEGACY_MAX_SIZE = 128;

/** The constant maxSize argument i, or the default when it is absent or null. */
function maxSizeArg(ctx: ResolveContext, i: number, fallback: number): number {
  const c = ctx.constant(i);
  return c && c.value !== null ? Number(c.value) : fallback;
}

/**
 * Appends one input value: an array's elements, else the value itself. A typed null is skipped (nulls are ignored,
 * the ignore-nulls include); a dynamic null is kept by make_list (real engine, recorded:
 * `make_list(v)` over dynamic({"x":1}), dynamic(null), dynamic({"y":2}) gives [{"x":1}, null, {"y":2}], and over
 * dynamic(null), dynamic([5]) gives [null, 5]), unless `skipDynamicNull`.
 */
function flattenInto(out: Dynamic[], v: Value, type: ScalarType | undefined, skipDynamicNull: boolean) {
  if (v === null && (type !== 'dynamic' || skipDynamicNull)) return;
  const d = type === 'dynamic' ? (v as Dynamic) : dynamicFromScalar(v as ScalarValue, type ?? 'dynamic');
  if (isDynamicArray(d)) for (const x of d) out.push(x);
  else out.push(d);
}

function makeCollection(name: string, kind: 'set' | 'list', withP: boolean, defaultMax = MAX_SIZE, docsName = name): AggregateFunctionDef {
  return {
    kind: 'aggregate',
    name,
    signature: `${name}(any${withP ? ', predicate: bool' : ''} [, max size: long]) → dynamic`,
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 3 : 2,
    columnName: suffixName(kind),
    docs: `${docsName.replace(/_/g, '-')}-aggregation-function`,
    doc:
      `Array of ${kind === 'set' ? 'the distinct values' : 'all the values'}${withP ? ' where the predicate is true' : ''} (nulls skipped)` +
      (defaultMax === MAX_SIZE ? '.' : `; deprecated, at most ${defaultMax} by default.`),
    example: `datatable(x: long)[1, 2, 2, 3] | summarize ${name}(x${withP ? ', x > 1' : ''})`,
    resolve: (types, ctx) => {
      if (withP && types[1] !== 'bool') return 'a bool predicate as second argument';
      const t = types[0];
      const max = maxSizeArg(ctx, withP ? 2 : 1, defaultMax);
      // A set ignores null elements and dynamic nulls (the docs' ignore-nulls; no engine evidence either way) [U].
      const skipNull = kind === 'set';
      return {
        returnType: 'dynamic',
        impl: impl(
          () => ({ items: [] as Dynamic[], seen: new Set<ValueKey>() }),
          (s: { items: Dynamic[]; seen: Set<ValueKey> }, args) => {
            if (withP && args[1] !== true) return s;
            const vals: Dynamic[] = [];
            flattenInto(vals, args[0]!, t, skipNull);
            for (const v of vals) {
              if (s.items.length >= max) break;
              if (kind === 'set') {
                if (v === null) continue;
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

/** make_bag / make_bag_if / make_dictionary: the first value of a key wins; non-bag values are skipped. */
function makeBag(name: string, withP: boolean, defaultMax = MAX_SIZE, docsName = name, column = 'bag'): AggregateFunctionDef {
  return {
    kind: 'aggregate',
    name,
    signature: `${name}(dynamic${withP ? ', predicate: bool' : ''} [, max size: long]) → dynamic`,
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 3 : 2,
    docs: `${docsName.replace(/_/g, '-')}-aggregation-function`,
    columnName: suffixName(column),
    doc:
      `Merges the property bags of the group${withP ? ' where the predicate is true' : ''} (first value of a key wins)` +
      (defaultMax === MAX_SIZE ? '.' : `; deprecated, at most ${defaultMax} keys by default.`),
    example: `datatable(p: dynamic)[dynamic({"a": 1}), dynamic({"b": 2})] | summarize ${name}(p${withP ? ', true' : ''})`,
    resolve: (types, ctx) => {
      if (types[0] !== 'dynamic') return 'a dynamic property bag';
      if (withP && types[1] !== 'bool') return 'a bool predicate as second argument';
      // Past maxSize, keys not yet in the bag are dropped; which ones Kusto keeps is undocumented [U].
      const max = maxSizeArg(ctx, withP ? 2 : 1, defaultMax);
      return {
        returnType: 'dynamic',
        impl: impl(
          () => ({ bag: Object.create(null) as Record<string, Dynamic>, size: 0 }),
          (s: { bag: Record<string, Dynamic>; size: number }, [v, p]) => {
            if ((withP && p !== true) || !isDynamicBag(v as Dynamic)) return s;
            for (const [k, x] of Object.entries(v as Record<string, Dynamic>)) {
              if (k in s.bag || s.size >= max) continue;
              s.bag[k] = x;
              s.size++;
            }
            return s;
          },
          (s: { bag: Record<string, Dynamic> }) => Object.freeze(s.bag),
        ),
      };
    },
  };
}

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
        // Arrays are flattened like make_list's (real engine, recorded: over dynamic([1,2]), dynamic([3,4]) it
        // gives [1,2,3,4]).
        if (v === null) s.push(null);
        else flattenInto(s, v!, t, false);
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
  makeBag('make_bag', false),
  makeBag('make_bag_if', true),
  makeCollection('makeset', 'set', false, LEGACY_MAX_SIZE, 'make_set'),
  makeCollection('makelist', 'list', false, LEGACY_MAX_SIZE, 'make_list'),
  makeBag('make_dictionary', false, LEGACY_MAX_SIZE, 'make_bag', 'dictionary'),
];
