// A table is a schema plus one vector per column, all of the same length. Immutable.

import type { ScalarType } from '../values/types.js';
import { getValue, take, type Vector, vectorFromValues, concatVectors } from './vector.js';
import type { ScalarValue } from '../values/types.js';

export interface Column {
  readonly name: string;
  readonly type: ScalarType;
}

export type Schema = readonly Column[];

export interface Table {
  readonly schema: Schema;
  readonly columns: readonly Vector[];
  readonly rowCount: number;
}

export function makeTable(schema: Schema, columns: readonly Vector[], rowCount?: number): Table {
  const n = rowCount ?? columns[0]?.length ?? 0;
  return { schema, columns, rowCount: n };
}

export function emptyTable(schema: Schema): Table {
  return makeTable(
    schema,
    schema.map((c) => vectorFromValues(c.type, [])),
    0,
  );
}

/** A table's rows at `indices` (-1 = a row of nulls). */
export function takeRows(t: Table, indices: ArrayLike<number>): Table {
  return makeTable(
    t.schema,
    t.columns.map((c) => take(c, indices)),
    indices.length,
  );
}

interface SelectedTable extends Table {
  readonly base: Table;
  readonly selection: Uint32Array;
}

/**
 * The rows of `t` at `selection` (a filter's result), with columns gathered lazily on first access: a filter over a
 * wide table followed by a narrow project copies only the columns that are used. Selections of selections compose
 * into one selection over the base table.
 */
export function selectRows(t: Table, selection: Uint32Array): Table {
  let base = t;
  let sel = selection;
  const inner = t as Partial<SelectedTable>;
  if (inner.base && inner.selection) {
    base = inner.base;
    const composed = new Uint32Array(selection.length);
    for (let i = 0; i < selection.length; i++) composed[i] = inner.selection[selection[i]!]!;
    sel = composed;
  }
  const columns: Vector[] = [];
  for (let j = 0; j < base.columns.length; j++) {
    Object.defineProperty(columns, j, {
      configurable: true,
      enumerable: true,
      get() {
        const v = take(base.columns[j]!, sel);
        Object.defineProperty(columns, j, { value: v, enumerable: true, configurable: false, writable: false });
        return v;
      },
    });
  }
  const out: SelectedTable = { schema: t.schema, columns, rowCount: sel.length, base, selection: sel };
  return out;
}

export function sliceRows(t: Table, start: number, end: number): Table {
  const n = Math.max(0, Math.min(end, t.rowCount) - start);
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = start + i;
  return takeRows(t, idx);
}

export function concatTables(schema: Schema, parts: readonly Table[]): Table {
  const columns = schema.map((c, j) => concatVectors(c.type, parts.map((p) => p.columns[j]!)));
  return makeTable(
    schema,
    columns,
    parts.reduce((s, p) => s + p.rowCount, 0),
  );
}

/** Row i as an array of values (for output and tests, never for hot paths). */
export function rowAt(t: Table, i: number): (ScalarValue | null)[] {
  return t.columns.map((c) => getValue(c, i));
}

export function columnIndex(schema: Schema, name: string): number {
  return schema.findIndex((c) => c.name === name);
}
