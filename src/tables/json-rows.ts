// JSON rows straight into typed columns: a hand-written scanner over the file text that writes each value into its
// column as it reads it (no JSON.parse, no row objects, no strings for datetimes or numbers). Used for NDJSON lines,
// the elements of a top-level JSON array, and the rows of API exports (json-envelope.ts).
//
// Strictness, beyond JSON's grammar: a key given twice in one row or one object is an error (JSON.parse would keep
// the last); integers are exact to 64 bits; a value that does not fit its column is an error at the member's key.
// [U] Raw control characters inside strings (JSON requires them escaped) are kept as they are, not rejected: the
// value is still exactly what the file holds.
//
// Chunked reading: the caller hands in a window of text; a row that runs past the end of a window that is not the
// last throws NEED_MORE, and the caller retries that row from its start with more text (the table builder lets a
// row be rewritten).

import { didYouMean } from '../diagnostics.js';
import type { Dynamic, ScalarType } from '../values/types.js';
import { DatetimeColumn, detach, dynamicNumber, LongColumn, StringColumn, type ColumnBuilder } from './column-builder.js';
import { DataError, locate } from './data-error.js';
import type { TableBuilder } from './table-builder.js';
import { parseIsoFast, ValueError } from './text-values.js';

/** Thrown when a row runs past the end of a window that more text will follow. */
export const NEED_MORE: { readonly needMore: true } = Object.freeze({ needMore: true });

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const COLON = 58;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const MAX_DEPTH = 512;

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** One flat string of the first n code units of buf (in slices: an argument list has a size limit). */
function stringOf(buf: Uint16Array, n: number): string {
  if (n <= 4096) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  let s = '';
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return s;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

export interface JsonSource {
  readonly file: string;
  readonly table: string;
  readonly lenient: boolean;
  /** NDJSON: syntax errors name column 1 of the line ("malformed JSON line") and give the column in the message. */
  readonly lineMode?: boolean;
  /** API exports: a JSON string in a dynamic column is JSON text (the Log Analytics API serialises dynamics so). */
  readonly dynamicStringsAreJson?: boolean;
}

/** Kinds of JSON values seen for a key, for tables whose schema comes from their values. */
export type JsonKind = 'string' | 'datetime' | 'long' | 'real' | 'bool' | 'dynamic';

/** What a first pass over rows learns: keys in order of first appearance and the type their values call for. */
export class InferredColumns {
  readonly types = new Map<string, ScalarType | undefined>();
  see(key: string, kind: JsonKind | undefined): void {
    const prev = this.types.get(key);
    if (kind === undefined) {
      if (!this.types.has(key)) this.types.set(key, undefined);
      return;
    }
    if (prev === undefined || prev === kind) this.types.set(key, kind);
    else if ((prev === 'long' && kind === 'real') || (prev === 'real' && kind === 'long')) this.types.set(key, 'real');
    else if ((prev === 'datetime' && kind === 'string') || (prev === 'string' && kind === 'datetime')) this.types.set(key, 'string');
    else this.types.set(key, 'dynamic');
  }
  /** Columns in order of first appearance; keys seen only with nulls are strings. */
  schema(): { name: string; type: ScalarType }[] {
    return [...this.types].map(([name, type]) => ({ name, type: type ?? 'string' }));
  }
}

export class JsonRowReader {
  text = '';
  pos = 0;
  end = 0;
  final = true;
  /** File line and column of text[0]. */
  baseLine = 1;
  baseColumn = 1;
  /** Offset of the window's first character, which is at baseLine:baseColumn of the file. */
  windowStart = 0;
  /** Where the row being read starts (for line-mode positions and retries). */
  rowStart = 0;
  private backslashAt = -1;
  private scratch: Uint16Array = new Uint16Array(256);
  private backslashFrom = 0;
  private valueEnd = 0;
  private readonly index: Map<string, number>;
  private readonly quoted: string[];
  private readonly columnsOfSlot: Int32Array;
  private readonly names: readonly string[];
  private readonly types: readonly ScalarType[];
  private readonly columns: readonly ColumnBuilder[];
  private readonly dynamicStringsAreJson: boolean;

  constructor(
    private readonly builder: TableBuilder | undefined,
    private readonly source: JsonSource,
    schema: readonly { name: string; type: ScalarType }[],
  ) {
    this.names = schema.map((c) => c.name);
    this.types = schema.map((c) => c.type);
    this.index = new Map(this.names.map((n, i) => [n, i]));
    this.quoted = this.names.map((n) => JSON.stringify(n));
    this.columnsOfSlot = new Int32Array(Math.max(1, schema.length)).fill(-1);
    this.columns = builder?.columns ?? [];
    this.dynamicStringsAreJson = source.dynamicStringsAreJson === true;
  }

  /** Reads from text[start, end); `final` when no text follows it. */
  setWindow(text: string, start: number, end: number, final: boolean, baseLine = 1, baseColumn = 1): void {
    this.text = text;
    this.pos = start;
    this.windowStart = start;
    this.end = end;
    this.final = final;
    this.baseLine = baseLine;
    this.baseColumn = baseColumn;
    this.backslashAt = -1;
    this.backslashFrom = 0;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Errors

  private where(offset: number): { line: number; column: number } {
    return locate(this.text, this.windowStart, offset, this.baseLine, this.baseColumn);
  }

  error(offset: number, message: string, notes: readonly string[] = []): never {
    const { line, column } = this.where(offset);
    throw new DataError(this.source.file, line, column, message, notes);
  }

  /** Malformed JSON at `offset`. */
  syntax(offset: number, what: string): never {
    if (this.source.lineMode) {
      const { line, column } = this.where(offset);
      throw new DataError(this.source.file, line, 1, `malformed JSON line: ${what} at column ${column}`);
    }
    this.error(offset, `malformed JSON: ${what}`);
  }

  /** The window ended inside a row: more text follows, or the file ends too early. */
  private atEnd(offset: number, what: string): never {
    if (!this.final) throw NEED_MORE;
    this.syntax(offset, what);
  }

  private valueError(err: ValueError, column: number, keyAt: number, from: number, to: number): never {
    const raw = this.text.slice(from, Math.min(to, from + 200)) + (to - from > 200 ? '…' : '');
    this.error(keyAt, `column '${this.names[column]}' (${this.types[column]}): ${err.message}: ${raw}`);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Tokens

  skipWs(p: number): number {
    const t = this.text;
    const end = this.end;
    while (p < end && isSpace(t.charCodeAt(p))) p++;
    return p;
  }

  /** End of the number starting at p (checked against JSON's grammar). */
  private scanNumber(p: number): number {
    const t = this.text;
    const end = this.end;
    const start = p;
    if (t.charCodeAt(p) === MINUS) p++;
    if (p >= end) this.atEnd(p, 'a number cut short');
    let c = t.charCodeAt(p);
    if (c === 48) p++;
    else if (isDigit(c)) while (p < end && isDigit(t.charCodeAt(p))) p++;
    else this.syntax(start, 'invalid number');
    if (p < end && t.charCodeAt(p) === DOT) {
      p++;
      if (p >= end || !isDigit(t.charCodeAt(p))) p >= end ? this.atEnd(p, 'a number cut short') : this.syntax(start, 'invalid number');
      while (p < end && isDigit(t.charCodeAt(p))) p++;
    }
    c = p < end ? t.charCodeAt(p) : 0;
    if (c === 101 || c === 69) {
      p++;
      c = p < end ? t.charCodeAt(p) : 0;
      if (c === 43 || c === MINUS) p++;
      if (p >= end || !isDigit(t.charCodeAt(p))) p >= end ? this.atEnd(p, 'a number cut short') : this.syntax(start, 'invalid number');
      while (p < end && isDigit(t.charCodeAt(p))) p++;
    }
    if (p >= end) {
      if (!this.final) throw NEED_MORE; // the number may go on in the next chunk
      return p;
    }
    c = t.charCodeAt(p);
    if (!(isSpace(c) || c === COMMA || c === RBRACE || c === RBRACKET)) this.syntax(start, 'invalid number');
    return p;
  }

  private literal(p: number, word: string): number {
    if (p + word.length > this.end) {
      if (word.startsWith(this.text.slice(p, this.end))) this.atEnd(p, `'${word}' cut short`);
      this.syntax(p, 'expected a value');
    }
    if (!this.text.startsWith(word, p)) this.syntax(p, 'expected a value');
    return p + word.length;
  }

  /** Closing quote of the string opening at p, or -1 when the string has escapes (then `readEscaped`). */
  private plainStringEnd(p: number): number {
    const t = this.text;
    const close = t.indexOf('"', p + 1);
    if (close < 0 || close >= this.end) this.atEnd(p, 'unterminated string');
    // The next backslash is remembered from where it was looked for; reading backwards (a second walk over the
    // same text) looks again.
    if (this.backslashAt <= p || p < this.backslashFrom) {
      const b = t.indexOf('\\', p + 1);
      this.backslashAt = b < 0 || b >= this.end ? Infinity : b;
      this.backslashFrom = p;
    }
    return this.backslashAt < close ? -1 : close;
  }

  /**
   * The string opening at p, decoded; its end goes to `valueEnd`. The characters are gathered in a scratch array
   * and made into one flat string (no chain of substrings and concatenations, no reference to the file text).
   */
  private readEscaped(p: number): string {
    const t = this.text;
    const end = this.end;
    // The closing quote is the first one not escaped (preceded by an even number of backslashes); the engine's own
    // JSON reader then decodes the literal in one step. Raw control characters, which it refuses, take the loop.
    let close = t.indexOf('"', p + 1);
    for (;;) {
      if (close < 0 || close >= end) this.atEnd(p, 'unterminated string');
      let k = close - 1;
      while (t.charCodeAt(k) === BACKSLASH) k--;
      if ((close - 1 - k) % 2 === 0) break;
      close = t.indexOf('"', close + 1);
    }
    try {
      const s = JSON.parse(t.slice(p, close + 1)) as string;
      this.valueEnd = close + 1;
      return s;
    } catch {
      // an invalid escape or a raw control character: decoded (or reported) below
    }
    let buf = this.scratch;
    let n = 0;
    let i = p + 1;
    for (;;) {
      if (i >= end) this.atEnd(p, 'unterminated string');
      if (n + 2 > buf.length) buf = this.growScratch();
      let c = t.charCodeAt(i);
      if (c === QUOTE) break;
      i++;
      if (c === BACKSLASH) {
        if (i >= end) this.atEnd(p, 'unterminated string');
        const e = t.charCodeAt(i++);
        switch (e) {
          case QUOTE:
          case BACKSLASH:
          case 47:
            c = e;
            break;
          case 98:
            c = 8;
            break;
          case 102:
            c = 12;
            break;
          case 110:
            c = 10;
            break;
          case 114:
            c = 13;
            break;
          case 116:
            c = 9;
            break;
          case 117: {
            if (i + 4 > end) this.atEnd(p, 'unterminated string');
            c = 0;
            for (let k = 0; k < 4; k++) {
              const h = hexDigit(t.charCodeAt(i + k));
              if (h < 0) this.syntax(i - 2, 'invalid \\u escape');
              c = c * 16 + h;
            }
            i += 4;
            break;
          }
          default:
            this.syntax(i - 2, 'invalid escape');
        }
      }
      buf[n++] = c;
    }
    this.valueEnd = i + 1;
    return stringOf(buf, n);
  }

  private growScratch(): Uint16Array {
    const b = new Uint16Array(this.scratch.length * 2);
    b.set(this.scratch);
    this.scratch = b;
    return b;
  }

  private readString(p: number): string {
    const close = this.plainStringEnd(p);
    if (close >= 0) {
      this.valueEnd = close + 1;
      return this.text.slice(p + 1, close);
    }
    return this.readEscaped(p);
  }

  /** A nested JSON value as a dynamic value (exact integers, frozen, duplicate keys refused); end → `valueEnd`. */
  private readDynamic(p: number, depth = 0): Dynamic {
    if (p >= this.end) this.atEnd(p, 'expected a value');
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === QUOTE) return detach(this.readString(p));
    if (c === MINUS || isDigit(c)) {
      const e = this.scanNumber(p);
      this.valueEnd = e;
      return dynamicNumber(t.slice(p, e));
    }
    if (c === 116 || c === 102 || c === 110) {
      const word = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
      this.valueEnd = this.literal(p, word);
      return c === 116 ? true : c === 102 ? false : null;
    }
    if (depth >= MAX_DEPTH) this.error(p, `a value nested more than ${MAX_DEPTH} levels deep`);
    if (c === LBRACKET) {
      const items: Dynamic[] = [];
      let q = this.skipWs(p + 1);
      if (q < this.end && t.charCodeAt(q) === RBRACKET) {
        this.valueEnd = q + 1;
        return Object.freeze(items);
      }
      for (;;) {
        items.push(this.readDynamic(q, depth + 1));
        q = this.skipWs(this.valueEnd);
        if (q >= this.end) this.atEnd(q, "expected ',' or ']'");
        const d = t.charCodeAt(q);
        if (d === RBRACKET) break;
        if (d !== COMMA) this.syntax(q, "expected ',' or ']'");
        q = this.skipWs(q + 1);
      }
      this.valueEnd = q + 1;
      return Object.freeze(items);
    }
    if (c === LBRACE) {
      const bag = Object.create(null) as Record<string, Dynamic>;
      let q = this.skipWs(p + 1);
      if (q < this.end && t.charCodeAt(q) === RBRACE) {
        this.valueEnd = q + 1;
        return Object.freeze(bag);
      }
      for (;;) {
        if (q >= this.end) this.atEnd(q, 'expected a key');
        if (t.charCodeAt(q) !== QUOTE) this.syntax(q, 'expected a key string');
        const keyAt = q;
        const key = this.readString(q);
        if (key in bag) this.error(keyAt, `duplicate key '${key}' in an object`);
        q = this.skipWs(this.valueEnd);
        if (q >= this.end) this.atEnd(q, "expected ':'");
        if (t.charCodeAt(q) !== COLON) this.syntax(q, "expected ':'");
        bag[detach(key)] = this.readDynamic(this.skipWs(q + 1), depth + 1);
        q = this.skipWs(this.valueEnd);
        if (q >= this.end) this.atEnd(q, "expected ',' or '}'");
        const d = t.charCodeAt(q);
        if (d === RBRACE) break;
        if (d !== COMMA) this.syntax(q, "expected ',' or '}'");
        q = this.skipWs(q + 1);
      }
      this.valueEnd = q + 1;
      return Object.freeze(bag);
    }
    this.syntax(p, 'expected a value');
  }

  /** Skips the JSON value at p (checked, duplicate keys refused); returns the offset after it. */
  skipValue(p: number): number {
    this.readDynamic(p);
    return this.valueEnd;
  }

  /** The JSON string at p, decoded, and the offset after it. */
  stringAt(p: number): { value: string; end: number } {
    if (p >= this.end || this.text.charCodeAt(p) !== QUOTE) this.syntax(p, 'expected a string');
    const value = this.readString(p);
    return { value, end: this.valueEnd };
  }

  /** The JSON value at p as a plain JS value (for small parts of a document, such as an export's schema). */
  plainAt(p: number): { value: unknown; end: number } {
    const end = this.skipValue(p);
    try {
      return { value: JSON.parse(this.text.slice(p, end)) as unknown, end };
    } catch (err) {
      // The reader takes what JSON.parse refuses (a raw control character in a string): a DataError, not a crash
      // (found by the data fuzz, test/fuzz/data-fuzz.ts).
      this.syntax(p, `malformed JSON value (${(err as Error).message})`);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Values into columns

  /** The value at p into column j of the current row; returns the offset after it. */
  private readValue(j: number, p: number, keyAt: number): number {
    const builder = this.builder!;
    const col = this.columns[j]!;
    const row = builder.rows;
    const t = this.text;
    if (p >= this.end) this.atEnd(p, 'expected a value');
    const c = t.charCodeAt(p);
    let e: number;
    // The common column classes get call sites of their own (monomorphic, so the engine inlines them).
    try {
      if (c === QUOTE) {
        const close = this.plainStringEnd(p);
        const asJson = this.dynamicStringsAreJson && col.type === 'dynamic';
        if (close >= 0) {
          e = close + 1;
          if (col instanceof StringColumn) col.putStringRange(row, t, p + 1, close);
          else if (col instanceof DatetimeColumn) col.putStringRange(row, t, p + 1, close);
          else if (asJson) col.putCellRange(row, t, p + 1, close);
          else col.putStringRange(row, t, p + 1, close);
        } else {
          const s = this.readEscaped(p); // a fresh string, not a view of the text
          e = this.valueEnd;
          if (col instanceof StringColumn) col.putString(row, s);
          else if (asJson) col.putCell(row, s);
          else col.putString(row, s);
        }
      } else if (c === MINUS || isDigit(c)) {
        e = this.scanNumber(p);
        if (col instanceof LongColumn) col.putNumberRange(row, t, p, e);
        else col.putNumberRange(row, t, p, e);
      } else if (c === 116) {
        e = this.literal(p, 'true');
        col.putBool(row, true);
      } else if (c === 102) {
        e = this.literal(p, 'false');
        col.putBool(row, false);
      } else if (c === 110) {
        e = this.literal(p, 'null');
        col.putNull(row);
      } else if (c === LBRACE || c === LBRACKET) {
        const d = this.readDynamic(p);
        e = this.valueEnd;
        col.putDynamic(row, d);
      } else {
        this.syntax(p, 'expected a value');
      }
    } catch (err) {
      if (!(err instanceof ValueError)) throw err;
      // The value's extent: known for scalars; for a string or structure that failed to convert, read again.
      const to = this.extentOf(p);
      if (!this.source.lenient) this.valueError(err, j, keyAt, p, to);
      builder.markBad(j);
      return to;
    }
    return e;
  }

  private extentOf(p: number): number {
    const c = this.text.charCodeAt(p);
    if (c === QUOTE) {
      this.readString(p);
      return this.valueEnd;
    }
    if (c === MINUS || isDigit(c)) return this.scanNumber(p);
    this.readDynamic(p);
    return this.valueEnd;
  }

  /** Column of the key at p (predicted from the key order of the previous row, else looked up); end → `valueEnd`. */
  private keyColumn(p: number, slot: number): number {
    const predicted = slot < this.columnsOfSlot.length ? this.columnsOfSlot[slot]! : -1;
    if (predicted >= 0) {
      // Compared character by character: cheaper here than a startsWith call per key.
      const q = this.quoted[predicted]!;
      const n = q.length;
      if (p + n <= this.end) {
        const t = this.text;
        let k = 1;
        while (k < n && t.charCodeAt(p + k) === q.charCodeAt(k)) k++;
        if (k === n) {
          this.valueEnd = p + n;
          return predicted;
        }
      }
    }
    const name = this.readString(p);
    const j = this.index.get(name);
    if (j === undefined) {
      this.error(p, `unknown column '${name}' for table '${this.source.table}'`, didYouMean(name, this.names));
    }
    if (slot < this.columnsOfSlot.length) this.columnsOfSlot[slot] = j;
    return j;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Rows

  /** One JSON object at `pos` (after whitespace) as a row; `pos` moves past it. */
  readObjectRow(): void {
    const t = this.text;
    const builder = this.builder!;
    let p = this.skipWs(this.pos);
    this.rowStart = p;
    if (p >= this.end) this.atEnd(p, 'expected a row object');
    if (t.charCodeAt(p) !== LBRACE) this.syntax(p, "expected '{' (each row is a JSON object)");
    builder.beginRow();
    p = this.skipWs(p + 1);
    if (p < this.end && t.charCodeAt(p) === RBRACE) p++;
    else {
      for (let slot = 0; ; slot++) {
        if (p >= this.end) this.atEnd(p, 'expected a key');
        if (t.charCodeAt(p) !== QUOTE) this.syntax(p, 'expected a key string');
        const keyAt = p;
        const j = this.keyColumn(p, slot);
        p = this.skipWs(this.valueEnd);
        if (p >= this.end) this.atEnd(p, "expected ':'");
        if (t.charCodeAt(p) !== COLON) this.syntax(p, "expected ':'");
        if (!builder.claim(j)) this.error(keyAt, `duplicate key '${this.names[j]}' in one row (JSON would keep only the last)`);
        p = this.skipWs(this.readValue(j, this.skipWs(p + 1), keyAt));
        if (p >= this.end) this.atEnd(p, "expected ',' or '}'");
        const c = t.charCodeAt(p);
        if (c === RBRACE) {
          p++;
          break;
        }
        if (c !== COMMA) this.syntax(p, "expected ',' or '}'");
        p = this.skipWs(p + 1);
      }
    }
    builder.endRow();
    this.pos = p;
  }

  /** One JSON array at `pos` as a row whose values are the columns `order` in turn (Log Analytics API rows). */
  readArrayRow(order: readonly number[]): void {
    const t = this.text;
    const builder = this.builder!;
    let p = this.skipWs(this.pos);
    this.rowStart = p;
    if (p >= this.end) this.atEnd(p, 'expected a row array');
    if (t.charCodeAt(p) !== LBRACKET) this.syntax(p, "expected '[' (each row is an array of values)");
    builder.beginRow();
    p = this.skipWs(p + 1);
    let k = 0;
    if (p < this.end && t.charCodeAt(p) === RBRACKET) p++;
    else {
      for (;; k++) {
        if (k >= order.length) this.error(p, `a row with more values than the ${order.length} columns`);
        const j = order[k]!;
        builder.claim(j);
        p = this.skipWs(this.readValue(j, p, p));
        if (p >= this.end) this.atEnd(p, "expected ',' or ']'");
        const c = t.charCodeAt(p);
        if (c === RBRACKET) {
          p++;
          k++;
          break;
        }
        if (c !== COMMA) this.syntax(p, "expected ',' or ']'");
        p = this.skipWs(p + 1);
      }
    }
    if (k !== order.length) this.error(this.rowStart, `a row with ${k} values; the table has ${order.length} columns`);
    builder.endRow();
    this.pos = p;
  }

  /** First pass of a table without a schema: the keys of the object at `pos` and the kinds of their values. */
  inferObjectRow(into: InferredColumns): void {
    const t = this.text;
    let p = this.skipWs(this.pos);
    this.rowStart = p;
    if (p >= this.end) this.atEnd(p, 'expected a row object');
    if (t.charCodeAt(p) !== LBRACE) this.syntax(p, "expected '{' (each row is a JSON object)");
    const seen = new Set<string>();
    p = this.skipWs(p + 1);
    if (p < this.end && t.charCodeAt(p) === RBRACE) p++;
    else {
      for (;;) {
        if (p >= this.end) this.atEnd(p, 'expected a key');
        if (t.charCodeAt(p) !== QUOTE) this.syntax(p, 'expected a key string');
        const keyAt = p;
        const key = this.readString(p);
        if (seen.has(key)) this.error(keyAt, `duplicate key '${key}' in one row (JSON would keep only the last)`);
        seen.add(key);
        p = this.skipWs(this.valueEnd);
        if (p >= this.end) this.atEnd(p, "expected ':'");
        if (t.charCodeAt(p) !== COLON) this.syntax(p, "expected ':'");
        p = this.skipWs(p + 1);
        into.see(detach(key), this.kindAt(p));
        p = this.skipWs(this.valueEnd);
        if (p >= this.end) this.atEnd(p, "expected ',' or '}'");
        const c = t.charCodeAt(p);
        if (c === RBRACE) {
          p++;
          break;
        }
        if (c !== COMMA) this.syntax(p, "expected ',' or '}'");
        p = this.skipWs(p + 1);
      }
    }
    this.pos = p;
  }

  /**
   * The kind of the value at p (its end → `valueEnd`): integers → long, other numbers → real, strings in the
   * canonical ISO-8601 UTC form (`2026-11-20T10:00:00[.fffffff]Z`) → datetime, other strings → string,
   * objects/arrays → dynamic, null → undefined.
   */
  private kindAt(p: number): JsonKind | undefined {
    if (p >= this.end) this.atEnd(p, 'expected a value');
    const c = this.text.charCodeAt(p);
    if (c === QUOTE) {
      const close = this.plainStringEnd(p);
      if (close >= 0) {
        this.valueEnd = close + 1;
        return parseIsoFast(this.text, p + 1, close) ? 'datetime' : 'string';
      }
      this.readEscaped(p);
      return 'string';
    }
    if (c === MINUS || isDigit(c)) {
      const e = this.scanNumber(p);
      this.valueEnd = e;
      const n = this.text.slice(p, e);
      return /[.eE]/.test(n) ? 'real' : 'long';
    }
    const v = this.readDynamic(p);
    return v === null ? undefined : typeof v === 'boolean' ? 'bool' : 'dynamic';
  }
}
