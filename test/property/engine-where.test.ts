// `where p`, `where not(p)` and the rows where p is null partition the input: where keeps the rows where p is
// true (where-operator.md); not(null) is null, so a null p is dropped by both filters (logical-operators.md: null
// propagates through comparisons; not-function.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiset, runOn } from './engine-support.js';

const schema = [
  { name: 'id', type: 'long' },
  { name: 'x', type: 'long' },
  { name: 'r', type: 'real' },
  { name: 'b', type: 'bool' },
  { name: 's', type: 'string' },
];
const row = fc.record({
  x: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
  r: fc.option(fc.double({ min: -5, max: 5, noNaN: true }), { nil: null }),
  b: fc.option(fc.boolean(), { nil: null }),
  s: fc.constantFrom('', 'a', 'B', 'abc'),
});
const rows = fc.array(row, { maxLength: 25 }).map((rs) => rs.map((r, i) => ({ id: i, ...r })));
const predicates = fc.constantFrom('x > 0', 'x == 2', 'r < 1.5', 'b', 'b and x > 0', 'b or x < 0', 'x > r', 'isnotempty(s) and x != 3', 's == "a" or b');

describe('engine property: where partitions its input', () => {
  it('where p, where not(p) and where isnull(p) are disjoint and together are the input', () => {
    fc.assert(
      fc.property(rows, predicates, (rs, p) => {
        const yes = runOn('T', schema, rs, `T | where ${p}`);
        const no = runOn('T', schema, rs, `T | where not(${p})`);
        const unknown = runOn('T', schema, rs, `T | where isnull(${p})`);
        expect(multiset([...yes, ...no, ...unknown])).toEqual(multiset(runOn('T', schema, rs, 'T')));
        const ids = [...yes, ...no, ...unknown].map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
