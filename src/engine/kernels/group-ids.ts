// Dense group ids over typed vectors, for summarize, distinct and dcount: row → 0..count-1, ids numbered in order
// of first appearance, two rows sharing an id exactly when their values are the same KQL value under the one hashing
// (value-key.ts): numbers by value (exact beyond 2^53: 64-bit values hash as their two 32-bit halves, never as a
// BigInt), -0 = 0, every NaN one value, strings by code units (a dictionary column maps each code once), null a
// value of its own. Several key columns fold pairwise: (ids of a, ids of b) → ids of the pair, through the same
// 64-bit hash — no string is built per row for any key.

import type { Vector } from '../../tables/vector.js';
import { keyReader, type ValueKey } from './value-key.js';

export interface GroupIds {
  /** The group of each row. */
  readonly ids: Int32Array;
  /** Number of groups. */
  readonly count: number;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/**
 * An open-addressing hash table from 64-bit keys (two int32 halves) to dense ids, growing at half load. Linear
 * probing; ids are assigned in insertion order.
 */
export class PairIndex {
  private mask: number;
  private slots: Int32Array; // id + 1, 0 = empty
  private his: Int32Array;
  private los: Int32Array;
  size = 0;
  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.his = new Int32Array(Math.max(8, expected));
    this.los = new Int32Array(Math.max(8, expected));
  }
  /** The id of (hi, lo), a new one if unseen. */
  id(hi: number, lo: number): number {
    const mask = this.mask;
    let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h ^ lo, 0xc2b2ae35);
    h ^= h >>> 13;
    let s = h & mask;
    const slots = this.slots;
    for (;;) {
      const v = slots[s]!;
      if (v === 0) break;
      if (this.his[v - 1] === hi && this.los[v - 1] === lo) return v - 1;
      s = (s + 1) & mask;
    }
    const id = this.size++;
    if (id >= this.his.length) {
      const his = new Int32Array(this.his.length * 2);
      his.set(this.his);
      this.his = his;
      const los = new Int32Array(this.los.length * 2);
      los.set(this.los);
      this.los = los;
    }
    this.his[id] = hi;
    this.los[id] = lo;
    slots[s] = id + 1;
    if (this.size * 2 > mask) this.grow();
    return id;
  }
  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const slots = new Int32Array(cap);
    for (let id = 0; id < this.size; id++) {
      const hi = this.his[id]!;
      const lo = this.los[id]!;
      let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
      h ^= h >>> 15;
      h = Math.imul(h ^ lo, 0xc2b2ae35);
      h ^= h >>> 13;
      let s = h & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Ids of the rows of one column. */
export function columnGroupIds(v: Vector): GroupIds {
  const n = v.length;
  const ids = new Int32Array(n);
  switch (v.type) {
    case 'string': {
      if (v.codes) {
        // One lookup per code, not per row; a dictionary may repeat a string, so codes meet through the string.
        const dict = v.dict!;
        const codes = v.codes;
        const codeIds = new Int32Array(dict.length).fill(-1);
        const byString = new Map<string, number>();
        for (let i = 0; i < n; i++) {
          const c = codes[i]!;
          let id = codeIds[c]!;
          if (id < 0) {
            const s = dict[c]!;
            id = byString.get(s) ?? -1;
            if (id < 0) {
              id = byString.size;
              byString.set(s, id);
            }
            codeIds[c] = id;
          }
          ids[i] = id;
        }
        return { ids, count: byString.size };
      }
      return mapIds(n, ids, (i) => v.values![i]!);
    }
    case 'bool': {
      // false, true, null: three possible values, numbered by first appearance.
      const seen = new Int32Array(3).fill(-1);
      let count = 0;
      const data = v.data;
      const valid = v.valid;
      for (let i = 0; i < n; i++) {
        const k = valid && valid[i] === 0 ? 2 : data[i]!;
        let id = seen[k]!;
        if (id < 0) id = seen[k] = count++;
        ids[i] = id;
      }
      return { ids, count };
    }
    case 'int': {
      const index = new PairIndex();
      const data = v.data;
      const valid = v.valid;
      // Null as the pair (1, 0), values as (0, x): they cannot meet.
      for (let i = 0; i < n; i++) ids[i] = valid && valid[i] === 0 ? index.id(1, 0) : index.id(0, data[i]!);
      return { ids, count: index.size };
    }
    case 'long':
    case 'datetime':
    case 'timespan': {
      const index = new PairIndex();
      const halves = new Int32Array(v.data.buffer, v.data.byteOffset, n * 2);
      const valid = v.valid;
      // A null gets an id of its own (no 64-bit value is reserved for it): marked -2, numbered afterwards.
      let sawNull = false;
      for (let i = 0; i < n; i++) {
        if (valid && valid[i] === 0) {
          ids[i] = -2;
          sawNull = true;
        } else ids[i] = index.id(halves[2 * i + HI]!, halves[2 * i + LO]!);
      }
      return withNulls(ids, index.size, sawNull);
    }
    case 'real': {
      const index = new PairIndex();
      const data = v.data;
      const valid = v.valid;
      const f = new Float64Array(1);
      const w = new Int32Array(f.buffer);
      let sawNull = false;
      for (let i = 0; i < n; i++) {
        if (valid && valid[i] === 0) {
          ids[i] = -2;
          sawNull = true;
          continue;
        }
        const x = data[i]!;
        // -0 is 0 and every NaN is one value (as value-key.ts keys them).
        f[0] = x === 0 ? 0 : x !== x ? NaN : x;
        ids[i] = index.id(w[HI]!, w[LO]!);
      }
      return withNulls(ids, index.size, sawNull);
    }
    case 'guid':
    case 'dynamic': {
      const key = keyReader(v);
      return mapIds(n, ids, (i) => key(i) ?? NULL_KEY);
    }
  }
}

/** A key no value of one column can have (keyReader's keys of guid/dynamic values are tagged strings). */
const NULL_KEY = '\u0001n';

function mapIds(n: number, ids: Int32Array, key: (i: number) => ValueKey): GroupIds {
  const m = new Map<ValueKey, number>();
  for (let i = 0; i < n; i++) {
    const k = key(i);
    let id = m.get(k);
    if (id === undefined) {
      id = m.size;
      m.set(k, id);
    }
    ids[i] = id;
  }
  return { ids, count: m.size };
}

/**
 * Rows marked -2 (null) get an id of their own. Ids must stay in order of first appearance, so when nulls exist the
 * ids are renumbered in one pass.
 */
function withNulls(ids: Int32Array, count: number, hasNulls: boolean): GroupIds {
  if (!hasNulls) return { ids, count };
  const nullSlot = count; // the null value's id before renumbering
  const renum = new Int32Array(count + 1).fill(-1);
  let next = 0;
  for (let i = 0; i < ids.length; i++) {
    const raw = ids[i] === -2 ? nullSlot : ids[i]!;
    let id = renum[raw]!;
    if (id < 0) id = renum[raw] = next++;
    ids[i] = id;
  }
  return { ids, count: next };
}

/** Ids of the pairs (a[i], b[i]), numbered by first appearance. */
export function combineGroupIds(a: GroupIds, b: GroupIds): GroupIds {
  const n = a.ids.length;
  const ids = new Int32Array(n);
  const ai = a.ids;
  const bi = b.ids;
  if (a.count * b.count <= 1 << 22) {
    // Few possible pairs: a direct table.
    const table = new Int32Array(a.count * b.count).fill(-1);
    let count = 0;
    const bc = b.count;
    for (let i = 0; i < n; i++) {
      const k = ai[i]! * bc + bi[i]!;
      let id = table[k]!;
      if (id < 0) id = table[k] = count++;
      ids[i] = id;
    }
    return { ids, count };
  }
  const index = new PairIndex(Math.min(n, 1 << 16));
  for (let i = 0; i < n; i++) ids[i] = index.id(ai[i]!, bi[i]!);
  return { ids, count: index.size };
}

/** Ids of the tuples of several columns (at least one). */
export function tupleGroupIds(vectors: readonly Vector[]): GroupIds {
  let g = columnGroupIds(vectors[0]!);
  for (let k = 1; k < vectors.length; k++) g = combineGroupIds(g, columnGroupIds(vectors[k]!));
  return g;
}

/** The first row of each group. */
export function firstRowOfGroups(g: GroupIds): Int32Array {
  const first = new Int32Array(g.count).fill(-1);
  const ids = g.ids;
  for (let i = 0; i < ids.length; i++) if (first[ids[i]!]! < 0) first[ids[i]!] = i;
  return first;
}
