// How functions are defined. A scalar function is written once, per row, on plain values (src/values/types.ts);
// `lift` turns that into a columnar implementation that handles scalars, nulls and dictionary-encoded strings.
// An optional hand-written vector kernel may replace the lifted one when a benchmark justifies it.

import type { ScalarType, ScalarValue } from '../../values/types.js';
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

export type Value = ScalarValue | null;
export type Arg = Vector | Scalar;

/**
 * Per-query memo of per-distinct results: row function → dictionary → (other arguments) → results by code. Lets
 * `parse_url(Url).Host` and `parse_url(Url)["Path"]` in one query parse each distinct URL once. Scoped to one query
 * run so that benchmarks and repeated queries measure real work.
 */
export type DictionaryMemo = WeakMap<RowFn, WeakMap<object, Map<string, readonly Value[]>>>;

/** The columnar form of a resolved overload: arguments (vectors or scalars), the row count of the batch. */
export type Invoke = (args: readonly Arg[], rowCount: number, memo?: DictionaryMemo) => Arg;

export type RowFn = (...args: Value[]) => Value;

/** Null policy: 'propagate' = any null argument gives null ("" for string results); 'custom' = the row fn sees nulls. */
export type NullPolicy = 'propagate' | 'custom';

/** A refused argument: the binder reports it at that argument's span. */
export interface ArgError {
  readonly arg: number;
  readonly expected: string;
  readonly got: string;
}

export interface Resolved {
  readonly returnType: ScalarType;
  readonly invoke: Invoke;
  /** Types each argument must be converted to before the call (undefined = as is). */
  readonly argTypes?: readonly (ScalarType | undefined)[];
}

/** Binder context handed to resolvers: constant argument values where known (for parts, formats, regexes). */
export interface ResolveContext {
  /** The value of argument i when it is a constant, else undefined. */
  readonly constant: (i: number) => { value: Value } | undefined;
}

export interface ScalarFunctionDef {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Type check and overload choice; returns an error message when the argument types are refused. */
  /** Resolved overload, a refused argument, or a message about the whole call. */
  readonly resolve: (argTypes: readonly ScalarType[], ctx: ResolveContext) => Resolved | ArgError | string;
  readonly deterministic?: boolean;
  readonly doc: string;
  readonly example: string;
}

export interface AggregateImpl {
  init(): unknown;
  add(state: unknown, args: readonly Value[]): unknown;
  finish(state: unknown): Value;
}

export interface AggregateDef {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Default result column name from the arguments' display names (kql-lang Aggregates.cs naming). */
  readonly columnName: (argNames: readonly (string | undefined)[]) => string;
  readonly resolve: (argTypes: readonly ScalarType[], ctx: ResolveContext) =>
    | { returnType: ScalarType; impl: AggregateImpl; argTypes?: readonly (ScalarType | undefined)[] }
    | { notSupported: string }
    | string;
  /** Value on empty input without `by` (summarize always emits one row). */
  readonly doc: string;
  readonly example: string;
}

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

// ---------------------------------------------------------------------------------------------------------------
// Signature helpers

/** Parameter kinds used by `simple` definitions. */
export type Param =
  | ScalarType
  | 'numeric' // int, long or real, passed as is
  | 'integer' // int or long, converted to long
  | 'real*' // any numeric, converted to real
  | 'any'
  | 'string*' // string, or dynamic converted with tostring semantics by the binder
  | 'tostring' // any value, converted to string (functions documented to cast their arguments)
  | 'anydyn'; // any value, converted to dynamic (pack_array, bag_pack, set_has_element's value...)

export function acceptsParam(p: Param, t: ScalarType): { ok: boolean; convertTo?: ScalarType } {
  switch (p) {
    case 'any':
      return { ok: true };
    case 'numeric':
      return { ok: t === 'int' || t === 'long' || t === 'real' };
    case 'integer':
      return { ok: t === 'int' || t === 'long', convertTo: 'long' };
    case 'real*':
      return { ok: t === 'int' || t === 'long' || t === 'real', convertTo: 'real' };
    case 'string*':
      return { ok: t === 'string' || t === 'dynamic', convertTo: 'string' };
    case 'tostring':
      return { ok: t !== 'decimal', convertTo: 'string' };
    case 'long':
      return { ok: t === 'int' || t === 'long', convertTo: 'long' };
    case 'real':
      return { ok: t === 'int' || t === 'long' || t === 'real', convertTo: 'real' };
    case 'string':
      return { ok: t === 'string' || t === 'dynamic', convertTo: 'string' };
    case 'dynamic':
      // Array and bag functions take dynamic values only (Microsoft's analyser: "must be a dynamic array").
      return { ok: t === 'dynamic' };
    case 'anydyn':
      return { ok: t !== 'decimal', convertTo: 'dynamic' };
    default:
      return { ok: t === p };
  }
}

export interface SimpleSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Parameter lists, one per overload; a trailing optional parameter count via `optional`. */
  readonly params: readonly Param[];
  readonly optional?: number;
  /** Repeat the last parameter without bound (strcat). */
  readonly variadic?: boolean;
  readonly returns: ScalarType | ((argTypes: readonly ScalarType[]) => ScalarType);
  readonly row: RowFn;
  readonly nulls?: NullPolicy;
  readonly deterministic?: boolean;
  readonly doc: string;
  readonly example: string;
}

/** A function with one parameter list (with optional trailing parameters): the common case. */
export function simple(spec: SimpleSpec): ScalarFunctionDef {
  const min = spec.params.length - (spec.optional ?? 0);
  const max = spec.variadic ? 64 : spec.params.length;
  return {
    name: spec.name,
    aliases: spec.aliases,
    minArgs: min,
    maxArgs: max,
    deterministic: spec.deterministic ?? true,
    doc: spec.doc,
    example: spec.example,
    resolve(argTypes) {
      const conv: (ScalarType | undefined)[] = [];
      for (let i = 0; i < argTypes.length; i++) {
        const p = spec.params[Math.min(i, spec.params.length - 1)]!;
        const r = acceptsParam(p, argTypes[i]!);
        if (!r.ok) return { arg: i, expected: describeParam(p), got: argTypes[i]! };
        conv.push(r.convertTo !== undefined && r.convertTo !== argTypes[i] ? r.convertTo : undefined);
      }
      const finalTypes = argTypes.map((t, i) => conv[i] ?? t);
      const returnType = typeof spec.returns === 'function' ? spec.returns(finalTypes) : spec.returns;
      return { returnType, invoke: lift(returnType, spec.row, spec.nulls), argTypes: conv };
    },
  };
}

export function describeParam(p: Param): string {
  switch (p) {
    case 'numeric':
    case 'real*':
      return 'a number';
    case 'integer':
      return 'an integer';
    case 'string*':
    case 'tostring':
      return 'string';
    case 'any':
    case 'anydyn':
      return 'any value';
    default:
      return p;
  }
}
