// The counts of a make-series add up to the count over the same range: rows are placed in the bins of
// [from, to) and rows outside are dropped (make-series-operator.md). Ranges here are whole numbers of steps, so
// every row in [from, to) has its bin inside the axis.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOn } from './engine-support.js';

const schema = [
  { name: 'ts', type: 'datetime' },
  { name: 'g', type: 'string' },
];
const base = Date.UTC(2026, 10, 1);
// Minutes around the range, plus exact boundaries: fast-check's integer bias hits min/max.
const rows = fc.array(
  fc.record({ m: fc.integer({ min: -120, max: 24 * 60 + 120 }), g: fc.constantFrom('x', 'y') }),
  { maxLength: 30 },
).map((rs) => rs.map((r) => ({ ts: new Date(base + r.m * 60_000).toISOString(), g: r.g })));
const steps = fc.constantFrom({ step: '1h', n: 24 }, { step: '30m', n: 48 }, { step: '6h', n: 4 }, { step: '1d', n: 1 });

describe('engine property: make-series', () => {
  it('the sum of a make-series count equals the count of rows in [from, to)', () => {
    fc.assert(
      fc.property(rows, steps, (rs, { step }) => {
        const range = 'from datetime(2026-11-01) to datetime(2026-11-02)';
        const series = runOn('T', schema, rs, `T | make-series c = count() default = 0 on ts ${range} step ${step} | mv-expand c to typeof(long) | summarize total = sum(c)`);
        const direct = runOn('T', schema, rs, 'T | where ts >= datetime(2026-11-01) and ts < datetime(2026-11-02) | count');
        const inRange = rs.filter((r) => r.ts >= '2026-11-01T00:00:00.000Z' && r.ts < '2026-11-02T00:00:00.000Z').length;
        expect(direct).toEqual([{ Count: inRange }]);
        // summarize without by gives one row even on empty input; sum over no rows is 0 (summarize-operator.md).
        expect(series).toEqual([{ total: inRange }]);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('with by, each group series sums to that group count, and the axis has (to - from) / step bins', () => {
    fc.assert(
      fc.property(rows, steps, (rs, { step, n }) => {
        const out = runOn('T', schema, rs, `T | make-series c = count() default = 0 on ts from datetime(2026-11-01) to datetime(2026-11-02) step ${step} by g`);
        for (const r of out) {
          const inGroup = rs.filter((x) => x.g === r.g && x.ts >= '2026-11-01T00:00:00.000Z' && x.ts < '2026-11-02T00:00:00.000Z').length;
          expect((r.c as number[]).reduce((a, b) => a + b, 0)).toBe(inGroup);
          expect(r.c as number[]).toHaveLength(n);
          expect(r.ts as string[]).toHaveLength(n);
        }
      }),
      { seed: 43, numRuns: 100 },
    );
  });
});
