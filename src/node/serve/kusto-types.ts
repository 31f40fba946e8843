// Kusto's names for kqlite's column types on the wire: the v2 `ColumnType` (the KQL type name), the v1 `DataType`
// (the "approximate .NET type", response.md) and the CLR type names of schema commands (`.show database x schema`,
// `... schema as json`: show-schema-database.md prints System.String, System.DateTime, System.Int32, ...).
// Values themselves use the library's JSON conventions (src/tables/format.ts jsonCell): datetime ISO-8601 with 7
// fractional digits and Z, timespan [-][d.]hh:mm:ss[.fffffff], dynamic as JSON, long exact, real NaN/±Infinity as
// strings, guid as its canonical text.

import type { ScalarType } from '../../values/types.js';

/** v1 `DataType` (.NET type name without namespace). [U] bool is SByte: Kusto stores bool as a signed byte. */
const V1_DATA_TYPES: Readonly<Record<ScalarType, string>> = {
  bool: 'SByte',
  int: 'Int32',
  long: 'Int64',
  real: 'Double',
  decimal: 'Decimal',
  datetime: 'DateTime',
  timespan: 'TimeSpan',
  string: 'String',
  guid: 'Guid',
  dynamic: 'Object',
};

export function v1DataType(t: ScalarType): string {
  return V1_DATA_TYPES[t];
}

/** The CLR type name schema commands print (show-schema-database.md: System.String, System.Int32, ...). */
export function clrTypeName(t: ScalarType): string {
  return t === 'decimal' ? 'System.Data.SqlTypes.SqlDecimal' : `System.${V1_DATA_TYPES[t]}`;
}

/** The KQL type name as `.create table` / cslschema writes it (`a:string, b:long`). */
export function cslTypeName(t: ScalarType): string {
  return t;
}
