// DuckDB as the benchmarks run it: @duckdb/node-api, an in-memory database limited to 2 threads (the machine's
// cores), tables appended chunk by chunk from the plain columns of columns.ts (datetimes as TIMESTAMP, longs as
// BIGINT, dynamic string arrays as VARCHAR[]). A run is one SQL statement read completely (runAndReadAll: the
// result's chunks are in the process, as kqlite's and arquero's results are); turning those chunks into
// JavaScript values for the equality check happens outside the timing.

import {
  BIGINT, BOOLEAN, DOUBLE, DuckDBConnection, DuckDBDataChunk, DuckDBInstance, INTEGER, LIST, TIMESTAMP, VARCHAR,
  listValue, timestampValue, type DuckDBResultReader, type DuckDBType, type DuckDBValue,
} from '@duckdb/node-api';
import type { Table } from '../../src/tables/table.js';
import type { ScalarType } from '../../src/values/types.js';
import { toValue, type Canonical, type Value } from '../harness/results.js';
import { jsColumns, type JsColumn } from './columns.js';

const CHUNK = 2048;

function sqlType(c: JsColumn): { sql: string; type: DuckDBType; value: (x: unknown) => DuckDBValue } {
  const t: ScalarType = c.type;
  switch (t) {
    case 'string':
    case 'guid':
      return { sql: 'VARCHAR', type: VARCHAR, value: (x) => x as string };
    case 'long':
    case 'timespan':
      return { sql: 'BIGINT', type: BIGINT, value: (x) => BigInt(x as number) };
    case 'datetime':
      return { sql: 'TIMESTAMP', type: TIMESTAMP, value: (x) => timestampValue(BigInt(x as number) * 1000n) };
    case 'int':
      return { sql: 'INTEGER', type: INTEGER, value: (x) => x as number };
    case 'real':
      return { sql: 'DOUBLE', type: DOUBLE, value: (x) => x as number };
    case 'bool':
      return { sql: 'BOOLEAN', type: BOOLEAN, value: (x) => x as boolean };
    case 'dynamic':
      // The generator's dynamic columns are arrays of strings (Events.Tags).
      return { sql: 'VARCHAR[]', type: LIST(VARCHAR), value: (x) => listValue((x as string[]).map(String)) };
    default:
      throw new Error(`no DuckDB type for ${t}`);
  }
}

export class DuckDbEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(threads = 2): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
    return new DuckDbEngine(instance, await instance.connect());
  }

  async load(name: string, t: Table, names: readonly string[]): Promise<void> {
    const cols = jsColumns(t, names);
    const types = cols.map(sqlType);
    await this.connection.run(`CREATE TABLE ${name} (${cols.map((c, j) => `"${c.name}" ${types[j]!.sql}`).join(', ')})`);
    const appender = await this.connection.createAppender(name);
    for (let start = 0; start < t.rowCount; start += CHUNK) {
      const end = Math.min(t.rowCount, start + CHUNK);
      const chunk = DuckDBDataChunk.create(types.map((x) => x.type), end - start);
      cols.forEach((c, j) => {
        const conv = types[j]!.value;
        const vals: DuckDBValue[] = new Array(end - start);
        for (let i = start; i < end; i++) vals[i - start] = conv(c.values[i]);
        chunk.setColumnValues(j, vals);
      });
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
  }

  run(sql: string): Promise<DuckDBResultReader> {
    return this.connection.runAndReadAll(sql);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

export function duckdbCanonical(r: DuckDBResultReader): Canonical {
  const names = r.columnNames();
  const cols = r.getColumnsJS();
  const rows: Value[][] = [];
  for (let i = 0; i < r.currentRowCount; i++) rows.push(cols.map((c) => toValue(c[i])));
  return { names, rows };
}
