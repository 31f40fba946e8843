// One data file → one typed table, streaming: the text comes in chunks (file-text.ts) and the scanners of
// src/tables write each value into its column as they read it. The formats:
//   .ndjson / .jsonl   one JSON object per line (blank lines skipped)
//   .json              an array of row objects (streamed), or an API result document (json-envelope.ts, read whole)
//   .csv               RFC 4180 with a header row (csv-rows.ts)
// A table without a schema gets one from its data: JSON files take a first pass over the rows for the keys and
// their value kinds; CSV takes the header (string columns, or the type a header cell declares).

import { extname } from 'node:path';
import { CsvReader, type CsvHeaderCell } from '../../tables/csv-rows.js';
import { DataError, locate } from '../../tables/data-error.js';
import { bindExportSchema, readExportShape } from '../../tables/json-envelope.js';
import { InferredColumns, JsonRowReader, NEED_MORE } from '../../tables/json-rows.js';
import { TableBuilder } from '../../tables/table-builder.js';
import type { Schema, Table } from '../../tables/table.js';
import { readTextChunks, TextChunks, type ReadStats, type TextChunk } from './file-text.js';

export interface TableFileOptions {
  /** Turn values that do not fit their column into nulls (counted), and invalid UTF-8 into U+FFFD (counted). */
  readonly lenient?: boolean;
  /** Bytes per read (tests use tiny chunks to exercise every boundary). */
  readonly chunkBytes?: number;
  /**
   * The schema lists the columns known so far, and the data may add more (open-schema tables such as
   * AzureDiagnostics): columns the file has beyond it are appended, typed from their values.
   */
  readonly openSchema?: boolean;
}

export interface LoadedTable {
  readonly table: Table;
  /** Values turned into nulls under lenient. */
  readonly bad: number;
  /** Invalid UTF-8 sequences replaced under lenient. */
  readonly replaced: number;
}

export type DataFormat = 'ndjson' | 'json' | 'csv';

export function formatOf(file: string): DataFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.ndjson' || ext === '.jsonl' ? 'ndjson' : ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : undefined;
}

/** Load one data file as table `table`, with `schema` (else one from the data). */
export function loadTableFile(file: string, table: string, schema: Schema | undefined, options: TableFileOptions = {}): LoadedTable {
  const format = formatOf(file);
  if (format === undefined) throw new DataError(file, 0, 0, 'not a data file (.ndjson, .jsonl, .json or .csv)');
  const stats: ReadStats = { replaced: 0 };
  const read = { lenient: options.lenient, chunkBytes: options.chunkBytes, stats };
  const chunks = (): Generator<TextChunk> => readTextChunks(file, read);
  const windows = (): TextChunks => new TextChunks(file, read);
  const lines = (): Generator<TextChunk> => readTextChunks(file, { ...read, lines: true });
  const open = options.openSchema === true;
  let t: { table: Table; bad: number };
  if (format === 'csv') t = loadCsv(windows(), file, table, schema, Boolean(options.lenient), open);
  else if (format === 'ndjson') {
    const s = schema && !open ? schema : withInferred(schema, inferNdjson(lines(), file, table));
    stats.replaced = 0;
    t = loadNdjson(lines(), file, table, s, Boolean(options.lenient));
  } else t = loadJson(chunks, windows, file, table, schema, Boolean(options.lenient), stats, open);
  return { ...t, replaced: stats.replaced };
}

/** The known columns, then the columns only the data has (open-schema tables), or the data's alone. */
function withInferred(known: Schema | undefined, inferred: Schema): Schema {
  if (!known) return inferred;
  const names = new Set(known.map((c) => c.name));
  return [...known, ...inferred.filter((c) => !names.has(c.name))];
}

// ---------------------------------------------------------------------------------------------------------------
// NDJSON: windows of whole lines, so a row never crosses a window.

function forEachLine(chunks: Iterable<TextChunk>, visit: (text: string, start: number, end: number, line: number) => void): void {
  let line = 1;
  for (const { text } of chunks) {
    let p = 0;
    while (p < text.length) {
      let e = text.indexOf('\n', p);
      if (e < 0) e = text.length;
      visit(text, p, e, line);
      line++;
      p = e + 1;
    }
  }
}

function isBlank(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

function loadNdjson(chunks: Iterable<TextChunk>, file: string, table: string, schema: Schema, lenient: boolean): { table: Table; bad: number } {
  const builder = new TableBuilder(schema);
  const reader = new JsonRowReader(builder, { file, table, lenient, lineMode: true }, schema);
  forEachLine(chunks, (text, a, b, line) => {
    if (isBlank(text, a, b)) return;
    reader.setWindow(text, a, b, true, line, 1);
    reader.readObjectRow();
    const rest = reader.skipWs(reader.pos);
    if (rest < b) reader.syntax(rest, 'text after the row object (one object per line)');
  });
  return { table: builder.finish(), bad: builder.bad };
}

function inferNdjson(chunks: Iterable<TextChunk>, file: string, table: string): Schema {
  const into = new InferredColumns();
  const reader = new JsonRowReader(undefined, { file, table, lenient: false, lineMode: true }, []);
  forEachLine(chunks, (text, a, b, line) => {
    if (isBlank(text, a, b)) return;
    reader.setWindow(text, a, b, true, line, 1);
    reader.inferObjectRow(into);
    const rest = reader.skipWs(reader.pos);
    if (rest < b) reader.syntax(rest, 'text after the row object (one object per line)');
  });
  return into.schema();
}

// ---------------------------------------------------------------------------------------------------------------
// Chunked units: a unit (array element, CSV record) cut by the end of a window is read again with more text.

interface Window {
  text: string;
  start: number;
  line: number;
  column: number;
  final: boolean;
}

/**
 * Runs `step` over the text window by window. `step` reads units from `win.start` and returns the offset after the
 * last unit it completed, or throws NEED_MORE; the text from there on starts the next window.
 */
function streamUnits(chunks: TextChunks, step: (win: Window) => number): void {
  let line = 1;
  let column = 1;
  let keep = 0;
  try {
    for (let c = chunks.next(); c !== undefined; c = chunks.next(keep)) {
      const { text, final } = c;
      const win: Window = { text, start: 0, line, column, final };
      let consumed: number;
      try {
        consumed = step(win);
      } catch (err) {
        if (err !== NEED_MORE) throw err;
        consumed = win.start;
      }
      if (final) return;
      const at = locate(text, 0, consumed, line, column);
      line = at.line;
      column = at.column;
      keep = text.length - consumed;
    }
  } finally {
    chunks.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// JSON: a top-level array is streamed element by element; an object is an API result document.

function firstNonSpace(chunks: () => Generator<TextChunk>): string {
  for (const { text } of chunks()) {
    const m = /\S/.exec(text);
    if (m) return m[0];
  }
  return '';
}

function loadJson(
  chunks: () => Generator<TextChunk>,
  windows: () => TextChunks,
  file: string,
  table: string,
  schema: Schema | undefined,
  lenient: boolean,
  stats: ReadStats,
  open: boolean,
): { table: Table; bad: number } {
  const first = firstNonSpace(chunks);
  stats.replaced = 0;
  if (first === '{') return loadExport(chunks(), file, table, schema, lenient, open);
  if (first === '') throw new DataError(file, 1, 1, 'an empty .json file (a table without rows is [])');
  if (first !== '[') throw new DataError(file, 1, 1, 'a .json table file holds an array of row objects (or an API result document)');
  let s = schema;
  if (!s || open) {
    const into = new InferredColumns();
    const reader = new JsonRowReader(undefined, { file, table, lenient: false }, []);
    streamArray(windows(), reader, () => reader.inferObjectRow(into));
    s = withInferred(schema, into.schema());
    stats.replaced = 0;
  }
  const builder = new TableBuilder(s);
  const reader = new JsonRowReader(builder, { file, table, lenient }, s);
  streamArray(windows(), reader, () => reader.readObjectRow());
  return { table: builder.finish(), bad: builder.bad };
}

/** `[ row, row, … ]` followed by nothing but whitespace; `row` reads one element at reader.pos. */
function streamArray(chunks: TextChunks, reader: JsonRowReader, row: () => void): void {
  let opened = false;
  let closed = false;
  let count = 0;
  streamUnits(chunks, (win) => {
    reader.setWindow(win.text, 0, win.text.length, win.final, win.line, win.column);
    const t = win.text;
    for (;;) {
      const p = reader.skipWs(reader.pos);
      if (p >= t.length) {
        if (!win.final) return reader.pos;
        if (!closed) reader.syntax(p, opened ? "the array is not closed (expected ']')" : "expected '['");
        return p;
      }
      const c = t.charCodeAt(p);
      if (closed) reader.syntax(p, 'text after the end of the array (a .json file holds one array; one object per line is .ndjson)');
      if (!opened) {
        if (c !== 91) reader.syntax(p, "expected '['");
        opened = true;
        reader.pos = p + 1;
        win.start = reader.pos;
        continue;
      }
      if (c === 93) {
        closed = true;
        reader.pos = p + 1;
        win.start = reader.pos;
        continue;
      }
      if (count > 0) {
        if (c !== 44) reader.syntax(p, "expected ',' or ']'");
        reader.pos = p + 1;
      }
      row();
      count++;
      win.start = reader.pos;
    }
  });
}

function loadExport(chunks: Iterable<TextChunk>, file: string, table: string, known: Schema | undefined, lenient: boolean, open: boolean): { table: Table; bad: number } {
  let text = '';
  for (const { text: chunk } of chunks) text += chunk;
  const shape = readExportShape(text, file);
  const base = known && open ? withInferred(known, shape.declared) : known;
  const { schema, order } = bindExportSchema(shape, base, table, file, (offset) => locate(text, 0, offset, 1, 1));
  const builder = new TableBuilder(schema);
  const reader = new JsonRowReader(builder, { file, table, lenient, dynamicStringsAreJson: shape.dynamicStringsAreJson }, schema);
  reader.setWindow(text, 0, text.length, true);
  let p = reader.skipWs(shape.rowsAt);
  if (text.charCodeAt(p) !== 91) reader.syntax(p, "expected '[' (the rows are a list)");
  p = reader.skipWs(p + 1);
  while (text.charCodeAt(p) !== 93) {
    reader.pos = p;
    if (shape.rows === 'objects') reader.readObjectRow();
    else reader.readArrayRow(order);
    p = reader.skipWs(reader.pos);
    if (text.charCodeAt(p) === 44) p = reader.skipWs(p + 1);
    else if (text.charCodeAt(p) !== 93) reader.syntax(p, "expected ',' or ']'");
  }
  return { table: builder.finish(), bad: builder.bad };
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

function loadCsv(chunks: TextChunks, file: string, table: string, known: Schema | undefined, lenient: boolean, open: boolean): { table: Table; bad: number } {
  const reader = new CsvReader(file);
  let header: CsvHeaderCell[] | undefined;
  let builder: TableBuilder | undefined;
  let order: number[] = [];
  let schema: Schema = known ?? [];
  streamUnits(chunks, (win) => {
    reader.setWindow(win.text, 0, win.text.length, win.final, win.line, win.column);
    if (header === undefined) {
      header = reader.readHeader();
      if (header === undefined) return reader.pos;
      win.start = reader.pos;
      const fromHeader = header.map((h) => ({ name: h.name, type: h.declared ?? ('string' as const) }));
      schema = known && open ? withInferred(known, fromHeader) : (known ?? fromHeader);
      builder = new TableBuilder(schema);
      order = reader.bindHeader(header, schema, table, builder);
    }
    while (reader.readRecord(order, builder!, schema, lenient)) win.start = reader.pos;
    return reader.pos;
  });
  const b = builder ?? new TableBuilder(schema);
  return { table: b.finish(), bad: b.bad };
}
