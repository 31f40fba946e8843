// KQL dynamic values: exact JSON parsing (parse_json / todynamic), JSON text (tostring of arrays and bags,
// dynamic_to_json), gettype names, deep equality, and how typed scalars enter a dynamic value.
// Browser-safe: no Node modules.

import type { Dynamic, DynamicArray, DynamicBag, ScalarType, ScalarValue } from './types.js';
import { isDynamicArray } from './types.js';
import { formatDatetime } from './datetime.js';
import { formatTimespan } from './timespan.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

// ---------------------------------------------------------------------------------------------------------------
// Building frozen values

/** Deep-freezes a freshly built value; bags must already have a null prototype (see `makeBag`). */
export function freezeDynamic<T extends Dynamic>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    if (Array.isArray(v)) {
      for (const e of v as Dynamic[]) freezeDynamic(e);
    } else {
      for (const k of Object.keys(v)) freezeDynamic((v as DynamicBag)[k] as Dynamic);
    }
    Object.freeze(v);
  }
  return v;
}

/**
 * Builds a frozen null-prototype bag from entries. Later duplicates overwrite earlier ones (last wins).
 * A null prototype makes keys like "__proto__" or "constructor" ordinary data.
 */
export function makeBag(entries: Iterable<readonly [string, Dynamic]>): DynamicBag {
  const bag = Object.create(null) as Record<string, Dynamic>;
  for (const [k, v] of entries) bag[k] = v;
  return Object.freeze(bag);
}

// ---------------------------------------------------------------------------------------------------------------
// parse_json

/**
 * Kusto's parse_json on a string (docs: parse-json-function.md):
 * - valid JSON → the value: objects → frozen null-prototype bags, arrays → frozen arrays;
 *   integers (no fraction, no exponent) → bigint, exact to 64 bits;
 *   numbers with a fraction or exponent → number, so `118.0` is the real 118 (gettype "real").
 *   The doc shows `118.0` rendered back as `118`, which `formatReal` reproduces.
 * - `""` → null;
 * - anything else → the input text itself as a dynamic string.
 * [U] Integers beyond the 64-bit range become reals (double), as a JSON reader falling back to double would.
 * [U] Duplicate keys: the last one wins.
 * [U] Besides strict JSON (json.org), the bare tokens NaN, Infinity and -Infinity are accepted, because that is how
 *     `dynamicToJson` writes non-finite reals (no JSON spelling exists) and values must survive a round trip.
 */
export function parseJson(text: string): Dynamic {
  if (text.length === 0) return null;
  const p = new JsonParser(text);
  const v = p.parseDocument();
  return p.failed ? text : v;
}

const enum Ch {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  D0 = 48,
  D9 = 57,
  Colon = 58,
  UpperE = 69,
  UpperI = 73,
  UpperN = 78,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  LowerE = 101,
  LowerF = 102,
  LowerN = 110,
  LowerT = 116,
  LBrace = 123,
  RBrace = 125,
}

// Deep enough for any real document; beyond it we report invalid JSON instead of overflowing the JS stack.
const MAX_DEPTH = 512;

/** A single-pass scanner. Failure is a flag, not an exception: invalid JSON is common input and must stay cheap. */
class JsonParser {
  pos = 0;
  failed = false;
  private depth = 0;
  constructor(private readonly s: string) {}

  parseDocument(): Dynamic {
    this.skipWs();
    const v = this.parseValue();
    if (this.failed) return null;
    this.skipWs();
    if (this.pos !== this.s.length) this.failed = true;
    return v;
  }

  private fail(): null {
    this.failed = true;
    return null;
  }

  private skipWs(): void {
    const s = this.s;
    let i = this.pos;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab) i++;
      else break;
    }
    this.pos = i;
  }

  private parseValue(): Dynamic {
    const s = this.s;
    if (this.pos >= s.length) return this.fail();
    const c = s.charCodeAt(this.pos);
    switch (c) {
      case Ch.LBrace:
        return this.parseObject();
      case Ch.LBracket:
        return this.parseArray();
      case Ch.Quote:
        return this.parseString();
      case Ch.LowerT:
        return this.literal('true', true);
      case Ch.LowerF:
        return this.literal('false', false);
      case Ch.LowerN:
        return this.literal('null', null);
      case Ch.UpperN:
        return this.literal('NaN', NaN);
      case Ch.UpperI:
        return this.literal('Infinity', Infinity);
      default:
        if (c === Ch.Minus || (c >= Ch.D0 && c <= Ch.D9)) return this.parseNumber();
        return this.fail();
    }
  }

  private literal<T extends Dynamic>(word: string, value: T): T | null {
    if (this.s.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.fail();
  }

  private enter(): boolean {
    if (++this.depth > MAX_DEPTH) {
      this.failed = true;
      return false;
    }
    return true;
  }

  private parseObject(): Dynamic {
    if (!this.enter()) return null;
    const s = this.s;
    this.pos++; // '{'
    const bag = Object.create(null) as Record<string, Dynamic>;
    this.skipWs();
    if (s.charCodeAt(this.pos) === Ch.RBrace) {
      this.pos++;
      this.depth--;
      return Object.freeze(bag);
    }
    for (;;) {
      this.skipWs();
      if (s.charCodeAt(this.pos) !== Ch.Quote) return this.fail();
      const key = this.parseString();
      if (this.failed || key === null) return this.fail();
      this.skipWs();
      if (s.charCodeAt(this.pos) !== Ch.Colon) return this.fail();
      this.pos++;
      this.skipWs();
      const v = this.parseValue();
      if (this.failed) return null;
      bag[key] = v;
      this.skipWs();
      const c = s.charCodeAt(this.pos);
      this.pos++;
      if (c === Ch.Comma) continue;
      if (c === Ch.RBrace) break;
      return this.fail();
    }
    this.depth--;
    return Object.freeze(bag);
  }

  private parseArray(): Dynamic {
    if (!this.enter()) return null;
    const s = this.s;
    this.pos++; // '['
    const arr: Dynamic[] = [];
    this.skipWs();
    if (s.charCodeAt(this.pos) === Ch.RBracket) {
      this.pos++;
      this.depth--;
      return Object.freeze(arr);
    }
    for (;;) {
      this.skipWs();
      const v = this.parseValue();
      if (this.failed) return null;
      arr.push(v);
      this.skipWs();
      const c = s.charCodeAt(this.pos);
      this.pos++;
      if (c === Ch.Comma) continue;
      if (c === Ch.RBracket) break;
      return this.fail();
    }
    this.depth--;
    return Object.freeze(arr);
  }

  private parseString(): string | null {
    const s = this.s;
    const start = ++this.pos; // after the opening quote
    // Fast path: no escapes — one slice.
    let i = start;
    for (;;) {
      if (i >= s.length) return this.fail();
      const c = s.charCodeAt(i);
      if (c === Ch.Quote) {
        this.pos = i + 1;
        return s.slice(start, i);
      }
      if (c === Ch.Backslash) break;
      if (c < 0x20) return this.fail(); // json.org: control characters must be escaped
      i++;
    }
    let out = s.slice(start, i);
    let runStart = i;
    for (;;) {
      if (i >= s.length) return this.fail();
      const c = s.charCodeAt(i);
      if (c === Ch.Quote) {
        out += s.slice(runStart, i);
        this.pos = i + 1;
        return out;
      }
      if (c < 0x20) return this.fail();
      if (c !== Ch.Backslash) {
        i++;
        continue;
      }
      out += s.slice(runStart, i);
      const e = s.charCodeAt(i + 1);
      i += 2;
      switch (e) {
        case Ch.Quote:
          out += '"';
          break;
        case Ch.Backslash:
          out += '\\';
          break;
        case Ch.Slash:
          out += '/';
          break;
        case 98: // b
          out += '\b';
          break;
        case Ch.LowerF:
          out += '\f';
          break;
        case Ch.LowerN:
          out += '\n';
          break;
        case 114: // r
          out += '\r';
          break;
        case Ch.LowerT:
          out += '\t';
          break;
        case 117: {
          // u: exactly four hex digits; surrogate pairs arrive as two escapes and concatenate naturally.
          let code = 0;
          for (let k = 0; k < 4; k++) {
            const h = hexValue(s.charCodeAt(i + k));
            if (h < 0) return this.fail();
            code = code * 16 + h;
          }
          i += 4;
          out += String.fromCharCode(code);
          break;
        }
        default:
          return this.fail();
      }
      runStart = i;
    }
  }

  private parseNumber(): Dynamic {
    const s = this.s;
    const start = this.pos;
    let i = start;
    if (s.charCodeAt(i) === Ch.Minus) {
      i++;
      if (s.startsWith('Infinity', i)) {
        this.pos = i + 8;
        return -Infinity;
      }
    }
    const intStart = i;
    let c = s.charCodeAt(i);
    if (c === Ch.D0) {
      i++;
    } else if (c >= Ch.D0 + 1 && c <= Ch.D9) {
      while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    } else {
      return this.fail();
    }
    const intDigits = i - intStart;
    let isReal = false;
    c = s.charCodeAt(i);
    if (c === Ch.Dot) {
      i++;
      const fracStart = i;
      while (i < s.length && isDigit(s.charCodeAt(i))) i++;
      if (i === fracStart) return this.fail();
      isReal = true;
      c = s.charCodeAt(i);
    }
    if (c === Ch.LowerE || c === Ch.UpperE) {
      i++;
      c = s.charCodeAt(i);
      if (c === Ch.Plus || c === Ch.Minus) i++;
      const expStart = i;
      while (i < s.length && isDigit(s.charCodeAt(i))) i++;
      if (i === expStart) return this.fail();
      isReal = true;
    }
    this.pos = i;
    const text = s.slice(start, i);
    if (isReal) return Number(text);
    if (intDigits <= 15) return BigInt(Number(text)); // exact below 2^53; avoids BigInt string parsing
    const big = BigInt(text);
    return big < INT64_MIN || big > INT64_MAX ? Number(text) : big;
  }
}

function isDigit(c: number): boolean {
  return c >= Ch.D0 && c <= Ch.D9;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Text of reals and of dynamic values

/**
 * A real as Kusto prints it. Kusto runs on .NET, whose default double formatting (since .NET Core 3.0) is the
 * shortest round-trippable digits, switching to exponent form `d.dddE+XX` when the decimal exponent is at least
 * max(15, digit count) or below -4. The parse-json doc shows `118.0` printed as `118`; real.md ties real literals
 * to System.Double. NaN → "NaN", ±∞ → "Infinity"/"-Infinity" (.NET invariant symbols).
 * [U] -0 prints "-0" (.NET Core 3.0+ behaviour), not verified on Kusto.
 */
export function formatReal(x: number): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x); // common case: plain integer digits
  const exp = x.toExponential(); // shortest round-trip digits, e.g. "-1.2345e+21"
  const neg = exp.charCodeAt(0) === Ch.Minus;
  const ePos = exp.indexOf('e');
  const mantissa = exp.slice(neg ? 1 : 0, ePos);
  const digits = mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa;
  const e10 = Number(exp.slice(ePos + 1));
  const scale = e10 + 1; // digits before the decimal point
  const maxDigits = Math.max(digits.length, 15);
  let body: string;
  if (scale > maxDigits || scale < -3) {
    const abs = Math.abs(e10);
    body =
      (digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits) +
      (e10 < 0 ? 'E-' : 'E+') +
      (abs < 10 ? '0' + abs : String(abs));
  } else if (scale <= 0) {
    body = '0.' + '0'.repeat(-scale) + digits;
  } else if (scale >= digits.length) {
    body = digits + '0'.repeat(scale - digits.length);
  } else {
    body = digits.slice(0, scale) + '.' + digits.slice(scale);
  }
  return neg ? '-' + body : body;
}

/**
 * JSON text of a dynamic value, compact (no spaces), keys in the bag's own order — the text tostring() gives for
 * arrays and bags. Evidence for insertion order: parse-json-function.md and parse-path-function.md print bags in
 * source order (not sorted); only dynamic_to_json sorts (see `dynamicToCanonicalJson`).
 * Known gap: JavaScript objects list integer-like keys ("0", "42") first, in numeric order, whatever the insertion
 * order was; such keys therefore print first.
 * Strings are escaped like JSON.stringify: `"`, `\` and control characters only; non-ASCII stays literal.
 * [U] Non-finite reals print as the bare tokens NaN / Infinity / -Infinity (not valid JSON; parseJson accepts them).
 */
export function dynamicToJson(d: Dynamic): string {
  return writeJson(d, false);
}

/**
 * dynamic_to_json(): like `dynamicToJson` but bag keys sorted (ordinal), so equal bags give equal text
 * (docs: dynamic-to-json-function.md — keys "A1","A14","B1",… come out in that order).
 */
export function dynamicToCanonicalJson(d: Dynamic): string {
  return writeJson(d, true);
}

function writeJson(d: Dynamic, sortKeys: boolean): string {
  switch (typeof d) {
    case 'string':
      return JSON.stringify(d);
    case 'bigint':
      return d.toString();
    case 'number':
      return formatReal(d);
    case 'boolean':
      return d ? 'true' : 'false';
    default:
      break;
  }
  if (d === null) return 'null';
  if (isDynamicArray(d)) {
    let out = '[';
    for (let i = 0; i < d.length; i++) {
      if (i > 0) out += ',';
      out += writeJson(d[i] as Dynamic, sortKeys);
    }
    return out + ']';
  }
  const keys = Object.keys(d);
  if (sortKeys) keys.sort(compareOrdinal);
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (i > 0) out += ',';
    out += JSON.stringify(k) + ':' + writeJson((d as DynamicBag)[k] as Dynamic, sortKeys);
  }
  return out + '}';
}

/** UTF-16 code-unit order, the same as .NET's ordinal string comparison. */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// gettype, equality, scalars → dynamic

/**
 * gettype() of a dynamic value. Real engine, recorded answers (issue #14): gettype(dynamic(1)) is "long",
 * gettype(dynamic(1.5)) is "double" (a typed real scalar is "real"), an element of a dynamic array holding 1 is
 * "long", an object is "dictionary", a missing element "null". The docs (gettype-function.md) say
 * gettype(parse_json('1')) is "int": the engine wins.
 * Datetimes and timespans inside dynamic values are stored as strings (types.ts), so they report "string".
 */
export function dynamicTypeName(d: Dynamic): string {
  switch (typeof d) {
    case 'string':
      return 'string';
    case 'bigint':
      return 'long';
    case 'number':
      return 'double';
    case 'boolean':
      return 'bool';
    default:
      break;
  }
  if (d === null) return 'null';
  return isDynamicArray(d) ? 'array' : 'dictionary';
}

/**
 * Deep equality; bags compare as unordered maps.
 * [U] A bigint and a number are equal when numerically equal (1 == 1.0): Kusto's docs do not say whether a long and
 *     a real inside dynamic values compare equal; numeric equality is the reading that matches `1 == 1.0` in KQL.
 * NaN equals NaN here (structural identity, needed for set functions and round-trip checks).
 */
export function dynamicEquals(a: Dynamic, b: Dynamic): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'number' || ta === 'bigint') {
    if (tb !== 'number' && tb !== 'bigint') return false;
    if (ta === tb) return ta === 'number' && a !== a && b !== b; // only NaN reaches here
    return numericEquals(a as number | bigint, b as number | bigint);
  }
  if (a === null || b === null || ta !== 'object' || tb !== 'object') return false;
  const aArr = isDynamicArray(a);
  if (aArr !== isDynamicArray(b)) return false;
  if (aArr) {
    const x = a as DynamicArray;
    const y = b as DynamicArray;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!dynamicEquals(x[i] as Dynamic, y[i] as Dynamic)) return false;
    return true;
  }
  const x = a as DynamicBag;
  const y = b as DynamicBag;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(y, k)) return false;
    if (!dynamicEquals(x[k] as Dynamic, y[k] as Dynamic)) return false;
  }
  return true;
}

function numericEquals(a: number | bigint, b: number | bigint): boolean {
  const n = typeof a === 'number' ? a : (b as number);
  const i = typeof a === 'bigint' ? a : (b as bigint);
  return Number.isInteger(n) && BigInt(n) === i;
}

/**
 * How a typed KQL scalar enters a dynamic value (pack_array, bag_pack, make_list …): ints and longs become bigint,
 * reals stay numbers, datetimes and timespans become their canonical strings (pack-array-function.md shows a
 * timespan packed as "00:00:02"), guids their lower-case text, dynamic values pass through, null stays null.
 */
export function dynamicFromScalar(value: ScalarValue | null, type: ScalarType): Dynamic {
  if (value === null) return null;
  switch (type) {
    case 'bool':
    case 'string':
    case 'guid':
    case 'real':
    case 'long':
    case 'dynamic':
      return value;
    case 'int':
      return BigInt(value as number);
    case 'datetime':
      return formatDatetime(value as bigint);
    case 'timespan':
      return formatTimespan(value as bigint);
    case 'decimal':
      throw new Error('not supported yet: decimal');
  }
}
