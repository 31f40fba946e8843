// Row-level conversion functions: tostring, toint, tolong, toreal/todouble, tobool, todatetime, totimespan, toguid.
// Contract: never throw on data; a value that cannot be converted gives null (or "" for tostring).
// Docs: tostring-, toint-, tolong-, toreal-, tobool-, todatetime-, totimespan-, toguid-function.md; kql-semantics.md §5.

import type { Dynamic, ScalarType, ScalarValue } from './types.js';
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
 * tostring(): null → "" (docs: tostring-function.md); reals via `formatReal`; bools "true"/"false";
 * datetimes/timespans via their canonical formatters; a dynamic string → its raw text (unquoted);
 * dynamic arrays and bags → their JSON text.
 */
export function toStringValue(value: Input, type: ScalarType): string {
  if (value === null) return '';
  switch (type) {
    case 'string':
    case 'guid':
      return value as string;
    case 'bool':
      return value ? 'true' : 'false';
    case 'int':
      return String(value);
    case 'long':
      return (value as bigint).toString();
    case 'real':
      return formatReal(value as number);
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

/** tostring() of a dynamic value. */
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
 * Parses integer text the way .NET's Int64.TryParse does (optional surrounding whitespace, optional sign, decimal
 * digits). [U] Text that is not an integer but is a real ("2.7", "1e3") is parsed as a real and truncated toward
 * zero, extending toint-function.md's "a decimal value is truncated" to strings (a C# reimplementation, kusto-loco,
 * does the same). [U] "0x…" hexadecimal is accepted, as in KQL long literals.
 * Returns null when the text is not a number or the value does not fit 64 bits.
 */
export function parseLongText(text: string): bigint | null {
  const s = text.trim();
  if (s.length === 0) return null;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) i = 1; // + -
  let allDigits = i < s.length;
  for (let k = i; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) {
      allDigits = false;
      break;
    }
  }
  if (allDigits) {
    const v = s.length <= 15 ? BigInt(Number(s)) : BigInt(s); // Number is exact below 2^53
    return v < INT64_MIN || v > INT64_MAX ? null : v;
  }
  if (i === 0 && s.length > 2 && s.charCodeAt(0) === 48 && (s.charCodeAt(1) | 0x20) === 120) {
    const hex = s.slice(2);
    if (!/^[0-9a-fA-F]{1,16}$/.test(hex)) return null;
    return BigInt.asIntN(64, BigInt('0x' + hex));
  }
  const r = parseRealText(s);
  return r === null ? null : realToLong(r);
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
  const rest = s.slice(i).toLowerCase();
  if (rest === 'nan') return NaN;
  if (rest === 'infinity' || rest === '∞') return c0 === 45 ? -Infinity : Infinity;
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

/** Truncates toward zero (toint-function.md: toint(2.3) = 2); NaN, ±∞ and out-of-range → null. */
function realToLong(r: number): bigint | null {
  if (!Number.isFinite(r)) return null;
  const t = Math.trunc(r);
  if (t >= TWO_POW_63 || t < -TWO_POW_63) return null;
  return BigInt(t);
}

// ---------------------------------------------------------------------------------------------------------------
// tolong / toint / toreal / tobool

/**
 * tolong(). [U] datetime and timespan give their ticks (100-ns units), as Kusto's long/datetime casts do.
 * [U] bool → 1/0. Guids, arrays and bags → null.
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
 * toint(): 32-bit. Same rules as tolong. [U] A value outside the 32-bit range gives null (the docs only say failed
 * conversions give null; wrapping silently would invent a different number).
 */
export function toIntValue(value: Input, type: ScalarType): number | null {
  if (value === null) return null;
  if (type === 'int') return value as number;
  if (type === 'real') {
    const r = value as number;
    if (!Number.isFinite(r)) return null;
    const t = Math.trunc(r);
    return t < INT32_MIN || t > INT32_MAX ? null : t === 0 ? 0 : t;
  }
  const l = toLongValue(value, type);
  if (l === null || l < -2147483648n || l > 2147483647n) return null;
  return Number(l);
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
 * Strings follow .NET Boolean.TryParse (case-insensitive, surrounding whitespace allowed); [U] otherwise integer text
 * converts as a number (non-zero → true), so "1"/"0" work. [U] Reals: non-zero (NaN included) → true.
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

function parseBoolText(text: string): boolean | null {
  const s = text.trim();
  if (s.length === 4 && s.toLowerCase() === 'true') return true;
  if (s.length === 5 && s.toLowerCase() === 'false') return false;
  const l = parseIntegerOnly(s);
  return l === null ? null : l !== 0n;
}

function parseIntegerOnly(s: string): bigint | null {
  if (!/^[+-]?\d{1,19}$/.test(s)) return null;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? null : v;
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
 * [U] Numbers give null: Kusto has unixtime_*_todatetime() for numeric epochs and documents no numeric reading here.
 */
export function toDatetimeValue(value: Input, type: ScalarType): bigint | null {
  if (value === null) return null;
  switch (type) {
    case 'datetime':
      return value as bigint;
    case 'string':
      return parseDatetime(value as string);
    case 'dynamic':
      return typeof value === 'string' ? parseDatetime(value) : null;
    case 'decimal':
      return unsupported(type);
    default:
      return null;
  }
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
