// One growable column per schema column, filled row by row straight from the source (file text, CSV cells or JS
// values) in the column's storage layout (src/tables/vector.ts): typed arrays, validity bytes allocated at the first
// null, strings dictionary-encoded while they repeat. No per-value objects are kept on the way.
//
// Every `put*` method converts one source value by the type's rules (text-values.ts) and throws ValueError when it
// does not fit. The row index is explicit: the table builder grows capacity, writes each row once per column, and
// may rewrite the row being read (a chunked reader retries a row cut by a chunk boundary).

import type { Dynamic, ScalarType } from '../values/types.js';
import { parseJson, freezeDynamic } from '../values/dynamic.js';
import { parseGuidText } from '../values/convert.js';
import { parseTimespan } from '../values/timespan.js';
import { StringDictionary } from './string-dictionary.js';
import { dictionaryVector, stringVector, type Vector } from './vector.js';
import {
  finiteReal,
  parseBoolText,
  parseDatetimeText,
  parsedInteger,
  parsedTime,
  parseIntegerNumber,
  parseIntegerText,
  parseIsoFast,
  parseRealText,
  ValueError,
} from './text-values.js';

/**
 * A string that no longer points into the text it was cut from. V8 represents slices of long strings as views of
 * their parent; a column that kept such views would keep every chunk of the file alive.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export abstract class ColumnBuilder {
  abstract readonly type: ScalarType;
  /** What the column accepts, for messages ("expected an integer"). */
  protected abstract readonly expected: string;
  protected cap: number;

  constructor(capacity: number) {
    this.cap = capacity;
  }

  abstract grow(capacity: number): void;
  /** A null ("" for strings). */
  abstract putNull(row: number): void;
  abstract isNull(row: number): boolean;
  abstract finish(rows: number): Vector;
  /** Text that is not empty, by the type's text rules. */
  protected abstract fromText(row: number, text: string): void;

  protected wrong(): never {
    throw new ValueError(this.expected);
  }

  /** A JSON string or JS string value. [U] An empty string in a non-string column is a null, as an empty CSV cell. */
  putString(row: number, s: string): void {
    if (s === '') this.putNull(row);
    else this.fromText(row, s);
  }
  /** A JSON string without escapes, given as a range of the file text. */
  putStringRange(row: number, text: string, a: number, b: number): void {
    this.putString(row, text.slice(a, b));
  }
  /** A CSV cell (text whatever the type; dynamic cells hold JSON). */
  putCell(row: number, s: string): void {
    this.putString(row, s);
  }
  putCellRange(row: number, text: string, a: number, b: number): void {
    this.putStringRange(row, text, a, b);
  }
  /** A JSON number literal, as a range of the file text (already checked to be valid JSON number syntax). */
  putNumberRange(_row: number, _text: string, _a: number, _b: number): void {
    this.wrong();
  }
  putNumber(_row: number, _n: number): void {
    this.wrong();
  }
  putBigInt(_row: number, _b: bigint): void {
    this.wrong();
  }
  putBool(_row: number, _b: boolean): void {
    this.wrong();
  }
  /** A JSON object or array (already a dynamic value). */
  putDynamic(_row: number, _d: Dynamic): void {
    this.wrong();
  }
  putDate(_row: number, _d: Date): void {
    this.wrong();
  }
  /** A JS object or array given to Database.addTable. */
  putObject(_row: number, _o: object): void {
    this.wrong();
  }

  /** Any JS value (Database.addTable rows). */
  putValue(row: number, v: unknown): void {
    switch (typeof v) {
      case 'string':
        return this.putString(row, v);
      case 'number':
        return this.putNumber(row, v);
      case 'bigint':
        return this.putBigInt(row, v);
      case 'boolean':
        return this.putBool(row, v);
      case 'undefined':
        return this.putNull(row);
      case 'object':
        if (v === null) return this.putNull(row);
        if (v instanceof Date) return this.putDate(row, v);
        return this.putObject(row, v);
      default:
        throw new ValueError(`${this.expected}, got a ${typeof v}`);
    }
  }
}

/** Columns stored in a typed array with a validity byte array made at the first null. */
abstract class TypedColumn extends ColumnBuilder {
  protected valid: Uint8Array | undefined;

  protected setNull(row: number): void {
    if (this.valid === undefined) {
      this.valid = new Uint8Array(this.cap);
      this.valid.fill(1, 0, row);
    }
    this.valid[row] = 0;
  }
  protected setValid(row: number): void {
    if (this.valid !== undefined) this.valid[row] = 1;
  }
  isNull(row: number): boolean {
    return this.valid !== undefined && this.valid[row] === 0;
  }
  protected growValid(capacity: number): void {
    if (this.valid !== undefined) {
      const v = new Uint8Array(capacity);
      v.set(this.valid);
      this.valid = v;
    }
    this.cap = capacity;
  }
  protected finishValid(rows: number): Uint8Array | undefined {
    return this.valid === undefined ? undefined : trim(this.valid, rows);
  }
}

/** The first `rows` elements; a copy when the spare capacity is worth giving back. */
function trim<A extends Uint8Array | Int32Array | Float64Array | BigInt64Array>(a: A, rows: number): A {
  if (a.length === rows) return a;
  return (a.length - rows > a.length / 8 ? a.slice(0, rows) : a.subarray(0, rows)) as A;
}

class BoolColumn extends TypedColumn {
  readonly type = 'bool';
  protected readonly expected = 'expected true or false';
  private data: Uint8Array;
  constructor(capacity: number) {
    super(capacity);
    this.data = new Uint8Array(capacity);
  }
  grow(capacity: number): void {
    const d = new Uint8Array(capacity);
    d.set(this.data);
    this.data = d;
    this.growValid(capacity);
  }
  putNull(row: number): void {
    this.data[row] = 0;
    this.setNull(row);
  }
  override putBool(row: number, b: boolean): void {
    this.data[row] = b ? 1 : 0;
    this.setValid(row);
  }
  protected fromText(row: number, text: string): void {
    this.putBool(row, parseBoolText(text));
  }
  override putNumber(row: number, n: number): void {
    if (n !== 0 && n !== 1) this.wrong();
    this.putBool(row, n === 1);
  }
  override putNumberRange(row: number, text: string, a: number, b: number): void {
    this.putNumber(row, Number(text.slice(a, b)));
  }
  finish(rows: number): Vector {
    return { type: 'bool', length: rows, data: trim(this.data, rows), valid: this.finishValid(rows) };
  }
}

class IntColumn extends TypedColumn {
  readonly type = 'int';
  protected readonly expected = 'expected a 32-bit integer';
  private data: Int32Array;
  constructor(capacity: number) {
    super(capacity);
    this.data = new Int32Array(capacity);
  }
  grow(capacity: number): void {
    const d = new Int32Array(capacity);
    d.set(this.data);
    this.data = d;
    this.growValid(capacity);
  }
  putNull(row: number): void {
    this.data[row] = 0;
    this.setNull(row);
  }
  private putExact(row: number): void {
    const v = parsedInteger.small;
    if (parsedInteger.isBig || v < -2147483648 || v > 2147483647) throw new ValueError('out of range for int (-2^31 .. 2^31-1)');
    this.data[row] = v;
    this.setValid(row);
  }
  protected fromText(row: number, text: string): void {
    try {
      parseIntegerText(text);
    } catch (err) {
      throw new ValueError(err instanceof ValueError && err.message.startsWith('out of range') ? 'out of range for int (-2^31 .. 2^31-1)' : this.expected);
    }
    this.putExact(row);
  }
  override putNumberRange(row: number, text: string, a: number, b: number): void {
    try {
      parseIntegerNumber(text, a, b);
    } catch {
      throw new ValueError(/[.eE]/.test(text.slice(a, b)) ? 'expected an integer, not a fraction' : 'out of range for int (-2^31 .. 2^31-1)');
    }
    this.putExact(row);
  }
  override putNumber(row: number, n: number): void {
    if (!Number.isInteger(n)) this.wrong();
    parsedInteger.small = n;
    parsedInteger.isBig = false;
    this.putExact(row);
  }
  override putBigInt(row: number, b: bigint): void {
    if (b < -2147483648n || b > 2147483647n) throw new ValueError('out of range for int (-2^31 .. 2^31-1)');
    this.putNumber(row, Number(b));
  }
  finish(rows: number): Vector {
    return { type: 'int', length: rows, data: trim(this.data, rows), valid: this.finishValid(rows) };
  }
}

class RealColumn extends TypedColumn {
  readonly type = 'real';
  protected readonly expected = 'expected a number';
  private data: Float64Array;
  constructor(capacity: number) {
    super(capacity);
    this.data = new Float64Array(capacity);
  }
  grow(capacity: number): void {
    const d = new Float64Array(capacity);
    d.set(this.data);
    this.data = d;
    this.growValid(capacity);
  }
  putNull(row: number): void {
    this.data[row] = 0;
    this.setNull(row);
  }
  override putNumber(row: number, n: number): void {
    this.data[row] = n;
    this.setValid(row);
  }
  override putBigInt(row: number, b: bigint): void {
    this.putNumber(row, Number(b));
  }
  protected fromText(row: number, text: string): void {
    this.putNumber(row, parseRealText(text));
  }
  override putNumberRange(row: number, text: string, a: number, b: number): void {
    this.putNumber(row, finiteReal(Number(text.slice(a, b))));
  }
  finish(rows: number): Vector {
    return { type: 'real', length: rows, data: trim(this.data, rows), valid: this.finishValid(rows) };
  }
}

/** long, datetime and timespan: 64-bit values written as two 32-bit halves (little-endian, as BigInt64Array reads). */
abstract class Int64Column extends TypedColumn {
  protected halves: Int32Array;
  protected big: BigInt64Array;
  constructor(capacity: number) {
    super(capacity);
    this.halves = new Int32Array(capacity * 2);
    this.big = new BigInt64Array(this.halves.buffer);
  }
  grow(capacity: number): void {
    const h = new Int32Array(capacity * 2);
    h.set(this.halves);
    this.halves = h;
    this.big = new BigInt64Array(h.buffer);
    this.growValid(capacity);
  }
  putNull(row: number): void {
    this.halves[2 * row] = 0;
    this.halves[2 * row + 1] = 0;
    this.setNull(row);
  }
  /** An integer |n| ≤ 2^53 without a BigInt. */
  protected setSafe(row: number, n: number): void {
    const hi = Math.floor(n / 4294967296);
    this.halves[2 * row] = (n - hi * 4294967296) | 0;
    this.halves[2 * row + 1] = hi | 0;
    this.setValid(row);
  }
  protected setBig(row: number, b: bigint): void {
    this.big[row] = b;
    this.setValid(row);
  }
  /** Copies row `row` of another 64-bit column of the same type (time-column mirroring). */
  copyFrom(other: Int64Column, row: number): void {
    if (other.isNull(row)) return this.putNull(row);
    this.halves[2 * row] = other.halves[2 * row]!;
    this.halves[2 * row + 1] = other.halves[2 * row + 1]!;
    this.setValid(row);
  }
  finish(rows: number): Vector {
    const data = new BigInt64Array(this.halves.buffer, 0, this.cap);
    return { type: this.type as 'long', length: rows, data: trim(data, rows), valid: this.finishValid(rows) };
  }
}

export class LongColumn extends Int64Column {
  readonly type = 'long';
  protected readonly expected = 'expected an integer';
  private putParsed(row: number): void {
    if (parsedInteger.isBig) this.setBig(row, parsedInteger.big);
    else this.setSafe(row, parsedInteger.small);
  }
  protected fromText(row: number, text: string): void {
    parseIntegerText(text);
    this.putParsed(row);
  }
  override putNumberRange(row: number, text: string, a: number, b: number): void {
    parseIntegerNumber(text, a, b);
    this.putParsed(row);
  }
  override putNumber(row: number, n: number): void {
    if (!Number.isInteger(n)) this.wrong();
    if (!Number.isSafeInteger(n)) throw new ValueError('a JS number beyond 2^53 is not exact: give the long as a bigint or a string');
    this.setSafe(row, n === 0 ? 0 : n);
  }
  override putBigInt(row: number, b: bigint): void {
    if (BigInt.asIntN(64, b) !== b) throw new ValueError('out of range for long (-2^63 .. 2^63-1)');
    this.setBig(row, b);
  }
}

const TICKS_HIGH = 4294967296;

export class DatetimeColumn extends Int64Column {
  readonly type = 'datetime';
  protected readonly expected = 'expected an ISO-8601 datetime';
  /** The column's text comes from a portal export (`Name [UTC]`): slash dates must be the en-US form. */
  portal = false;

  /** ticks = seconds·10^7 + sub, written as halves with double arithmetic only (every step stays below 2^53). */
  private setTicks(row: number, seconds: number, sub: number): void {
    const a = Math.floor(seconds / 1048576);
    const high = a * 10_000_000; // < 3.1e12
    const low = (seconds - a * 1048576) * 10_000_000 + sub; // < 1.1e13
    // ticks = high·2^20 + low = q·2^32 + (r·2^20 + low), with high = q·4096 + r
    const r = high % 4096;
    const q = (high - r) / 4096;
    const rest = r * 1048576 + low;
    const carry = Math.floor(rest / TICKS_HIGH);
    this.halves[2 * row] = (rest - carry * TICKS_HIGH) | 0;
    this.halves[2 * row + 1] = (q + carry) | 0;
    this.setValid(row);
  }
  override putStringRange(row: number, text: string, a: number, b: number): void {
    if (parseIsoFast(text, a, b)) this.setTicks(row, parsedTime.seconds, parsedTime.ticks);
    else this.putString(row, text.slice(a, b));
  }
  protected fromText(row: number, text: string): void {
    if (parseIsoFast(text, 0, text.length)) this.setTicks(row, parsedTime.seconds, parsedTime.ticks);
    else this.setBig(row, parseDatetimeText(text, this.portal));
  }
  override putDate(row: number, d: Date): void {
    const ms = d.getTime();
    if (Number.isNaN(ms)) throw new ValueError('an invalid Date');
    const seconds = Math.floor(ms / 1000) + 62_135_596_800; // 0001-01-01 → 1970-01-01
    if (seconds < 0 || seconds >= 315_537_897_600) throw new ValueError('outside the datetime range (years 1 to 9999)');
    this.setTicks(row, seconds, (ms - Math.floor(ms / 1000) * 1000) * 10_000);
  }
}

class TimespanColumn extends Int64Column {
  readonly type = 'timespan';
  protected readonly expected = 'expected a timespan like 1.02:03:04.5 or 1h';
  protected fromText(row: number, text: string): void {
    const t = parseTimespan(text);
    if (t === null) {
      if (/:\d{1,2}\.\d{8,}\s*$/.test(text)) throw new ValueError('more than 7 fractional-second digits (timespans keep 100-ns ticks)');
      this.wrong();
    }
    this.setBig(row, t);
  }
  override putBigInt(row: number, b: bigint): void {
    if (BigInt.asIntN(64, b) !== b) throw new ValueError('out of range for timespan');
    this.setBig(row, b);
  }
}

/**
 * Strings: dictionary-encoded while they repeat, plain otherwise — the decision `encodeStrings` (vector.ts) makes
 * for the same values: plain when the first 4096 values (if at least 1024) are more than 90 % distinct, or when the
 * distinct values are more than half the rows.
 */
const SAMPLE = 4096;

export class StringColumn extends ColumnBuilder {
  readonly type = 'string';
  protected readonly expected = 'expected a string';
  /** The distinct strings and their codes while dictionary-encoded; undefined once plain. */
  private dict: StringDictionary | undefined = new StringDictionary();
  private codes: Int32Array;
  private values: string[] = [];
  /** The code written last: rows often repeat the previous row's value, found by one comparison. */
  private lastCode = -1;
  private last = '';
  constructor(capacity: number) {
    super(capacity);
    this.codes = new Int32Array(capacity);
  }
  override grow(capacity: number): void {
    if (this.dict !== undefined) {
      const c = new Int32Array(capacity);
      c.set(this.codes);
      this.codes = c;
    }
    this.cap = capacity;
  }
  override isNull(): boolean {
    return false;
  }
  private setCode(row: number, code: number): void {
    this.codes[row] = code;
    this.lastCode = code;
    this.last = this.dict!.strings[code]!;
    if (row === SAMPLE - 1 && this.dict!.size > SAMPLE * 0.9) this.toPlain(SAMPLE);
  }
  /** `s` must not point into a larger text (see detach). */
  private set(row: number, s: string): void {
    if (this.dict === undefined) this.values[row] = s;
    else this.setCode(row, this.dict.codeOf(s));
  }
  private toPlain(rows: number): void {
    const strings = this.dict!.strings;
    const values = new Array<string>(rows);
    for (let i = 0; i < rows; i++) values[i] = strings[this.codes[i]!]!;
    this.values = values;
    this.dict = undefined;
    this.codes = new Int32Array(0);
  }
  override putNull(row: number): void {
    this.set(row, '');
  }
  override putString(row: number, s: string): void {
    this.set(row, s);
  }
  // Only strings new to the dictionary are copied out of the file text; the previous row's value needs no lookup.
  override putStringRange(row: number, text: string, a: number, b: number): void {
    const dict = this.dict;
    if (dict === undefined) {
      this.values[row] = detach(text.slice(a, b));
      return;
    }
    if (this.lastCode >= 0 && this.last.length === b - a && text.startsWith(this.last, a)) {
      this.setCode(row, this.lastCode);
      return;
    }
    let code = dict.find(text, a, b);
    if (code < 0) code = dict.add(detach(text.slice(a, b)));
    this.setCode(row, code);
  }
  protected override fromText(row: number, text: string): void {
    this.set(row, text);
  }
  override finish(rows: number): Vector {
    if (this.dict !== undefined) {
      const distinct = this.dict.size;
      const mostlyDistinctSample = rows >= 1024 && rows < SAMPLE && distinct > rows * 0.9;
      if (!mostlyDistinctSample && distinct * 2 <= rows) {
        return dictionaryVector(this.dict.strings, this.codes.length === rows ? this.codes : this.codes.slice(0, rows));
      }
      this.toPlain(rows);
    }
    if (this.values.length !== rows) this.values.length = rows;
    return stringVector(this.values);
  }
}

class GuidColumn extends ColumnBuilder {
  readonly type = 'guid';
  protected readonly expected = 'expected a guid';
  private data: (string | null)[] = [];
  grow(capacity: number): void {
    this.cap = capacity;
  }
  isNull(row: number): boolean {
    return this.data[row] === null;
  }
  putNull(row: number): void {
    this.data[row] = null;
  }
  protected fromText(row: number, text: string): void {
    const g = parseGuidText(text.trim());
    if (g === null) this.wrong();
    this.data[row] = g;
  }
  finish(rows: number): Vector {
    if (this.data.length !== rows) this.data.length = rows;
    return { type: 'guid', length: rows, data: this.data };
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A JSON number in a dynamic value: integers exact (bigint) within 64 bits, as parse_json reads them. */
export function dynamicNumber(text: string): Dynamic {
  if (!/[.eE]/.test(text)) {
    const digits = text.charCodeAt(0) === 45 ? text.length - 1 : text.length;
    if (digits <= 15) return BigInt(Number(text));
    const big = BigInt(text);
    return big < INT64_MIN || big > INT64_MAX ? Number(text) : big;
  }
  return Number(text);
}

/** A JS value given to Database.addTable as a dynamic value: numbers that are integers become exact longs. */
export function toDynamic(v: unknown): Dynamic {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (typeof v === 'bigint' || typeof v === 'boolean' || v === null) return v as Dynamic;
  if (v === undefined) return null;
  if (Array.isArray(v)) return freezeDynamic(v.map(toDynamic));
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'object') {
    const out: Record<string, Dynamic> = Object.create(null) as Record<string, Dynamic>;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toDynamic(x);
    return freezeDynamic(out);
  }
  throw new ValueError(`expected a JSON value, got a ${typeof v}`);
}

class DynamicColumn extends ColumnBuilder {
  readonly type = 'dynamic';
  protected readonly expected = 'expected a JSON value';
  private data: Dynamic[] = [];
  grow(capacity: number): void {
    this.cap = capacity;
  }
  isNull(row: number): boolean {
    return this.data[row] === null;
  }
  putNull(row: number): void {
    this.data[row] = null;
  }
  // A JSON string in a dynamic column is a string value, kept as written (including "").
  override putString(row: number, s: string): void {
    this.data[row] = s;
  }
  override putStringRange(row: number, text: string, a: number, b: number): void {
    this.data[row] = detach(text.slice(a, b));
  }
  protected fromText(row: number, text: string): void {
    this.data[row] = text;
  }
  /** CSV cells of dynamic columns hold JSON text; text that is not JSON stays a string (as parse_json does). */
  override putCell(row: number, s: string): void {
    this.data[row] = s === '' ? null : parseJson(s);
  }
  override putCellRange(row: number, text: string, a: number, b: number): void {
    this.putCell(row, text.slice(a, b));
  }
  override putNumberRange(row: number, text: string, a: number, b: number): void {
    this.data[row] = dynamicNumber(text.slice(a, b));
  }
  override putNumber(row: number, n: number): void {
    this.data[row] = toDynamic(n);
  }
  override putBigInt(row: number, b: bigint): void {
    this.data[row] = b;
  }
  override putBool(row: number, b: boolean): void {
    this.data[row] = b;
  }
  override putDynamic(row: number, d: Dynamic): void {
    this.data[row] = d;
  }
  override putDate(row: number, d: Date): void {
    this.data[row] = toDynamic(d);
  }
  override putObject(row: number, o: object): void {
    this.data[row] = toDynamic(o);
  }
  finish(rows: number): Vector {
    if (this.data.length !== rows) this.data.length = rows;
    return { type: 'dynamic', length: rows, data: this.data };
  }
}

export function columnBuilder(type: ScalarType, capacity: number): ColumnBuilder {
  switch (type) {
    case 'bool':
      return new BoolColumn(capacity);
    case 'int':
      return new IntColumn(capacity);
    case 'real':
      return new RealColumn(capacity);
    case 'long':
      return new LongColumn(capacity);
    case 'datetime':
      return new DatetimeColumn(capacity);
    case 'timespan':
      return new TimespanColumn(capacity);
    case 'string':
      return new StringColumn(capacity);
    case 'guid':
      return new GuidColumn(capacity);
    case 'dynamic':
      return new DynamicColumn(capacity);
    case 'decimal':
      throw new ValueError('decimal columns are not supported yet');
  }
}

export { Int64Column };
