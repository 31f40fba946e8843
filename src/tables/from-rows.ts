// Build a typed, columnar table from plain JavaScript rows (objects), validating every value against its column
// type. Bad values are errors with the row and column, never silently coerced or dropped. The conversion rules are
// those of every loader (column-builder.ts); rows are read once, in order, straight into typed columns.

import { didYouMean } from '../diagnostics.js';
import type { Dynamic, ScalarType, ScalarValue } from '../values/types.js';
import { parseJson } from '../values/dynamic.js';
import { columnBuilder, StringColumn } from './column-builder.js';
import { getValue } from './vector.js';
import { ValueError } from './text-values.js';
import { TableBuilder } from './table-builder.js';
import type { Schema, Table } from './table.js';

export class RowConversionError extends Error {
  constructor(
    readonly row: number,
    readonly column: string,
    readonly value: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'RowConversionError';
  }
}

/** A value as it appears in messages: JSON text where there is one, never throwing (bigints, cycles, symbols). */
export function describeValue(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  try {
    const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
    if (text === undefined) return String(v);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(v);
  }
}

/** Convert one JS value to the representation of `type` (the rules of every loader); throws with the reason. */
export function coerceValue(type: ScalarType, v: unknown): ScalarValue | null {
  const column = columnBuilder(type, 1);
  column.putValue(0, v);
  return getValue(column.finish(1), 0);
}

/** Parse text of a dynamic column cell (CSV): JSON text, or the text itself when it is not JSON. */
export function dynamicFromText(text: string): Dynamic {
  return parseJson(text);
}

/** Rows (objects keyed by column name) → a table of `schema`. Throws RowConversionError naming row and column. */
export function tableFromRows(schema: Schema, rows: readonly Readonly<Record<string, unknown>>[]): Table {
  const index = new Map(schema.map((c, i) => [c.name, i]));
  const names = schema.map((c) => c.name);
  const builder = new TableBuilder(schema, { capacity: rows.length });
  const columns = builder.columns;
  // Rows built by one program list their keys in one order: the column of the k-th key is predicted from the
  // previous row and checked with one comparison (property keys are interned, so it is a pointer comparison).
  const columnOfSlot = new Int32Array(schema.length + 1).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new RowConversionError(i, '', row, `row ${i + 1}: expected an object of column values, got ${describeValue(row)}`);
    }
    builder.beginRow();
    let slot = 0;
    for (const key in row) {
      if (!Object.prototype.hasOwnProperty.call(row, key)) continue;
      const predicted = slot < columnOfSlot.length ? columnOfSlot[slot]! : -1;
      let j: number;
      if (predicted >= 0 && names[predicted] === key) j = predicted;
      else {
        const found = index.get(key);
        if (found === undefined) {
          const hint = didYouMean(key, index.keys());
          throw new RowConversionError(i, key, row[key], `row ${i + 1}: unknown column '${key}'${hint.length ? ` (${hint.join('; ')})` : ''}`);
        }
        j = found;
        if (slot < columnOfSlot.length) columnOfSlot[slot] = j;
      }
      slot++;
      builder.claim(j);
      const v = row[key];
      const col = columns[j]!;
      try {
        if (typeof v === 'string' && col instanceof StringColumn) col.putString(i, v);
        else col.putValue(i, v);
      } catch (err) {
        if (!(err instanceof ValueError)) throw err;
        const c = schema[j]!;
        throw new RowConversionError(i, c.name, v, `row ${i + 1}, column '${c.name}' (${c.type}): ${err.message}: ${describeValue(v)}`);
      }
    }
    builder.endRow();
  }
  return builder.finish();
}
