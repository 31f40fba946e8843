// The text of one externaldata artifact → rows of the declared schema, by Kusto's ingestion data formats
// (ingestion-supported-formats.md) and its rules for invalid data (ingest-invalid-data.md):
//  - csv / tsv / psv / scsv / sohsv: delimited records (RFC 4180 quoting, "" for a quote, line breaks inside quotes);
//    fields map to columns by ordinal. Fields beyond the schema are not mapped; a column without a field is null
//    ("mapped fields are missing from the data: NULL value filled"). Records whose field count differs from the
//    first record's are an error (Stream_WrongNumberOfFields). [U] Empty lines are skipped.
//  - txt: each line is a record of one field (ordinal 0); empty lines are skipped. raw: the whole text is one field.
//  - json: one JSON object per line. A malformed line is ignored, as the service ignores it.
//  - multijson: a JSON array of objects, or objects one after another separated by whitespace (an object may span
//    lines); malformed JSON is an error (BadRequest_InvalidBlob). [U] singlejson: read as multijson.
//    JSON properties map to columns by name (case-sensitive); a missing property is null.
//  - A value that does not convert to its column's type is null ("NULL value filled"), counted in `nulled`.
// Errors are DataErrors with the artifact's name and line:column.

import { columnBuilder, type ColumnBuilder } from '../../tables/column-builder.js';
import { DataError, locate } from '../../tables/data-error.js';
import { makeTable, type Schema, type Table } from '../../tables/table.js';
import { ValueError } from '../../tables/text-values.js';
import { dynamicToJson, parseJson } from '../../values/dynamic.js';
import type { Dynamic, DynamicBag } from '../../values/types.js';

export const EXTERNALDATA_FORMATS = ['csv', 'tsv', 'psv', 'scsv', 'sohsv', 'txt', 'raw', 'json', 'multijson', 'singlejson'] as const;
export type ExternalDataFormat = (typeof EXTERNALDATA_FORMATS)[number];

const DELIMITERS: Readonly<Partial<Record<ExternalDataFormat, string>>> = { csv: ',', tsv: '\t', psv: '|', scsv: ';', sohsv: '\u0001' };

export interface ParseResult {
  readonly table: Table;
  /** Values that did not convert to their column's type and were nulled, as the service does. */
  readonly nulled: number;
}

/** Rows appended column by column; a value that does not convert is a null (ingest-invalid-data.md). */
class Rows {
  readonly columns: ColumnBuilder[];
  count = 0;
  nulled = 0;
  private capacity = 64;
  constructor(readonly schema: Schema) {
    this.columns = schema.map((c) => columnBuilder(c.type, this.capacity));
  }
  begin(): number {
    if (this.count >= this.capacity) {
      this.capacity *= 2;
      for (const c of this.columns) c.grow(this.capacity);
    }
    return this.count;
  }
  put(j: number, write: (c: ColumnBuilder, row: number) => void): void {
    const c = this.columns[j]!;
    try {
      write(c, this.count);
    } catch (err) {
      if (!(err instanceof ValueError)) throw err;
      c.putNull(this.count);
      this.nulled++;
    }
  }
  end(given: number): void {
    for (let j = given; j < this.columns.length; j++) this.columns[j]!.putNull(this.count);
    this.count++;
  }
  finish(): ParseResult {
    return { table: makeTable(this.schema, this.columns.map((c) => c.finish(this.count)), this.count), nulled: this.nulled };
  }
}

export function parseExternalData(text: string, source: string, format: ExternalDataFormat, schema: Schema, ignoreFirstRecord: boolean): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a UTF-8 byte-order mark is not data
  const delimiter = DELIMITERS[format];
  if (delimiter !== undefined) return parseDelimited(body, source, delimiter, schema, ignoreFirstRecord);
  if (format === 'txt' || format === 'raw') return parseLines(body, format, schema, ignoreFirstRecord);
  return parseJsonRecords(body, source, format === 'json' ? 'lines' : 'multi', schema, ignoreFirstRecord);
}

function fail(text: string, source: string, offset: number, message: string, baseLine = 1): never {
  const { line, column } = locate(text, 0, offset, baseLine);
  throw new DataError(source, line, column, message);
}

function parseDelimited(text: string, source: string, delimiter: string, schema: Schema, ignoreFirst: boolean): ParseResult {
  const rows = new Rows(schema);
  const records = delimitedRecords(text, source, delimiter);
  for (const [i, fields] of records.entries()) {
    if (i === 0 && ignoreFirst) continue;
    rows.begin();
    const given = Math.min(fields.length, schema.length);
    for (let j = 0; j < given; j++) rows.put(j, (c, r) => c.putCell(r, fields[j]!));
    rows.end(given);
  }
  return rows.finish();
}

/**
 * The records of delimited text (RFC 4180 quoting). Every record must have the
 * first record's field count (Stream_WrongNumberOfFields); empty lines are skipped [U].
 */
export function delimitedRecords(text: string, source: string, delimiter: string, baseLine = 1): string[][] {
  const out: string[][] = [];
  const d = delimiter.charCodeAt(0);
  let p = 0;
  let expected = -1;
  const n = text.length;
  while (p < n) {
    const c0 = text.charCodeAt(p);
    if (c0 === 10) {
      p++;
      continue;
    }
    if (c0 === 13 && text.charCodeAt(p + 1) === 10) {
      p += 2;
      continue;
    }
    const recordStart = p;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(p) === 34) {
        let q = p + 1;
        let acc = '';
        for (;;) {
          const close = text.indexOf('"', q);
          if (close < 0) fail(text, source, p, 'a quoted field is not closed', baseLine);
          acc += text.slice(q, close);
          if (text.charCodeAt(close + 1) === 34) {
            acc += '"';
            q = close + 2;
            continue;
          }
          p = close + 1;
          break;
        }
        const next = text.charCodeAt(p);
        if (p < n && next !== d && next !== 10 && !(next === 13 && text.charCodeAt(p + 1) === 10)) {
          fail(text, source, p, 'text after the closing quote of a field', baseLine);
        }
        value = acc;
      } else {
        let q = p;
        while (q < n) {
          const c = text.charCodeAt(q);
          if (c === d || c === 10 || (c === 13 && text.charCodeAt(q + 1) === 10)) break;
          q++;
        }
        value = text.slice(p, q);
        p = q;
      }
      fields.push(value);
      if (p < n && text.charCodeAt(p) === d) {
        p++;
        continue;
      }
      break;
    }
    if (p < n) p += text.charCodeAt(p) === 13 ? 2 : 1;
    if (expected < 0) expected = fields.length;
    else if (fields.length !== expected) {
      fail(text, source, recordStart, `a record with ${fields.length} field(s); the first record has ${expected} (the service refuses inconsistent field counts)`, baseLine);
    }
    out.push(fields);
  }
  return out;
}

function parseLines(text: string, format: 'txt' | 'raw', schema: Schema, ignoreFirst: boolean): ParseResult {
  const rows = new Rows(schema);
  const records = format === 'raw' ? [text] : text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l !== '');
  for (const [i, line] of records.entries()) {
    if (i === 0 && ignoreFirst) continue;
    rows.begin();
    if (schema.length > 0) rows.put(0, (c, r) => c.putCell(r, line));
    rows.end(Math.min(1, schema.length));
  }
  return rows.finish();
}

/** Offsets [start, end) of each top-level JSON value in text (strings and nesting respected). */
function jsonValues(text: string, source: string): [number, number][] {
  const out: [number, number][] = [];
  let p = 0;
  const n = text.length;
  while (p < n) {
    while (p < n && /\s/.test(text[p]!)) p++;
    if (p >= n) break;
    const start = p;
    const first = text[p];
    if (first !== '{' && first !== '[') fail(text, source, p, 'expected a JSON object or array');
    let depth = 0;
    for (; p < n; p++) {
      const c = text[p];
      if (c === '"') {
        for (p++; p < n && text[p] !== '"'; p++) if (text[p] === '\\') p++;
        if (p >= n) fail(text, source, start, 'a JSON string is not closed');
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) {
          p++;
          break;
        }
      }
    }
    if (depth !== 0) fail(text, source, start, 'a JSON value is not closed');
    out.push([start, p]);
  }
  return out;
}

function strictJson(text: string): Dynamic | undefined {
  try {
    JSON.parse(text); // validation only: parseJson keeps integers exact, JSON.parse says whether it is JSON
  } catch {
    return undefined;
  }
  return parseJson(text);
}

function isBag(d: Dynamic): d is DynamicBag {
  return d !== null && typeof d === 'object' && !Array.isArray(d);
}

function parseJsonRecords(text: string, source: string, mode: 'lines' | 'multi', schema: Schema, ignoreFirst: boolean): ParseResult {
  const rows = new Rows(schema);
  const records: Dynamic[] = [];
  if (mode === 'lines') {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const v = strictJson(line);
      if (v !== undefined && isBag(v)) records.push(v); // malformed lines are ignored, as the service does
    }
  } else {
    for (const [a, b] of jsonValues(text, source)) {
      const v = strictJson(text.slice(a, b));
      if (v === undefined) fail(text, source, a, 'malformed JSON');
      if (Array.isArray(v)) {
        for (const item of v as Dynamic[]) {
          if (!isBag(item)) fail(text, source, a, 'a JSON array of records must hold objects');
          records.push(item);
        }
      } else records.push(v);
    }
  }
  for (const [i, rec] of records.entries()) {
    if (i === 0 && ignoreFirst) continue;
    rows.begin();
    const bag = rec as DynamicBag;
    for (const [j, col] of schema.entries()) {
      const v = Object.prototype.hasOwnProperty.call(bag, col.name) ? bag[col.name]! : null;
      rows.put(j, (c, r) => putDynamic(c, r, v, col.type));
    }
    rows.end(schema.length);
  }
  return rows.finish();
}

function putDynamic(c: ColumnBuilder, row: number, v: Dynamic, type: string): void {
  if (v === null) return c.putNull(row);
  if (type === 'dynamic') return c.putDynamic(row, v);
  if (typeof v === 'string') return c.putString(row, v);
  if (type === 'string') return c.putString(row, dynamicToJson(v));
  if (typeof v === 'number') return c.putNumber(row, v);
  if (typeof v === 'bigint') return c.putBigInt(row, v);
  if (typeof v === 'boolean') return c.putBool(row, v);
  throw new ValueError('an object or array');
}
