// Shared helpers of the engine property tests: run a query over generated rows through the public Database API.
import { Database } from '../../src/database.js';

export type Row = Record<string, unknown>;

export function runOn(table: string, schema: { name: string; type: string }[], rows: Row[], query: string, extra: Record<string, { schema: { name: string; type: string }[]; rows: Row[] }> = {}): Row[] {
  const db = new Database();
  db.addTable(table, { schema, rows });
  for (const [name, t] of Object.entries(extra)) db.addTable(name, t);
  return db.query(query, { now: '2026-11-20T12:00:00Z' }).toObjects();
}

/** Rows as sorted JSON text: equality of multisets. */
export function multiset(rows: Row[]): string[] {
  return rows.map((r) => JSON.stringify(r)).sort();
}
