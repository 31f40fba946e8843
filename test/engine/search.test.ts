// search over the database's own tables (the forms a case file cannot express: no `in (...)`, after a pipe, table
// wildcards), with expected rows from search-operator.md's rules, and each result schema checked against
// Microsoft's analyser over the same tables.
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { msResultSchema } from '../support/ms-kusto.js';

const SCHEMAS = {
  Customers: [
    { name: 'CustomerKey', type: 'long' },
    { name: 'FirstName', type: 'string' },
    { name: 'LastName', type: 'string' },
  ],
  Products: [
    { name: 'ProductName', type: 'string' },
    { name: 'ColorName', type: 'string' },
    { name: 'CustomerKey', type: 'string' },
  ],
  Sales: [
    { name: 'DateKey', type: 'datetime' },
    { name: 'Amount', type: 'real' },
  ],
} as const;

function database(): Database {
  const db = new Database({ builtinSchemas: false });
  db.addTable('Customers', {
    schema: [...SCHEMAS.Customers],
    rows: [
      { CustomerKey: 1, FirstName: 'Mason', LastName: 'Green' },
      { CustomerKey: 2, FirstName: 'Adam', LastName: 'Greenfield' },
    ],
  });
  db.addTable('Products', {
    schema: [...SCHEMAS.Products],
    rows: [
      { ProductName: 'MP3 Player Green', ColorName: 'Green', CustomerKey: 'k1' },
      { ProductName: 'Lamp', ColorName: 'White', CustomerKey: 'k2' },
    ],
  });
  db.addTable('Sales', { schema: [...SCHEMAS.Sales], rows: [{ DateKey: '2021-12-13T00:00:00Z', Amount: 1.5 }] });
  return db;
}

function run(text: string) {
  const db = database();
  const result = db.query(text, { now: '2026-11-20T12:00:00Z' });
  const ms = msResultSchema(text, SCHEMAS as never);
  return { columns: result.columns, rows: result.toJSON().rows, ms };
}

describe('search over the database', () => {
  it('searches every table when no table is named, $table first', () => {
    const r = run('search "Green" | project $table, LastName, ProductName');
    expect(r.columns).toEqual(r.ms);
    expect(r.rows).toEqual([
      ['Customers', 'Green', ''],
      ['Products', '', 'MP3 Player Green'],
    ]);
  });

  it('gives every table\'s columns, one per type for a name with several types (union-operator.md)', () => {
    const r = run('search "Green"');
    // The same columns as the analyser's; their order is union's (operators/union.ts), which places CustomerKey_string
    // where Products' CustomerKey first appears, while the analyser puts it next to CustomerKey_long.
    const byName = (cs: readonly { name: string }[]) => [...cs].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(r.columns)).toEqual(byName(r.ms as never));
    expect(r.columns.map((c) => c.name)).toContain('CustomerKey_long');
    expect(r.columns.map((c) => c.name)).toContain('CustomerKey_string');
  });

  it('names the table after a pipe, through where', () => {
    const r = run('Customers | where CustomerKey > 0 | search "green"');
    expect(r.columns).toEqual(r.ms);
    expect(r.rows).toEqual([['Customers', 1, 'Mason', 'Green']]);
  });

  it('takes wildcard table names in `in (...)`', () => {
    const r = run('search in (Cust*, Prod*) "Greenfield" or "Lamp" | project $table');
    expect(r.columns).toEqual(r.ms);
    expect(r.rows).toEqual([['Customers'], ['Products']]);
  });

  it('searches a datetime column through its text [U]', () => {
    const r = run('search in (Sales) "2021"');
    expect(r.rows.length).toBe(1);
  });

  it('searches a table of thousands of columns (the any-column test is a balanced tree, not a chain)', () => {
    const db = new Database({ builtinSchemas: false });
    const schema = Array.from({ length: 4000 }, (_, i) => ({ name: `c${i}`, type: i % 2 ? 'string' : 'long' }));
    const row = Object.fromEntries(schema.map((c, i) => [c.name, c.type === 'long' ? i : `v${i}`]));
    db.addTable('Wide', { schema, rows: [row, { ...row, c3999: 'other' }] });
    const r = db.query('Wide | where * has "v3999" | count', { now: '2026-11-20T12:00:00Z' });
    expect(r.toJSON().rows).toEqual([[1]]);
  });
});
