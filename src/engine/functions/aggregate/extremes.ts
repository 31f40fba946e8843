// min, max, minif, maxif, arg_max, arg_min (min-, max-, minif-, maxif-, arg-max-, arg-min-aggregation-function.md).
// Values are ordered by the one comparison kernel; nulls are skipped. NaN wins: a group holding a NaN gives NaN for
// min, max and the arg_max/arg_min value, and arg_max/arg_min return the NaN row (real engine, recorded:
// max/min over 1.5, NaN, 2.5 are NaN; arg_max(w, v) over w = 5, NaN picks the NaN row) [U: which of several NaN
// rows: the first].

import type { ScalarValue } from '../../../values/types.js';
import { compareValues } from '../../kernels/compare.js';
import type { AggregateFunctionDef, Value } from '../types.js';
import { impl, suffixName } from './helpers.js';

const isNaNValue = (v: Value | undefined) => typeof v === 'number' && Number.isNaN(v);

function extremeDef(name: 'min' | 'max' | 'minif' | 'maxif'): AggregateFunctionDef {
  const sign = name.startsWith('max') ? 1 : -1;
  const withP = name.endsWith('if');
  return {
    kind: 'aggregate',
    name,
    signature: withP ? `${name}(any, predicate: bool) → the argument's type` : `${name}(any) → the argument's type`,
    minArgs: withP ? 2 : 1,
    maxArgs: withP ? 2 : 1,
    columnName: suffixName(name),
    docs: `${name}-aggregation-function`,
    doc: `${sign > 0 ? 'Largest' : 'Smallest'} non-null value${withP ? ' where the predicate is true' : ''}.`,
    example: `range x from 1 to 5 step 1 | summarize ${name}(x${withP ? ', x < 4' : ''})`,
    resolve: ([t, p]) => {
      if (withP && p !== 'bool') return 'a bool predicate as second argument';
      if (t === 'dynamic' || t === 'guid') return 'a number, bool, string, datetime or timespan';
      return {
        returnType: t!,
        impl: impl(
          () => ({ v: null as Value }),
          (s: { v: Value }, [v, q]) => {
            if (v === null || (withP && q !== true) || isNaNValue(s.v)) return s;
            if (s.v === null || isNaNValue(v) || (compareValues(v as ScalarValue, s.v as ScalarValue) ?? 0) * sign > 0) s.v = v!;
            return s;
          },
          (s: { v: Value }) => s.v,
        ),
      };
    },
  };
}

/**
 * arg_max / arg_min: each output column is one aggregate whose args are [e, value]; the first extreme row wins.
 * The deprecated argmax()/argmin() are aliases (arg-max-aggregation-function.md: "Deprecated aliases") whose
 * columns the binder names max_e, max_e_c (Microsoft's analyser).
 */
function argExtremeDef(name: 'arg_max' | 'arg_min'): AggregateFunctionDef {
  const sign = name === 'arg_max' ? 1 : -1;
  return {
    kind: 'aggregate',
    name,
    aliases: [name.replace('_', '')],
    signature: `${name}(expression, column, ... or *) → the row's columns`,
    minArgs: 2,
    maxArgs: 64,
    columnName: () => name,
    docs: `${name.replace('_', '-')}-aggregation-function`,
    doc: `The row with the ${sign > 0 ? 'largest' : 'smallest'} value of the first argument.`,
    example: `datatable(k: string, v: long)["a", 1, "a", 3, "b", 2] | summarize ${name}(v, *) by k`,
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
          } else if (e !== null && !isNaNValue(s.e) && (s.e === null || isNaNValue(e) || (compareValues(e as ScalarValue, s.e as ScalarValue) ?? 0) * sign > 0)) {
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

export const extremeAggregates: readonly AggregateFunctionDef[] = [
  extremeDef('min'),
  extremeDef('max'),
  extremeDef('minif'),
  extremeDef('maxif'),
  argExtremeDef('arg_max'),
  argExtremeDef('arg_min'),
];
