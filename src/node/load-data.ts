// Loading a data folder (Node only): one file per table, `<Table>.ndjson` / `.jsonl` / `.json` (array of objects)
// / `.csv` (header row, RFC 4180). Values are converted to the column types as they are read, straight into
// columns. Bad data never passes silently: an unknown column, a value that does not fit its column's type, or a
// malformed line is an error naming file:line:column and the value, unless `lenient` turns bad values into nulls
// (and counts them).

import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { didYouMean } from '../diagnostics.js';
import { BUILTIN_SCHEMAS } from '../tables/builtin-schemas.js';
import { coerceValue, dynamicFromText } from '../tables/from-rows.js';
import { makeTable, type Column, type Schema, type Table } from '../tables/table.js';
import { encodeStrings, vectorFromValues } from '../tables/vector.js';
import type { ScalarType, ScalarValue } from '../values/types.js';
import { TYPE_ALIASES } from '../values/types.js';
import { parseDatetime } from '../values/datetime.js';

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    message: string,
    readonly notes: readonly string[] = [],
  ) {
    super(`${file}:${line}:${column}: ${message}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    this.name = 'DataError';
  }
}

export interface LoadOptions {
  /** Turn values that do not fit their column into nulls instead of failing; they are counted in `badValues`. */
  readonly lenient?: boolean;
  /** Schemas for tables that are not built in (table → columns). */
  readonly schemas?: Readonly<Record<string, Schema>>;
  /** Called with a message when loading takes a while (the CLI prints it). */
  readonly progress?: (message: string) => void;
}

export interface LoadedDataset {
  readonly tables: Map<string, Table>;
  /** `now` from dataset.json, if the folder has one. */
  readonly now?: string;
  readonly name?: string;
  /** Per table, how many bad values lenient mode turned into nulls. */
  readonly badValues: Map<string, number>;
}

const EXTENSIONS = ['.ndjson', '.jsonl', '.json', '.csv'];

/** Load every table file of a folder. */
export function loadDataFolder(dir: string, options: LoadOptions = {}): LoadedDataset {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DataError(dir, 0, 0, 'data folder not found');
  let now: string | undefined;
  let name: string | undefined;
  const manifest = join(dir, 'dataset.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { now?: string; name?: string };
    now = m.now;
    name = m.name;
  }
  const tables = new Map<string, Table>();
  const badValues = new Map<string, number>();
  const files = readdirSync(dir).filter((f) => EXTENSIONS.includes(extname(f)) && f !== 'dataset.json' && !f.endsWith('.schema.json'));
  for (const f of files.sort()) {
    const table = basename(f, extname(f));
    if (tables.has(table)) throw new DataError(join(dir, f), 0, 0, `table '${table}' has more than one data file`);
    const schemaFile = join(dir, `${table}.schema.json`);
    const schema =
      options.schemas?.[table] ??
      BUILTIN_SCHEMAS[table] ??
      (existsSync(schemaFile) ? readSchemaFile(schemaFile) : undefined);
    const started = Date.now();
    const { table: t, bad } = loadTableFile(join(dir, f), table, schema, options);
    if (Date.now() - started > 1000) options.progress?.(`loaded ${table} (${t.rowCount} rows)`);
    tables.set(table, t);
    if (bad > 0) badValues.set(table, bad);
  }
  return { tables, now, name, badValues };
}

function readSchemaFile(file: string): Schema {
  const cols = JSON.parse(readFileSync(file, 'utf8')) as { name: string; type: string }[];
  return cols.map((c, i) => {
    const t = TYPE_ALIASES[c.type];
    if (!t || t === 'decimal') throw new DataError(file, 1, 1, `column ${i + 1} ('${c.name}') has unsupported type '${c.type}'`);
    return { name: c.name, type: t };
  });
}

/** Accumulates one column's converted values; strings are dictionary-encoded when built. */
class ColumnBuffer {
  readonly values: (ScalarValue | null)[] = [];
  constructor(readonly column: Column) {}
  build() {
    return this.column.type === 'string' ? encodeStrings(this.values as string[]) : vectorFromValues(this.column.type, this.values);
  }
}

interface RawRow {
  readonly values: Record<string, unknown>;
  readonly line: number;
  /** Column (1-based) of a key in the source line, for error positions. */
  readonly columnOf: (key: string) => number;
  /** CSV cells are text: dynamic cells hold JSON text. */
  readonly text: boolean;
}

export function loadTableFile(
  file: string,
  table: string,
  schema: Schema | undefined,
  options: LoadOptions = {},
): { table: Table; bad: number } {
  const ext = extname(file);
  if (schema && (ext === '.ndjson' || ext === '.jsonl')) {
    return loadNdjson(file, readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), table, schema, options);
  }
  const rows = readRows(file);
  const effective = schema ?? inferSchema(rows, file);
  const buffers = effective.map((c) => new ColumnBuffer(c));
  const byName = new Map(effective.map((c, i) => [c.name, i]));
  const hasTimestamp = byName.has('Timestamp');
  const hasTimeGenerated = byName.has('TimeGenerated');
  let bad = 0;
  for (const row of rows) {
    for (const key of Object.keys(row.values)) {
      if (!byName.has(key)) {
        throw new DataError(file, row.line, row.columnOf(key), `unknown column '${key}' for table '${table}'`, didYouMean(key, byName.keys()));
      }
    }
    const values = { ...row.values };
    // Rules use either time column; a row that has only one of them gets the same instant in the other.
    if (hasTimestamp && hasTimeGenerated) {
      const ts = values.Timestamp;
      const tg = values.TimeGenerated;
      if ((ts === undefined || ts === null || ts === '') && tg !== undefined) values.Timestamp = tg;
      if ((tg === undefined || tg === null || tg === '') && ts !== undefined) values.TimeGenerated = ts;
    }
    effective.forEach((c, j) => {
      let raw = values[c.name];
      if (row.text && raw === '' && c.type !== 'string') raw = null; // an empty CSV cell is a null
      try {
        const v = row.text && c.type === 'dynamic' && typeof raw === 'string' ? dynamicFromText(raw) : coerceValue(c.type, raw);
        buffers[j]!.values.push(v);
      } catch (err) {
        if (!options.lenient) {
          throw new DataError(file, row.line, row.columnOf(c.name), `column '${c.name}' (${c.type}): ${(err as Error).message}: ${JSON.stringify(raw)}`);
        }
        bad++;
        buffers[j]!.values.push(c.type === 'string' ? '' : null);
      }
    });
  }
  return { table: makeTable(effective, buffers.map((b) => b.build()), rows.length), bad };
}

/** Per-type converters for JSON values, with fast paths for the usual shapes and coerceValue for the rest. */
function jsonConverter(type: ScalarType): (v: unknown) => ScalarValue | null {
  switch (type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : coerceValue('string', v));
    case 'datetime': {
      // Rows repeat the same instant (Timestamp and TimeGenerated, bursts of events): remember the last one.
      let lastText = '';
      let lastTicks: bigint | null = null;
      return (v) => {
        if (typeof v === 'string') {
          if (v === lastText && lastTicks !== null) return lastTicks;
          const t = parseDatetime(v);
          if (t === null) throw new Error('expected an ISO-8601 datetime');
          lastText = v;
          lastTicks = t;
          return t;
        }
        return coerceValue('datetime', v);
      };
    }
    case 'bool':
      return (v) => (typeof v === 'boolean' ? v : coerceValue('bool', v));
    case 'long':
      return (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? BigInt(v) : coerceValue('long', v));
    case 'real':
      return (v) => (typeof v === 'number' ? v : coerceValue('real', v));
    default:
      return (v) => coerceValue(type, v);
  }
}

/**
 * NDJSON straight into column buffers: one JSON.parse per line and one converter call per cell; positions are
 * worked out only when something is wrong.
 */
function loadNdjson(file: string, text: string, table: string, schema: Schema, options: LoadOptions): { table: Table; bad: number } {
  const byName = new Map(schema.map((c, i) => [c.name, i]));
  const converters = schema.map((c) => jsonConverter(c.type));
  const values: (ScalarValue | null)[][] = schema.map(() => []);
  const ts = byName.get('Timestamp');
  const tg = byName.get('TimeGenerated');
  const mirror = ts !== undefined && tg !== undefined;
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  let bad = 0;
  let rows = 0;
  let lineNo = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    lineNo++;
    let line = text.slice(pos, end);
    pos = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line) as Record<string, unknown>;
    } catch (err) {
      throw new DataError(file, lineNo, 1, `malformed JSON line: ${(err as Error).message}`);
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new DataError(file, lineNo, 1, 'each line must be a JSON object');
    for (const key in obj) {
      if (!byName.has(key)) {
        throw new DataError(file, lineNo, columnInLine(line, key), `unknown column '${key}' for table '${table}'`, didYouMean(key, byName.keys()));
      }
      const v = obj[key];
      if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) preserveBigIntegers(obj, line);
    }
    // Rules use either time column; a row that has only one of them gets the same instant in the other.
    // The copy takes the converted value, so a bad time is reported (and counted) once, at the column the row has.
    let copyTo = -1;
    let copyFrom = -1;
    if (mirror) {
      if (empty(obj.Timestamp) && !empty(obj.TimeGenerated)) [copyTo, copyFrom] = [ts, tg];
      else if (empty(obj.TimeGenerated) && !empty(obj.Timestamp)) [copyTo, copyFrom] = [tg, ts];
    }
    for (let j = 0; j < schema.length; j++) {
      if (j === copyTo) {
        values[j]!.push(null); // filled from copyFrom below
        continue;
      }
      const c = schema[j]!;
      const raw = obj[c.name];
      let v: ScalarValue | null;
      if (raw === undefined || raw === null) v = c.type === 'string' ? '' : null;
      else {
        try {
          v = converters[j]!(raw);
        } catch (err) {
          if (!options.lenient) {
            throw new DataError(file, lineNo, columnInLine(line, c.name), `column '${c.name}' (${c.type}): ${(err as Error).message}: ${JSON.stringify(raw)}`);
          }
          bad++;
          v = c.type === 'string' ? '' : null;
        }
      }
      values[j]!.push(v);
    }
    if (copyTo >= 0) values[copyTo]![rows] = values[copyFrom]![rows]!;
    rows++;
  }
  const columns = schema.map((c, j) => (c.type === 'string' ? encodeStrings(values[j] as string[]) : vectorFromValues(c.type, values[j]!)));
  return { table: makeTable(schema, columns, rows), bad };
}

function columnInLine(line: string, key: string): number {
  return Math.max(1, line.indexOf(JSON.stringify(key)) + 1);
}

function readRows(file: string): RawRow[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const ext = extname(file);
  if (ext === '.csv') return readCsv(text, file);
  if (ext === '.json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new DataError(file, 1, 1, `not valid JSON: ${(err as Error).message}`);
    }
    if (!Array.isArray(data)) throw new DataError(file, 1, 1, 'a .json table file must hold an array of objects');
    return data.map((v, i) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new DataError(file, 1, 1, `element ${i} is not an object`);
      return { values: v as Record<string, unknown>, line: 1, columnOf: () => 1, text: false };
    });
  }
  // NDJSON / JSONL: one object per line; blank lines are skipped.
  const rows: RawRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i]!.replace(/\r$/, '');
    if (lineText.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(lineText, (_k, x) => x);
    } catch (err) {
      throw new DataError(file, i + 1, 1, `malformed JSON line: ${(err as Error).message}`);
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new DataError(file, i + 1, 1, 'each line must be a JSON object');
    rows.push({
      values: preserveBigIntegers(v as Record<string, unknown>, lineText),
      line: i + 1,
      columnOf: (key) => Math.max(1, lineText.indexOf(JSON.stringify(key)) + 1),
      text: false,
    });
  }
  return rows;
}

/** JSON.parse loses integers beyond 2^53; re-read those from the line text so longs stay exact. */
function preserveBigIntegers(obj: Record<string, unknown>, line: string): Record<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) {
      const m = new RegExp(`${JSON.stringify(k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:\\s*(-?\\d+)`).exec(line);
      if (m) obj[k] = BigInt(m[1]!);
    }
  }
  return obj;
}

function readCsv(text: string, file: string): RawRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { info: true, relax_column_count: false, skip_empty_lines: true }) as never;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new DataError(file, e.lines ?? 1, 1, `malformed CSV: ${e.message}`);
  }
  const header = records[0]?.record;
  if (!header) return [];
  // Header cells may carry a type (`Name:type`); the type is checked against the schema when there is one.
  const names = header.map((h) => h.split(':')[0]!.trim());
  return records.slice(1).map(({ record, info }) => {
    const values: Record<string, unknown> = {};
    names.forEach((n, i) => (values[n] = record[i]));
    return { values, line: info.lines, columnOf: (key) => names.indexOf(key) + 1, text: true };
  });
}

/** For a table with no schema: types from the values (integers → long, numbers → real, booleans, objects → dynamic). */
function inferSchema(rows: readonly RawRow[], file: string): Schema {
  const types = new Map<string, ScalarType>();
  for (const r of rows) {
    for (const [k, v] of Object.entries(r.values)) {
      if (v === null || v === undefined || (r.text && v === '')) continue;
      const t: ScalarType =
        r.text ? 'string' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' || typeof v === 'bigint' ? (Number.isInteger(v as number) || typeof v === 'bigint' ? 'long' : 'real') : typeof v === 'object' ? 'dynamic' : 'string';
      const prev = types.get(k);
      if (!prev) types.set(k, t);
      else if (prev !== t) types.set(k, prev === 'long' && t === 'real' ? 'real' : prev === 'real' && t === 'long' ? 'real' : 'dynamic');
    }
    for (const k of Object.keys(r.values)) if (!types.has(k)) types.set(k, 'string');
  }
  if (types.size === 0 && rows.length > 0) throw new DataError(file, 1, 1, 'cannot infer a schema from rows without columns');
  return [...types].map(([name, type]) => ({ name, type }));
}
