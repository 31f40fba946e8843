// Documentation type names → kqlite scalar type names. The pages spell types several ways (`string`, `String`,
// `Double`, `boolean`, `Int32` in the Sentinel test schemas...); each spelling here is one Kusto documents as a
// synonym (dataexplorer-docs, scalar-data-types/index.md: bool = boolean, int = int32, long = int64, real = double,
// guid = uniqueid, datetime = date, timespan = time). Anything else is not guessed: the caller reports it.
//
// Three spellings that are not Kusto type names but say exactly which one is meant: `array` and `object` (JSON
// shapes; Kusto stores both as `dynamic`, scalar-data-types/dynamic.md) and `nullable bool` (every Kusto scalar type
// but string is nullable, scalar-data-types/null-values.md, so it is plain `bool`). Others seen on the pages —
// `enum`, `integer`, `BigInt`, an empty cell — do not name one type for certain and are reported, never guessed.
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
  array: 'dynamic',
  object: 'dynamic',
  'nullable bool': 'bool',
};

/** The kqlite type of a documented type name (case-insensitive; code ticks stripped), or undefined if unknown. */
export function kqliteType(docType: string): ScalarType | undefined {
  const key = docType.replace(/`/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(DOC_TYPES, key) ? DOC_TYPES[key] : undefined;
}
