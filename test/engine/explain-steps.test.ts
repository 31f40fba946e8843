// Database.explainSteps (kqlite explain): steps in the order they run, as written, with the columns each adds,
// removes or retypes, the instants now()/ago() were folded into, and nested pipelines indented under their step.
// Expected texts are written by hand from the queries (the schemas are the datatables'/catalogue's).
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';

const explain = (q: string) => new Database().explainSteps(q, { now: '2026-11-20T12:00:00Z' });

describe('explainSteps', () => {
  it('a source, a filter with a folded instant, an added column, a summarize that keeps two columns', () => {
    const q = `let T = datatable(User: string, Ts: datetime, Bytes: long)[];
T
| where Ts between (startofday(ago(2d)) .. now())
| extend Kb = Bytes / 1024
| summarize Total = sum(Kb) by User`;
    expect(explain(q)).toBe(
      [
        'datatable(User: string, Ts: datetime, Bytes: long)[]',
        '    3 column(s)',
        '| where Ts between (startofday(ago(2d)) .. now())',
        '    startofday(ago(2d)) = 2026-11-18T00:00:00Z, now() = 2026-11-20T12:00:00Z',
        '| extend Kb = Bytes / 1024',
        '    + Kb: long',
        '| summarize Total = sum(Kb) by User',
        '    → 2 column(s): User: string, Total: long',
        'result: 2 column(s): User: string, Total: long',
      ].join('\n'),
    );
  });

  // The cut covers the nested nodes written inside the step; `R` names a let whose text is its let statement, so it
  // stays, and the nested pipeline starts from R's definition.
  it('a join shows its right side as a nested pipeline, cut to … in the step text', () => {
    const q = `let L = datatable(Id: string, Url: string)[];
let R = datatable(Id: string, Subject: string)[];
L
| join kind=inner (R
    | where Subject has "invoice") on Id`;
    expect(explain(q)).toBe(
      [
        'datatable(Id: string, Url: string)[]',
        '    2 column(s)',
        '| join kind=inner (R | …) on Id',
        '    with:',
        '      datatable(Id: string, Subject: string)[]',
        '          2 column(s)',
        '      | where Subject has "invoice"',
        '    + Id1: string, Subject: string',
        'result: 4 column(s): Id: string, Url: string, Id1: string, Subject: string',
      ].join('\n'),
    );
  });

  it('a retyped column and a reordering are named as such', () => {
    const q = 'datatable(a: long, b: string)[1, "x"] | extend a = tostring(a) | project-reorder b, a';
    expect(explain(q)).toBe(
      [
        'datatable(a: long, b: string)[1, "x"]',
        '    2 column(s)',
        '| extend a = tostring(a)',
        '    ~ a: long → string',
        '| project-reorder b, a',
        '    columns reordered: b, a',
        'result: 2 column(s): b: string, a: string',
      ].join('\n'),
    );
  });
});
