// The property kit (src/testing/arbitraries.ts): generated rows load into every built-in table, respect overrides
// and the time window, keep derived columns coherent, and reach the host pools rules care about.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { BUILTIN_SCHEMAS } from '../../src/tables/builtin-schemas.js';
import { arbitraryRow, arbitraryTable, arbitraryUrl } from '../../src/testing/arbitraries.js';
import { ENUMS, LOOKALIKE_HOSTS, SHORTENER_HOSTS } from '../../src/testing/pools.js';

const tables = Object.keys(BUILTIN_SCHEMAS);
const ENUM_TABLES = new Set(Object.keys(ENUMS));

describe('arbitraryTable / arbitraryRow', () => {
  it.each(tables)('%s: rows are valid for db.addTable and keep their count', (table) => {
    fc.assert(
      fc.property(arbitraryTable(table, { minRows: 1, maxRows: 15 }), (rows) => {
        const db = new Database();
        db.addTable(table, { rows });
        expect(db.query(`${table} | count`).toObjects()).toEqual([{ Count: rows.length }]);
        for (const r of rows) expect(Object.keys(r).sort()).toEqual(BUILTIN_SCHEMAS[table]!.map((c) => c.name).sort());
      }),
      { seed: 42, numRuns: ENUM_TABLES.has(table) ? 40 : 3 },
    );
  });

  it('times fall in [now - window, now] and both time columns agree', () => {
    fc.assert(
      fc.property(arbitraryRow('EmailUrlInfo', {}, { now: '2026-11-20T12:00:00Z', window: '1d' }), (r) => {
        expect(r.TimeGenerated).toBe(r.Timestamp);
        expect(String(r.Timestamp) >= '2026-11-19T12:00:00.0000000Z' && String(r.Timestamp) <= '2026-11-20T12:00:00.0000000Z').toBe(true);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('overrides take constants and arbitraries; derived columns follow them', () => {
    fc.assert(
      fc.property(
        arbitraryRow('EmailUrlInfo', { Url: 'https://bit.ly/x', NetworkMessageId: fc.constantFrom('m1', 'm2') }),
        arbitraryRow('EmailEvents', { SenderFromAddress: 'news@fabrikam.com', TimeGenerated: '2026-11-20T01:00:00.0000000Z' }),
        (u, e) => {
          expect(u.Url).toBe('https://bit.ly/x');
          expect(u.UrlDomain).toBe('bit.ly');
          expect(['m1', 'm2']).toContain(u.NetworkMessageId);
          expect(e.SenderFromDomain).toBe('fabrikam.com');
          expect(e.Timestamp).toBe('2026-11-20T01:00:00.0000000Z');
        },
      ),
      { seed: 2, numRuns: 50 },
    );
  });

  it('an override for a column the table does not have is an error', () => {
    expect(() => arbitraryRow('UrlClickEvents', { Acount: 'x' })).toThrow(/unknown column 'Acount'/);
    expect(() => arbitraryRow('NoSuchTable')).toThrow(/not a built-in table/);
  });

  it('enumerated columns only take documented values (plus the named ActionType artefacts)', () => {
    fc.assert(
      fc.property(arbitraryRow('EmailEvents'), arbitraryRow('UrlClickEvents'), (e, c) => {
        expect(ENUMS.EmailEvents.DeliveryAction).toContain(e.DeliveryAction);
        expect(ENUMS.EmailEvents.EmailDirection).toContain(e.EmailDirection);
        expect(ENUMS.UrlClickEvents.Workload).toContain(c.Workload);
        expect(String(c.ActionType).toLowerCase()).toMatch(/^(clickallowed|clickblocked|clickblockedbytenantpolicy|urlscaninprogress|urlerrorpage)$/);
        if (c.Workload !== 'Email') expect(c.NetworkMessageId).toBe('');
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('URLs reach shorteners and their look-alikes', () => {
    const urls = fc.sample(arbitraryUrl(), { seed: 4, numRuns: 2000 });
    const hosts = new Set(urls.map((u) => /^[a-z]+:\/\/([^/?#]*)/.exec(u)?.[1]));
    expect(SHORTENER_HOSTS.some((h) => hosts.has(h))).toBe(true);
    expect(hosts.has('rabbit.ly') || LOOKALIKE_HOSTS.some((h) => hosts.has(h))).toBe(true);
    expect(urls.some((u) => u.startsWith('ipfs://'))).toBe(true);
    expect(urls.some((u) => u.includes('/ipfs/'))).toBe(true);
  });
});
