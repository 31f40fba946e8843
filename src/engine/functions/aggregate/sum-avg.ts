// sum, sumif, avg, avgif (sum-, sumif-, avg-, avgif-aggregation-function.md). Nulls are ignored; int and long
// sums are long (wrapping at 64 bits like Kusto's long arithmetic), real sums real, timespan sums timespan.

import { wrapLong, type ScalarType } from '../../../values/types.js';
import { refuse, type AggregateFunctionDef, type AggregateImpl } from '../types.js';
import { impl, isNum, suffixName } from './helpers.js';

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

/**
 * avg of int or long: the sum wraps at 64 bits like sum()'s, then is divided as a real (real engine, recorded:
 * avg over 9223372036854775807, 1, 2 is -3.0744573456182584E+18, the wrapped sum over 3). The sum stays a double
 * while it is a safe integer and becomes a bigint past 2^53, so the common case allocates nothing per row.
 */
function integerAvgImpl(withPredicate: boolean): AggregateImpl {
  return impl(
    () => ({ sum: 0, big: undefined as bigint | undefined, n: 0 }),
    (s: { sum: number; big: bigint | undefined; n: number }, [v, q]) => {
      if (v === null || (withPredicate && q !== true)) return s;
      s.n++;
      if (s.big !== undefined) s.big = wrapLong(s.big + BigInt(v as number | bigint));
      else {
        const x = Number(v);
        if (Number.isSafeInteger(x) && Number.isSafeInteger(s.sum + x)) s.sum += x;
        else s.big = wrapLong(BigInt(s.sum) + BigInt(v as number | bigint));
      }
      return s;
    },
    (s: { sum: number; big: bigint | undefined; n: number }) => (s.n === 0 ? NaN : (s.big !== undefined ? Number(s.big) : s.sum) / s.n),
  );
}

function sumDef(name: 'sum' | 'sumif'): AggregateFunctionDef {
  const withP = name === 'sumif';
  return {
    kind: 'aggregate',
    name,
    signature: withP ? 'sumif(number or timespan, predicate: bool) → long, real or timespan' : 'sum(number or timespan) → long, real or timespan',
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 2 : 1,
    columnName: suffixName(name),
    doc: withP ? 'Sum of the values where the predicate is true.' : 'Sum of the values (int sums are long).',
    docs: `${name}-aggregation-function`,
    example: `range x from 1 to 5 step 1 | summarize ${name}(x${withP ? ', x > 2' : ''})`,
    resolve: ([t, p]) => {
      if (withP && p !== 'bool') return 'a bool predicate as second argument';
      if (t === 'timespan') return { returnType: 'timespan', impl: sumImpl('timespan', withP) };
      // Microsoft's analyser types sum(datetime) as datetime, but what it computes is undocumented.
      if (t === 'datetime') return refuse('bind-not-supported', { name: `${name}(datetime)` });
      if (!isNum(t)) return 'a number';
      const rt: ScalarType = t === 'real' ? 'real' : 'long';
      return { returnType: rt, impl: sumImpl(rt, withP) };
    },
  };
}

function avgDef(name: 'avg' | 'avgif'): AggregateFunctionDef {
  const withP = name === 'avgif';
  return {
    kind: 'aggregate',
    name,
    signature: withP ? 'avgif(number, datetime or timespan, predicate: bool) → real, datetime or timespan' : 'avg(number, datetime or timespan) → real, datetime or timespan',
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 2 : 1,
    columnName: suffixName(name),
    doc: withP ? 'Average of the non-null values where the predicate is true (real).' : 'Average of the non-null values (real).',
    docs: `${name}-aggregation-function`,
    example: `range x from 1 to 5 step 1 | summarize ${name}(x${withP ? ', x > 2' : ''})`,
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
      // avg of no values: NaN, as the summarize doc's empty-input example shows [U].
      if (t === 'real') {
        return {
          returnType: 'real',
          impl: impl(
            () => ({ sum: 0, n: 0 }),
            (s: { sum: number; n: number }, [v, q]) => {
              if (v !== null && (!withP || q === true)) {
                s.sum += v as number;
                s.n++;
              }
              return s;
            },
            (s: { sum: number; n: number }) => (s.n === 0 ? NaN : s.sum / s.n),
          ),
        };
      }
      return { returnType: 'real', impl: integerAvgImpl(withP) };
    },
  };
}

export const sumAvgAggregates: readonly AggregateFunctionDef[] = [sumDef('sum'), sumDef('sumif'), avgDef('avg'), avgDef('avgif')];
