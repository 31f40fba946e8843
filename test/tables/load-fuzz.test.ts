// Data fuzzing of the loaders (issue #19): whatever the bytes, loading either succeeds with exactly the values in the
// file or fails with a DataError naming the file (and line:column where there is one) — never another exception.
//  - valid files generated from a model (every type, extremes, escapes, BOMs, CRLF, quotes and line breaks inside
//    fields, random key order, tiny read chunks) must load to exactly the model's values;
//  - near-valid files (a valid file mutated byte by byte) and random bytes must load to what an independent reader
//    says (JSON.parse per line, csv-parse for CSV, each value converted by the Database.addTable path) or fail cleanly.
// Short runs here; `KQLITE_FUZZ_RUNS=20000 npx vitest run test/tables/load-fuzz.test.ts` for a long one.
// Failures found are kept below as reproducers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DataError, loadTableFile } from '../../src/node/load-data.js';
import { columnBuilder } from '../../src/tables/column-builder.js';
import type { Schema, Table } from '../../src/tables/table.js';
import { getValue } from '../../src/tables/vector.js';
import { formatDatetime } from '../../src/values/datetime.js';
import { parseJson } from '../../src/values/dynamic.js';
import { formatTimespan } from '../../src/values/timespan.js';
import { MAX_DATETIME_TICKS, type Dynamic, type ScalarType, type ScalarValue } from '../../src/values/types.js';

const LONG_RUN = Number(process.env.KQLITE_FUZZ_RUNS ?? 0);
const runs = (short: number): number => (LONG_RUN > 0 ? LONG_RUN : short);

const SCHEMA: Schema = [
  { name: 'Timestamp', type: 'datetime' },
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 's', type: 'string' },
  { name: 'n', type: 'long' },
  { name: 'i', type: 'int' },
  { name: 'r', type: 'real' },
  { name: 'b', type: 'bool' },
  { name: 'd', type: 'dynamic' },
  { name: 'g', type: 'guid' },
  { name: 'ts', type: 'timespan' },
];

/** One cell: its value, and how a JSON file (a token, or undefined to leave the key out) and a CSV file write it. */
interface Cell {
  readonly value: ScalarValue | null;
  readonly json: string | undefined;
  readonly csv: string;
}

const dir = mkdtempSync(join(tmpdir(), 'kqlite-fuzz-'));
let fileNo = 0;

function load(content: string | Uint8Array, ext: string, chunkBytes?: number): Table {
  const file = join(dir, `f${fileNo++}.${ext}`);
  writeFileSync(file, content);
  return loadTableFile(file, 'T', SCHEMA, { chunkBytes }).table;
}

function rowsOf(t: Table): (ScalarValue | null)[][] {
  return Array.from({ length: t.rowCount }, (_, i) => t.columns.map((c) => getValue(c, i)));
}

// ---------------------------------------------------------------------------------------------------------------
// Values

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const nullCell: fc.Arbitrary<Cell> = fc.constantFrom<Cell>({ value: null, json: 'null', csv: '' }, { value: null, json: undefined, csv: '' });

function withNull(a: fc.Arbitrary<Cell>): fc.Arbitrary<Cell> {
  return fc.oneof({ arbitrary: a, weight: 4 }, { arbitrary: nullCell, weight: 1 });
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

const datetimeCell = fc
  .tuple(fc.oneof(fc.bigInt(0n, MAX_DATETIME_TICKS), fc.constantFrom(0n, MAX_DATETIME_TICKS, 639307656001234567n)), fc.integer({ min: 0, max: 3 }))
  .map(([ticks, form]): Cell => {
    const canonical = formatDatetime(ticks);
    let text = canonical;
    if (form === 1) text = canonical.replace(/\.?0+Z$/, 'Z').replace('T', ' ');
    if (form === 2 && ticks % 10_000n === 0n) {
      // The Azure portal's en-US form (milliseconds).
      const [date, time] = canonical.split('T');
      const [y, mo, d] = date!.split('-').map(Number);
      const [h, mi, s] = time!.slice(0, 8).split(':').map(Number);
      text = `${mo}/${d}/${pad(y!, 4)}, ${h! % 12 === 0 ? 12 : h! % 12}:${pad(mi!, 2)}:${pad(s!, 2)}.${time!.slice(9, 12)} ${h! < 12 ? 'AM' : 'PM'}`;
    }
    return { value: ticks, json: JSON.stringify(text), csv: text };
  });

const longCell = fc
  .oneof(fc.bigInt(INT64_MIN, INT64_MAX), fc.bigInt(-1000n, 1000n), fc.constantFrom(INT64_MIN, INT64_MAX, 2n ** 53n + 1n, -(2n ** 53n) - 1n))
  .chain((v) => fc.constantFrom<Cell>({ value: v, json: String(v), csv: String(v) }, { value: v, json: JSON.stringify(String(v)), csv: ` ${v} ` }));

const intCell = fc.integer({ min: -2147483648, max: 2147483647 }).map((v): Cell => ({ value: v, json: String(v), csv: String(v) }));

const realCell = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x): Cell => {
  const text = Object.is(x, -0) ? '-0' : String(x);
  return { value: x, json: text, csv: text };
});
const realSpecial = fc.constantFrom<Cell>({ value: NaN, json: '"NaN"', csv: 'NaN' }, { value: -Infinity, json: '"-Infinity"', csv: '-inf' });

const boolCell = fc.boolean().chain((b) =>
  fc.constantFrom<Cell>({ value: b, json: String(b), csv: String(b) }, { value: b, json: b ? '1' : '0', csv: b ? 'TRUE' : 'False' }, { value: b, json: JSON.stringify(b ? 'True' : 'false'), csv: b ? '1' : '0' }),
);

const jsonStringCell = fc.string({ unit: 'binary', maxLength: 40 }).map((s): Cell => ({ value: s, json: JSON.stringify(s), csv: toWellFormed(s) }));
// String.prototype.toWellFormed is in Node 20 but not in the ES2022 lib the project compiles against.
function toWellFormed(s: string): string {
  return (s as unknown as { toWellFormed(): string }).toWellFormed();
}
const trickyString = fc.constantFrom('', ' ', '"', '""', ',', '\r\n', '\n', 'a,"b"\nc', '\\', '\u2028', 'é😀', '{"x":1}', 'null');
const stringCell = fc.oneof(jsonStringCell, trickyString.map((s): Cell => ({ value: s, json: JSON.stringify(s), csv: s })));

const dynamicCell = fc.jsonValue({ maxDepth: 3 }).map((v): Cell => {
  const text = JSON.stringify(v);
  return { value: parseJson(text), json: text, csv: text };
});

const guidCell = fc.tuple(fc.uuid(), fc.boolean()).map(([u, upper]): Cell => ({ value: u.toLowerCase(), json: JSON.stringify(upper ? u.toUpperCase() : u), csv: upper ? u.toUpperCase() : u }));

const timespanCell = fc
  .oneof(fc.bigInt(INT64_MIN, INT64_MAX), fc.bigInt(-100_000_000n, 100_000_000n), fc.constantFrom(INT64_MIN, INT64_MAX))
  .map((t): Cell => ({ value: t, json: JSON.stringify(formatTimespan(t)), csv: formatTimespan(t) }));

const CELLS: Record<string, fc.Arbitrary<Cell>> = {
  Timestamp: withNull(datetimeCell),
  TimeGenerated: withNull(datetimeCell),
  s: withNull(stringCell).map((c) => (c.value === null ? { ...c, value: '' } : c)),
  n: withNull(longCell),
  i: withNull(intCell),
  r: withNull(fc.oneof({ arbitrary: realCell, weight: 5 }, { arbitrary: realSpecial, weight: 1 })),
  b: withNull(boolCell),
  d: withNull(dynamicCell),
  g: withNull(guidCell),
  ts: withNull(timespanCell),
};

const rowArb = fc.record(CELLS) as fc.Arbitrary<Record<string, Cell>>;

/** The model's row after the loader's one rule across columns: time-column mirroring. */
function modelRow(r: Record<string, Cell>): (ScalarValue | null)[] {
  const v = SCHEMA.map((c) => r[c.name]!.value);
  if (v[0] === null && v[1] !== null) v[0] = v[1]!;
  else if (v[1] === null && v[0] !== null) v[1] = v[0]!;
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Writers

interface Style {
  readonly bom: boolean;
  readonly crlf: boolean;
  readonly space: string;
  readonly blankLines: boolean;
  readonly order: readonly number[];
  readonly chunkBytes: number | undefined;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  bom: fc.boolean(),
  crlf: fc.boolean(),
  space: fc.constantFrom('', ' ', '\t', ' \r\n '),
  blankLines: fc.boolean(),
  order: fc.shuffledSubarray([...SCHEMA.keys()], { minLength: SCHEMA.length }),
  chunkBytes: fc.option(fc.integer({ min: 16, max: 300 }), { nil: undefined }),
});

function jsonObject(r: Record<string, Cell>, s: Style): string {
  const members = s.order.flatMap((j) => {
    const name = SCHEMA[j]!.name;
    const cell = r[name]!;
    // Strings a JSON value can hold in place of the json token: a CSV-only form must not be used here.
    return cell.json === undefined ? [] : [`${JSON.stringify(name)}${s.space}:${s.space}${cell.json}`];
  });
  return `{${s.space}${members.join(`${s.space},${s.space}`)}${s.space}}`;
}

function ndjson(rows: Record<string, Cell>[], s: Style): string {
  const nl = s.crlf ? '\r\n' : '\n';
  const lines = rows.map((r) => jsonObject(r, { ...s, space: s.space.replace(/\r?\n/g, '') }));
  return (s.bom ? '\uFEFF' : '') + lines.join(s.blankLines ? `${nl}${nl}` : nl) + nl;
}

function jsonArray(rows: Record<string, Cell>[], s: Style): string {
  return (s.bom ? '\uFEFF' : '') + `[${s.space}${rows.map((r) => jsonObject(r, s)).join(`,${s.space}`)}${s.space}]${s.space}`;
}

function csvField(text: string, force: boolean): string {
  return force || /[",\r\n]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: Record<string, Cell>[], s: Style): string {
  const nl = s.crlf ? '\r\n' : '\n';
  const names = s.order.map((j) => SCHEMA[j]!.name);
  const lines = [names.map((n) => csvField(n, s.space === ' ')).join(',')];
  for (const r of rows) {
    // An empty cell of a non-string column is a null; a string column's null is "" either way.
    lines.push(names.map((n) => (r[n]!.csv === '' ? '' : csvField(r[n]!.csv, s.space === '\t'))).join(','));
  }
  return (s.bom ? '\uFEFF' : '') + lines.join(s.blankLines ? `${nl}${nl}` : nl) + nl;
}

// ---------------------------------------------------------------------------------------------------------------
// Valid files load exactly

describe('valid files load exactly the values written', () => {
  const cases = fc.tuple(fc.array(rowArb, { maxLength: 12 }), styleArb);

  it('NDJSON', () => {
    fc.assert(
      fc.property(cases, ([rows, s]) => {
        expect(rowsOf(load(ndjson(rows, s), 'ndjson', s.chunkBytes))).toEqual(rows.map(modelRow));
      }),
      { numRuns: runs(150) },
    );
  });

  it('JSON array', () => {
    fc.assert(
      fc.property(cases, ([rows, s]) => {
        expect(rowsOf(load(jsonArray(rows, s), 'json', s.chunkBytes))).toEqual(rows.map(modelRow));
      }),
      { numRuns: runs(150) },
    );
  });

  it('CSV', () => {
    fc.assert(
      fc.property(cases, ([rows, s]) => {
        expect(rowsOf(load(csv(rows, s), 'csv', s.chunkBytes))).toEqual(rows.map(modelRow));
      }),
      { numRuns: runs(150) },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Near-valid and random input: an independent reader decides; the loader agrees or fails cleanly

/** A thrown error must be a DataError naming the file, with a plausible line:column when it has one. */
function expectCleanFailure(err: unknown, bytes: Uint8Array): void {
  if (!(err instanceof DataError)) throw err;
  const lines = bytes.filter((b) => b === 10).length + 1;
  expect(err.message).toMatch(/^\/.*?\.(ndjson|json|csv)(:\d+:\d+)?: \S/);
  if (err.line > 0) {
    expect(err.line).toBeLessThanOrEqual(lines);
    expect(err.column).toBeGreaterThanOrEqual(1);
  }
}

/** Inputs the independent reader cannot judge (it would read them differently by design, not by mistake). */
class Inconclusive extends Error {}

/** A value converted the way Database.addTable converts it (a different path from the scanners' ranges). */
function viaAddTable(type: ScalarType, v: unknown, cell: boolean): ScalarValue | null {
  const c = columnBuilder(type, 1);
  if (cell) c.putCell(0, v as string);
  else c.putValue(0, v);
  return getValue(c.finish(1), 0);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function mirror(v: (ScalarValue | null)[]): (ScalarValue | null)[] {
  if (v[0] === null && v[1] !== null) v[0] = v[1]!;
  else if (v[1] === null && v[0] !== null) v[1] = v[0]!;
  return v;
}

function referenceJsonRow(o: unknown): (ScalarValue | null)[] {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new Error('not an object');
  const names = SCHEMA.map((c) => c.name);
  for (const k of Object.keys(o)) if (!names.includes(k)) throw new Error('unknown column');
  return mirror(SCHEMA.map((c) => viaAddTable(c.type, (o as Record<string, unknown>)[c.name], false)));
}

/** JSON.parse per line (or for the whole array); throws when the input is invalid, Inconclusive where it cannot tell. */
function referenceJson(bytes: Uint8Array, lines: boolean): (ScalarValue | null)[][] {
  let text = decoder.decode(bytes);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  // JSON.parse reads integers as doubles and keeps the last of duplicate keys: texts where that matters are not judged.
  if (/\d{16,}/.test(text) || /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw new Inconclusive();
  const docs = lines ? text.split('\n').filter((l) => !/^[ \t\r]*$/.test(l)) : [text];
  const out: (ScalarValue | null)[][] = [];
  for (const doc of docs) {
    let v: unknown;
    try {
      v = JSON.parse(doc) as unknown;
    } catch (err) {
      // A raw tab or line break inside a string: kept by the loader ([U]), refused by JSON.parse.
      if (/Bad control character in string literal/.test((err as Error).message)) throw new Inconclusive();
      throw err;
    }
    if (lines) out.push(referenceJsonRow(v));
    else {
      if (!Array.isArray(v)) throw new Error('not an array');
      for (const o of v) out.push(referenceJsonRow(o));
    }
  }
  return out;
}

function referenceCsv(bytes: Uint8Array): (ScalarValue | null)[][] {
  decoder.decode(bytes); // invalid UTF-8 throws
  const records = parseCsv(Buffer.from(bytes), { bom: true, skip_empty_lines: true, relax_column_count: false, record_delimiter: ['\r\n', '\n'] }) as string[][];
  if (records.length === 0) return [];
  const header = records[0]!.map((h) => h.trim());
  if (header.some((h) => /[:[]/.test(h))) throw new Inconclusive(); // typed or portal header cells
  const names = SCHEMA.map((c) => c.name);
  if (new Set(header).size !== header.length || header.some((h) => !names.includes(h))) throw new Error('bad header');
  return records.slice(1).map((rec) =>
    mirror(
      SCHEMA.map((c) => {
        const k = header.indexOf(c.name);
        return k < 0 ? (c.type === 'string' ? '' : null) : viaAddTable(c.type, rec[k]!, true);
      }),
    ),
  );
}

/** Dynamic values compared by value: JSON.parse cannot tell 1 from 1.0, nor keep 64-bit integers. */
function normalise(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(normalise);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x as Dynamic)]));
  return v;
}

function check(bytes: Uint8Array, ext: 'ndjson' | 'json' | 'csv', chunkBytes?: number): void {
  let expected: (ScalarValue | null)[][] | undefined;
  let referenceFailed = false;
  try {
    expected = ext === 'csv' ? referenceCsv(bytes) : referenceJson(bytes, ext === 'ndjson');
  } catch (err) {
    if (err instanceof Inconclusive) expected = undefined;
    else referenceFailed = true;
  }
  let loaded: Table;
  try {
    loaded = load(bytes, ext, chunkBytes);
  } catch (err) {
    expectCleanFailure(err, bytes);
    // CSV has no duplicate-key blind spot: the loader fails exactly when the reference does.
    if (ext === 'csv' && expected !== undefined) throw new Error(`the loader refused a CSV file the reference reads: ${(err as Error).message}`);
    return;
  }
  if (referenceFailed) throw new Error(`the loader accepted a ${ext} file the reference refuses`);
  if (expected === undefined) return;
  const norm = (rows: (ScalarValue | null)[][]) => rows.map((r) => r.map((v, j) => (SCHEMA[j]!.type === 'dynamic' ? normalise(v) : v)));
  expect(norm(rowsOf(loaded))).toEqual(norm(expected));
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.constantFrom(0x22, 0x2c, 0x0a, 0x0d, 0x7b, 0x7d, 0x5b, 0x5c, 0x3a, 0x39, 0x2e, 0x65, 0xff, 0xc3, 0xe2, 0x00, 0x09, 0x20) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(bytes: Uint8Array, ms: readonly fc.Arbitrary<never>[] | { kind: string; at: number; byte?: number; length?: number }[]): Uint8Array {
  let b = Array.from(bytes);
  for (const m of ms as { kind: string; at: number; byte?: number; length?: number }[]) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    if (m.kind === 'insert') b.splice(at, 0, m.byte!);
    else if (m.kind === 'delete') b.splice(at, m.length!);
    else if (m.kind === 'repeat') b.splice(at, 0, ...b.slice(at, at + m.length!));
    else b = b.slice(0, at);
  }
  return Uint8Array.from(b);
}

/** Values JSON.parse reads exactly (no 64-bit integers), so the reference can judge the mutated files. */
const smallRowArb = rowArb.map((r) => {
  const out = { ...r };
  for (const k of ['n', 'ts'] as const) out[k] = { value: null, json: 'null', csv: '' };
  return out;
});

describe('near-valid files: the loader agrees with an independent reader or fails with a DataError', () => {
  const encoder = new TextEncoder();
  for (const ext of ['ndjson', 'json', 'csv'] as const) {
    it(ext, () => {
      fc.assert(
        fc.property(fc.array(smallRowArb, { maxLength: 6 }), styleArb, fc.array(mutation, { minLength: 1, maxLength: 3 }), (rows, s, ms) => {
          const text = ext === 'ndjson' ? ndjson(rows, s) : ext === 'json' ? jsonArray(rows, s) : csv(rows, s);
          check(mutate(encoder.encode(text), ms), ext, s.chunkBytes);
        }),
        { numRuns: runs(200) },
      );
    });
  }
});

describe('random bytes: never anything but a DataError', () => {
  for (const ext of ['ndjson', 'json', 'csv'] as const) {
    it(ext, () => {
      const alphabet = fc.constantFrom(...Array.from('{}[]",:\\\n\r\t 0123456789.eE-truefalsnTsabc', (c) => c.charCodeAt(0)), 0xff, 0xc3, 0xa9, 0x00);
      fc.assert(
        fc.property(fc.oneof(fc.uint8Array({ maxLength: 60 }), fc.array(alphabet, { maxLength: 80 }).map((a) => Uint8Array.from(a))), fc.option(fc.integer({ min: 16, max: 40 }), { nil: undefined }), (bytes, chunkBytes) => {
          check(bytes, ext, chunkBytes);
        }),
        { numRuns: runs(300) },
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Reproducers: inputs the fuzzer once failed on, kept as plain cases.

describe('reproducers', () => {
  const cases: { name: string; ext: 'ndjson' | 'json' | 'csv'; text: string; chunkBytes?: number }[] = [
    { name: 'a backslash seen before a re-read of the same text (API envelope walked twice)', ext: 'json', text: '[{"s":"a\\\\b","d":"{\\"k\\":1}"}]' },
    // Found by the long run: a line feed inserted inside a string of a JSON array. The loader keeps it ([U]), JSON.parse
    // refuses it; the reference now calls such input inconclusive rather than wrong.
    { name: 'a raw line feed inside a string of a JSON array', ext: 'json', text: '\uFEFF[{"i":-1000000,"s":"a\nb","g":"00000000-0000-1000-8000-000000000000"}]' },
  ];
  it.each(cases)('$name', ({ ext, text, chunkBytes }) => {
    check(new TextEncoder().encode(text), ext, chunkBytes);
  });
});
