// KQL scalar types and the plain JavaScript values that represent them, row by row.
// This is the one place where that mapping is defined; vectors (src/tables/vector.ts) store the same values in
// typed arrays, and every function's `row` implementation works on these values.
//
//   bool      → boolean
//   int       → number (a 32-bit integer)
//   long      → bigint (exact to 64 bits; results wrap to signed 64-bit like Kusto's unchecked arithmetic)
//   real      → number (NaN and ±Infinity are values, never null)
//   decimal   → refused by the binder ("not supported yet: decimal"): no silent approximation by doubles
//   datetime  → bigint: 100-ns ticks since 0001-01-01T00:00:00Z (Kusto's own epoch, so bin() aligns as Kusto does)
//   timespan  → bigint: 100-ns ticks
//   string    → string (never null: KQL uses "" where other types use null)
//   guid      → string, canonical lower-case 8-4-4-4-12
//   dynamic   → Dynamic (below): JSON-like, with bigint for integers so 64-bit ids stay exact
//
// A null of any non-string type is JavaScript `null`.

export type ScalarType =
  | 'bool'
  | 'int'
  | 'long'
  | 'real'
  | 'decimal'
  | 'datetime'
  | 'timespan'
  | 'string'
  | 'guid'
  | 'dynamic';

export const SCALAR_TYPES: readonly ScalarType[] = [
  'bool',
  'int',
  'long',
  'real',
  'decimal',
  'datetime',
  'timespan',
  'string',
  'guid',
  'dynamic',
];

/** Type-name aliases accepted in declarations (`datatable(x:double)`, `typeof(date)`). */
export const TYPE_ALIASES: Readonly<Record<string, ScalarType>> = {
  bool: 'bool',
  boolean: 'bool',
  int: 'int',
  int32: 'int',
  long: 'long',
  int64: 'long',
  real: 'real',
  double: 'real',
  decimal: 'decimal',
  datetime: 'datetime',
  date: 'datetime',
  timespan: 'timespan',
  time: 'timespan',
  string: 'string',
  guid: 'guid',
  uniqueid: 'guid',
  uuid: 'guid',
  dynamic: 'dynamic',
};

/**
 * A dynamic value. Arrays and bags are frozen once built. Bags are plain objects with a null prototype.
 * Integers parsed from JSON or produced by KQL longs are bigint; JSON reals are number. Datetimes and timespans
 * placed into a dynamic value are stored as their canonical strings, which is how Kusto serialises them.
 */
export type Dynamic = null | boolean | number | bigint | string | DynamicArray | DynamicBag;
export type DynamicArray = readonly Dynamic[];
export interface DynamicBag {
  readonly [key: string]: Dynamic;
}

export type ScalarValue = boolean | number | bigint | string | Dynamic;

/** Ticks per unit (100 ns each). */
export const TICKS_PER_MICROSECOND = 10n;
export const TICKS_PER_MILLISECOND = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 600_000_000n;
export const TICKS_PER_HOUR = 36_000_000_000n;
export const TICKS_PER_DAY = 864_000_000_000n;
/** Ticks from 0001-01-01 to 1970-01-01. */
export const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;
/** Largest valid datetime: 9999-12-31T23:59:59.9999999Z. */
export const MAX_DATETIME_TICKS = 3_155_378_975_999_999_999n;

export function isDynamicArray(v: Dynamic): v is DynamicArray {
  return Array.isArray(v);
}

export function isDynamicBag(v: Dynamic): v is DynamicBag {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Wrap a bigint to a signed 64-bit long, as Kusto's unchecked long arithmetic does. */
export function wrapLong(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}
