// arquero as the benchmarks run it: one ColumnTable per generated table, built from the plain columns of
// columns.ts (strings as arrays, numbers and datetimes-as-milliseconds as typed arrays). A run is a case's verb
// pipeline; a filtered or ordered result is reified so that, as for the other engines, the rows are materialised.

import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Table } from '../../src/tables/table.js';
import { countResult, toValue, type Canonical, type Value } from '../harness/results.js';
import { jsColumns } from './columns.js';

export type Aq = typeof aq;
export type AqTables = Readonly<Record<string, ColumnTable>>;

export function arqueroTables(tables: Readonly<Record<string, Table>>, columns: Readonly<Record<string, readonly string[]>>): AqTables {
  const out: Record<string, ColumnTable> = {};
  for (const [name, cols] of Object.entries(columns)) {
    const t = tables[name];
    if (!t) throw new Error(`no table ${name}`);
    const data: Record<string, unknown> = {};
    for (const c of jsColumns(t, cols)) data[c.name] = c.values;
    out[name] = aq.table(data as Parameters<typeof aq.table>[0]);
  }
  return out;
}

export function runArquero(fn: (a: Aq, t: AqTables) => ColumnTable | number, tables: AqTables): ColumnTable | number {
  const r = fn(aq, tables);
  if (typeof r === 'number') return r;
  return r.isFiltered() || r.isOrdered() ? r.reify() : r;
}

export function arqueroCanonical(r: ColumnTable | number): Canonical {
  if (typeof r === 'number') return countResult(r);
  const names = r.columnNames();
  const cols = names.map((n) => r.array(n) as ArrayLike<unknown>);
  const rows: Value[][] = [];
  for (let i = 0; i < r.numRows(); i++) rows.push(cols.map((c) => toValue(c[i])));
  return { names, rows };
}
