// take_any, any, take_anyif (take-any-, take-anyif-aggregation-function.md): an arbitrary value of the group;
// kqlite takes the first one that is not null or empty.

import type { ScalarType } from '../../../values/types.js';
import type { AggregateFunctionDef, AggregateImpl, Value } from '../types.js';
import { impl, suffixName } from './helpers.js';

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
const takeAnyDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'take_any',
  signature: 'take_any(any, ... or *) → the arguments\' types',
  minArgs: 1,
  maxArgs: 1,
  docs: 'take-any-aggregation-function',
  columnName: (names) => names[0] ?? 'any_arg0',
  doc: 'An arbitrary non-empty value of the group (here: the first one).',
  example: 'datatable(x: string)["a"] | summarize take_any(x)',
  resolve: ([t]) => takeAnyImpl(t!),
};

/** The deprecated any(x): same as take_any, named any_x. */
const anyDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'any',
  signature: 'any(any) → the argument\'s type',
  minArgs: 1,
  maxArgs: 1,
  docs: 'take-any-aggregation-function',
  columnName: suffixName('any'),
  doc: 'Deprecated spelling of take_any, named any_<x>.',
  example: 'datatable(x: string)["a"] | summarize any(x)',
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

const takeAnyIfDef: AggregateFunctionDef = {
  kind: 'aggregate',
  name: 'take_anyif',
  aliases: ['anyif'],
  signature: 'take_anyif(any, predicate: bool) → the argument\'s type',
  minArgs: 2,
  maxArgs: 2,
  docs: 'take-anyif-aggregation-function',
  // Named after its first argument (Microsoft's analyser: take_anyif(a, p) → a) [U for expressions].
  columnName: (names) => names[0] ?? 'anyif_arg0',
  doc: 'An arbitrary value among rows where the predicate is true.',
  example: 'range x from 1 to 5 step 1 | summarize take_anyif(x, x > 3)',
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

export const takeAnyAggregates: readonly AggregateFunctionDef[] = [takeAnyDef, anyDef, takeAnyIfDef];
