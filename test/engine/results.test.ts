// Several results from one query: fork (fork-operator.md) and a batch of tabular statements (batches.md). The
// library keeps its single-result API (the first result) and lists every result in `results`; the CLI prints them
// one after another, JSON as a list. Expected values worked out by hand from the queries.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { Database } from '../../src/database.js';
import { KqlError } from '../../src/diagnostics.js';

const db = new Database();
const storms = `datatable(State:string, Deaths:long, Injuries:long)
['FLORIDA', 2, 0, 'FLORIDA', 0, 3, 'TEXAS', 5, 5, 'FLORIDA', 1, 1]
| where State == "FLORIDA"`;

describe('fork', () => {
  it('unnamed subqueries: one result per branch, in order, over the same input', () => {
    const r = db.query(`${storms}\n| fork\n    ( where Deaths > 1)\n    ( where Injuries > 1)`);
    expect(r.results).toHaveLength(2);
    expect(r.results.map((x) => x.name)).toEqual([undefined, undefined]);
    expect(r.results[0]!.toObjects()).toEqual([{ State: 'FLORIDA', Deaths: 2, Injuries: 0 }]);
    expect(r.results[1]!.toObjects()).toEqual([{ State: 'FLORIDA', Deaths: 0, Injuries: 3 }]);
    // The single-result API is the first result.
    expect(r.toObjects()).toEqual(r.results[0]!.toObjects());
  });

  it('named subqueries: name = (…) and a trailing as name the results (the page\'s two forms)', () => {
    const a = db.query(`${storms}\n| fork\n    (where Deaths + Injuries > 1 | as StormsWithDeaths)\n    (where Injuries > 1 | as StormsWithInjuries)`);
    expect(a.results.map((x) => x.name)).toEqual(['StormsWithDeaths', 'StormsWithInjuries']);
    expect(a.results.map((x) => x.rowCount)).toEqual([3, 1]);
    const b = db.query(`${storms}\n| fork\n    StormsWithDeaths = (where Deaths > 0 | summarize n = count())\n    StormsWithInjuries = (where Injuries > 0 | project Injuries)`);
    expect(b.results.map((x) => x.name)).toEqual(['StormsWithDeaths', 'StormsWithInjuries']);
    expect(b.results[0]!.toObjects()).toEqual([{ n: 2 }]);
    expect(b.results[1]!.toObjects()).toEqual([{ Injuries: 3 }, { Injuries: 1 }]);
  });

  it('a fork followed by another operator is refused by name at the fork', () => {
    const q = 'datatable(x:long)[1, 2] | fork (count) (take 1) | count';
    try {
      db.query(q);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KqlError);
      const k = e as KqlError;
      expect(k.code).toBe('bind-not-supported');
      expect(k.position).toEqual({ line: 1, column: 27 });
    }
  });
});

describe('a batch of tabular statements', () => {
  it('each tabular statement is a result; lets are shared; as names one', async () => {
    const q = 'let T = datatable(x:long)[1, 2, 3];\nT | where x > 1;\nT | summarize s = sum(x) | as Total;\nprint y = 7';
    const r = db.query(q);
    expect(r.results.map((x) => x.toObjects())).toEqual([[{ x: 2 }, { x: 3 }], [{ s: 6 }], [{ y: 7 }]]);
    expect(r.results.map((x) => x.name)).toEqual([undefined, 'Total', undefined]);
    const a = await db.queryAsync(q);
    expect(a.results.map((x) => x.rowCount)).toEqual([2, 1, 1]);
  });

  it('a query with one result has exactly that one', () => {
    const r = db.query('print a = 1');
    expect(r.results).toEqual([r]);
  });

  it('the CLI prints each result, JSON as a list of results', async () => {
    let out = '';
    const io = { out: (s: string) => (out += s), err: () => {}, isTTY: false, stdin: () => 'print a = 1;\nprint b = "x" | as B' };
    expect(await main(['run', '-', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { columns: [{ name: 'a', type: 'long' }], rows: [[1]] },
      { name: 'B', columns: [{ name: 'b', type: 'string' }], rows: [['x']] },
    ]);
    out = '';
    expect(await main(['run', '-'], io)).toBe(0);
    expect(out).toMatch(/^Result 1:\n[\s\S]*\n\nB:\n/);
  });
});
