// Join properties (join-leftouter.md, join-innerunique.md, join-inner.md):
//  - leftouter keeps every left row, so it has at least as many rows as its left side;
//  - innerunique de-duplicates the left side on the key (keeping one arbitrary row) and then joins like inner, so
//    on the key and the right columns it equals inner over the distinct left keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiset, runOn } from './engine-support.js';

const leftSchema = [
  { name: 'k', type: 'string' },
  { name: 'lv', type: 'long' },
  { name: 'id', type: 'long' },
];
const rightSchema = [
  { name: 'k', type: 'string' },
  { name: 'rv', type: 'long' },
];
const key = fc.constantFrom('a', 'b', 'c', 'A', 'd');
const left = fc.array(fc.record({ k: key, lv: fc.integer({ min: 0, max: 9 }) }), { maxLength: 12 }).map((rs) => rs.map((r, i) => ({ ...r, id: i })));
const right = fc.array(fc.record({ k: key, rv: fc.integer({ min: 0, max: 9 }) }), { maxLength: 12 });

function run(l: Record<string, unknown>[], r: Record<string, unknown>[], q: string) {
  return runOn('L', leftSchema, l, q, { R: { schema: rightSchema, rows: r } });
}

describe('engine property: joins', () => {
  it('a leftouter join has at least as many rows as its left side, and every left row appears', () => {
    fc.assert(
      fc.property(left, right, (l, r) => {
        const out = run(l, r, 'L | join kind=leftouter R on k');
        expect(out.length).toBeGreaterThanOrEqual(l.length);
        expect(new Set(out.map((x) => x.id)).size).toBe(l.length);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('leftouter row count = Σ over left rows of max(1, matching right rows) (string keys are case-sensitive)', () => {
    fc.assert(
      fc.property(left, right, (l, r) => {
        const expected = l.reduce((n, x) => n + Math.max(1, r.filter((y) => y.k === x.k).length), 0);
        expect(run(l, r, 'L | join kind=leftouter R on k')).toHaveLength(expected);
      }),
      { seed: 43, numRuns: 150 },
    );
  });

  it('innerunique equals inner over the left side de-duplicated on the key', () => {
    fc.assert(
      fc.property(left, right, (l, r) => {
        const unique = run(l, r, 'L | join kind=innerunique R on k | project k, rv');
        const viaInner = run(l, r, 'L | distinct k | join kind=inner R on k | project k, rv');
        expect(multiset(unique)).toEqual(multiset(viaInner));
      }),
      { seed: 44, numRuns: 150 },
    );
  });

  it('the default join kind is innerunique', () => {
    fc.assert(
      fc.property(left, right, (l, r) => {
        expect(multiset(run(l, r, 'L | join R on k | project k, rv'))).toEqual(multiset(run(l, r, 'L | join kind=innerunique R on k | project k, rv')));
      }),
      { seed: 45, numRuns: 100 },
    );
  });
});
