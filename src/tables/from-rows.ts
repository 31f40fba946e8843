// Build a typed, columnar table from plain JavaScript rows (objects) or column arrays, validating every value
// against the column type. Bad values are errors with the row and column, never silently coerced or dropped.

import type { Dynamic, ScalarType, ScalarValue } from '../values/types.js';
import { parseDatetime } from '../values/datetime.js';
import { parseTimespan } from '../values/timespan.js';
import { parseJson, freezeDynamic } from '../values/dynamic.js';
import { parseGuidText } from '../values/convert.js';
import { encodeStrings, vectorFromValues, type Vector } from './vector.js';
import { makeTable, type Schema, type Table } from './table.js';

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

/** Convert one JS value to the representation of `type`; throws a plain Error with the reason. */
export function coerceValue(type: ScalarType, v: unknown): ScalarValue | null {
  if (v === null || v === undefined) return type === 'string' ? '' : null;
  switch (type) {
    case 'string':
      if (typeof v === 'string') return v;
      throw new Error('expected a string');
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 0 || v === 1) return v === 1;
      if (v === 'true' || v === 'false') return v === 'true';
      if (v === 'True' || v === 'False') return v === 'True';
      throw new Error('expected true or false');
    case 'int': {
      const n = typeof v === 'string' && /^[+-]?\d+$/.test(v.trim()) ? Number(v) : v;
      if (typeof n === 'number' && Number.isInteger(n) && n >= -2147483648 && n <= 2147483647) return n;
      if (typeof n === 'bigint' && n >= -2147483648n && n <= 2147483647n) return Number(n);
      throw new Error('expected a 32-bit integer');
    }
    case 'long': {
      if (typeof v === 'bigint') return BigInt.asIntN(64, v) === v ? v : fail('out of range for long');
      if (typeof v === 'number') {
        if (!Number.isSafeInteger(v)) throw new Error('expected an integer (numbers beyond 2^53 must be given as strings)');
        return BigInt(v);
      }
      if (typeof v === 'string' && /^[+-]?\d+$/.test(v.trim())) {
        const b = BigInt(v.trim());
        if (BigInt.asIntN(64, b) !== b) throw new Error('out of range for long');
        return b;
      }
      throw new Error('expected an integer');
    }
    case 'real': {
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      if (typeof v === 'string') {
        const t = v.trim();
        if (/^(nan)$/i.test(t)) return NaN;
        if (/^\+?inf(inity)?$/i.test(t)) return Infinity;
        if (/^-inf(inity)?$/i.test(t)) return -Infinity;
        if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
      }
      throw new Error('expected a number');
    }
    case 'datetime': {
      if (v instanceof Date) {
        if (Number.isNaN(v.getTime())) throw new Error('invalid Date');
        return parseDatetime(v.toISOString()) ?? fail('datetime out of range');
      }
      if (typeof v === 'string') return parseDatetime(v) ?? fail('expected an ISO-8601 datetime');
      throw new Error('expected an ISO-8601 datetime string');
    }
    case 'timespan':
      if (typeof v === 'string') return parseTimespan(v) ?? fail('expected a timespan like 1.02:03:04.5 or 1h');
      if (typeof v === 'bigint') return v;
      throw new Error('expected a timespan string');
    case 'guid':
      if (typeof v === 'string') return parseGuidText(v) ?? fail('expected a guid');
      throw new Error('expected a guid string');
    case 'dynamic':
      return toDynamic(v);
    case 'decimal':
      throw new Error('decimal columns are not supported yet');
  }
}

function fail(message: string): never {
  throw new Error(message);
}

function toDynamic(v: unknown): Dynamic {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (typeof v === 'bigint' || typeof v === 'boolean' || v === null) return v as Dynamic;
  if (Array.isArray(v)) return freezeDynamic(v.map(toDynamic));
  if (typeof v === 'object') {
    const out: Record<string, Dynamic> = Object.create(null) as Record<string, Dynamic>;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = x === undefined ? null : toDynamic(x);
    return freezeDynamic(out);
  }
  throw new Error('expected a JSON value');
}

/** Parse text of a dynamic column cell (CSV, or NDJSON strings in dynamic columns are JSON values as is). */
export function dynamicFromText(text: string): Dynamic {
  return parseJson(text);
}

export function tableFromRows(schema: Schema, rows: readonly Readonly<Record<string, unknown>>[]): Table {
  const known = new Set(schema.map((c) => c.name));
  const columns: Vector[] = schema.map((c) => {
    const values = new Array<ScalarValue | null>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const raw = rows[i]![c.name];
      try {
        values[i] = coerceValue(c.type, raw);
      } catch (err) {
        throw new RowConversionError(i, c.name, raw, `row ${i + 1}, column '${c.name}' (${c.type}): ${(err as Error).message}: ${JSON.stringify(String(raw))}`);
      }
    }
    return c.type === 'string' ? encodeStrings(values as string[]) : vectorFromValues(c.type, values);
  });
  for (let i = 0; i < rows.length; i++) {
    for (const k of Object.keys(rows[i]!)) {
      if (!known.has(k)) throw new RowConversionError(i, k, rows[i]![k], `row ${i + 1}: unknown column '${k}'`);
    }
  }
  return makeTable(schema, columns, rows.length);
}
