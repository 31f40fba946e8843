// kqlite's known tables and their schemas, read through the public API only (Database.tableNames() and the bound
// plan of `<table>`), so the measurement picks up every table the catalogue gains without being edited.
import { Database } from '../../src/index.js';
import type { Column } from './ms-oracle.js';

/** A KQL reference to a table by name: bare when it is an identifier, else the bracketed form. */
export function tableRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `['${name.replace(/'/g, "\\'")}']`;
}

export function kqliteSchemas(db: Database = new Database()): Record<string, Column[]> {
  const out: Record<string, Column[]> = {};
  for (const name of db.tableNames()) {
    const { plan } = db.plan(tableRef(name));
    if (!plan) continue; // a name kqlite cannot reference would be a kqlite bug; measure.ts reports none here
    // Types kqlite has and Microsoft's symbols name identically; `decimal` is refused by kqlite, never a column.
    out[name] = plan.schema.map((c) => ({ name: c.name, type: c.type }));
  }
  return out;
}
