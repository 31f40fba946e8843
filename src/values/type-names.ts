// Column type names as people and exports write them, resolved to the engine's scalar types. One list, used by
// every place that reads a declared type: Database.defineTable/addTable, <Table>.schema.json, CSV `Name:type`
// headers, and the schemas embedded in API exports (Defender `Schema`, Graph `schema`, Log Analytics `columns`).
//
// Names (docs: scalar-data-types/index.md, "Type | Additional name(s) | Equivalent .NET type"):
//   bool boolean · int int32 · long int64 · real double · datetime date · timespan time · string · guid uuid
//   uniqueid · dynamic · decimal
// plus the .NET type names the same table gives (System.Boolean, System.Int32, System.Int64, System.Double,
// System.DateTime, System.TimeSpan, System.String, System.Guid, System.Object, System.Data.SqlTypes.SqlDecimal),
// with or without `System.`, because the Defender advanced-hunting API and Graph runHuntingQuery describe columns
// with them (`"Type": "DateTime"`, `"String"`; docs: defender-xdr/api-advanced-hunting.md,
// graph security-security-runhuntingquery.md). `SByte` is Kusto's storage type for bool (I8), seen in .NET clients.
// [U] Matching ignores case (`String`, `DateTime`, `Int64` all resolve): no two names differ only by case, so nothing
// is ambiguous, and schema files written by hand or exported by tools use either spelling.
//
// decimal resolves (it is a Kusto type) but columns of it are refused by `columnTypeOf` until the engine has it.

import { didYouMean } from '../diagnostics.js';
import type { ScalarType } from './types.js';

const NAMES: Readonly<Record<string, ScalarType>> = {
  bool: 'bool',
  boolean: 'bool',
  'system.boolean': 'bool',
  sbyte: 'bool',
  'system.sbyte': 'bool',
  int: 'int',
  int32: 'int',
  'system.int32': 'int',
  long: 'long',
  int64: 'long',
  'system.int64': 'long',
  real: 'real',
  double: 'real',
  'system.double': 'real',
  datetime: 'datetime',
  date: 'datetime',
  'system.datetime': 'datetime',
  timespan: 'timespan',
  time: 'timespan',
  'system.timespan': 'timespan',
  string: 'string',
  'system.string': 'string',
  guid: 'guid',
  uuid: 'guid',
  uniqueid: 'guid',
  'system.guid': 'guid',
  dynamic: 'dynamic',
  object: 'dynamic',
  'system.object': 'dynamic',
  decimal: 'decimal',
  sqldecimal: 'decimal',
  'system.data.sqltypes.sqldecimal': 'decimal',
};

/** The Kusto spellings, for "did you mean" (the .NET names are accepted but not suggested). */
export const KUSTO_TYPE_NAMES: readonly string[] = [
  'bool', 'boolean', 'int', 'int32', 'long', 'int64', 'real', 'double', 'datetime', 'date', 'timespan', 'time',
  'string', 'guid', 'uuid', 'uniqueid', 'dynamic', 'decimal',
];

/** The scalar type a name stands for (decimal included), or undefined when it names no type. */
export function resolveTypeName(name: string): ScalarType | undefined {
  const key = name.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(NAMES, key) ? NAMES[key] : undefined;
}

/** Why a declared column type cannot be used, with hints; undefined when it can. */
export type ColumnTypeResult = { readonly type: ScalarType } | { readonly error: string; readonly notes: readonly string[] };

/** A column's declared type: every Kusto name resolves; decimal and unknown names are refused with the reason. */
export function columnTypeOf(name: unknown): ColumnTypeResult {
  if (typeof name !== 'string') return { error: `a column type must be a type name, got ${describe(name)}`, notes: [] };
  const type = resolveTypeName(name);
  if (type === undefined) return { error: `unknown type '${name}'`, notes: didYouMean(name, KUSTO_TYPE_NAMES) };
  if (type === 'decimal') return { error: `decimal columns are not supported yet (column type '${name}')`, notes: [] };
  return { type };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}
