// `simple()`: the common definition shape, one parameter list (optional trailing parameters, or a repeated last
// one) and one per-row implementation. Parameter kinds say what a parameter accepts and what the binder converts
// it to; the signature shown in the reference is derived from them.

import type { ScalarType } from '../../values/types.js';
import { lift } from './lift.js';
import type { FunctionDoc, Invoke, NullPolicy, ResultName, RowFn, ScalarFunctionDef } from './types.js';

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

/** What a parameter expects, in messages. */
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

/** A parameter's type in signatures. */
function paramType(p: Param): string {
  switch (p) {
    case 'numeric':
    case 'real*':
      return 'number';
    case 'integer':
      return 'long';
    case 'string*':
      return 'string';
    case 'tostring':
    case 'any':
    case 'anydyn':
      return 'any';
    default:
      return p;
  }
}

export interface SimpleSpec extends Omit<FunctionDoc, 'signature'> {
  /** One parameter list; the last `optional` parameters may be omitted. */
  readonly params: readonly Param[];
  readonly optional?: number;
  /** Repeat the last parameter without bound (strcat). */
  readonly variadic?: boolean;
  readonly returns: ScalarType | ((argTypes: readonly ScalarType[]) => ScalarType);
  readonly row: RowFn;
  readonly nulls?: NullPolicy;
  readonly deterministic?: boolean;
  readonly resultName?: ResultName;
  /** Overrides the derived signature (when the return type depends on the arguments, say how). */
  readonly signature?: string;
  /** A hand-written columnar kernel used instead of lift(row) (see types.ts). */
  readonly kernel?: Invoke;
}

/** `name(type, type [, type]) → type`, or with `...` for a repeated last parameter. */
export function simpleSignature(spec: Pick<SimpleSpec, 'name' | 'params' | 'optional' | 'variadic' | 'returns'>): string {
  const types = spec.params.map(paramType);
  const required = types.length - (spec.optional ?? 0);
  let text = types.slice(0, required).join(', ');
  if (required < types.length) text += `${required > 0 ? ' ' : ''}[${required > 0 ? ', ' : ''}${types.slice(required).join(', ')}]`;
  if (spec.variadic) text += ', ...';
  const returns = typeof spec.returns === 'function' ? 'depends on the arguments' : spec.returns;
  return `${spec.name}(${text}) → ${returns}`;
}

/** A function with one parameter list (with optional trailing parameters): the common case. */
export function simple(spec: SimpleSpec): ScalarFunctionDef {
  const min = spec.params.length - (spec.optional ?? 0);
  const max = spec.variadic ? 64 : spec.params.length;
  const nulls = spec.nulls ?? 'propagate';
  return {
    kind: 'scalar',
    name: spec.name,
    aliases: spec.aliases,
    signature: spec.signature ?? simpleSignature(spec),
    doc: spec.doc,
    docs: spec.docs,
    example: spec.example,
    minArgs: min,
    maxArgs: max,
    nulls,
    deterministic: spec.deterministic ?? true,
    resultName: spec.resultName,
    row: spec.row,
    kernel: spec.kernel,
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
      return { returnType, invoke: spec.kernel ?? lift(returnType, spec.row, nulls), argTypes: conv };
    },
  };
}
