// Properties of the Safe Links block-trigger rule (seed 002) over generated telemetry: what must hold for ANY
// input, not just the hand-picked rows of examples/tests. Run by `npm test` through test/rule-tests/.
// In your own project import from 'kqlite', 'kqlite/testing/arbitraries' instead of the relative paths.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { arbitraryTable } from '../../src/testing/arbitraries.js';
import { MESSAGE_IDS } from '../../src/testing/pools.js';

const rule = readFileSync(new URL('../rules/safelinks-url-block-trigger.kql', import.meta.url), 'utf8');
const NOW = '2026-11-20T12:00:00Z';
type Row = Record<string, unknown>;

function run(clicks: Row[], emails: Row[]): Row[] {
  const db = new Database();
  db.addTable('UrlClickEvents', { rows: clicks });
  db.addTable('EmailEvents', { rows: emails });
  return db.query(rule, { now: NOW }).toObjects();
}

// Mostly mail clicks, and mails about the shared pool of message ids, so blocked clicks often meet their mails.
const clicks = arbitraryTable('UrlClickEvents', { maxRows: 25, overrides: { Workload: fc.constantFrom('Email', 'Email', 'Teams', 'Office') } });
const emails = arbitraryTable('EmailEvents', { maxRows: 12, overrides: { NetworkMessageId: fc.constantFrom(...MESSAGE_IDS) } });
const isTrigger = (c: Row) => c.ActionType === 'ClickBlocked' && c.Workload === 'Email';

describe('safelinks-url-block-trigger properties', () => {
  it('no click whose ActionType is not exactly ClickBlocked (or not from Email) ever reaches the output', () => {
    fc.assert(
      fc.property(clicks, emails, (cs, es) => {
        const key = (r: Row) => JSON.stringify([r.Timestamp, r.AccountUpn, r.Url, r.UrlChain]);
        const triggers = new Set(cs.filter(isTrigger).map(key));
        for (const r of run(cs, es)) expect(triggers.has(key(r))).toBe(true);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('every blocked mail click comes out once per matching EmailEvents row, and at least once (leftouter)', () => {
    let joined = 0;
    fc.assert(
      fc.property(clicks, emails, (cs, es) => {
        const perMessage = new Map<unknown, number>();
        for (const e of es) perMessage.set(e.NetworkMessageId, (perMessage.get(e.NetworkMessageId) ?? 0) + 1);
        const expected = cs.filter(isTrigger).reduce((n, c) => n + Math.max(1, perMessage.get(c.NetworkMessageId) ?? 0), 0);
        expect(run(cs, es)).toHaveLength(expected);
        if (cs.some((c) => isTrigger(c) && (perMessage.get(c.NetworkMessageId) ?? 0) > 1)) joined++;
      }),
      { seed: 7, numRuns: 150 },
    );
    // Not vacuous: the shared message-id pool makes blocked clicks meet several EmailEvents rows in many runs.
    expect(joined).toBeGreaterThanOrEqual(3);
  });

  it('the product column is always Email', () => {
    fc.assert(
      fc.property(clicks, emails, (cs, es) => run(cs, es).every((r) => r.Product === 'Email')),
      { seed: 3, numRuns: 100 },
    );
  });
});
