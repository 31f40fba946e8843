// Properties of the link-target rule (seed 004) over generated mail: the score's bounds and make-up, and that
// benign mail cannot change what the rule reports. Run by `npm test` through test/rule-tests/.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { arbitraryTable, arbitraryUrl } from '../../src/testing/arbitraries.js';
import { MESSAGE_IDS } from '../../src/testing/pools.js';

const rule = readFileSync(new URL('../rules/link-target-t1608-005.kql', import.meta.url), 'utf8');
const NOW = '2026-11-20T12:00:00Z';
type Row = Record<string, unknown>;

function run(urls: Row[], emails: Row[]): Row[] {
  const db = new Database();
  db.addTable('EmailUrlInfo', { rows: urls });
  db.addTable('EmailEvents', { rows: emails });
  return db.query(rule, { now: NOW }).toObjects();
}

// A 2-day window around a 24-hour rule: about half of the rows are too old, which the rule must ignore.
// Message ids from the shared pool only, so URL rows and mails meet in the join.
const pooledId = fc.constantFrom(...MESSAGE_IDS);
const urls = arbitraryTable('EmailUrlInfo', { maxRows: 15, window: '2d', overrides: { NetworkMessageId: pooledId } });
const emails = arbitraryTable('EmailEvents', {
  maxRows: 12,
  window: '2d',
  overrides: { NetworkMessageId: pooledId, DeliveryAction: fc.constantFrom('Delivered', 'Delivered', 'Junked', 'Blocked') },
});
const benignUrls = arbitraryTable('EmailUrlInfo', { maxRows: 8, window: '2d', overrides: { Url: arbitraryUrl({ hosts: ['benign'], benignPath: true }) } });
// Benign mail about other messages: fresh ids that no URL row refers to.
const benignEmails = arbitraryTable('EmailEvents', { maxRows: 5, window: '2d', overrides: { NetworkMessageId: fc.uuid().map((u) => `benign-${u}`) } });
const canon = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('link-target-t1608-005 properties', () => {
  it("a message's score never exceeds 3, and is the credential flag plus 2 for IPFS or 1 otherwise", () => {
    let fired = 0;
    fc.assert(
      fc.property(urls, emails, (us, es) => {
        const out = run(us, es);
        if (out.length > 0) fired++;
        for (const r of out) {
          expect(r.SuspicionScore).toBeLessThanOrEqual(3);
          expect(r.SuspicionScore).toBeGreaterThanOrEqual(1);
          expect(r.LinkCategory).not.toBe('Other');
          const weight = r.LinkCategory === 'IPFS_Gateway' ? 2 : 1;
          expect(r.SuspicionScore).toBe((r.CredentialHarvestIndicator ? 1 : 0) + weight);
        }
      }),
      { seed: 42, numRuns: 150 },
    );
    // The generators must make the rule fire often, or the property above would hold vacuously.
    expect(fired).toBeGreaterThanOrEqual(20);
  });

  it('adding benign URLs and unrelated benign mail never changes the result', () => {
    fc.assert(
      fc.property(urls, emails, benignUrls, benignEmails, (us, es, bu, be) => {
        expect(canon(run([...us, ...bu], [...es, ...be]))).toEqual(canon(run(us, es)));
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it('only delivered mail from the last 24 hours is reported', () => {
    fc.assert(
      fc.property(urls, emails, (us, es) => {
        for (const r of run(us, es)) {
          expect(r.DeliveryAction).toBe('Delivered');
          expect(String(r.TimeGenerated) > '2026-11-19T12:00:00.0000000Z').toBe(true);
        }
      }),
      { seed: 5, numRuns: 100 },
    );
  });

  it('the output is sorted by SuspicionScore desc, then TimeGenerated desc', () => {
    fc.assert(
      fc.property(urls, emails, (us, es) => {
        const out = run(us, es);
        for (let i = 1; i < out.length; i++) {
          const a = out[i - 1]!;
          const b = out[i]!;
          const ok = (a.SuspicionScore as number) > (b.SuspicionScore as number) ||
            (a.SuspicionScore === b.SuspicionScore && String(a.TimeGenerated) >= String(b.TimeGenerated));
          expect(ok).toBe(true);
        }
      }),
      { seed: 9, numRuns: 100 },
    );
  });
});
