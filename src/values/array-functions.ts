// More row functions over dynamic arrays and bags (issue #13): array_split, array_rotate_*, array_shift_*,
// array_iff, repeat, bag_has_key, bag_set_key, bag_zip, treepath. Conventions of dynamic-functions.ts: results are
// frozen, inputs never mutated, a value of the wrong shape gives null unless the page says otherwise; each function
// cites its page (data-explorer/kusto/query/<name>-function.md).

import type { Dynamic, DynamicArray, DynamicBag } from './types.js';
import { isDynamicArray, isDynamicBag } from './types.js';
import { makeBag } from './dynamic.js';
import { keyPath, parseJsonPath } from './json-path.js';

type IntArg = number | bigint | null;

function toNum(v: IntArg): number | null {
  return v === null ? null : typeof v === 'bigint' ? Number(v) : Math.trunc(v);
}

/**
 * array_split(arr, indices) (array-split-function.md): the pieces [0..i1), [i1..i2), … [iN..length); an index is an
 * integer or an array of them, a negative one counts from the end (array_split([1..5], 2) → [[1,2],[3,4,5]];
 * [1,3] → [[1],[2,3],[4,5]]; recorded: [1..8] at [2,5] → [[1,2],[3,4,5],[6,7,8]]).
 * [U] Indices are clamped to 0..length, and a piece whose end comes before its start is empty; a non-integer index
 * or a non-array input gives null.
 */
export function arraySplit(arr: Dynamic, indices: Dynamic): Dynamic {
  if (!isDynamicArray(arr)) return null;
  const list = isDynamicArray(indices) ? indices : [indices];
  const n = arr.length;
  const cuts: number[] = [];
  for (const v of list) {
    const i = typeof v === 'bigint' ? Number(v) : typeof v === 'number' && Number.isInteger(v) ? v : null;
    if (i === null) return null;
    cuts.push(Math.min(n, Math.max(0, i < 0 ? n + i : i)));
  }
  const pieces: DynamicArray[] = [];
  let from = 0;
  for (const c of [...cuts, n]) {
    pieces.push(Object.freeze(c > from ? arr.slice(from, c) : []));
    from = Math.max(from, c);
  }
  return Object.freeze(pieces);
}

/**
 * array_rotate_left(arr, n) (array-rotate-left-function.md): elements move n places to the left, wrapping around; a
 * negative n rotates right ([1,2,3,4,5] by 2 → [3,4,5,1,2], by -2 → [4,5,1,2,3]). array_rotate_right is the same
 * with -n. [U] A null count or a non-array gives null.
 */
export function arrayRotateLeft(arr: Dynamic, count: IntArg): Dynamic {
  const k = toNum(count);
  if (!isDynamicArray(arr) || k === null) return null;
  const n = arr.length;
  if (n === 0) return arr;
  const s = ((k % n) + n) % n;
  return Object.freeze([...arr.slice(s), ...arr.slice(0, s)]);
}

/**
 * array_shift_left(arr, n [, fill]) (array-shift-left-function.md): elements move n places to the left and the places
 * left empty take `fill`; a negative n shifts right ([1,2,3,4,5] by 2 → [3,4,5,null,null], with -1 →
 * [3,4,5,-1,-1], by -2 with -1 → [-1,-1,1,2,3]). array_shift_right is the same with -n. Without a fill value, "null
 * or an empty string depending on the type of elements in the array": [U] "" when the array holds strings only (nulls
 * aside), else null. [U] A null count or a non-array gives null.
 */
export function arrayShiftLeft(arr: Dynamic, count: IntArg, fill?: Dynamic): Dynamic {
  const k = toNum(count);
  if (!isDynamicArray(arr) || k === null) return null;
  const n = arr.length;
  const filler = fill !== undefined ? fill : defaultFill(arr);
  const out: Dynamic[] = [];
  for (let i = 0; i < n; i++) {
    const from = i + k;
    out.push(from >= 0 && from < n ? (arr[from] as Dynamic) : filler);
  }
  return Object.freeze(out);
}

function defaultFill(arr: DynamicArray): Dynamic {
  let sawString = false;
  for (const e of arr) {
    if (typeof e === 'string') sawString = true;
    else if (e !== null) return null;
  }
  return sawString ? '' : null;
}

/**
 * array_iff(conditions, whenTrue, whenFalse) / array_iif (array-iff-function.md): element i is whenTrue[i] where
 * conditions[i] is true or a non-zero number, whenFalse[i] where it is false or zero, null where it is anything
 * else; a whenTrue/whenFalse that is not an array is used for every element; a shorter array gives null past its
 * end. The result has the length of conditions. [U] A conditions value that is not an array gives null.
 */
export function arrayIff(conditions: Dynamic, whenTrue: Dynamic, whenFalse: Dynamic): Dynamic {
  if (!isDynamicArray(conditions)) return null;
  const pick = (src: Dynamic, i: number): Dynamic => (isDynamicArray(src) ? (i < src.length ? (src[i] as Dynamic) : null) : src);
  return Object.freeze(
    conditions.map((c, i) => {
      const truth = typeof c === 'boolean' ? c : typeof c === 'bigint' ? c !== 0n : typeof c === 'number' ? c !== 0 : null;
      return truth === null ? null : pick(truth ? whenTrue : whenFalse, i);
    }),
  );
}

/** The longest array repeat() builds [U: the page names no limit; beyond it the call fails rather than truncate]. */
export const REPEAT_MAX_COUNT = 1_048_576;

/**
 * repeat(value, count) (repeat-function.md): an array of count copies of value; count 0 gives [], a negative count
 * null. A count above REPEAT_MAX_COUNT is an error [U].
 */
export function repeatValue(value: Dynamic, count: IntArg): Dynamic {
  const n = toNum(count);
  if (n === null || n < 0) return null;
  if (n > REPEAT_MAX_COUNT) throw new Error(`count ${n} exceeds the limit of ${REPEAT_MAX_COUNT} elements`);
  return Object.freeze(new Array<Dynamic>(n).fill(value));
}

/**
 * A bag function's key: a JSONPath when it starts with "$" (bag-has-key-function.md: "Search for a nested key using
 * the JSONPath notation"), else the root key itself; null for a path with an array index (not supported) or the
 * root path "$" alone.
 */
function bagKeyPath(key: string): string[] | null {
  if (!key.startsWith('$')) return [key];
  const parsed = parseJsonPath(key);
  if ('error' in parsed) return null;
  const keys = keyPath(parsed.steps);
  return keys === null || keys.length === 0 ? null : keys;
}

/**
 * bag_has_key(bag, key) (bag-has-key-function.md): whether the key (or JSONPath) exists. [U] A value that is not a
 * bag, or a path the subset cannot express, gives false.
 */
export function bagHasKey(bag: Dynamic, key: string): boolean {
  const path = bagKeyPath(key);
  if (path === null) return false;
  let v: Dynamic = bag;
  for (const k of path) {
    if (!isDynamicBag(v) || !Object.prototype.hasOwnProperty.call(v, k)) return false;
    v = v[k] as Dynamic;
  }
  return true;
}

/**
 * bag_set_key(bag, key, value) (bag-set-key-function.md): the bag with the key (or JSONPath) set to value, replacing
 * an existing value; missing levels of a path are created as bags (the page: {'key1':123} with '$.key2.prop1' →
 * {"key1":123,"key2":{"prop1":"abc"}}). A value that is not a bag gives null (the page). [U] A path through a value
 * that is not a bag replaces that value with a new bag; a path the subset cannot express gives null.
 */
export function bagSetKey(bag: Dynamic, key: string, value: Dynamic): Dynamic {
  if (!isDynamicBag(bag)) return null;
  const path = bagKeyPath(key);
  if (path === null) return null;
  const set = (b: DynamicBag | null, depth: number): DynamicBag => {
    const k = path[depth]!;
    const entries = b === null ? new Map<string, Dynamic>() : new Map(Object.entries(b));
    if (depth === path.length - 1) entries.set(k, value);
    else {
      const child = b !== null && Object.prototype.hasOwnProperty.call(b, k) ? (b[k] as Dynamic) : null;
      entries.set(k, set(isDynamicBag(child) ? child : null, depth + 1));
    }
    return makeBag(entries);
  };
  return set(bag, 0);
}

/**
 * bag_zip(keys, values) (bag-zip.md): a bag of keys[i] → values[i]; missing values are null, extra values ignored,
 * keys that are not strings skipped; values that are not an array make every value null; keys that are not an
 * array give null. [U] A repeated key keeps its last value.
 */
export function bagZip(keys: Dynamic, values: Dynamic): Dynamic {
  if (!isDynamicArray(keys)) return null;
  const vals = isDynamicArray(values) ? values : [];
  const entries: [string, Dynamic][] = [];
  keys.forEach((k, i) => {
    if (typeof k === 'string') entries.push([k, i < vals.length ? (vals[i] as Dynamic) : null]);
  });
  return makeBag(entries);
}

/**
 * treepath(obj) (treepath-function.md): the paths of every value below the root, depth first in key order: a bag key
 * is ['key'], the elements of an array are all [0] (the page: {"listProperty":[100,…,{"x":"y"}]} →
 * ["['listProperty']","['listProperty'][0]","['listProperty'][0]['x']"]), each path listed once. Recorded answer
 * (issue #14): {"a":{"b":{"c":1}},"x":{"y":2}} gives the five paths of its five values.
 * [U] A root that is an array starts with "[0]"; a scalar root has no paths; a key is written as it is, quotes
 * included.
 */
export function treepath(obj: Dynamic): Dynamic {
  const out = new Set<string>();
  const walk = (v: Dynamic, prefix: string): void => {
    if (isDynamicArray(v)) {
      if (v.length === 0) return;
      const p = prefix + '[0]';
      out.add(p);
      for (const e of v) walk(e, p);
    } else if (isDynamicBag(v)) {
      for (const k of Object.keys(v)) {
        const p = `${prefix}['${k}']`;
        out.add(p);
        walk(v[k] as Dynamic, p);
      }
    }
  };
  walk(obj, '');
  return Object.freeze([...out]);
}
