// percentile, percentiles, percentiles_array (percentiles-aggregation-function.md) and the weighted percentilew,
// percentilesw, percentilesw_array (percentilesw-aggregation-function.md).
//
// The value chosen is the nearest rank ("the smallest value in the list such that P percent of the data is less or
// equal to it"; the 0th percentile is the smallest), with weights as repetitions. Kusto estimates it with a T-Digest
// whose error bounds are on the rank and which is exact at 0 and 100; kqlite computes the exact nearest rank, which
// lies within those bounds and equals the recorded engine answers on small inputs (percentile(v, 25) over 10, 20 is
// 10; percentiles(v, 50) over 1..5 is 3) [U]. Nulls and NaN are skipped. An int argument gives a long result
// (Microsoft's analyser: percentile_i_50:long). A group without values gives null (in an array: null elements) [U].

import type { Dynamic, ScalarType, ScalarValue } from '../../../values/types.js';
import { isDynamicArray } from '../../../values/types.js';
import { dynamicFromScalar } from '../../../values/dynamic.js';
import { compareValues } from '../../kernels/compare.js';
import { refuse, type AggregateFunctionDef, type AggregateImpl, type Refusal, type ResolveContext, type Value } from '../types.js';
import { impl, isNum } from './helpers.js';

/** A value with its weight (1 when unweighted). */
interface Weighted {
  readonly v: ScalarValue;
  readonly w: number;
}

/**
 * The nearest-rank p-th percentile of values with weights: sorted ascending, the first value at which the running
 * weight reaches ceil(p/100 × total weight), at least the first. Sorts `items` in place.
 */
export function nearestRank(items: Weighted[], p: number): ScalarValue | null {
  if (items.length === 0) return null;
  items.sort((a, b) => compareValues(a.v, b.v) ?? 0);
  let total = 0;
  for (const x of items) total += x.w;
  // p × total first, then / 100: 99.9 × 18 / 100 is 17.982, where (99.9 / 100) × 18 may round differently.
  const target = Math.max(1, Math.ceil((p * total) / 100));
  let running = 0;
  for (const x of items) {
    running += x.w;
    if (running >= target) return x.v;
  }
  return items[items.length - 1]!.v;
}

/** The type a percentile of `t` has: int widens to long; number, datetime and timespan otherwise keep their type. */
function resultType(t: ScalarType | undefined): ScalarType | undefined {
  if (t === 'int') return 'long';
  return t === 'long' || t === 'real' || t === 'datetime' || t === 'timespan' ? t : undefined;
}

/** A percentile value in the result type (an int value becomes a long). */
const asResult = (v: ScalarValue | null, t: ScalarType): Value => (v !== null && t === 'long' && typeof v === 'number' ? BigInt(v) : v);

/** The constant percentages: one per argument from `first` on, or the elements of one constant dynamic array. */
function percentages(argTypes: readonly ScalarType[], ctx: ResolveContext, first: number, allowArray: boolean): number[] | Refusal {
  const out: number[] = [];
  const add = (x: unknown, i: number): Refusal | undefined => {
    const p = typeof x === 'bigint' ? Number(x) : x;
    if (typeof p !== 'number' || !(p >= 0 && p <= 100)) return { arg: i, expected: 'a constant percentage between 0 and 100', got: String(x) };
    out.push(p);
    return undefined;
  };
  for (let i = first; i < argTypes.length; i++) {
    const c = ctx.constant(i);
    if (allowArray && argTypes[i] === 'dynamic' && argTypes.length === first + 1 && c && isDynamicArray(c.value as Dynamic)) {
      for (const x of c.value as readonly Dynamic[]) {
        const r = add(x, i);
        if (r) return r;
      }
      continue;
    }
    if (!isNum(argTypes[i])) return { arg: i, expected: allowArray ? 'a percentage or a dynamic array of them' : 'a percentage', got: argTypes[i]! };
    if (!c) return refuse('bind-expected-constant', { what: 'a percentage' }, i);
    const r = add(c.value, i);
    if (r) return r;
  }
  return out.length > 0 ? out : 'at least one percentage';
}

/** Collects (value, weight) per group; `finish` turns the collection into the result. */
function collectImpl(weighted: boolean, finish: (items: Weighted[]) => Value): AggregateImpl {
  return impl(
    () => [] as Weighted[],
    (s: Weighted[], args) => {
      const v = args[0];
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return s;
      if (!weighted) s.push({ v: v as ScalarValue, w: 1 });
      else {
        // A row whose weight is null or not positive counts for nothing [U].
        const w = args[1];
        if (w !== null && w !== undefined && Number(w) > 0) s.push({ v: v as ScalarValue, w: Number(w) });
      }
      return s;
    },
    finish,
  );
}

/** `percentile_x_50`, `percentile_x_99_9`: after the first argument and the percentage as written. */
const percentileName = (names: readonly (string | undefined)[], at: number) => `percentile_${names[0] ?? ''}_${(names[at] ?? '').replace('.', '_')}`;

type Shape = 'one' | 'columns' | 'array';

function percentileDef(name: string, shape: Shape, weighted: boolean): AggregateFunctionDef {
  const first = weighted ? 2 : 1;
  const w = weighted ? ', weight: long' : '';
  const several = shape !== 'one';
  const single = weighted ? 'percentilew' : 'percentile';
  return {
    kind: 'aggregate',
    name,
    signature:
      shape === 'array'
        ? `${name}(number, datetime or timespan${w}, percentage: real, ... or dynamic array) → dynamic`
        : `${name}(number, datetime or timespan${w}, percentage: real${several ? ', ...' : ''}) → the argument's type`,
    minArgs: first + 1,
    maxArgs: several ? 64 : first + 1,
    docs: weighted ? 'percentilesw-aggregation-function' : 'percentiles-aggregation-function',
    doc:
      shape === 'array'
        ? `The nearest-rank${weighted ? ' weighted' : ''} percentiles (0-100) of the values, as one array.`
        : `The nearest-rank${weighted ? ' weighted' : ''} percentile${several ? 's' : ''} p (0-100) of the values${several ? ', one column each' : ''}.`,
    example: `range x from 1 to 10 step 1 | summarize ${name}(x${weighted ? ', x' : ''}, 50${several ? ', 90' : ''})`,
    // percentiles_array / percentilesw_array are named percentiles_x (Microsoft's analyser; the percentilesw page's
    // output tables say percentile_x).
    columnName: shape === 'array' ? (names) => `percentiles_${names[0] ?? ''}` : (names) => percentileName(names, first),
    columnNames: shape === 'columns' ? (names) => names.slice(first).map((_, i) => percentileName(names, first + i)) : undefined,
    resolve: (argTypes, ctx) => {
      const t = resultType(argTypes[0]);
      if (!t) return { arg: 0, expected: 'a number, datetime or timespan', got: argTypes[0]! };
      if (weighted && argTypes[1] !== 'long' && argTypes[1] !== 'int') return { arg: 1, expected: 'an integer weight', got: argTypes[1]! };
      const ps = percentages(argTypes, ctx, first, shape === 'array');
      if (!Array.isArray(ps)) return ps;
      if (shape === 'array') {
        const source = argTypes[0]!;
        return {
          returnType: 'dynamic',
          impl: collectImpl(weighted, (items) =>
            Object.freeze(ps.map((p) => {
              const v = asResult(nearestRank(items, p), t);
              return v === null ? null : dynamicFromScalar(v as ScalarValue, source === 'int' ? 'long' : source);
            })),
          ),
        };
      }
      const [head, ...rest] = ps.map((p) => ({ returnType: t, impl: collectImpl(weighted, (items) => asResult(nearestRank(items, p), t)) }));
      if (shape === 'one' && rest.length > 0) return `one percentage (${single})`;
      return { ...head!, more: rest };
    },
  };
}

export const percentileAggregates: readonly AggregateFunctionDef[] = [
  percentileDef('percentile', 'one', false),
  percentileDef('percentiles', 'columns', false),
  percentileDef('percentiles_array', 'array', false),
  percentileDef('percentilew', 'one', true),
  percentileDef('percentilesw', 'columns', true),
  percentileDef('percentilesw_array', 'array', true),
];
