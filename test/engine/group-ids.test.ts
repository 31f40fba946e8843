// kernels/group-ids.ts: two rows share a group id exactly when their key tuples are equal under the one hashing
// (value-key.ts tupleKey, the reference), ids are numbered by first appearance, for every key type (longs beyond
// 2^53 and negative, reals with -0 and NaN, dictionary columns repeating a string, nulls) and for tuples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnGroupIds, PairIndex, tupleGroupIds, type GroupIds } from '../../src/engine/kernels/group-ids.js';
import { tupleKey } from '../../src/engine/kernels/value-key.js';
import { dictionaryVector, getValue, vectorFromValues, type Vector } from '../../src/tables/vector.js';

/** The reference: ids by first appearance of tupleKey. */
function referenceIds(vectors: readonly Vector[], n: number): number[] {
  const m = new Map<string, number>();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = tupleKey(vectors.map((v) => getValue(v, i)));
    if (!m.has(k)) m.set(k, m.size);
    out.push(m.get(k)!);
  }
  return out;
}
const check = (g: GroupIds, vectors: readonly Vector[], n: number) => {
  const want = referenceIds(vectors, n);
  expect(Array.from(g.ids)).toEqual(want);
  expect(g.count).toBe(new Set(want).size);
};

describe('group ids', () => {
  it('every column type, alone and in tuples, matches the one hashing', () => {
    const row = fc.record({
      l: fc.option(fc.constantFrom(0n, -1n, 2n ** 53n + 1n, 2n ** 53n + 2n, 2n ** 32n, -(2n ** 63n), 7n), { nil: null }),
      r: fc.option(fc.constantFrom(0, -0, NaN, 1.5, -1.5, 2 ** 60, Infinity), { nil: null }),
      i: fc.option(fc.constantFrom(0, -1, 1, 2147483647, -2147483648), { nil: null }),
      b: fc.option(fc.boolean(), { nil: null }),
      s: fc.constantFrom(0, 1, 2, 3),
      p: fc.constantFrom('a', 'A', '', 'a\u0001'),
      d: fc.constantFrom(null, 1, '1', [1], { a: 1 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const n = rows.length;
        const cols: Vector[] = [
          vectorFromValues('long', rows.map((x) => x.l)),
          vectorFromValues('real', rows.map((x) => x.r)),
          vectorFromValues('int', rows.map((x) => x.i)),
          vectorFromValues('bool', rows.map((x) => x.b)),
          // "x" twice in the dictionary: codes 0 and 2 are one value.
          dictionaryVector(['x', 'y', 'x', ''], Int32Array.from(rows.map((x) => x.s))),
          vectorFromValues('string', rows.map((x) => x.p)),
          vectorFromValues('dynamic', rows.map((x) => x.d)),
          vectorFromValues('datetime', rows.map((x) => x.l)),
        ];
        for (const c of cols) check(columnGroupIds(c), [c], n);
        check(tupleGroupIds([cols[0]!, cols[4]!]), [cols[0]!, cols[4]!], n);
        check(tupleGroupIds([cols[1]!, cols[2]!, cols[3]!]), [cols[1]!, cols[2]!, cols[3]!], n);
        check(tupleGroupIds(cols), cols, n);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('the pair index keeps many distinct pairs apart while growing', () => {
    const index = new PairIndex();
    const wrong: number[] = [];
    for (let k = 0; k < 100_000; k++) if (index.id(k % 317, k) !== k) wrong.push(k);
    for (let k = 0; k < 100_000; k += 997) if (index.id(k % 317, k) !== k) wrong.push(k);
    expect(wrong).toEqual([]);
    expect(index.size).toBe(100_000);
  });
});
