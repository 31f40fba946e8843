// Rows → a typed table, one row at a time, for every source (data files of each format, Database.addTable).
// The rules that hold whatever the source live here and only here:
//  - a column a row does not give is null ("" for strings);
//  - a column given twice in one row (duplicate JSON key, duplicate CSV header) is an error, never "last wins";
//  - time-column mirroring: in any table whose schema has both `Timestamp` (Defender XDR) and `TimeGenerated`
//    (Sentinel / Log Analytics) as datetimes, a row that gives only one of them gets the same instant in the other,
//    so rules of either dialect see it. A value that was given but did not fit (nulled under lenient) is not
//    filled from its twin: it stays one counted bad value.

import { columnBuilder, Int64Column, type ColumnBuilder } from './column-builder.js';
import { makeTable, type Schema, type Table } from './table.js';

export interface TableBuilderOptions {
  /** Rows expected (capacity is grown by doubling past it). */
  readonly capacity?: number;
}

/** The pair of columns kept equal by mirroring, when the schema has both as datetimes. */
export function mirroredTimeColumns(schema: Schema): readonly [number, number] | undefined {
  const ts = schema.findIndex((c) => c.name === 'Timestamp');
  const tg = schema.findIndex((c) => c.name === 'TimeGenerated');
  if (ts < 0 || tg < 0 || schema[ts]!.type !== 'datetime' || schema[tg]!.type !== 'datetime') return undefined;
  return [ts, tg];
}

export class TableBuilder {
  readonly columns: ColumnBuilder[];
  /** Rows finished so far; also the index of the row being read. */
  rows = 0;
  /** Values that did not fit and were turned into nulls (lenient mode). */
  bad = 0;
  private capacity: number;
  /** Per column, the stamp of the last row that gave it / that nulled a bad value in it. */
  private readonly given: Int32Array;
  private readonly badAt: Int32Array;
  private stamp = 0;
  private readonly mirror: readonly [number, number] | undefined;

  constructor(
    readonly schema: Schema,
    options: TableBuilderOptions = {},
  ) {
    this.capacity = Math.max(16, options.capacity ?? 1024);
    this.columns = schema.map((c) => columnBuilder(c.type, this.capacity));
    this.given = new Int32Array(schema.length);
    this.badAt = new Int32Array(schema.length);
    this.mirror = mirroredTimeColumns(schema);
  }

  /** Starts (or restarts, after a partial read) the row at index `rows`. */
  beginRow(): void {
    this.stamp++;
    if (this.rows >= this.capacity) {
      this.capacity *= 2;
      for (const c of this.columns) c.grow(this.capacity);
    }
  }

  /** Column j is given by the current row; false when the row already gave it (a duplicate). */
  claim(j: number): boolean {
    if (this.given[j] === this.stamp) return false;
    this.given[j] = this.stamp;
    return true;
  }

  /** The value given for column j did not fit: it becomes a null and is counted. */
  markBad(j: number): void {
    this.columns[j]!.putNull(this.rows);
    this.badAt[j] = this.stamp;
    this.bad++;
  }

  endRow(): void {
    const row = this.rows;
    const stamp = this.stamp;
    const cols = this.columns;
    for (let j = 0; j < cols.length; j++) if (this.given[j] !== stamp) cols[j]!.putNull(row);
    const m = this.mirror;
    if (m !== undefined) {
      const [ts, tg] = m;
      const a = cols[ts] as Int64Column;
      const b = cols[tg] as Int64Column;
      const aEmpty = a.isNull(row) && this.badAt[ts] !== stamp;
      const bEmpty = b.isNull(row) && this.badAt[tg] !== stamp;
      if (aEmpty && !b.isNull(row)) a.copyFrom(b, row);
      else if (bEmpty && !a.isNull(row)) b.copyFrom(a, row);
    }
    this.rows = row + 1;
  }

  finish(): Table {
    return makeTable(
      this.schema,
      this.columns.map((c) => c.finish(this.rows)),
      this.rows,
    );
  }
}
