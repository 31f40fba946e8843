// Lifting a per-row function to columns. A scalar function is written once, per row, on plain values
// (src/values/types.ts); `lift` makes it columnar: all-scalar arguments give a scalar; one dictionary-encoded
// argument runs once per distinct value (results stay dictionary-encoded for string/dynamic); otherwise a per-row
// loop writes straight into a typed vector. This is the hot path of every function: no per-row closures, spreads
// or argument arrays.

import type { ScalarType } from '../../values/types.js';
import {
  getValue,
  isScalar,
  scalar,
  type Scalar,
  type Vector,
  dictionaryVector,
  dynamicDictionaryVector,
} from '../../tables/vector.js';
import type { Dynamic } from '../../values/types.js';
import { vectorWriter } from '../../tables/builder.js';
import type { DictionaryMemo, Invoke, NullPolicy, RowFn, Value } from './types.js';

function nullOf(type: ScalarType): Value {
  return type === 'string' ? '' : null;
}

/**
 * Lift a per-row function to vectors. All-scalar arguments give a scalar. When exactly one argument is a
 * dictionary-encoded string vector, the function runs once per distinct value and the result is gathered by code.
 */
export function lift(returnType: ScalarType, row: RowFn, nulls: NullPolicy = 'propagate'): Invoke {
  const propagate = nulls === 'propagate';
  const nullResult = nullOf(returnType);
  const isString = returnType === 'string';
  // Explicit arities avoid a spread call per row (the hot path of every lifted function).
  const call = (vals: Value[]): Value => {
    let r: Value;
    switch (vals.length) {
      case 1: {
        const a = vals[0]!;
        if (propagate && a === null) return nullResult;
        r = row(a);
        break;
      }
      case 2: {
        const a = vals[0]!;
        const b = vals[1]!;
        if (propagate && (a === null || b === null)) return nullResult;
        r = row(a, b);
        break;
      }
      case 3: {
        const a = vals[0]!;
        const b = vals[1]!;
        const c = vals[2]!;
        if (propagate && (a === null || b === null || c === null)) return nullResult;
        r = row(a, b, c);
        break;
      }
      default:
        if (propagate) for (const v of vals) if (v === null) return nullResult;
        r = row(...vals);
    }
    return r === null && isString ? '' : r;
  };
  return (args, n, memo) => {
    let vectorCount = 0;
    let only = -1;
    for (let k = 0; k < args.length; k++) {
      if (!isScalar(args[k]!)) {
        vectorCount++;
        only = k;
      }
    }
    if (vectorCount === 0) return scalar(returnType, call(args.map((a) => (a as Scalar).value)));
    const vals: Value[] = args.map((a) => (isScalar(a) ? a.value : null));
    if (vectorCount === 1) {
      const v = args[only] as Vector;
      if ((v.type === 'string' || v.type === 'dynamic') && v.dict) {
        // Dictionary-encoded input: run once per distinct value, keep the codes. String and dynamic results stay
        // dictionary-encoded, so chains like tostring(parse_url(Url).Host) stay per-distinct end to end.
        const perCode = perDistinct(v.dict as readonly Value[], vals, only, call, row, memo);
        const codes = v.codes!;
        if (returnType === 'string') return dictionaryVector(perCode as string[], codes);
        if (returnType === 'dynamic') return dynamicDictionaryVector(perCode as Dynamic[], codes);
        return gatherByCode(returnType, perCode, codes);
      }
      const read = reader(v);
      const w = vectorWriter(returnType, n);
      for (let i = 0; i < n; i++) {
        vals[only] = read(i);
        w.set(i, call(vals));
      }
      return w.finish();
    }
    const readers = args.map((a) => (isScalar(a) ? undefined : reader(a)));
    const w = vectorWriter(returnType, n);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < readers.length; k++) {
        const r = readers[k];
        if (r) vals[k] = r(i);
      }
      w.set(i, call(vals));
    }
    return w.finish();
  };
}

function perDistinct(
  dict: readonly Value[],
  vals: Value[],
  only: number,
  call: (vals: Value[]) => Value,
  row: RowFn,
  memo: DictionaryMemo | undefined,
): readonly Value[] {
  const compute = () =>
    dict.map((s) => {
      vals[only] = s;
      return call(vals);
    });
  if (!memo) return compute();
  let byDict = memo.get(row);
  if (!byDict) memo.set(row, (byDict = new WeakMap()));
  let byArgs = byDict.get(dict);
  if (!byArgs) byDict.set(dict, (byArgs = new Map()));
  // The other arguments are scalars here; their values (and the position of the vector) complete the key.
  const key = `${only}|${vals.map((x, k) => (k === only ? '' : typeof x === 'bigint' ? `${x}n` : typeof x === 'object' && x !== null ? JSON.stringify(x, (_k, y) => (typeof y === 'bigint' ? `${y}n` : y)) : `${typeof x}:${String(x)}`)).join('|')}`;
  let perCode = byArgs.get(key);
  if (!perCode) byArgs.set(key, (perCode = compute()));
  return perCode;
}

/** A per-type accessor for row i, chosen once per vector instead of switching on the type for every row. */
export function reader(v: Vector): (i: number) => Value {
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
    case 'bool': {
      const data = v.data;
      const valid = v.valid;
      return valid ? (i) => (valid[i] === 0 ? null : data[i] === 1) : (i) => data[i] === 1;
    }
    case 'int':
    case 'real':
    case 'long':
    case 'datetime':
    case 'timespan': {
      const data = v.data as ArrayLike<number | bigint>;
      const valid = v.valid;
      return valid ? (i) => (valid[i] === 0 ? null : data[i]!) : (i) => data[i]!;
    }
    default:
      return (i) => getValue(v, i);
  }
}

/** Results computed per dictionary code, spread to rows by code, straight into a typed array. */
export function gatherByCode(returnType: ScalarType, perCode: readonly Value[], codes: Int32Array): Vector {
  const n = codes.length;
  if (returnType === 'bool' || returnType === 'int' || returnType === 'real') {
    const Ctor = returnType === 'bool' ? Uint8Array : returnType === 'int' ? Int32Array : Float64Array;
    const codeData = new Ctor(perCode.length);
    const codeValid = new Uint8Array(perCode.length);
    let anyNull = false;
    perCode.forEach((x, c) => {
      if (x === null) anyNull = true;
      else {
        codeValid[c] = 1;
        codeData[c] = returnType === 'bool' ? (x ? 1 : 0) : Number(x);
      }
    });
    const data = new Ctor(n);
    for (let i = 0; i < n; i++) data[i] = codeData[codes[i]!]!;
    let valid: Uint8Array | undefined;
    if (anyNull) {
      valid = new Uint8Array(n);
      for (let i = 0; i < n; i++) valid[i] = codeValid[codes[i]!]!;
    }
    return { type: returnType, length: n, data, valid } as Vector;
  }
  const w = vectorWriter(returnType, n);
  for (let i = 0; i < n; i++) w.set(i, perCode[codes[i]!]!);
  return w.finish();
}
