// Row-level conversion functions: tostring, toint, tolong, toreal/todouble, tobool, todatetime, totimespan, toguid.
// Contract: never throw on data; a value that cannot be converted gives null (or "" for tostring).
// Docs: tostring-, toint-, tolong-, toreal-, tobool-, todatetime-, totimespan-, toguid-function.md; kql-semantics.md §5.

import { MAX_DATETIME_TICKS, type Dynamic, type ScalarType, type ScalarValue } from './types.js';
import { dynamicToJson, formatReal } from './dynamic.js';
import { formatDatetime, parseDatetime } from './datetime.js';
import { formatTimespan, parseTimespan } from './timespan.js';

type Input = ScalarValue | null;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
// Doubles at or beyond ±2^63 do not fit a long.
const TWO_POW_63 = 9223372036854775808;

function unsupported(type: ScalarType): never {
  // decimal is refused by the binder, so reaching here is a bug, not bad data.
  throw new Error(`not supported yet: ${type}`);
}

// ---------------------------------------------------------------------------------------------------------------
// tostring

/**
 * tostring(): null → "" (docs: tostring-function.md); reals via `formatReal`; bools "True"/"False" — the .NET
 * spelling: real engine, recorded answers (issue #14; `tostring(true)`, `tostring(1 == 1)`, a bool column all give
 * "True"), while the docs print lower case. A JSON `true` inside a dynamic stays "true" (recorded:
 * `tostring(dynamic(true))` is "true"). Datetimes/timespans via their canonical formatters; a dynamic string → its
 * raw text (unquoted); dynamic arrays and bags → their JSON text.
 */
export function toStringValue(value: Input, type: ScalarType): string {
  if (value === null) return '';
  switch (type) {
    case 'string':
    case 'guid':
      return value as string;
    case 'bool':
      return boolToText(value as boolean);
    case 'int':
      return String(value);
    case 'long':
      return (value as bigint).toString();
    case 'real':
      return realToText(value as number);
    case 'datetime':
      return formatDatetime(value as bigint);
    case 'timespan':
      return formatTimespan(value as bigint);
    case 'dynamic':
      return dynamicToString(value as Dynamic);
    case 'decimal':
      return unsupported(type);
  }
}

/**
 * A typed real as text (tostring, strcat). Real engine, recorded answers (issue #14): tostring(1.0) is "1.0",
 * tostring(100000000000.0) "100000000000.0", tostring(0.1 + 0.2) "0.30000000000000007", tostring(-0.0) "-0.0",
 * tostring(real(+inf)) "inf", tostring(real(nan)) "NaN" — shortest round-trip digits, always with a fractional
 * part: the spelling of Rust's `{:?}` for f64, not .NET's (which would give "1", "-0", "∞"). [U] Following the same
 * spelling, magnitudes below 1e-4 or from 1e16 use an exponent without padding: "1e-5", "1.5e20" (no recorded case).
 * A real inside a dynamic value keeps JSON-style text (`formatReal`): tostring(dynamic(1.5)) is "1.5" (recorded).
 */
export function realToText(x: number): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs < 1e-4 || abs >= 1e16) {
    const [mantissa, exp] = x.toExponential().split('e') as [string, string]; // shortest round-trip digits
    return `${mantissa}e${exp.startsWith('+') ? exp.slice(1) : exp}`;
  }
  const text = String(x); // shortest round-trip; plain notation in this range
  return text.includes('.') ? text : `${text}.0`;
}

/** A KQL bool as text (tostring, strcat, string comparisons): .NET's Boolean.ToString(). */
export function boolToText(b: boolean): string {
  return b ? 'True' : 'False';
}

/** tostring() of a dynamic value (a JSON true/false keeps JSON's lower case). */
export function dynamicToString(d: Dynamic): string {
  switch (typeof d) {
    case 'string':
      return d;
    case 'bigint':
      return d.toString();
    case 'number':
      return formatReal(d);
    case 'boolean':
      return d ? 'true' : 'false';
    default:
      return d === null ? '' : dynamicToJson(d);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Numeric text

/**
 * Parses integer text: optional surrounding whitespace, optional sign, decimal digits, or `0x` hexadecimal. Anything
 * else is null — real engine, recorded answers (issue #14): tolong("12.5"), tolong("1e3"), tolong("7e0"),
 * tolong("5."), tolong("1,000") are null (the docs only say a failed conversion is null), tolong(" 7 ") is 7,
 * tolong("+4") is 4, tolong("0x10") is 16. Null also when the value does not fit `bits` bits (an overflowing string
 * is null, recorded: toint("9999999999") is null while tolong gives 9999999999).
 */
export function parseLongText(text: string, bits: 32 | 64 = 64): bigint | null {
  const s = text.trim();
  if (s.length === 0) return null;
  let v: bigint;
  if (/^[+-]?\d+$/.test(s)) {
    v = s.length <= 15 ? BigInt(Number(s)) : BigInt(s); // Number is exact below 2^53
  } else if (/^0[xX][0-9a-fA-F]{1,16}$/.test(s)) {
    v = BigInt.asIntN(64, BigInt(s)); // [U] 16 hex digits read as two's complement, like KQL long literals
  } else {
    return null;
  }
  const limit = bits === 32 ? 1n << 31n : 1n << 63n;
  return v < -limit || v >= limit ? null : v;
}

/**
 * Parses real text like .NET's Double.TryParse with the invariant culture: optional whitespace and sign, digits with
 * an optional fraction and exponent, or the words NaN / Infinity (case-insensitive, .NET Core 3.0+).
 * [U] Thousands separators ("1,000"), which .NET accepts by default, are rejected: Kusto queries rarely rely on them
 * and accepting them would turn CSV-ish text into numbers silently.
 */
export function parseRealText(text: string): number | null {
  const s = text.trim();
  const n = s.length;
  if (n === 0) return null;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) i = 1;
  const word = s.slice(i);
  const rest = word.toLowerCase();
  if (rest === 'nan') return NaN;
  // "inf" and "Inf" too, but not "INF": real engine, recorded answers (issue #14): todouble("inf"), ("-inf"),
  // ("Inf") are ±Infinity, todouble("INF") is null; "Infinity", "+Infinity", "  NaN  ", "nan" read as .NET reads
  // them (any case). [U] "iNF"-like mixes are null, as only "inf" and "Inf" are recorded.
  if (rest === 'infinity' || word === 'inf' || word === 'Inf' || rest === '∞') return c0 === 45 ? -Infinity : Infinity;
  let digits = 0;
  while (i < n && isDigit(s.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return null;
  if (i < n && (s.charCodeAt(i) | 0x20) === 101) {
    i++;
    if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
    const expStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === expStart) return null;
  }
  if (i !== n) return null;
  return Number(s);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Truncates toward zero (toint-function.md: toint(2.3) = 2); out of range saturates — real engine, recorded answers
 * (issue #14): tolong(1e30) is 9223372036854775807 and toint(1e10) is 2147483647 over rows, the saturating double
 * conversion of current .NET; [U] ±∞ saturate likewise. NaN → null (recorded).
 */
function realToLong(r: number): bigint | null {
  if (r !== r) return null;
  const t = Math.trunc(r);
  if (t >= TWO_POW_63) return INT64_MAX;
  if (t < -TWO_POW_63) return INT64_MIN;
  return BigInt(t);
}

// ---------------------------------------------------------------------------------------------------------------
// tolong / toint / toreal / tobool

/**
 * tolong(). datetime and timespan give their ticks (100-ns units) — recorded: tolong(1d) is 864000000000,
 * tolong(datetime(2020-01-01)) is 637134336000000000. bool → 1/0 (recorded for dynamic(true)). Guids, arrays and
 * bags → null.
 */
export function toLongValue(value: Input, type: ScalarType): bigint | null {
  if (value === null) return null;
  switch (type) {
    case 'long':
    case 'datetime':
    case 'timespan':
      return value as bigint;
    case 'int':
      return BigInt(value as number);
    case 'real':
      return realToLong(value as number);
    case 'bool':
      return value ? 1n : 0n;
    case 'string':
      return parseLongText(value as string);
    case 'guid':
      return null;
    case 'dynamic':
      return dynamicToLong(value as Dynamic);
    case 'decimal':
      return unsupported(type);
  }
}

function dynamicToLong(d: Dynamic): bigint | null {
  switch (typeof d) {
    case 'bigint':
      return d;
    case 'number':
      return realToLong(d);
    case 'string':
      return parseLongText(d);
    case 'boolean':
      return d ? 1n : 0n;
    default:
      return null;
  }
}

/**
 * toint(): 32-bit. Real engine, recorded answers (issue #14), where the docs say nothing:
 * - a long (and a timespan/datetime, as ticks, and a dynamic long) wraps modulo 2^32, as .NET's unchecked (int)
 *   cast: toint(9999999999) = 1410065407, toint(2147483648) = -2147483648, toint(4294967296) = 0, toint(1d) =
 *   711573504;
 * - a real saturates over rows: toint(1e10) = 2147483647, toint(-1e10) = -2147483648 (Kusto's constant folder says
 *   -2147483648 for the literal; the row engine is reproduced); NaN → null;
 * - text must be integer text within 32 bits (toint("9999999999") is null).
 */
export function toIntValue(value: Input, type: ScalarType): number | null {
  if (value === null) return null;
  switch (type) {
    case 'int':
      return value as number;
    case 'real':
      return realToInt(value as number);
    case 'string': {
      const l = parseLongText(value as string, 32);
      return l === null ? null : Number(l);
    }
    case 'dynamic': {
      const d = value as Dynamic;
      if (typeof d === 'number') return realToInt(d);
      if (typeof d === 'string') {
        const l = parseLongText(d, 32);
        return l === null ? null : Number(l);
      }
      break;
    }
    default:
      break;
  }
  const l = toLongValue(value, type);
  return l === null ? null : Number(BigInt.asIntN(32, l));
}

function realToInt(r: number): number | null {
  if (r !== r) return null;
  const t = Math.trunc(r);
  if (t > INT32_MAX) return INT32_MAX;
  if (t < INT32_MIN) return INT32_MIN;
  return t === 0 ? 0 : t;
}

/**
 * toreal() / todouble() (toreal-function.md: todouble("123.4") == 123.4). Failure → null.
 * [U] bool → 1/0; datetime/timespan → ticks as a double.
 */
export function toRealValue(value: Input, type: ScalarType): number | null {
  if (value === null) return null;
  switch (type) {
    case 'real':
    case 'int':
      return value as number;
    case 'long':
    case 'datetime':
    case 'timespan':
      return Number(value as bigint);
    case 'bool':
      return value ? 1 : 0;
    case 'string':
      return parseRealText(value as string);
    case 'guid':
      return null;
    case 'dynamic':
      return dynamicToReal(value as Dynamic);
    case 'decimal':
      return unsupported(type);
  }
}

function dynamicToReal(d: Dynamic): number | null {
  switch (typeof d) {
    case 'number':
      return d;
    case 'bigint':
      return Number(d);
    case 'string':
      return parseRealText(d);
    case 'boolean':
      return d ? 1 : 0;
    default:
      return null;
  }
}

/**
 * tobool() (tobool-function.md: "true" → true, "false" → false, 1 → true, 123 → true).
 * Text: "true"/"false" in any case but exactly (no surrounding whitespace), else integer text as toint reads it,
 * non-zero → true — real engine, recorded answers (issue #14): tobool("TRUE"), ("tRuE") true; (" true"), ("true "),
 * ("1.0"), ("0.0"), ("yes") null; ("1"), ("-1") true, ("0") false; tobool(dynamic("0x10")) true. [U] Reals:
 * non-zero (NaN included) → true (recorded: tobool(0.5) and tobool(dynamic(1.9)) true).
 */
export function toBoolValue(value: Input, type: ScalarType): boolean | null {
  if (value === null) return null;
  switch (type) {
    case 'bool':
      return value as boolean;
    case 'int':
    case 'real':
      return (value as number) !== 0;
    case 'long':
      return (value as bigint) !== 0n;
    case 'string':
      return parseBoolText(value as string);
    case 'dynamic':
      return dynamicToBool(value as Dynamic);
    case 'datetime':
    case 'timespan':
    case 'guid':
      return null;
    case 'decimal':
      return unsupported(type);
  }
}

export function parseBoolText(text: string): boolean | null {
  if (text.length === 4 && text.toLowerCase() === 'true') return true;
  if (text.length === 5 && text.toLowerCase() === 'false') return false;
  const l = parseLongText(text);
  return l === null ? null : l !== 0n;
}

function dynamicToBool(d: Dynamic): boolean | null {
  switch (typeof d) {
    case 'boolean':
      return d;
    case 'bigint':
      return d !== 0n;
    case 'number':
      return d !== 0;
    case 'string':
      return parseBoolText(d);
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// todatetime / totimespan / toguid

/**
 * todatetime(): strings (and dynamic strings) through `parseDatetime` (datetime.ts); a datetime is returned as is.
 * A number is ticks since 0001-01-01 — real engine, recorded answers (issue #14): todatetime(0) is 0001-01-01,
 * todatetime(1) one tick later, todatetime(tolong(t)) gives t back, and a real is truncated to whole ticks
 * (todatetime(1.5) is tick 1). Outside 0001-01-01 … 9999-12-31 → null [U].
 */
export function toDatetimeValue(value: Input, type: ScalarType): bigint | null {
  if (value === null) return null;
  switch (type) {
    case 'datetime':
      return value as bigint;
    case 'string':
      return parseDatetime(value as string);
    case 'int':
      return ticksToDatetime(BigInt(value as number));
    case 'long':
      return ticksToDatetime(value as bigint);
    case 'real':
      return realTicksToDatetime(value as number);
    case 'dynamic':
      if (typeof value === 'string') return parseDatetime(value);
      if (typeof value === 'bigint') return ticksToDatetime(value);
      return typeof value === 'number' ? realTicksToDatetime(value) : null;
    case 'decimal':
      return unsupported(type);
    default:
      return null;
  }
}

function ticksToDatetime(t: bigint): bigint | null {
  return t >= 0n && t <= MAX_DATETIME_TICKS ? t : null;
}

function realTicksToDatetime(r: number): bigint | null {
  if (!Number.isFinite(r)) return null;
  const t = Math.trunc(r);
  return t < 0 || t > 3.2e18 ? null : ticksToDatetime(BigInt(t));
}

/**
 * totimespan(): strings through `parseTimespan` (totimespan-function.md: "0.00:01:00" == 1min); a timespan is
 * returned as is (totimespan(4d) = 4 days). [U] int/long (and dynamic integers) are read as ticks, like .NET's
 * TimeSpan(long); reals and other types give null.
 */
export function toTimespanValue(value: Input, type: ScalarType): bigint | null {
  if (value === null) return null;
  switch (type) {
    case 'timespan':
    case 'long':
      return value as bigint;
    case 'int':
      return BigInt(value as number);
    case 'string':
      return parseTimespan(value as string);
    case 'dynamic':
      if (typeof value === 'string') return parseTimespan(value);
      return typeof value === 'bigint' ? value : null;
    case 'decimal':
      return unsupported(type);
    default:
      return null;
  }
}

/**
 * toguid() (toguid-function.md): reads the first 32 hex digits, skipping hyphens that sit at group boundaries, and
 * ignores the rest of the string. The doc accepts both "0123456789abcdef0123456789abcdef" and
 * "0123456789ab-cdef-0123-456789abcdef" (hyphens after 12, 16 and 20 digits), so [U] a hyphen is allowed wherever
 * 8, 12, 16 or 20 digits have been read, at most one per boundary. [U] Upper-case hex digits are accepted and the
 * result is lower-cased (guid values are canonical lower case, types.ts).
 */
export function toGuidValue(value: Input, type: ScalarType): string | null {
  if (value === null) return null;
  switch (type) {
    case 'guid':
      return value as string;
    case 'string':
      return parseGuidText(value as string);
    case 'dynamic':
      return typeof value === 'string' ? parseGuidText(value) : null;
    case 'decimal':
      return unsupported(type);
    default:
      return null;
  }
}

export function parseGuidText(s: string): string | null {
  let hex = '';
  let hyphenAt = -1;
  for (let i = 0; i < s.length && hex.length < 32; i++) {
    const c = s.charCodeAt(i);
    if (c === 45) {
      const n = hex.length;
      if ((n !== 8 && n !== 12 && n !== 16 && n !== 20) || hyphenAt === n) return null;
      hyphenAt = n;
      continue;
    }
    const isHex = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
    if (!isHex) return null;
    hex += s[i];
  }
  if (hex.length !== 32) return null;
  hex = hex.toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
