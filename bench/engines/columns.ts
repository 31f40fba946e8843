// Generated kqlite tables as plain JavaScript columns, the input the other engines are given: strings as arrays
// of strings (the same string objects, so no copy of the text), long / datetime / real as numbers (datetimes in
// Unix milliseconds; every generated long is below 2^53), int as Int32Array, bool as booleans, dynamic as the
// JavaScript values. Every engine therefore gets exactly the same data.

import type { Table } from '../../src/tables/table.js';
import { getValue } from '../../src/tables/vector.js';
import { TICKS_PER_MILLISECOND, UNIX_EPOCH_TICKS, type ScalarType } from '../../src/values/types.js';
import { toValue } from '../harness/results.js';

export interface JsColumn {
  readonly name: string;
  readonly type: ScalarType;
  readonly values: readonly unknown[] | Float64Array | Int32Array;
}

export function jsColumns(t: Table, names: readonly string[]): JsColumn[] {
  return names.map((name) => {
    const j = t.schema.findIndex((c) => c.name === name);
    if (j < 0) throw new Error(`no column ${name}`);
    const type = t.schema[j]!.type;
    const v = t.columns[j]!;
    const n = t.rowCount;
    switch (v.type) {
      case 'string':
        return { name, type, values: v.values ?? Array.from(v.codes!, (c) => v.dict![c]!) };
      case 'long':
      case 'timespan':
      case 'datetime': {
        const out = new Float64Array(n);
        const base = v.type === 'datetime' ? UNIX_EPOCH_TICKS : 0n;
        const div = v.type === 'datetime' ? TICKS_PER_MILLISECOND : 1n;
        if (v.valid) throw new Error(`${name}: the generator makes no nulls`);
        for (let i = 0; i < n; i++) out[i] = Number((v.data[i]! - base) / div);
        return { name, type, values: out };
      }
      case 'int':
        return { name, type, values: v.data };
      case 'real':
        return { name, type, values: v.data };
      default: {
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) {
          const x = getValue(v, i);
          out[i] = type === 'dynamic' ? toValue(x) : x;
        }
        return { name, type, values: out };
      }
    }
  });
}
