// Row orderings over typed vectors, for sort and top: one comparator per sort key, chosen once per vector, that
// reads the column's typed array directly (no value boxed per comparison, no BigInt read: long/datetime/timespan
// compare as their two 32-bit halves; a dictionary string column compares per-code ranks computed once over its
// distinct strings). The order is the one of compare.ts (compareForSort): numbers by value, strings by UTF-16 code
// units [U], bool as 0/1; null and NaN at the null end (sort-operator.md: null before NaN when nulls come first,
// NaN before null when they come last). Only dynamic columns fall back to compareForSort per pair.
//
// `orderRows` sorts all rows (ties by row index, so the order is stable); `firstRows(k)` keeps the first k with a
// bounded heap (top n, sort | take n) and returns the same rows in the same order as sorting everything would.

import { getValue, type Vector } from '../../tables/vector.js';
import type { ScalarValue } from '../../values/types.js';
import { compareForSort } from './compare.js';

export interface SortKey {
  readonly vector: Vector;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** Three-way comparison of rows i and j under one key (0 for ties, which the caller breaks). */
type RowComparator = (i: number, j: number) => number;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Position of a missing-like value among the others: with nulls first, null (0) < NaN (1) < values (2); with nulls
 * last, values (0) < NaN (1) < null (2). Ordinary values return -1 (compare them by value).
 */
function missingPositions(nullsFirst: boolean): { nul: number; nan: number; value: number } {
  return nullsFirst ? { nul: 0, nan: 1, value: 2 } : { nul: 2, nan: 1, value: 0 };
}

/** A comparator over a numeric array (Int32Array, Uint8Array, Float64Array) with optional validity. */
function numericComparator(data: ArrayLike<number>, valid: Uint8Array | undefined, canBeNaN: boolean, key: SortKey): RowComparator {
  const s = key.descending ? -1 : 1;
  if (!valid && !canBeNaN) return (i, j) => {
    const a = data[i]!;
    const b = data[j]!;
    return a < b ? -s : a > b ? s : 0;
  };
  const pos = missingPositions(key.nullsFirst);
  const place = (i: number): number => (valid && valid[i] === 0 ? pos.nul : data[i] !== data[i] ? pos.nan : pos.value);
  return (i, j) => {
    const pa = place(i);
    const pb = place(j);
    if (pa !== pb) return pa - pb;
    if (pa !== pos.value) return 0;
    const a = data[i]!;
    const b = data[j]!;
    return a < b ? -s : a > b ? s : 0;
  };
}

/** long, datetime, timespan: signed high halves, then unsigned low halves (no BigInt per read). */
function bigComparator(data: BigInt64Array, valid: Uint8Array | undefined, key: SortKey): RowComparator {
  if (!LITTLE_ENDIAN) return genericComparator(key);
  const hi = new Int32Array(data.buffer, data.byteOffset, data.length * 2);
  const lo = new Uint32Array(data.buffer, data.byteOffset, data.length * 2);
  const s = key.descending ? -1 : 1;
  const byValue: RowComparator = (i, j) => {
    const ha = hi[2 * i + 1]!;
    const hb = hi[2 * j + 1]!;
    if (ha !== hb) return ha < hb ? -s : s;
    const la = lo[2 * i]!;
    const lb = lo[2 * j]!;
    return la < lb ? -s : la > lb ? s : 0;
  };
  if (!valid) return byValue;
  const nullFirst = key.nullsFirst ? -1 : 1;
  return (i, j) => {
    const va = valid[i]!;
    const vb = valid[j]!;
    if (va !== vb) return va === 0 ? nullFirst : -nullFirst;
    return va === 0 ? 0 : byValue(i, j);
  };
}

/** Rank of each code of a dictionary: equal strings (a dictionary may repeat one) get equal ranks. */
function dictionaryRanks(dict: readonly string[]): Int32Array {
  const order = Array.from({ length: dict.length }, (_, c) => c);
  order.sort((a, b) => {
    const x = dict[a]!;
    const y = dict[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const ranks = new Int32Array(dict.length);
  let rank = 0;
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && dict[order[k]!] !== dict[order[k - 1]!]) rank++;
    ranks[order[k]!] = rank;
  }
  return ranks;
}

function stringComparator(values: readonly (string | null)[], key: SortKey): RowComparator {
  const s = key.descending ? -1 : 1;
  const nullFirst = key.nullsFirst ? -1 : 1;
  return (i, j) => {
    const a = values[i];
    const b = values[j];
    if (a === null || a === undefined || b === null || b === undefined) {
      const ma = a === null || a === undefined;
      const mb = b === null || b === undefined;
      return ma === mb ? 0 : ma ? nullFirst : -nullFirst;
    }
    return a < b ? -s : a > b ? s : 0;
  };
}

/** Any column, through getValue and compareForSort: dynamic values (mixed types order by JSON text [U]). */
function genericComparator(key: SortKey): RowComparator {
  const v = key.vector;
  const values: (ScalarValue | null)[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) values[i] = getValue(v, i);
  const pos = missingPositions(key.nullsFirst);
  const place = (x: ScalarValue | null): number => (x === null ? pos.nul : typeof x === 'number' && x !== x ? pos.nan : pos.value);
  const s = key.descending ? -1 : 1;
  return (i, j) => {
    const a = values[i]!;
    const b = values[j]!;
    const pa = place(a);
    const pb = place(b);
    if (pa !== pb) return pa - pb;
    if (pa !== pos.value) return 0;
    return s * compareForSort(a, b);
  };
}

function keyComparator(key: SortKey): RowComparator {
  const v = key.vector;
  switch (v.type) {
    case 'int':
    case 'bool':
      return numericComparator(v.data, v.valid, false, key);
    case 'real':
      return numericComparator(v.data, v.valid, true, key);
    case 'long':
    case 'datetime':
    case 'timespan':
      return bigComparator(v.data, v.valid, key);
    case 'string':
      if (v.values) return stringComparator(v.values, key);
      return numericComparator(gatherRanks(dictionaryRanks(v.dict!), v.codes!), undefined, false, key);
    case 'guid':
      return stringComparator(v.data, key);
    case 'dynamic':
      return genericComparator(key);
  }
}

/** Per-row rank of a dictionary column (one Int32Array read per comparison instead of two indirections). */
function gatherRanks(ranks: Int32Array, codes: Int32Array): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = ranks[codes[i]!]!;
  return out;
}

/** The comparator of all keys, ties broken by row index (a total order: the stable one). */
function rowComparator(keys: readonly SortKey[]): RowComparator {
  const cs = keys.map(keyComparator);
  if (cs.length === 1) {
    const c0 = cs[0]!;
    return (i, j) => c0(i, j) || i - j;
  }
  if (cs.length === 2) {
    const c0 = cs[0]!;
    const c1 = cs[1]!;
    return (i, j) => c0(i, j) || c1(i, j) || i - j;
  }
  return (i, j) => {
    for (let k = 0; k < cs.length; k++) {
      const c = cs[k]!(i, j);
      if (c !== 0) return c;
    }
    return i - j;
  };
}

/** All n rows in sort order (stable). */
export function orderRows(n: number, keys: readonly SortKey[]): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (keys.length === 0 || n < 2) return idx;
  return idx.sort(rowComparator(keys));
}

/**
 * The first k rows in sort order, as orderRows(n).subarray(0, k) would give them: a max-heap of the k best rows seen
 * so far (root = the worst of them), so most rows cost one comparison with the root. Falls back to a full sort
 * when k is a large part of n.
 */
export function firstRows(n: number, keys: readonly SortKey[], k: number): Uint32Array {
  k = Math.min(Math.floor(k), n);
  if (!(k > 0)) return new Uint32Array(0); // 0, negative or NaN counts keep no row
  if (k * 4 >= n || keys.length === 0) return orderRows(n, keys).slice(0, k);
  const cmp = rowComparator(keys);
  const heap = new Uint32Array(k);
  for (let i = 0; i < k; i++) {
    // Sift up: rows 0..k-1 enter in order.
    let c = i;
    heap[c] = i;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (cmp(heap[p]!, heap[c]!) >= 0) break;
      const t = heap[p]!;
      heap[p] = heap[c]!;
      heap[c] = t;
      c = p;
    }
  }
  for (let r = k; r < n; r++) {
    // Row r comes after every row in the heap, so on a tie it loses: it enters only when strictly better.
    if (cmp(r, heap[0]!) >= 0) continue;
    heap[0] = r;
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= k) break;
      const rr = l + 1;
      const big = rr < k && cmp(heap[rr]!, heap[l]!) > 0 ? rr : l;
      if (cmp(heap[big]!, heap[c]!) <= 0) break;
      const t = heap[big]!;
      heap[big] = heap[c]!;
      heap[c] = t;
      c = big;
    }
  }
  return heap.sort(cmp);
}
