// Columnar vectors: one typed array per column plus an optional validity byte array (1 = present).
// `valid === undefined` means the column has no nulls, so hot loops can skip the check.
// Strings are never null in KQL, so string vectors carry no validity; they are either plain (`values`) or
// dictionary-encoded (`dict` + `codes`), which lets per-value work (parse_url, has_any) run once per distinct string.
// Vectors are immutable once built.

import type { Dynamic, ScalarType, ScalarValue } from '../values/types.js';

interface Base {
  readonly length: number;
  /** 1 = value present, 0 = null. Undefined when no element is null. */
  readonly valid?: Uint8Array | undefined;
}

export interface BoolVector extends Base {
  readonly type: 'bool';
  readonly data: Uint8Array;
}
export interface IntVector extends Base {
  readonly type: 'int';
  readonly data: Int32Array;
}
export interface RealVector extends Base {
  readonly type: 'real';
  readonly data: Float64Array;
}
/** long, datetime and timespan: exact 64-bit integers (datetime/timespan in 100-ns ticks). */
export interface BigVector extends Base {
  readonly type: 'long' | 'datetime' | 'timespan';
  readonly data: BigInt64Array;
}
export interface StringVector {
  readonly type: 'string';
  readonly length: number;
  readonly valid?: undefined;
  /** Plain storage; undefined when dictionary-encoded. */
  readonly values?: readonly string[] | undefined;
  /** Dictionary storage: distinct strings and one code per row. */
  readonly dict?: readonly string[] | undefined;
  readonly codes?: Int32Array | undefined;
}
/** guid (lower-case canonical strings) and dynamic values: null entries are nulls. */
export interface GuidVector extends Base {
  readonly type: 'guid';
  readonly data: readonly (string | null)[];
}
/** Dynamic values, plain (`data`) or dictionary-encoded (`dict` + `codes`) when derived from a dictionary column. */
export interface DynamicVector extends Base {
  readonly type: 'dynamic';
  readonly data?: readonly Dynamic[] | undefined;
  readonly dict?: readonly Dynamic[] | undefined;
  readonly codes?: Int32Array | undefined;
}

export type Vector = BoolVector | IntVector | RealVector | BigVector | StringVector | GuidVector | DynamicVector;

/** A single value standing for a whole column (literals are never broadcast into vectors). */
export interface Scalar {
  readonly kind: 'scalar';
  readonly type: ScalarType;
  readonly value: ScalarValue | null;
}

export function scalar(type: ScalarType, value: ScalarValue | null): Scalar {
  return { kind: 'scalar', type, value: type === 'string' && value === null ? '' : value };
}

export function isScalar(v: Vector | Scalar): v is Scalar {
  return (v as Scalar).kind === 'scalar';
}

/** The value at row i, in the representation of src/values/types.ts (null for a null). */
export function getValue(v: Vector, i: number): ScalarValue | null {
  switch (v.type) {
    case 'string':
      return v.values ? v.values[i]! : v.dict![v.codes![i]!]!;
    case 'bool':
      return v.valid && v.valid[i] === 0 ? null : v.data[i] === 1;
    case 'int':
    case 'real':
    case 'long':
    case 'datetime':
    case 'timespan':
      return v.valid && v.valid[i] === 0 ? null : v.data[i]!;
    case 'guid':
      return v.data[i] ?? null;
    case 'dynamic':
      return (v.codes ? v.dict![v.codes[i]!] : v.data![i]) ?? null;
  }
}

export function isNullAt(v: Vector, i: number): boolean {
  if (v.type === 'string') return false;
  if (v.type === 'guid' || v.type === 'dynamic') return getValue(v, i) === null;
  return v.valid !== undefined && v.valid[i] === 0;
}

/** Appends values one by one, then freezes them into a vector. */
export class VectorBuilder {
  private readonly type: ScalarType;
  private values: (ScalarValue | null)[] = [];
  constructor(type: ScalarType) {
    this.type = type;
  }
  push(value: ScalarValue | null): void {
    this.values.push(value);
  }
  get length(): number {
    return this.values.length;
  }
  build(): Vector {
    return vectorFromValues(this.type, this.values);
  }
}

export function vectorFromValues(type: ScalarType, values: readonly (ScalarValue | null)[]): Vector {
  const n = values.length;
  let valid: Uint8Array | undefined;
  const markNull = (i: number) => {
    if (!valid) valid = new Uint8Array(n).fill(1);
    valid[i] = 0;
  };
  switch (type) {
    case 'bool': {
      const data = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const x = values[i];
        if (x === null || x === undefined) markNull(i);
        else data[i] = x ? 1 : 0;
      }
      return { type, length: n, data, valid };
    }
    case 'int': {
      const data = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const x = values[i];
        if (x === null || x === undefined) markNull(i);
        else data[i] = Number(x);
      }
      return { type, length: n, data, valid };
    }
    case 'real': {
      const data = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const x = values[i];
        if (x === null || x === undefined) markNull(i);
        else data[i] = Number(x);
      }
      return { type, length: n, data, valid };
    }
    case 'long':
    case 'datetime':
    case 'timespan': {
      const data = new BigInt64Array(n);
      for (let i = 0; i < n; i++) {
        const x = values[i];
        if (x === null || x === undefined) markNull(i);
        else data[i] = typeof x === 'bigint' ? x : BigInt(x as number);
      }
      return { type, length: n, data, valid };
    }
    case 'string':
      return stringVector(values.map((x) => (x === null || x === undefined ? '' : (x as string))));
    case 'guid':
      return { type, length: n, data: values.map((x) => (x === undefined ? null : (x as string | null))) };
    case 'dynamic':
      return { type, length: n, data: values.map((x) => (x === undefined ? null : (x as Dynamic))) };
    case 'decimal':
      throw new Error('decimal vectors are not supported');
  }
}

export function stringVector(values: readonly string[]): StringVector {
  return { type: 'string', length: values.length, values };
}

export function dictionaryVector(dict: readonly string[], codes: Int32Array): StringVector {
  return { type: 'string', length: codes.length, dict, codes };
}

export function dynamicDictionaryVector(dict: readonly Dynamic[], codes: Int32Array): DynamicVector {
  return { type: 'dynamic', length: codes.length, dict, codes };
}

/**
 * Dictionary-encode a plain string array when it repeats enough to pay off (loaders call this once per column).
 * Keeps plain storage when most values are distinct.
 */
export function encodeStrings(values: readonly string[]): StringVector {
  // A sample that is almost all distinct (ids, GUIDs) means encoding would not pay: keep plain storage at once.
  const sample = Math.min(values.length, 4096);
  if (sample >= 1024) {
    const seen = new Set<string>();
    for (let i = 0; i < sample; i++) seen.add(values[i]!);
    if (seen.size > sample * 0.9) return stringVector(values);
  }
  const index = new Map<string, number>();
  const dict: string[] = [];
  const codes = new Int32Array(values.length);
  const limit = values.length / 2;
  for (let i = 0; i < values.length; i++) {
    const s = values[i]!;
    let c = index.get(s);
    if (c === undefined) {
      // Mostly distinct (ids): stop early and keep plain storage.
      if (dict.length >= limit) return stringVector(values);
      c = dict.length;
      index.set(s, c);
      dict.push(s);
    }
    codes[i] = c;
  }
  return dict.length * 2 <= values.length ? dictionaryVector(dict, codes) : stringVector(values);
}

/** A vector of `length` copies of one value. */
export function broadcast(s: Scalar, length: number): Vector {
  if (s.type === 'string') return dictionaryVector([(s.value as string) ?? ''], new Int32Array(length));
  if (s.type === 'dynamic') return dynamicDictionaryVector([s.value as Dynamic], new Int32Array(length));
  const values = new Array<ScalarValue | null>(length).fill(s.value);
  return vectorFromValues(s.type, values);
}

/** Rows at the given indices; index -1 yields a null (used by outer joins). */
export function take(v: Vector, indices: ArrayLike<number>): Vector {
  const n = indices.length;
  let hasMissing = false;
  for (let i = 0; i < n; i++) if (indices[i]! < 0) hasMissing = true;
  if (v.type === 'string') {
    if (v.dict) {
      const codes = new Int32Array(n);
      let dict = v.dict;
      let emptyCode = -1;
      for (let i = 0; i < n; i++) {
        const j = indices[i]!;
        if (j < 0) {
          if (emptyCode < 0) {
            emptyCode = dict.indexOf('');
            if (emptyCode < 0) {
              dict = [...dict, ''];
              emptyCode = dict.length - 1;
            }
          }
          codes[i] = emptyCode;
        } else codes[i] = v.codes![j]!;
      }
      return dictionaryVector(dict, codes);
    }
    const src = v.values!;
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const j = indices[i]!;
      out[i] = j < 0 ? '' : src[j]!;
    }
    return stringVector(out);
  }
  if (v.type === 'dynamic' && v.codes) {
    let dict = v.dict!;
    let nullCode = -1;
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const j = indices[i]!;
      if (j >= 0) codes[i] = v.codes[j]!;
      else {
        if (nullCode < 0) {
          dict = [...dict, null];
          nullCode = dict.length - 1;
        }
        codes[i] = nullCode;
      }
    }
    return dynamicDictionaryVector(dict, codes);
  }
  if (v.type === 'guid' || v.type === 'dynamic') {
    const src = v.data!;
    const out = new Array<Dynamic>(n);
    for (let i = 0; i < n; i++) {
      const j = indices[i]!;
      out[i] = j < 0 ? null : (src[j] as Dynamic);
    }
    return { type: v.type, length: n, data: out } as Vector;
  }
  const Ctor = v.data.constructor as new (n: number) => Uint8Array | Int32Array | Float64Array | BigInt64Array;
  const data = new Ctor(n);
  let valid: Uint8Array | undefined;
  if (v.valid || hasMissing) valid = new Uint8Array(n);
  if (data instanceof BigInt64Array) {
    // Copy 64-bit values as two 32-bit halves: reading a BigInt64Array element would allocate a BigInt per row.
    const src = new Int32Array((v.data as BigInt64Array).buffer, (v.data as BigInt64Array).byteOffset, v.length * 2);
    const dst = new Int32Array(data.buffer);
    for (let i = 0; i < n; i++) {
      const j = indices[i]!;
      if (j < 0) continue;
      dst[2 * i] = src[2 * j]!;
      dst[2 * i + 1] = src[2 * j + 1]!;
      if (valid) valid[i] = v.valid ? v.valid[j]! : 1;
    }
    return { type: v.type, length: n, data, valid } as Vector;
  }
  const srcData = v.data as Uint8Array | Int32Array | Float64Array;
  const dstData = data as Uint8Array | Int32Array | Float64Array;
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j < 0) continue; // valid stays 0
    dstData[i] = srcData[j]!;
    if (valid) valid[i] = v.valid ? v.valid[j]! : 1;
  }
  return { type: v.type, length: n, data, valid } as Vector;
}

export function concatVectors(type: ScalarType, parts: readonly Vector[]): Vector {
  if (parts.length === 1 && parts[0]!.type === type) return parts[0]!;
  const values: (ScalarValue | null)[] = [];
  for (const p of parts) for (let i = 0; i < p.length; i++) values.push(getValue(p, i));
  if (type === 'string') return encodeStrings(values as string[]);
  return vectorFromValues(type, values);
}

export function allValues(v: Vector): (ScalarValue | null)[] {
  const out = new Array<ScalarValue | null>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = getValue(v, i);
  return out;
}
