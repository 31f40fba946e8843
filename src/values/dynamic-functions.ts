// Row functions over dynamic arrays and bags (array_*, set_*, bag_*, pack_array, strcat_array, zip, jaccard_index).
// Each follows its doc page (MicrosoftDocs/dataexplorer-docs, data-explorer/kusto/query/<name>-function.md).
// Common rule: a function given a runtime value of the wrong shape (not an array / not a bag) returns null,
// as array-length-function.md documents for array_length; for the others this is [U] unless stated.
// Results are frozen; inputs are never mutated.

import type { Dynamic, DynamicArray, DynamicBag } from './types.js';
import { isDynamicArray, isDynamicBag } from './types.js';
import { compareOrdinal, dynamicEquals, dynamicToCanonicalJson, formatReal, makeBag } from './dynamic.js';
import { dynamicToString } from './convert.js';

type IntArg = number | bigint | null;

function frozen(a: Dynamic[]): DynamicArray {
  return Object.freeze(a);
}

function toNum(v: IntArg): number | null {
  return v === null ? null : typeof v === 'bigint' ? Number(v) : v;
}

// ---------------------------------------------------------------------------------------------------------------
// Distinctness: a string key per value, consistent with dynamicEquals (1 and 1.0 share a key).

function distinctKey(v: Dynamic): string {
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'bigint':
      return 'n' + v.toString();
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'n' + BigInt(v).toString() : 'n' + formatReal(v);
    case 'boolean':
      return v ? 't' : 'f';
    default:
      // Containers: canonical JSON (sorted keys). Integral reals inside print like integers, matching dynamicEquals.
      return v === null ? 'z' : 'j' + dynamicToCanonicalJson(v);
  }
}

function distinct(values: Iterable<Dynamic>, into: Map<string, Dynamic> = new Map()): Map<string, Dynamic> {
  for (const v of values) {
    const k = distinctKey(v);
    if (!into.has(k)) into.set(k, v);
  }
  return into;
}

// ---------------------------------------------------------------------------------------------------------------
// Arrays

/** array_length(): element count, null when the value is not an array (array-length-function.md). */
export function arrayLength(arr: Dynamic): bigint | null {
  return isDynamicArray(arr) ? BigInt(arr.length) : null;
}

/**
 * array_concat(arr, …) (array-concat-function.md). Arguments that are not arrays (null, a bag, a scalar) are skipped:
 * real engine, recorded answers (issue #14) — array_concat([1,2], dynamic(null)) is [1,2] and
 * array_concat({"a":1,...}, [99]) is [99] (the docs are silent). [U] When no argument is an array the result is [].
 */
export function arrayConcat(...arrays: Dynamic[]): Dynamic {
  const out: Dynamic[] = [];
  for (const a of arrays) {
    if (!isDynamicArray(a)) continue;
    for (const e of a) out.push(e);
  }
  return frozen(out);
}

/**
 * array_slice(arr, start, end), both inclusive; negative indices count from the end (array-slice-function.md);
 * out-of-bounds indices are clamped ("ignored"). [U] A null index → null.
 */
export function arraySlice(arr: Dynamic, start: IntArg, end: IntArg): Dynamic {
  if (!isDynamicArray(arr)) return null;
  let s = toNum(start);
  let e = toNum(end);
  if (s === null || e === null) return null;
  const n = arr.length;
  if (s < 0) s += n;
  if (e < 0) e += n;
  s = Math.max(0, s);
  e = Math.min(n - 1, e);
  return frozen(s > e ? [] : arr.slice(s, e + 1));
}

/** array_reverse() (array-reverse-function.md). */
export function arrayReverse(arr: Dynamic): Dynamic {
  return isDynamicArray(arr) ? frozen([...arr].reverse()) : null;
}

/**
 * array_sum(): the sum as a real (array-sum-function.md); null if any element is not numeric. Null elements are
 * skipped and an array without numbers sums to null: real engine, recorded answers (issue #14) — array_sum([1,null,3])
 * is 4, array_sum(parse_json('[]')) is null (the docs are silent on both). [U] An array of nulls only is null.
 */
export function arraySum(arr: Dynamic): number | null {
  if (!isDynamicArray(arr)) return null;
  let sum = 0;
  let numbers = 0;
  for (const e of arr) {
    if (typeof e === 'number') sum += e;
    else if (typeof e === 'bigint') sum += Number(e);
    else if (e === null) continue;
    else return null;
    numbers++;
  }
  return numbers === 0 ? null : sum;
}

/**
 * array_index_of(arr, value [, start [, length [, occurrence]]]) (array-index-of-function.md):
 * zero-based position of the occurrence-th match searching `length` elements from `start` (negative start counts
 * from the end; length -1 = unlimited); -1 if not found; null for length < -1 or occurrence < 0.
 * [U] occurrence 0 never matches (→ -1); null start/length/occurrence take their defaults.
 * `value` must already be a dynamic (dynamicFromScalar); equality is dynamicEquals.
 */
export function arrayIndexOf(
  arr: Dynamic,
  value: Dynamic,
  start: IntArg = 0,
  length: IntArg = -1,
  occurrence: IntArg = 1,
): bigint | null {
  if (!isDynamicArray(arr)) return null;
  const n = arr.length;
  let s = toNum(start) ?? 0;
  const len = toNum(length) ?? -1;
  const occ = toNum(occurrence) ?? 1;
  if (len < -1 || occ < 0) return null;
  if (s < 0) s = Math.max(0, n + s);
  const stop = len === -1 ? n : Math.min(n, s + len);
  let seen = 0;
  for (let i = s; i < stop; i++) {
    if (dynamicEquals(arr[i] as Dynamic, value) && ++seen === occ) return BigInt(i);
  }
  return -1n;
}

/**
 * array_sort_asc / array_sort_desc (array-sort-asc-function.md, array-sort-desc-function.md): sorts the first
 * array and reorders the others the same way; an array whose length differs from the first gives null.
 * Order between types: numbers, then strings, then everything else (bools, arrays, bags) in input order; nulls
 * last unless nullsLast is false. Strings compare ordinally. Descending keeps that order of the type groups and
 * reverses the order inside each: array-sort-desc-function.md lists the same group order ("Numeric…, String…,
 * Guid…, All other elements") for the descending sort [U: no recorded answer; the page is the evidence].
 * Limits of the representation: datetimes and timespans inside dynamic values are strings (types.ts), so they sort
 * as strings — right for datetimes (fixed-width ISO text), not for timespans; guids are strings too.
 * [U] NaN sorts after every other number (ascending). [U] A first argument that is not an array → all null.
 */
export function arraySortAsc(arrays: readonly Dynamic[], nullsLast = true): Dynamic[] {
  return sortArrays(arrays, nullsLast, 1);
}

export function arraySortDesc(arrays: readonly Dynamic[], nullsLast = true): Dynamic[] {
  return sortArrays(arrays, nullsLast, -1);
}

function typeRank(v: Dynamic): number {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 0;
    case 'string':
      return 1;
    default:
      return 2;
  }
}

function compareSortable(a: Dynamic, b: Dynamic): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return compareNumeric(a as number | bigint, b as number | bigint);
  if (ra === 1) return compareOrdinal(a as string, b as string);
  return 0; // other values keep input order (the sort is stable)
}

function compareNumeric(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  if (x !== x) return y !== y ? 0 : 1;
  if (y !== y) return -1;
  if (x !== y) return x < y ? -1 : 1;
  // Equal as doubles but possibly different as exact integers (large bigints): compare exactly.
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const ai = typeof a === 'bigint' ? a : Number.isInteger(a) ? BigInt(a) : null;
    const bi = typeof b === 'bigint' ? b : Number.isInteger(b) ? BigInt(b) : null;
    if (ai !== null && bi !== null) return ai < bi ? -1 : ai > bi ? 1 : 0;
  }
  return 0;
}

function sortArrays(arrays: readonly Dynamic[], nullsLast: boolean, direction: 1 | -1): Dynamic[] {
  const first = arrays[0] ?? null;
  if (!isDynamicArray(first)) return arrays.map(() => null);
  const order = first.map((_, i) => i);
  order.sort((i, j) => {
    const a = first[i] as Dynamic;
    const b = first[j] as Dynamic;
    if (a === null || b === null) {
      if (a === b) return 0;
      return (a === null) === nullsLast ? 1 : -1;
    }
    const ra = typeRank(a);
    const rb = typeRank(b);
    return ra !== rb ? ra - rb : direction * compareSortable(a, b);
  });
  return arrays.map((arr) =>
    isDynamicArray(arr) && arr.length === first.length ? frozen(order.map((i) => arr[i] as Dynamic)) : null,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Sets (set-*-function.md): distinct values in first-seen order.

/** set_has_element(set, value) (set-has-element-function.md). [U] Non-array set → null. */
export function setHasElement(set: Dynamic, value: Dynamic): boolean | null {
  if (!isDynamicArray(set)) return null;
  for (const e of set) if (dynamicEquals(e, value)) return true;
  return false;
}

/** set_union(s1, s2, …): distinct values found in any array. [U] Any non-array argument → null. */
export function setUnion(...sets: Dynamic[]): Dynamic {
  const acc = new Map<string, Dynamic>();
  for (const s of sets) {
    if (!isDynamicArray(s)) return null;
    distinct(s, acc);
  }
  return frozen([...acc.values()]);
}

/** set_intersect(s1, s2, …): distinct values found in every array. [U] Any non-array argument → null. */
export function setIntersect(...sets: Dynamic[]): Dynamic {
  if (!sets.every(isDynamicArray)) return null;
  const [first, ...rest] = sets as DynamicArray[];
  if (first === undefined) return frozen([]);
  let acc = distinct(first);
  for (const s of rest) {
    const keys = new Set(s.map(distinctKey));
    acc = new Map([...acc].filter(([k]) => keys.has(k)));
  }
  return frozen([...acc.values()]);
}

/** set_difference(s1, s2, …): distinct values of s1 absent from all the others. [U] Any non-array → null. */
export function setDifference(...sets: Dynamic[]): Dynamic {
  if (!sets.every(isDynamicArray)) return null;
  const [first, ...rest] = sets as DynamicArray[];
  if (first === undefined) return frozen([]);
  const acc = distinct(first);
  for (const s of rest) for (const e of s) acc.delete(distinctKey(e));
  return frozen([...acc.values()]);
}

/**
 * jaccard_index(set1, set2) = |distinct ∩| / |distinct ∪| (jaccard-index-function.md: [1,2,3] vs [1,2,3,4] → 0.75).
 * [U] Two empty sets give NaN (0/0 as a real division); a non-array argument gives null.
 */
export function jaccardIndex(set1: Dynamic, set2: Dynamic): number | null {
  if (!isDynamicArray(set1) || !isDynamicArray(set2)) return null;
  const a = distinct(set1);
  const b = distinct(set2);
  let inter = 0;
  for (const k of a.keys()) if (b.has(k)) inter++;
  const union = a.size + b.size - inter;
  return inter / union;
}

// ---------------------------------------------------------------------------------------------------------------
// Building arrays and bags

/** pack_array(v1, …) (pack-array-function.md); values must already be dynamic (dynamicFromScalar). */
export function packArray(...values: Dynamic[]): DynamicArray {
  return frozen(values);
}

/**
 * bag_pack(k1, v1, k2, v2, …) / pack() (bag-pack-function.md): keys are strings (the binder checks the even
 * count and key types). [U] A repeated key keeps its last value; a null value is kept as null.
 */
export function bagPack(keysAndValues: readonly Dynamic[]): DynamicBag {
  if (keysAndValues.length % 2 !== 0) {
    throw new Error('bag_pack(): expects an even number of arguments (key, value pairs)');
  }
  const entries: [string, Dynamic][] = [];
  for (let i = 0; i < keysAndValues.length; i += 2) {
    entries.push([dynamicToString(keysAndValues[i] as Dynamic), keysAndValues[i + 1] as Dynamic]);
  }
  return makeBag(entries);
}

/**
 * bag_merge(b1, b2, …) (bag-merge-function.md): when a key repeats, the doc example keeps the first bag's value
 * ("A1":12 over "A1":1), so the first occurrence wins. [U] Arguments that are not bags are skipped.
 */
export function bagMerge(...bags: Dynamic[]): DynamicBag {
  const entries = new Map<string, Dynamic>();
  for (const b of bags) {
    if (!isDynamicBag(b)) continue;
    for (const k of Object.keys(b)) if (!entries.has(k)) entries.set(k, b[k] as Dynamic);
  }
  return makeBag(entries);
}

/** bag_keys(bag): the root keys in the bag's order; null when not a bag (bag-keys-function.md). */
export function bagKeys(bag: Dynamic): Dynamic {
  return isDynamicBag(bag) ? frozen(Object.keys(bag)) : null;
}

/**
 * bag_remove_keys(bag, keys) (bag-remove-keys-function.md): removes top-level keys, or nested ones given as
 * JSONPath ("$.key2.prop1", also "$['key2']['prop1']"); array indexing is not supported (the doc says so), so a
 * path through an array removes nothing. [U] A non-bag input or a non-array key list → null; non-string entries
 * in the key list are ignored.
 */
export function bagRemoveKeys(bag: Dynamic, keys: Dynamic): Dynamic {
  if (!isDynamicBag(bag) || !isDynamicArray(keys)) return null;
  let out: DynamicBag = bag;
  for (const k of keys) {
    if (typeof k !== 'string') continue;
    const path = k.startsWith('$') ? parseJsonPath(k) : [k];
    if (path !== null && path.length > 0) out = removePath(out, path, 0);
  }
  return out;
}

function removePath(bag: DynamicBag, path: readonly string[], depth: number): DynamicBag {
  const key = path[depth] as string;
  if (!Object.prototype.hasOwnProperty.call(bag, key)) return bag;
  const entries: [string, Dynamic][] = [];
  for (const k of Object.keys(bag)) {
    const v = bag[k] as Dynamic;
    if (k !== key) entries.push([k, v]);
    else if (depth < path.length - 1) entries.push([k, isDynamicBag(v) ? removePath(v, path, depth + 1) : v]);
  }
  return makeBag(entries);
}

/** "$.a.b" or "$['a'].b" → ["a", "b"]; null when the path is malformed or uses array indices. */
function parseJsonPath(p: string): string[] | null {
  const out: string[] = [];
  let i = 1;
  while (i < p.length) {
    const c = p[i];
    if (c === '.') {
      let j = i + 1;
      while (j < p.length && p[j] !== '.' && p[j] !== '[') j++;
      if (j === i + 1) return null;
      out.push(p.slice(i + 1, j));
      i = j;
    } else if (c === '[') {
      const q = p[i + 1];
      if (q !== "'" && q !== '"') return null; // [0] — array indexing is unsupported
      const close = p.indexOf(q + ']', i + 2);
      if (close < 0) return null;
      out.push(p.slice(i + 2, close));
      i = close + 2;
    } else {
      return null;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Text and zipping

/**
 * strcat_array(arr, delimiter) (strcat-array-function.md: [1,2,3] with "->" → "1->2->3"); elements convert like
 * tostring (null → ""). [U] A non-array input gives "".
 */
export function strcatArray(arr: Dynamic, delimiter: string): string {
  if (!isDynamicArray(arr)) return '';
  let out = '';
  for (let i = 0; i < arr.length; i++) {
    if (i > 0) out += delimiter;
    out += dynamicToString(arr[i] as Dynamic);
  }
  return out;
}

/**
 * zip(a1, a2, …) (zip-function.md): element i of the result is [a1[i], a2[i], …]; shorter arrays are padded with
 * null (doc: zip(["A",1,1.5], [{},"B"]) → [["A",{}],[1,"B"],[1.5,null]]). [U] A non-array argument → null.
 */
export function zip(...arrays: Dynamic[]): Dynamic {
  if (!arrays.every(isDynamicArray)) return null;
  const as = arrays as DynamicArray[];
  const n = as.reduce((m, a) => Math.max(m, a.length), 0);
  const out: Dynamic[] = [];
  for (let i = 0; i < n; i++) out.push(frozen(as.map((a) => (i < a.length ? (a[i] as Dynamic) : null))));
  return frozen(out);
}
