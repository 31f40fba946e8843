// A declared schema (Database.defineTable/addTable, <Table>.schema.json, the schema of an API export) checked and
// resolved once: a list of {name, type} with unique, non-empty names and types every Kusto spelling of which is
// accepted (src/values/type-names.ts). `Name`/`Type` (the Defender API's spelling) are accepted as the keys too.

import { columnTypeOf } from '../values/type-names.js';
import type { Column } from './table.js';

export class SchemaError extends Error {
  constructor(
    message: string,
    readonly notes: readonly string[] = [],
    /** 0-based index of the column entry at fault, when one is. */
    readonly entry?: number,
  ) {
    super(message + (notes.length ? ` (${notes.join('; ')})` : ''));
    this.name = 'SchemaError';
  }
}

function field(o: Record<string, unknown>, lower: string): unknown {
  if (lower in o) return o[lower];
  const upper = lower[0]!.toUpperCase() + lower.slice(1);
  return o[upper];
}

/** Checks a declared schema and resolves its type names; throws SchemaError saying which entry and why. */
export function checkSchema(value: unknown): Column[] {
  if (!Array.isArray(value)) {
    const what = value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
    throw new SchemaError(`a schema is a list of {"name": …, "type": …} columns, not ${what}`);
  }
  const seen = new Set<string>();
  return value.map((entry: unknown, i) => {
    const at = `column ${i + 1}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new SchemaError(`${at}: expected {"name": …, "type": …}`, [], i);
    }
    const name = field(entry as Record<string, unknown>, 'name');
    if (typeof name !== 'string' || name === '') throw new SchemaError(`${at}: "name" must be a non-empty string`, [], i);
    if (seen.has(name)) throw new SchemaError(`${at}: column '${name}' is declared twice`, [], i);
    seen.add(name);
    const t = columnTypeOf(field(entry as Record<string, unknown>, 'type'));
    if ('error' in t) throw new SchemaError(`${at} ('${name}'): ${t.error}`, t.notes, i);
    return { name, type: t.type };
  });
}
