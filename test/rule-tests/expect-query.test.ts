// expectQuery (src/testing/expect-query.ts): the vitest-friendly assertions pass on the right answer and throw a
// readable diff on a wrong one. Expected values are worked out from the query text by hand.
import { describe, expect, it } from 'vitest';
import { expectQuery, QueryExpectationError } from '../../src/testing/expect-query.js';
import { Database } from '../../src/database.js';

const now = '2026-11-20T12:00:00Z';
const tables = {
  UrlClickEvents: {
    rows: [
      { Timestamp: '2026-11-20T10:00:00Z', ActionType: 'ClickBlocked', Workload: 'Email', AccountUpn: 'a@contoso.com' },
      { Timestamp: '2026-11-20T11:00:00Z', ActionType: 'ClickAllowed', Workload: 'Email', AccountUpn: 'b@contoso.com' },
      // Only TimeGenerated: Timestamp is mirrored from it, as in data folders.
      { TimeGenerated: '2026-11-19T09:00:00Z', ActionType: 'ClickBlocked', Workload: 'Teams', AccountUpn: 'c@contoso.com' },
    ],
  },
};
const blocked = `UrlClickEvents | where ActionType == 'ClickBlocked' | project Timestamp, AccountUpn, Workload | sort by Timestamp desc`;

function message(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(QueryExpectationError);
    return (err as Error).message;
  }
  throw new Error('expected the expectation to fail');
}

describe('expectQuery', () => {
  it('passes the right expectations, chained', () => {
    expectQuery(blocked, { tables, now })
      .toFire()
      .toReturnCount(2)
      .toHaveColumns(['Timestamp', 'AccountUpn', 'Workload'])
      .toReturnRows([{ AccountUpn: 'c@contoso.com', Timestamp: '2026-11-19T09:00:00.0000000Z' }, { AccountUpn: 'a@contoso.com' }])
      .toReturnRows([{ Timestamp: 'now-2h' }, { Timestamp: 'now-1d3h' }], { ordered: true })
      .toContainRows([{ Workload: 'Teams' }]);
    expectQuery(`${blocked} | where Workload == 'Office'`, { tables, now }).not.toFire();
    expectQuery(`${blocked} | where Workload == 'Office'`, { tables, now }).toNotFire().toReturnCount(0);
  });

  it('works on an existing database and with datatables', () => {
    const db = new Database();
    expectQuery('datatable(n: long, s: string) [1, "x", 9007199254740993, "y"] | where n > 1', { db, now }).toReturnRows([{ n: 9007199254740993n, s: 'y' }]);
  });

  it('fails toFire / not.toFire with the rows', () => {
    expect(message(() => expectQuery(`${blocked} | take 0`, { tables, now }).toFire())).toContain('expected the rule to fire (at least one row), got no rows');
    const m = message(() => expectQuery(blocked, { tables, now }).not.toFire());
    expect(m).toContain('.not.toFire failed');
    expect(m).toContain('expected the rule not to fire, got 2 row(s):');
    expect(m).toContain('+ { Timestamp: "2026-11-20T10:00:00.0000000Z", AccountUpn: "a@contoso.com", Workload: "Email" }');
  });

  it('fails toReturnRows with changed cells, missing and unexpected rows', () => {
    const m = message(() => expectQuery(blocked, { tables, now }).toReturnRows([{ AccountUpn: 'a@contoso.com', Workload: 'Teams' }]));
    expect(m).toContain('expected 1 row(s), got 2: 1 changed, 1 unexpected');
    expect(m).toContain('Workload: expected "Teams", got "Email"');
    expect(m).toContain('+ unexpected  { AccountUpn: "c@contoso.com", Workload: "Teams" }');
  });

  it('fails an ordered comparison when the rows are right but the order is not', () => {
    const m = message(() => expectQuery(blocked, { tables, now }).toReturnRows([{ AccountUpn: 'c@contoso.com' }, { AccountUpn: 'a@contoso.com' }], { ordered: true }));
    expect(m).toContain('the rows are all there, but 2 position(s) hold a different row');
  });

  it('fails toReturnCount, toHaveColumns and toContainRows', () => {
    expect(message(() => expectQuery(blocked, { tables, now }).toReturnCount(3))).toContain('expected 3 row(s), got 2');
    expect(message(() => expectQuery(blocked, { tables, now }).toHaveColumns(['AccountUpn']))).toContain('unexpected: Timestamp, Workload');
    const m = message(() => expectQuery(blocked, { tables, now }).toContainRows([{ AccountUpn: 'z@contoso.com' }]));
    expect(m).toContain('expected the result (2 row(s)) to contain 1 row(s): 1 missing');
    expect(m).toContain('- missing     { AccountUpn: "z@contoso.com" }');
  });

  it('a malformed expectation is an error naming the column', () => {
    expect(() => expectQuery(blocked, { tables, now }).toReturnRows([{ Acount: 'x' }])).toThrow(/names column 'Acount', which the result does not have/);
    expect(() => expectQuery(blocked, { tables, now }).toReturnRows([{ Timestamp: 'soon' }])).toThrow(/column 'Timestamp' \(datetime\): expected an ISO-8601 datetime/);
  });

  it('partial expected rows are matched as a maximum matching, not greedily', () => {
    // First-fit would give row 1 to { a: "x" } and leave { a: "x", b: "1" } without its only match; a maximum
    // matching finds the assignment in which every expected row has its own result row.
    const q = 'datatable(a: string, b: string) ["x", "1", "x", "2"]';
    expectQuery(q, { now }).toReturnRows([{ a: 'x' }, { a: 'x', b: '1' }]);
  });
});
