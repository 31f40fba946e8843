// Aggregation functions (summarize-operator.md and each *-aggfunction page). Nulls are ignored by every aggregate
// except count(); defaults on empty input: count/countif/dcount/sum → 0, make_* → [], avg → NaN, others null.
// Default result names follow kql-lang Aggregates.cs: count_, countif_, dcount_X, sum_X, avg_X, min_X, max_X,
// set_X, list_X, bag_X.

import type { Dynamic, ScalarType, ScalarValue } from '../../../values/types.js';
import { isDynamicArray, isDynamicBag, wrapLong } from '../../../values/types.js';
import { dynamicFromScalar } from '../../../values/dynamic.js';
import { groupKey } from '../../exec/ops/aggregate.js';
import { compareValues } from '../operators.js';
import type { AggregateDef, AggregateImpl, Value } from '../define.js';

const suffixName = (prefix: string) => (names: readonly (string | undefined)[]) =>
  names[0] !== undefined ? `${prefix}_${names[0]}` : `${prefix}_`;

const isNum = (t: ScalarType | undefined) => t === 'int' || t === 'long' || t === 'real';

function impl(init: () => unknown, add: (s: any, a: readonly Value[]) => unknown, finish: (s: any) => Value): AggregateImpl {
  return { init, add, finish };
}

const countDef: AggregateDef = {
  name: 'count',
  minArgs: 0,
  maxArgs: 1,
  columnName: () => 'count_',
  doc: 'Number of rows in the group.',
  example: 'StormEvents | summarize count() by State',
  resolve: () => ({ returnType: 'long', impl: impl(() => 0, (s: number) => s + 1, (s: number) => BigInt(s)) }),
};

const countifDef: AggregateDef = {
  name: 'countif',
  minArgs: 1,
  maxArgs: 1,
  // countif(b) over a column is countif_b; over an expression, countif_ (Microsoft's analyser).
  columnName: suffixName('countif'),
  doc: 'Number of rows where the predicate is true.',
  example: 'T | summarize countif(x > 1)',
  resolve: ([p]) =>
    p !== 'bool' ? 'a bool predicate' : { returnType: 'long', impl: impl(() => 0, (s: number, [b]) => (b === true ? s + 1 : s), (s: number) => BigInt(s)) },
};

function distinctImpl(withPredicate: boolean): AggregateImpl {
  return impl(
    () => new Set<string>(),
    (s: Set<string>, [v, p]) => {
      if (v !== null && (!withPredicate || p === true)) s.add(groupKey([v as ScalarValue]));
      return s;
    },
    (s: Set<string>) => BigInt(s.size),
  );
}

// dcount is an HyperLogLog estimate in Kusto; we count exactly, which equals Kusto's answer for the small
// cardinalities where its estimate is exact and is within its documented error elsewhere [U].
const dcountDef: AggregateDef = {
  name: 'dcount',
  minArgs: 1,
  maxArgs: 2,
  columnName: suffixName('dcount'),
  doc: 'Number of distinct non-null values (exact).',
  example: 'T | summarize dcount(User)',
  resolve: () => ({ returnType: 'long', impl: distinctImpl(false) }),
};

const dcountifDef: AggregateDef = {
  name: 'dcountif',
  minArgs: 2,
  maxArgs: 3,
  columnName: suffixName('dcountif'),
  doc: 'Number of distinct values among rows where the predicate is true.',
  example: 'T | summarize dcountif(User, Ok)',
  resolve: ([, p]) => (p !== 'bool' ? 'a bool predicate as second argument' : { returnType: 'long', impl: distinctImpl(true) }),
};

function sumImpl(type: ScalarType, withPredicate: boolean): AggregateImpl {
  if (type === 'real') {
    return impl(() => 0, (s: number, [v, p]) => (v !== null && (!withPredicate || p === true) ? s + (v as number) : s), (s: number) => s);
  }
  return impl(
    () => 0n,
    (s: bigint, [v, p]) => (v !== null && (!withPredicate || p === true) ? wrapLong(s + BigInt(v as number | bigint)) : s),
    (s: bigint) => (type === 'timespan' ? s : s),
  );
}

function sumDef(name: 'sum' | 'sumif'): AggregateDef {
  const withP = name === 'sumif';
  return {
    name,
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 2 : 1,
    columnName: suffixName(name),
    doc: withP ? 'Sum of the values where the predicate is true.' : 'Sum of the values (int sums are long).',
    example: `T | summarize ${name}(x${withP ? ', x > 0' : ''})`,
    resolve: ([t, p]) => {
      if (withP && p !== 'bool') return 'a bool predicate as second argument';
      if (t === 'timespan') return { returnType: 'timespan', impl: sumImpl('timespan', withP) };
      // Microsoft's analyser types sum(datetime) as datetime, but what it computes is undocumented.
      if (t === 'datetime') return { notSupported: `${name}(datetime)` };
      if (!isNum(t)) return 'a number';
      const rt: ScalarType = t === 'real' ? 'real' : 'long';
      return { returnType: rt, impl: sumImpl(rt, withP) };
    },
  };
}

function avgDef(name: 'avg' | 'avgif'): AggregateDef {
  const withP = name === 'avgif';
  return {
    name,
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 2 : 1,
    columnName: suffixName(name),
    doc: 'Average of the non-null values (real).',
    example: `T | summarize ${name}(x${withP ? ', x > 0' : ''})`,
    resolve: ([t, p]) => {
      if (withP && p !== 'bool') return 'a bool predicate as second argument';
      if (t === 'datetime' || t === 'timespan') {
        // The mean instant or duration, in ticks (Microsoft's analyser types avg(datetime) as datetime).
        return {
          returnType: t,
          impl: impl(
            () => ({ sum: 0n, n: 0n }),
            (s: { sum: bigint; n: bigint }, [v, q]) => {
              if (v !== null && (!withP || q === true)) {
                s.sum += v as bigint;
                s.n++;
              }
              return s;
            },
            (s: { sum: bigint; n: bigint }) => (s.n === 0n ? null : s.sum / s.n),
          ),
        };
      }
      if (!isNum(t)) return 'a number';
      return {
        returnType: 'real',
        impl: impl(
          () => ({ sum: 0, n: 0 }),
          (s: { sum: number; n: number }, [v, q]) => {
            if (v !== null && (!withP || q === true)) {
              s.sum += Number(v);
              s.n++;
            }
            return s;
          },
          // avg of no values: NaN, as the summarize doc's empty-input example shows [U].
          (s: { sum: number; n: number }) => (s.n === 0 ? NaN : s.sum / s.n),
        ),
      };
    },
  };
}

function extremeDef(name: 'min' | 'max' | 'minif' | 'maxif'): AggregateDef {
  const sign = name.startsWith('max') ? 1 : -1;
  const withP = name.endsWith('if');
  return {
    name,
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 2 : 1,
    columnName: suffixName(name),
    doc: `${sign > 0 ? 'Largest' : 'Smallest'} non-null value${withP ? ' where the predicate is true' : ''}.`,
    example: `T | summarize ${name}(x${withP ? ', x > 0' : ''})`,
    resolve: ([t, p]) => {
      if (withP && p !== 'bool') return 'a bool predicate as second argument';
      if (t === 'dynamic' || t === 'guid') return 'a number, bool, string, datetime or timespan';
      return {
        returnType: t!,
        impl: impl(
          () => ({ v: null as Value }),
          (s: { v: Value }, [v, q]) => {
            if (v === null || (withP && q !== true)) return s;
            if (typeof v === 'number' && Number.isNaN(v)) return s;
            if (s.v === null || (compareValues(v as ScalarValue, s.v as ScalarValue) ?? 0) * sign > 0) s.v = v!;
            return s;
          },
          (s: { v: Value }) => s.v,
        ),
      };
    },
  };
}

function flattenInto(out: Dynamic[], v: Value, type: ScalarType | undefined) {
  if (v === null) return;
  const d = type === 'dynamic' ? (v as Dynamic) : dynamicFromScalar(v as ScalarValue, type ?? 'dynamic');
  // make_set/make_list flatten array inputs into their elements (make-set-aggfunction.md) [U for make_list].
  if (isDynamicArray(d)) for (const x of d) out.push(x);
  else out.push(d);
}

function makeCollection(name: string, kind: 'set' | 'list', withP: boolean): AggregateDef {
  return {
    name,
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 3 : 2,
    columnName: suffixName(kind),
    doc: kind === 'set' ? 'Array of the distinct values.' : 'Array of all the values.',
    example: `T | summarize ${name}(x${withP ? ', x > 0' : ''})`,
    resolve: (types, ctx) => {
      if (withP && types[1] !== 'bool') return 'a bool predicate as second argument';
      const t = types[0];
      const maxIdx = withP ? 2 : 1;
      const maxArg = ctx.constant(maxIdx);
      const max = maxArg && maxArg.value !== null ? Number(maxArg.value) : 1_048_576;
      return {
        returnType: 'dynamic',
        impl: impl(
          () => ({ items: [] as Dynamic[], seen: new Set<string>() }),
          (s: { items: Dynamic[]; seen: Set<string> }, args) => {
            if (withP && args[1] !== true) return s;
            const vals: Dynamic[] = [];
            flattenInto(vals, args[0]!, t);
            for (const v of vals) {
              if (s.items.length >= max) break;
              if (kind === 'set') {
                const k = groupKey([v as ScalarValue]);
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

const makeBagDef: AggregateDef = {
  name: 'make_bag',
  minArgs: 1,
  maxArgs: 2,
  columnName: suffixName('bag'),
  doc: 'Merges the property bags of the group (first value of a key wins).',
  example: 'T | summarize make_bag(Props)',
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

function takeAnyImpl(t: ScalarType): { returnType: ScalarType; impl: AggregateImpl } {
  return {
    returnType: t,
    impl: impl(() => ({ v: null as Value, set: false }), (s: { v: Value; set: boolean }, [v]) => {
      if (!s.set && v !== null && v !== '') {
        s.v = v!;
        s.set = true;
      }
      return s;
    }, (s: { v: Value }) => s.v),
  };
}

// take_any(x) is named after x when x is a column, `any_arg0` otherwise (Microsoft's analyser); take_any(a, b) and
// take_any(*) return several columns from one row (expanded by the binder, see FIRST_ROW below).
const takeAnyDef: AggregateDef = {
  name: 'take_any',
  minArgs: 1,
  maxArgs: 1,
  columnName: (names) => names[0] ?? 'any_arg0',
  doc: 'An arbitrary non-empty value of the group (here: the first one).',
  example: 'T | summarize take_any(x)',
  resolve: ([t]) => takeAnyImpl(t!),
};

/** The deprecated any(x): same as take_any, named any_x. */
const anyDef: AggregateDef = {
  name: 'any',
  minArgs: 1,
  maxArgs: 1,
  columnName: suffixName('any'),
  doc: 'Deprecated spelling of take_any, named any_<x>.',
  example: 'T | summarize any(x)',
  resolve: ([t]) => takeAnyImpl(t!),
};

/** The value of the group's first row, nulls included: the columns of take_any(a, b) / take_any(*) share that row. */
export const FIRST_ROW: AggregateImpl = impl(
  () => ({ v: null as Value, set: false }),
  (s: { v: Value; set: boolean }, [v]) => {
    if (!s.set) {
      s.v = v!;
      s.set = true;
    }
    return s;
  },
  (s: { v: Value }) => s.v,
);

const takeAnyIfDef: AggregateDef = {
  name: 'take_anyif',
  aliases: ['anyif'],
  minArgs: 2,
  maxArgs: 2,
  // Named after its first argument (Microsoft's analyser: take_anyif(a, p) → a) [U for expressions].
  columnName: (names) => names[0] ?? 'anyif_arg0',
  doc: 'An arbitrary value among rows where the predicate is true.',
  example: 'T | summarize take_anyif(x, x > 0)',
  resolve: ([t, p]) =>
    p !== 'bool'
      ? 'a bool predicate as second argument'
      : {
          returnType: t!,
          impl: impl(() => ({ v: null as Value, set: false }), (s: { v: Value; set: boolean }, [v, q]) => {
            if (!s.set && q === true && v !== null) {
              s.v = v!;
              s.set = true;
            }
            return s;
          }, (s: { v: Value }) => s.v),
        },
};

/** arg_max / arg_min: each output column is one aggregate whose args are [e, value]; the first extreme row wins. */
function argExtremeDef(name: 'arg_max' | 'arg_min'): AggregateDef {
  const sign = name === 'arg_max' ? 1 : -1;
  return {
    name,
    minArgs: 2,
    maxArgs: 64,
    columnName: () => name,
    doc: `The row with the ${sign > 0 ? 'largest' : 'smallest'} value of the first argument.`,
    example: `T | summarize ${name}(Timestamp, *) by Key`,
    resolve: ([t]) => (t === 'dynamic' || t === 'guid' ? `an orderable first argument (got ${t})` : {
      returnType: 'dynamic',
      impl: impl(
        () => ({ e: null as Value, v: null as Value, set: false }),
        (s: { e: Value; v: Value; set: boolean }, [e, v]) => {
          // A row with a null e is kept only while no row has a non-null e (arg-max-aggfunction.md).
          if (!s.set) {
            s.e = e!;
            s.v = v!;
            s.set = true;
          } else if (e !== null && (s.e === null || (compareValues(e as ScalarValue, s.e as ScalarValue) ?? 0) * sign > 0)) {
            s.e = e!;
            s.v = v!;
          }
          return s;
        },
        (s: { v: Value }) => s.v,
      ),
    }),
  };
}

const makeListWithNullsDef: AggregateDef = {
  name: 'make_list_with_nulls',
  minArgs: 1,
  maxArgs: 1,
  columnName: suffixName('list'),
  doc: 'Array of all the values, nulls included.',
  example: 'T | summarize make_list_with_nulls(x)',
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

/**
 * percentile(x, p): nearest-rank percentile (percentiles-aggregation-function.md). Kusto estimates it with a
 * sketch whose answer is the exact nearest-rank value on small inputs; kqlite computes it exactly [U].
 */
const percentileDef: AggregateDef = {
  name: 'percentile',
  minArgs: 2,
  maxArgs: 2,
  columnName: (names) => `percentile_${names[0] ?? ''}_${(names[1] ?? '').replace('.', '_')}`,
  doc: 'The nearest-rank percentile p (0-100) of the values.',
  example: 'T | summarize percentile(Duration, 95)',
  resolve: ([t, pt], ctx) => {
    if (!isNum(t) && t !== 'datetime' && t !== 'timespan') return 'a number, datetime or timespan';
    const p = ctx.constant(1);
    if (!isNum(pt) || !p || p.value === null) return 'a constant percentage as second argument';
    const pct = Number(p.value);
    if (!(pct >= 0 && pct <= 100)) return 'a percentage between 0 and 100';
    return {
      returnType: t!,
      impl: impl(
        () => [] as ScalarValue[],
        (s: ScalarValue[], [v]) => {
          if (v !== null && !(typeof v === 'number' && Number.isNaN(v))) s.push(v as ScalarValue);
          return s;
        },
        (s: ScalarValue[]) => {
          if (s.length === 0) return null;
          s.sort((a, b) => compareValues(a, b) ?? 0);
          const rank = Math.max(1, Math.ceil((pct / 100) * s.length));
          return s[rank - 1]!;
        },
      ),
    };
  },
};

export const aggregateFunctions: readonly AggregateDef[] = [
  makeListWithNullsDef,
  percentileDef,
  countDef,
  countifDef,
  dcountDef,
  dcountifDef,
  sumDef('sum'),
  sumDef('sumif'),
  avgDef('avg'),
  avgDef('avgif'),
  extremeDef('min'),
  extremeDef('max'),
  extremeDef('minif'),
  extremeDef('maxif'),
  makeCollection('make_set', 'set', false),
  makeCollection('make_set_if', 'set', true),
  makeCollection('make_list', 'list', false),
  makeCollection('make_list_if', 'list', true),
  makeBagDef,
  takeAnyDef,
  anyDef,
  takeAnyIfDef,
  argExtremeDef('arg_max'),
  argExtremeDef('arg_min'),
];
