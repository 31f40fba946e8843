// Documentation type names → kqlite scalar type names. The pages spell types several ways (`string`, `String`,
// `Double`, `boolean`, `Int32` in the Sentinel test schemas...). Accepted: the Kusto names and the aliases Kusto
// documents (dataexplorer-docs, scalar-data-types/index.md: bool = boolean, datetime = date, guid = uuid = uniqueid,
// real = double, timespan = time), plus the further aliases Microsoft's own analyser accepts for the same types
// (Kusto.Language's ScalarTypes in @kusto/language-service-next: int32, int64, float), matched without regard to case.
// Three spellings that are not type names but say exactly which type is meant: `array` and `object` (JSON shapes;
// Kusto stores both as `dynamic`, scalar-data-types/dynamic.md) and `nullable bool` (every Kusto scalar type but string
// is nullable, so it is plain `bool`). Anything else (`enum`, `integer`, `SByte`, an empty cell...) does not name one
// type for certain: the caller reports it, and only the manifest may give such a column a type, with its reason.
//
// `decimal` maps to kqlite's `decimal`, which the engine refuses by name when a query uses the column ("not supported
// yet: decimal") — a silent `real` would change comparisons and arithmetic.

import type { ScalarType } from '../../src/values/types.js';

const DOC_TYPES: Readonly<Record<string, ScalarType>> = {
  bool: 'bool',
  boolean: 'bool',
  int: 'int',
  int32: 'int',
  long: 'long',
  int64: 'long',
  real: 'real',
  double: 'real',
  float: 'real',
  decimal: 'decimal',
  datetime: 'datetime',
  date: 'datetime',
  timespan: 'timespan',
  time: 'timespan',
  string: 'string',
  guid: 'guid',
  uniqueid: 'guid',
  dynamic: 'dynamic',
  uuid: 'guid',
  array: 'dynamic',
  object: 'dynamic',
  'nullable bool': 'bool',
};

/** The kqlite type of a documented type name (case-insensitive; code ticks stripped), or undefined if unknown. */
export function kqliteType(docType: string): ScalarType | undefined {
  const key = docType.replace(/`/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(DOC_TYPES, key) ? DOC_TYPES[key] : undefined;
}
