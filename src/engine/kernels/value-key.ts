// The one hashing of values. Two non-null values have the same key exactly when they are the same KQL value:
// int, long, real, datetime and timespan by numeric value (so an int key meets a long or real key of equal value,
// exactly even beyond 2^53), strings by code units, bools as themselves, dynamic arrays and bags by their JSON text.
// Used by summarize / distinct / make-series grouping, join keys, `in`, dcount and make_set.

import { toStringValue } from '../../values/convert.js';
import type { ScalarValue } from '../../values/types.js';
import type { Vector } from '../../tables/vector.js';

/** A Map/Set key: safe integers as numbers (cheap to hash), everything else a tagged string. */
export type ValueKey = string | number;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/** Key of one non-null value. Tags: i = integer beyond 2^53, r = other real, s = string, b = bool, j = dynamic. */
export function valueKey(v: ScalarValue): ValueKey {
  switch (typeof v) {
    case 'number':
      if (Number.isInteger(v)) return v >= -MAX_SAFE && v <= MAX_SAFE ? v : 'i' + BigInt(v);
      return 'r' + v;
    case 'bigint':
      return v >= -MAX_SAFE_BIG && v <= MAX_SAFE_BIG ? Number(v) : 'i' + v;
    case 'string':
      return 's' + v;
    case 'boolean':
      return v ? 'b1' : 'b0';
    default:
      return 'j' + toStringValue(v, 'dynamic');
  }
}

/** Key of a tuple of values (nulls included: null is a group of its own). Strings carry their length, so no
 * string content can imitate a separator. */
export function tupleKey(values: readonly (ScalarValue | null)[]): string {
  let k = '';
  for (const v of values) {
    if (v === null) k += '\u0001n';
    else if (typeof v === 'string') k += '\u0001s' + v.length + ':' + v;
    else k += '\u0001' + valueKey(v);
  }
  return k;
}

/**
 * Row i → key of one column, chosen once per vector: a string column's keys are its strings themselves (and a
 * dictionary column reads them per code), so they are never rebuilt per row. Such raw keys only ever meet keys of
 * other string columns (the binder requires join keys of one type). Null → undefined.
 */
export function keyReader(v: Vector): (i: number) => ValueKey | undefined {
  switch (v.type) {
    case 'string': {
      if (v.values) {
        const values = v.values;
        return (i) => values[i]!;
      }
      const dict = v.dict!;
      const codes = v.codes!;
      return (i) => dict[codes[i]!]!;
    }
    case 'int':
    case 'real': {
      const data = v.data;
      const valid = v.valid;
      if (v.type === 'int') return valid ? (i) => (valid[i] === 0 ? undefined : data[i]!) : (i) => data[i]!;
      return valid ? (i) => (valid[i] === 0 ? undefined : valueKey(data[i]!)) : (i) => valueKey(data[i]!);
    }
    case 'long':
    case 'datetime':
    case 'timespan': {
      const data = v.data;
      const valid = v.valid;
      return valid ? (i) => (valid[i] === 0 ? undefined : valueKey(data[i]!)) : (i) => valueKey(data[i]!);
    }
    case 'bool': {
      const data = v.data;
      const valid = v.valid;
      return valid ? (i) => (valid[i] === 0 ? undefined : data[i] === 1 ? 'b1' : 'b0') : (i) => (data[i] === 1 ? 'b1' : 'b0');
    }
    case 'guid':
    case 'dynamic': {
      // Read through getValue's rules without importing it per row: guid data, dynamic data or dictionary.
      if (v.type === 'guid') {
        const data = v.data;
        return (i) => {
          const x = data[i];
          return x === null || x === undefined ? undefined : valueKey(x);
        };
      }
      const dict = v.dict;
      const codes = v.codes;
      const data = v.data;
      return (i) => {
        const x = codes ? dict![codes[i]!] : data![i];
        return x === null || x === undefined ? undefined : valueKey(x as ScalarValue);
      };
    }
  }
}
