// find over stored tables (find-operator.md's EventsTable1 / EventsTable2): source_ names the stored table, the
// forms without `in` and with wildcards, and every result schema checked against Microsoft's analyser.
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { msResultSchema } from '../support/ms-kusto.js';

const S = 'acbd207d-51aa-4df7-bfa7-be70eb68f04e';
const col = (name: string) => ({ name, type: 'string' });
const SCHEMAS = {
  EventsTable1: ['Session_Id', 'Level', 'EventText', 'Version'].map(col),
  EventsTable2: ['Session_Id', 'Level', 'EventText', 'EventName'].map(col),
};
const ROWS = {
  EventsTable1: [
    [S, 'Information', 'Some Text1', 'v1.0.0'],
    [S, 'Error', 'Some Text2', 'v1.0.0'],
    ['28b8e46e-3c31-43cf-83cb-48921c3986fc', 'Error', 'Some Text3', 'v1.0.1'],
    ['8f057b11-3281-45c3-a856-05ebb18a3c59', 'Information', 'Some Text4', 'v1.1.0'],
  ],
  EventsTable2: [
    ['f7d5f95f-f580-4ea6-830b-5776c8d64fdd', 'Information', 'Some Other Text1', 'Event1'],
    [S, 'Information', 'Some Other Text2', 'Event2'],
    [S, 'Error', 'Some Other Text3', 'Event3'],
    ['15eaeab5-8576-4b58-8fc6-478f75d8fee4', 'Error', 'Some Other Text4', 'Event4'],
  ],
};

function run(text: string) {
  const db = new Database({ builtinSchemas: false });
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const rows = ROWS[name as keyof typeof ROWS].map((r) => Object.fromEntries(schema.map((c, i) => [c.name, r[i]])));
    db.addTable(name, { schema, rows });
  }
  const result = db.query(text, { now: '2026-11-20T12:00:00Z' });
  expect(result.columns).toEqual(msResultSchema(text, SCHEMAS as never));
  return result.toJSON().rows;
}

const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();

describe('find over stored tables', () => {
  it('page example: predicate and project over every table (no `in`)', () => {
    const rows = run("find Version == 'v1.0.0' or EventName == 'Event1' project Session_Id, EventText, Version, EventName");
    expect(sorted(rows)).toEqual(
      sorted([
        ['EventsTable1', S, 'Some Text1', 'v1.0.0', ''],
        ['EventsTable1', S, 'Some Text2', 'v1.0.0', ''],
        ['EventsTable2', 'f7d5f95f-f580-4ea6-830b-5776c8d64fdd', 'Some Other Text1', '', 'Event1'],
      ]),
    );
  });

  it('page example: project-smart packs each row\'s other columns into pack_', () => {
    const rows = run(`find Session_Id == '${S}'`);
    expect(sorted(rows)).toEqual(
      sorted([
        ['EventsTable1', S, 'Information', 'Some Text1', { Version: 'v1.0.0' }],
        ['EventsTable1', S, 'Error', 'Some Text2', { Version: 'v1.0.0' }],
        ['EventsTable2', S, 'Information', 'Some Other Text2', { EventName: 'Event2' }],
        ['EventsTable2', S, 'Error', 'Some Other Text3', { EventName: 'Event3' }],
      ]),
    );
  });

  it('page example: project pack(*) gives source_ and one bag', () => {
    const rows = run(`find Session_Id == '${S}' and Level == 'Error' project pack(*)`);
    expect(sorted(rows)).toEqual(
      sorted([
        ['EventsTable1', { Session_Id: S, Level: 'Error', EventText: 'Some Text2', Version: 'v1.0.0' }],
        ['EventsTable2', { Session_Id: S, Level: 'Error', EventText: 'Some Other Text3', EventName: 'Event3' }],
      ]),
    );
  });

  it('wildcard tables, withsource, and a term over every column', () => {
    const rows = run('find withsource=Src in (Events*) where "Text4" project EventText');
    expect(sorted(rows)).toEqual(sorted([['EventsTable1', 'Some Text4'], ['EventsTable2', 'Some Other Text4']]));
  });

  it('leaves out the tables without a column of the predicate', () => {
    const rows = run("find in (EventsTable1, EventsTable2) where EventName == 'Event4'");
    expect(rows).toEqual([['EventsTable2', '15eaeab5-8576-4b58-8fc6-478f75d8fee4', 'Error', 'Some Other Text4', 'Event4']]);
  });
});
