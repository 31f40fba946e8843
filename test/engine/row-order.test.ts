// kernels/row-order.ts: the typed comparators order rows as sort-operator.md says (its table of null, NaN, ±inf),
// long halves order signed 64-bit values, dictionary ranks order strings by code units, and the top-k heap
// returns exactly the first k rows of the full (stable) order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstRows, orderRows, type SortKey } from '../../src/engine/kernels/row-order.js';
import { dictionaryVector, getValue, vectorFromValues, type Vector } from '../../src/tables/vector.js';

const key = (vector: Vector, descending: boolean, nullsFirst: boolean): SortKey => ({ vector, descending, nullsFirst });
const sorted = (v: Vector, descending: boolean, nullsFirst: boolean) =>
  Array.from(orderRows(v.length, [key(v, descending, nullsFirst)]), (i) => getValue(v, i));

describe('row-order kernel', () => {
  // sort-operator.md, "Using special floating-point values".
  const reals = vectorFromValues('real', [5, null, -Infinity, 0, NaN, Infinity, -5]);
  it.each([
    [false, true, [null, NaN, -Infinity, -5, 0, 5, Infinity]],
    [true, true, [null, NaN, Infinity, 5, 0, -5, -Infinity]],
    [false, false, [-Infinity, -5, 0, 5, Infinity, NaN, null]],
    [true, false, [Infinity, 5, 0, -5, -Infinity, NaN, null]],
  ])('reals desc=%s nullsFirst=%s follow the page', (desc, nullsFirst, want) => {
    expect(sorted(reals, desc, nullsFirst)).toEqual(want);
  });

  it('longs beyond 32 bits and negative ones compare as signed 64-bit values', () => {
    const big = [2n ** 40n + 1n, -1n, 2n ** 32n, 0n, -(2n ** 40n), 1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 32n - 1n];
    const v = vectorFromValues('long', [...big, null]);
    expect(sorted(v, false, false)).toEqual([-(2n ** 63n), -(2n ** 40n), -1n, 0n, 1n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 40n + 1n, 2n ** 63n - 1n, null]);
    expect(sorted(v, true, true)[0]).toBeNull();
  });

  it('a dictionary column orders by code units, repeated dictionary entries as one value, stable among ties', () => {
    // Codes point at a dictionary that repeats "b" (derived dictionaries can).
    const v = dictionaryVector(['b', 'a', 'B', 'b', ''], Int32Array.from([0, 1, 2, 3, 4, 3, 0]));
    expect(Array.from(orderRows(7, [key(v, false, true)]))).toEqual([4, 2, 1, 0, 3, 5, 6]);
  });

  it('firstRows(k) = the first k rows of the full order, for every key type and direction', () => {
    const row = fc.record({
      l: fc.option(fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }).map((x) => (x % 5n === 0n ? 7n : x)), { nil: null }),
      r: fc.option(fc.constantFrom(1.5, -2, NaN, 0, 3), { nil: null }),
      s: fc.constantFrom('x', 'y', 'Y', '', 'xy'),
      i: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 300 }), fc.integer({ min: 0, max: 40 }), fc.boolean(), fc.boolean(), (rows, k, desc, nf) => {
        const n = rows.length;
        const keys = [
          key(vectorFromValues('int', rows.map((x) => x.i)), desc, nf),
          key(dictionaryVector(['x', 'y', 'Y', '', 'xy'], Int32Array.from(rows.map((x) => ['x', 'y', 'Y', '', 'xy'].indexOf(x.s)))), !desc, nf),
          key(vectorFromValues('real', rows.map((x) => x.r)), desc, !nf),
          key(vectorFromValues('long', rows.map((x) => x.l)), desc, nf),
        ];
        for (const ks of [keys.slice(3), keys.slice(0, 2), keys]) {
          const all = Array.from(orderRows(n, ks));
          expect(Array.from(firstRows(n, ks, k))).toEqual(all.slice(0, k));
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('a count of 0, a negative or NaN count keeps no row; a fractional one is truncated', () => {
    const v = vectorFromValues('int', [3, 1, 2]);
    expect(firstRows(3, [key(v, false, true)], 0).length).toBe(0);
    expect(firstRows(3, [key(v, false, true)], -1).length).toBe(0);
    expect(firstRows(3, [key(v, false, true)], NaN).length).toBe(0);
    expect(Array.from(firstRows(3, [key(v, false, true)], 2.7))).toEqual([1, 2]);
  });
});
