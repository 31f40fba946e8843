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

/** The columnar form of a resolved overload: arguments (vectors or scalars) and the row count of the batch. */
export type Invoke = (args: readonly Arg[], rowCount: number) => Arg;

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
  const call = (vals: Value[]): Value => {
    if (nulls === 'propagate') {
      for (const v of vals) if (v === null) return nullOf(returnType);
    }
    const r = row(...vals);
    return r === null && returnType === 'string' ? '' : r;
  };
  return (args, n) => {
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
        const perCode = (v.dict as readonly Value[]).map((s) => {
          vals[only] = s;
          return call(vals);
        });
        const codes = v.codes!;
        if (returnType === 'string') return dictionaryVector(perCode as string[], codes);
        if (returnType === 'dynamic') return dynamicDictionaryVector(perCode as Dynamic[], codes);
        const w = vectorWriter(returnType, n);
        for (let i = 0; i < n; i++) w.set(i, perCode[codes[i]!]!);
        return w.finish();
      }
      const w = vectorWriter(returnType, n);
      for (let i = 0; i < n; i++) {
        vals[only] = getValue(v, i);
        w.set(i, call(vals));
      }
      return w.finish();
    }
    const w = vectorWriter(returnType, n);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < args.length; k++) {
        const a = args[k]!;
        if (!isScalar(a)) vals[k] = getValue(a, i);
      }
      w.set(i, call(vals));
    }
    return w.finish();
  };
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
