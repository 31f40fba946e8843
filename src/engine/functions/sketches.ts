// The dynamic values of kqlite's hll() and tdigest() sketches, shared by the aggregates (aggregate/sketches.ts) and
// the scalar functions that read them (scalar/sketches.ts).
//
// Kusto's sketches are estimates whose encoding is undocumented ("the precise binary representation ... may change
// over time", hll-aggregation-function.md, tdigest-aggregation-function.md). kqlite's are exact, and not
// byte-compatible with Kusto's [U]:
// - an hll is [["kqlite-hll", accuracy], [key, ...]]: the distinct values' keys under the one hashing kernel, so
//   dcount_hll(hll(x)) equals dcount(x) (also exact in kqlite);
// - a tdigest is [["kqlite-tdigest", type], [value, ...], [weight, ...]]: every distinct value with its total weight,
//   ascending, so percentile_tdigest(tdigest(x), p) equals percentile(x, p).
// The layout follows Kusto's ([[header], [items], [...]]) but the header names kqlite, so a sketch exported from Kusto
// is refused by name rather than misread. Both grow with the number of distinct values (Kusto's are bounded).

import type { Dynamic, ScalarType, ScalarValue } from '../../values/types.js';
import { isDynamicArray } from '../../values/types.js';
import { compareValues } from '../kernels/compare.js';

export const HLL_TAG = 'kqlite-hll';
export const TDIGEST_TAG = 'kqlite-tdigest';

/** Why a value cannot be read as a sketch of kqlite's. */
function notASketch(what: 'hll' | 'tdigest'): Error {
  return new Error(
    `the value is not ${what === 'hll' ? 'an' : 'a'} ${what} produced by kqlite's ${what}()${what === 'hll' ? '/hll_if()/hll_merge()' : '/tdigest_merge()'} ` +
      "(Kusto's sketch encoding is undocumented: sketches computed by Kusto cannot be read)",
  );
}

export interface Hll {
  readonly accuracy: number;
  readonly keys: ReadonlySet<string>;
}

export function encodeHll(accuracy: number, keys: Iterable<string>): Dynamic {
  return Object.freeze([Object.freeze([HLL_TAG, BigInt(accuracy)]), Object.freeze([...keys].sort())]);
}

/** The hll in a dynamic value; null for null; throws for anything else. */
export function decodeHll(v: Dynamic | undefined): Hll | null {
  if (v === null || v === undefined) return null;
  if (isDynamicArray(v) && v.length === 2 && isDynamicArray(v[0]!) && v[0]![0] === HLL_TAG && isDynamicArray(v[1]!)) {
    return { accuracy: Number(v[0]![1]), keys: new Set(v[1] as readonly string[]) };
  }
  throw notASketch('hll');
}

/** Merges hlls of one accuracy ("You can't merge hll values that were created using different accuracy values"). */
export function mergeHlls(into: { accuracy: number | undefined; keys: Set<string> }, h: Hll) {
  if (into.accuracy !== undefined && into.accuracy !== h.accuracy) {
    throw new Error(`cannot merge hll values of different accuracies (${into.accuracy} and ${h.accuracy})`);
  }
  into.accuracy = h.accuracy;
  for (const k of h.keys) into.keys.add(k);
}

/** The element types a tdigest holds (the types percentiles accept). */
export const TDIGEST_TYPES: readonly ScalarType[] = ['int', 'long', 'real', 'datetime', 'timespan'];

export interface TDigest {
  readonly type: ScalarType;
  /** Ascending distinct values (numbers for int and real, bigints for long, datetime and timespan ticks). */
  readonly values: readonly ScalarValue[];
  readonly weights: readonly number[];
}

/** Accumulates weighted values of one type. */
export class TDigestBuilder {
  type: ScalarType | undefined;
  private readonly byKey = new Map<string, { v: ScalarValue; w: number }>();
  constructor(type?: ScalarType) {
    this.type = type;
  }
  add(v: ScalarValue, w: number) {
    const k = typeof v === 'number' && Number.isInteger(v) ? String(BigInt(v)) : String(v);
    const e = this.byKey.get(k);
    if (e) e.w += w;
    else this.byKey.set(k, { v, w });
  }
  merge(d: TDigest) {
    if (this.type !== undefined && this.type !== d.type) {
      throw new Error(`cannot merge tdigests of different types (${this.type} and ${d.type})`);
    }
    this.type = d.type;
    d.values.forEach((v, i) => this.add(v, d.weights[i]!));
  }
  /** The tdigest value; null when nothing was added and the type is unknown. */
  encode(): Dynamic {
    if (this.type === undefined) return null;
    const items = [...this.byKey.values()].sort((a, b) => compareValues(a.v, b.v) ?? 0);
    return Object.freeze([
      Object.freeze([TDIGEST_TAG, this.type]),
      Object.freeze(items.map((x) => (typeof x.v === 'number' && this.type !== 'real' ? BigInt(x.v) : x.v) as Dynamic)),
      Object.freeze(items.map((x) => BigInt(x.w))),
    ]);
  }
}

/** The tdigest in a dynamic value; null for null; throws for anything else. */
export function decodeTDigest(v: Dynamic | undefined): TDigest | null {
  if (v === null || v === undefined) return null;
  if (
    isDynamicArray(v) &&
    v.length === 3 &&
    isDynamicArray(v[0]!) &&
    v[0]![0] === TDIGEST_TAG &&
    TDIGEST_TYPES.includes(v[0]![1] as ScalarType) &&
    isDynamicArray(v[1]!) &&
    isDynamicArray(v[2]!) &&
    v[1]!.length === v[2]!.length
  ) {
    const type = v[0]![1] as ScalarType;
    const values = (v[1] as readonly Dynamic[]).map((x) => (type === 'int' || type === 'real' ? Number(x) : BigInt(x as number | bigint)));
    return { type, values, weights: (v[2] as readonly Dynamic[]).map((x) => Number(x)) };
  }
  throw notASketch('tdigest');
}
