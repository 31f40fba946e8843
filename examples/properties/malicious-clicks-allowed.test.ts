// Properties of the malicious-clicks-allowed rule (seed 000): its daily series counts exactly the clicked-through
// clicks with a verdict inside [startofday(ago(30d)), startofday(now())), whatever else the table holds.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { arbitraryTable } from '../../src/testing/arbitraries.js';

const rule = readFileSync(new URL('../rules/malicious-clicks-allowed.kql', import.meta.url), 'utf8');
const NOW = '2026-11-20T12:00:00Z';
// With this now: TimeStart = 2026-10-21T00:00Z, TimeEnd = 2026-11-20T00:00Z, 30 daily bins (make-series-operator.md).
const DAYS = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 9, 21 + i)).toISOString().slice(0, 10));

describe('malicious-clicks-allowed properties', () => {
  it('each bin counts the clicked-through clicks with a verdict on that day; nothing else is counted', () => {
    fc.assert(
      fc.property(arbitraryTable('UrlClickEvents', { maxRows: 40, window: '40d' }), (clicks) => {
        const db = new Database();
        db.addTable('UrlClickEvents', { rows: clicks });
        const out = db.query(rule, { now: NOW }).toObjects();
        const expected = DAYS.map((d) => clicks.filter((c) => c.IsClickedThrough === true && c.ThreatTypes !== '' && String(c.Timestamp).startsWith(d)).length);
        // make-series on no input rows returns no row at all (kql-semantics §10). When rows reach it but none falls
        // inside [from, to), whether it returns no row or a row of zeros is undocumented [U]: accept either.
        if (expected.every((n) => n === 0)) expect(out.every((r) => (r.Count as number[]).every((n) => n === 0))).toBe(true);
        else expect(out.map((r) => r.Count)).toEqual([expected]);
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
