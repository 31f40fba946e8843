// Sort properties (sort-operator.md, top-operator.md):
//  - the output is ordered by the key; default direction desc; nulls first for asc and last for desc by default,
//    or where `nulls first|last` says;
//  - `sort by x | take n` and `top n by x` select the same key values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOn } from './engine-support.js';

const schema = [
  { name: 'x', type: 'long' },
  { name: 'r', type: 'real' },
  { name: 's', type: 'string' },
];
const rows = fc.array(
  fc.record({
    x: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
    r: fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: null }),
    s: fc.constantFrom('', 'a', 'B', 'b', 'ab', 'Z'),
  }),
  { maxLength: 25 },
);
const direction = fc.constantFrom('', ' asc', ' desc');
const nulls = fc.constantFrom('', ' nulls first', ' nulls last');

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Is `vals` ordered by the direction, with every null before (nullsFirst) or after every non-null value? */
function ordered(vals: (number | null)[], desc: boolean, nullsFirst: boolean): boolean {
  const firstNonNull = vals.findIndex((v) => v !== null);
  const firstNull = vals.indexOf(null);
  const lastNull = vals.lastIndexOf(null);
  if (nullsFirst && firstNonNull !== -1 && lastNull > firstNonNull) return false;
  if (!nullsFirst && firstNull !== -1 && vals.slice(firstNull).some((v) => v !== null)) return false;
  const nn = vals.filter((v): v is number => v !== null);
  return nn.every((v, i) => i === 0 || (desc ? cmp(nn[i - 1]!, v) >= 0 : cmp(nn[i - 1]!, v) <= 0));
}

describe('engine property: sort and top', () => {
  it('sort output is ordered, with nulls where Kusto puts them', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom('x', 'r'), direction, nulls, (rs, col, dir, nl) => {
        const out = runOn('T', schema, rs, `T | sort by ${col}${dir}${nl}`);
        const desc = dir !== ' asc';
        const nullsFirst = nl === ' nulls first' || (nl === '' && !desc);
        expect(out).toHaveLength(rs.length);
        expect(ordered(out.map((r) => r[col] as number | null), desc, nullsFirst), JSON.stringify({ q: `sort by ${col}${dir}${nl}`, got: out.map((r) => r[col]) })).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('strings sort ordinally ("" lowest), descending by default', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const got = runOn('T', schema, rs, 'T | sort by s | project s').map((r) => r.s as string);
        // Ordinal comparison = UTF-16 code units, which JS's default string comparison uses.
        const want = rs.map((r) => r.s).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
        expect(got).toEqual(want);
      }),
      { seed: 43, numRuns: 100 },
    );
  });

  it('sort by x | take n selects the same key values as top n by x', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 30 }), fc.constantFrom('x', 'r'), direction, nulls, (rs, n, col, dir, nl) => {
        const a = runOn('T', schema, rs, `T | sort by ${col}${dir}${nl} | take ${n} | project ${col}`);
        const b = runOn('T', schema, rs, `T | top ${n} by ${col}${dir}${nl} | project ${col}`);
        expect(b).toEqual(a);
        expect(a).toHaveLength(Math.min(n, rs.length));
      }),
      { seed: 44, numRuns: 200 },
    );
  });
});
