// The library surface: Database, query options, limits, errors, JSON conventions.
import { describe, expect, it } from 'vitest';
import { Database, KqlError, query, parse, print } from '../../src/index.js';

describe('Database and query()', () => {
  it('registers rows once and runs many queries', () => {
    const db = new Database();
    db.addTable('EmailUrlInfo', { rows: [{ TimeGenerated: '2026-11-20T10:00:00Z', NetworkMessageId: 'm1', Url: 'https://bit.ly/x' }] });
    expect(db.query('EmailUrlInfo | count').toJSON().rows).toEqual([[1]]);
    const r = db.query('EmailUrlInfo | where Url has "bit.ly" | project Url, TimeGenerated');
    expect(r.toObjects()).toEqual([{ Url: 'https://bit.ly/x', TimeGenerated: '2026-11-20T10:00:00.0000000Z' }]);
  });

  it('a built-in table with no data is an empty table of its schema', () => {
    const r = new Database().query('UrlClickEvents | project Url, IsClickedThrough');
    expect(r.rowCount).toBe(0);
    expect(r.columns).toEqual([{ name: 'Url', type: 'string' }, { name: 'IsClickedThrough', type: 'bool' }]);
  });

  it('custom tables with schemas; one-shot query() with tables', () => {
    const r = query('T | summarize n = count() by k | order by k asc', {
      tables: { T: { schema: [{ name: 'k', type: 'string' }, { name: 'v', type: 'long' }], rows: [{ k: 'b', v: 1 }, { k: 'a', v: 2 }, { k: 'a' }] } },
    });
    expect(r.toJSON().rows).toEqual([['a', 2], ['b', 1]]);
  });

  it('now is an input: now() and ago() use it', () => {
    const r = query('print n = now(), a = ago(1d)', { now: '2026-11-20T12:00:00.1234567Z' });
    expect(r.toJSON().rows).toEqual([['2026-11-20T12:00:00.1234567Z', '2026-11-19T12:00:00.1234567Z']]);
  });

  it('JSON conventions: timespans, dynamic, exact longs, null', () => {
    const r = query('print t = 90m, d = dynamic({"a":[1,2.5,"x"]}), l = 9223372036854775807, n = long(null), s = ""');
    expect(r.toJSON().rows[0]).toEqual(['01:30:00', { a: [1, 2.5, 'x'] }, 9223372036854775807n, null, '']);
    expect(r.toJSONText()).toContain('9223372036854775807');
    expect(r.toJSONText()).not.toContain('"9223372036854775807"');
  });

  it('render returns the chart request with the data unchanged', () => {
    const r = query('range x from 1 to 3 step 1 | render columnchart with (title="T")');
    expect(r.rowCount).toBe(3);
    expect(r.visualization).toEqual({ chart: 'columnchart', properties: { title: 'T' } });
  });

  it('explain shows every step with its schema', () => {
    const text = new Database().explain('EmailEvents | where DeliveryAction == "Delivered" | summarize c = count() by SenderFromDomain');
    expect(text.split('\n')[0]).toBe('Aggregate(summarize) keys=[SenderFromDomain] aggs=[count()] → [SenderFromDomain:string, c:long]');
    expect(text).toContain('  Filter ==(DeliveryAction, "Delivered")');
  });
});

describe('errors', () => {
  it('a bad query throws KqlError with code, span, position and a formatted message', () => {
    let err: unknown;
    try {
      new Database().query('EmailEvents\n| where Subjet == "x"');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KqlError);
    const k = err as KqlError;
    expect(k.code).toBe('bind-unknown-column');
    expect(k.position).toEqual({ line: 2, column: 9 });
    expect(k.span).toEqual({ start: 20, end: 26 });
    expect(k.format()).toBe(
      "query:2:9 error bind-unknown-column unknown column 'Subjet'\n  | where Subjet == \"x\"\n          ^^^^^^\n  = did you mean 'Subject'?",
    );
  });

  it('a syntax error reports several diagnostics when recovery allows', () => {
    const { diagnostics } = parse('T | where (a == 1\n| extend = 2');
    expect(diagnostics.length).toBeGreaterThanOrEqual(1);
    expect(diagnostics.every((d) => d.code.startsWith('syntax-'))).toBe(true);
  });

  it('bad rows fail at addTable with row, column and value', () => {
    const db = new Database();
    expect(() => db.addTable('EmailEvents', { rows: [{ Timestamp: 'yesterday' }] })).toThrow(/row 1, column 'Timestamp' \(datetime\).*"yesterday"/);
    expect(() => db.addTable('EmailEvents', { rows: [{ Subjct: 'x' }] })).toThrow(/unknown column 'Subjct'/);
  });

  it('parse and print round-trip the seed-style query', () => {
    const text = 'EmailEvents | where Subject has "x" and RecipientEmailAddress endswith "@contoso.com" | take 5';
    const { ast } = parse(text);
    expect(parse(print(ast)).diagnostics).toEqual([]);
  });
});

describe('limits and cancellation', () => {
  it('maxResultRows', () => {
    expect(() => query('range x from 1 to 100 step 1', { limits: { maxResultRows: 10 } })).toThrow(/result rows exceeded the limit of 10/);
  });

  it('maxIntermediateRows stops a join that explodes', () => {
    const q = 'let L = range x from 1 to 1000 step 1 | extend k = 1; L | join kind=inner L on k | count';
    expect(() => query(q, { limits: { maxIntermediateRows: 10_000 } })).toThrow(KqlError);
    expect(() => query(q, { limits: { maxIntermediateRows: 10_000 } })).toThrow(/rows produced by join exceeded the limit of 10000/);
  });

  it('maxIntermediateRows stops a huge range', () => {
    expect(() => query('range x from 1 to 10000000 step 1 | count', { limits: { maxIntermediateRows: 100_000 } })).toThrow(/range exceeded/);
  });

  it('an aborted signal stops the query with runtime-aborted', () => {
    const c = new AbortController();
    c.abort();
    let err: unknown;
    try {
      query('print 1', { signal: c.signal });
    } catch (e) {
      err = e;
    }
    expect((err as KqlError).code).toBe('runtime-aborted');
  });
});
