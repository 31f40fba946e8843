// kqlite as the benchmarks run it: the repository's source (../src, through tsx), the tables generated in memory
// and registered once; each run is one `Database.query` whose result columns are all forced (filters and sorts
// return lazy selections, and the other engines hand back materialised results).

import { Database } from '../../src/database.js';
import type { Table } from '../../src/tables/table.js';
import { getValue } from '../../src/tables/vector.js';
import { UNIX_EPOCH_TICKS, TICKS_PER_MILLISECOND } from '../../src/values/types.js';
import { toValue, type Canonical, type Value } from '../harness/results.js';
import { NOW } from '../gen-data.js';

export class KqliteEngine {
  readonly db = new Database();
  constructor(tables: Readonly<Record<string, Table>>) {
    for (const [name, t] of Object.entries(tables)) this.db.addTable(name, t);
  }
  /** Runs a query and touches every result column (gathering lazy selections) so the work is all inside the run. */
  run(kql: string): Table {
    const t = this.db.query(kql, { now: NOW }).table;
    for (let j = 0; j < t.columns.length; j++) void t.columns[j];
    return t;
  }
}

const MS_TICKS = TICKS_PER_MILLISECOND;

/** A kqlite result as plain values: datetimes as Unix milliseconds, longs as numbers, dynamic values recursively. */
export function kqliteCanonical(t: Table): Canonical {
  const rows: Value[][] = [];
  const conv = t.schema.map((c) =>
    c.type === 'datetime' ? (v: unknown) => (v === null ? null : Number(((v as bigint) - UNIX_EPOCH_TICKS) / MS_TICKS)) : toValue,
  );
  for (let i = 0; i < t.rowCount; i++) rows.push(t.columns.map((col, j) => conv[j]!(getValue(col, i))));
  return { names: t.schema.map((c) => c.name), rows };
}
