// Comparing a query result with expected rows, and describing the difference for people. Shared by the rule-test
// runner (YAML files) and expectQuery (vitest). Browser-safe.
//
// Model: the actual result is compared in Kusto's JSON conventions (QueryResult.toJSON: datetimes as ISO strings
// with 7 digits, longs as numbers, dynamic as plain JSON). An expected row is an object naming SOME columns; only
// those are compared. Expected values are first converted to the column's type exactly like table rows are
// (coerceValue), then written in the same JSON conventions, so `2026-11-20T12:00:00Z` equals
// `2026-11-20T12:00:00.0000000Z`, `1h` equals `01:00:00` in a timespan column, and a YAML/JS integer equals a long.

import { coerceValue } from '../tables/from-rows.js';
import { jsonCell, stringifyJson } from '../tables/format.js';
import { didYouMean } from '../diagnostics.js';
import { parseDatetime, formatDatetime } from '../values/datetime.js';
import { parseTimespan } from '../values/timespan.js';
import type { ScalarType } from '../values/types.js';

export interface ResultColumn {
  readonly name: string;
  readonly type: ScalarType;
}

/** How row order is checked: not at all, exactly by position, or by these sort keys (ties in any order). */
export type OrderSpec = boolean | readonly string[];

/** An expected value could not be read (unknown column, value not of the column's type). */
export class ExpectationError extends Error {
  /** Which expectation list the row index refers to (set by checkResult). */
  list: 'rows' | 'contains' | undefined;
  constructor(
    message: string,
    /** Index of the offending expected row, and the column, so callers can point at the source line. */
    readonly row: number,
    readonly column: string | undefined,
    readonly notes: readonly string[] = [],
    /** The fault is the column name itself (point at the key), not its value. */
    readonly onKey = false,
  ) {
    super(message + (notes.length ? ` (${notes.join('; ')})` : ''));
    this.name = 'ExpectationError';
  }
}

/**
 * A datetime given relative to the test's `now`: `now`, `now-1h`, `now + 2d`, `now-6h30m`, `now-00:30:00` (timespan
 * syntax of timespan literals — units d/h/m/s/ms/…, or [d.]hh:mm[:ss] — plus unit parts in a row). Returns ISO text, or undefined if `raw` is not of
 * that form.
 */
export function resolveRelativeDatetime(raw: unknown, nowTicks: bigint | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^\s*now\s*(?:([+-])\s*(\S.*?))?\s*$/i.exec(raw);
  if (!m) return undefined;
  if (nowTicks === undefined) throw new Error(`'${raw}' is relative to now, but the test has no 'now'`);
  const offset = m[2] === undefined ? 0n : parseOffset(m[2]);
  if (offset === null) throw new Error(`'${m[2]}' in '${raw}' is not a timespan (e.g. 1h, 2d6h30m, 00:30:00)`);
  return formatDatetime(m[1] === '-' ? nowTicks - offset : nowTicks + offset);
}

/** A timespan literal, or several unit parts in a row (`2d6h30m`, an extension for test files). */
function parseOffset(text: string): bigint | null {
  const single = parseTimespan(text);
  if (single !== null) return single;
  const parts = text.match(/\d+(?:\.\d+)?\s*[a-z]+/gi);
  if (!parts || parts.join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) return null;
  let total = 0n;
  for (const p of parts) {
    const t = parseTimespan(p);
    if (t === null) return null;
    total += t;
  }
  return total;
}

export function nowToTicks(now: string | Date | undefined): bigint | undefined {
  if (now === undefined) return undefined;
  const t = parseDatetime(now instanceof Date ? now.toISOString() : now);
  if (t === null) throw new Error(`invalid 'now' value '${String(now)}'`);
  return t;
}

/** One expected cell in the JSON conventions of the result; throws Error(reason) when it does not fit the type. */
export function normalizeExpectedCell(type: ScalarType, raw: unknown, nowTicks?: bigint): unknown {
  let v = raw;
  if (type === 'datetime') v = resolveRelativeDatetime(raw, nowTicks) ?? raw;
  if (v instanceof Date) v = v.toISOString();
  if (type === 'string' && (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')) {
    throw new Error(`expected a string, got ${String(v)} (quote it)`);
  }
  return jsonCell(coerceValue(type, v), type);
}

export interface NormalizedRow {
  /** Column name → expected JSON-convention value. */
  readonly cells: ReadonlyMap<string, unknown>;
  /** Where the row came from (e.g. `file.test.yaml:12`), shown in the diff. */
  readonly label?: string;
}

/** Check the expected rows' columns against the result and normalize their values. */
export function normalizeExpectedRows(
  rows: readonly Readonly<Record<string, unknown>>[],
  columns: readonly ResultColumn[],
  nowTicks?: bigint,
  labels?: readonly (string | undefined)[],
): NormalizedRow[] {
  const types = new Map(columns.map((c) => [c.name, c.type]));
  return rows.map((row, i) => {
    const cells = new Map<string, unknown>();
    for (const [k, raw] of Object.entries(row)) {
      const type = types.get(k);
      if (type === undefined) {
        throw new ExpectationError(`expected row ${i + 1} names column '${k}', which the result does not have`, i, k, [
          ...didYouMean(k, types.keys()),
          `result columns: ${columns.map((c) => c.name).join(', ')}`,
        ], true);
      }
      try {
        cells.set(k, normalizeExpectedCell(type, raw, nowTicks));
      } catch (err) {
        throw new ExpectationError(`expected row ${i + 1}, column '${k}' (${type}): ${(err as Error).message}: ${show(raw)}`, i, k);
      }
    }
    return { cells, label: labels?.[i] };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Cell equality

/** Reals compare within a relative 1e-9 ([U] our choice: expected values are decimal literals, results are
 * doubles; exact equality would make `avg()` tests fragile). NaN equals NaN. Everything else compares exactly;
 * dynamic bags compare regardless of key order (JSON objects are unordered). */
export function cellsEqual(type: ScalarType, expected: unknown, actual: unknown): boolean {
  if (type === 'real' && typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual);
    if (expected === actual) return true;
    return Math.abs(expected - actual) <= 1e-9 * Math.max(Math.abs(expected), Math.abs(actual));
  }
  return deepEqual(expected, actual);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a === 'bigint' || typeof b === 'bigint') return typeof a === typeof b && a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as never)[k], (b as never)[k]));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Matching

export interface ActualRows {
  readonly columns: readonly ResultColumn[];
  /** JSON-convention rows (QueryResult.toJSON().rows). */
  readonly rows: readonly (readonly unknown[])[];
}

export type DiffEntry =
  | { readonly kind: 'missing'; readonly expected: NormalizedRow }
  | { readonly kind: 'unexpected'; readonly actual: number }
  | {
      readonly kind: 'changed';
      readonly expected: NormalizedRow;
      readonly actual: number;
      readonly cells: readonly { column: string; expected: unknown; actual: unknown }[];
    }
  | { readonly kind: 'order'; readonly position: number; readonly expected: NormalizedRow; readonly actual: number };

export interface RowComparison {
  readonly ok: boolean;
  readonly summary: string;
  readonly diff: readonly DiffEntry[];
}

function rowMatches(e: NormalizedRow, actual: readonly unknown[], colIndex: Map<string, number>, columns: readonly ResultColumn[]): boolean {
  for (const [k, v] of e.cells) {
    const j = colIndex.get(k)!;
    if (!cellsEqual(columns[j]!.type, v, actual[j])) return false;
  }
  return true;
}

function differingCells(e: NormalizedRow, actual: readonly unknown[], colIndex: Map<string, number>, columns: readonly ResultColumn[]) {
  const out: { column: string; expected: unknown; actual: unknown }[] = [];
  for (const [k, v] of e.cells) {
    const j = colIndex.get(k)!;
    if (!cellsEqual(columns[j]!.type, v, actual[j])) out.push({ column: k, expected: v, actual: actual[j] });
  }
  return out;
}

/**
 * Maximum bipartite matching of expected rows to distinct actual rows (Kuhn's augmenting paths). Partial expected
 * rows can match several actual rows, so a greedy first-fit could report a false failure; a maximum matching
 * cannot. Returns, per expected row, the matched actual row or -1.
 */
function matchRows(expected: readonly NormalizedRow[], actual: ActualRows, colIndex: Map<string, number>): number[] {
  const adj = expected.map((e) => {
    const list: number[] = [];
    actual.rows.forEach((r, j) => {
      if (rowMatches(e, r, colIndex, actual.columns)) list.push(j);
    });
    return list;
  });
  const ownerOf = new Array<number>(actual.rows.length).fill(-1);
  const matchOf = new Array<number>(expected.length).fill(-1);
  const tryRow = (i: number, seen: Uint8Array): boolean => {
    for (const j of adj[i]!) {
      if (seen[j]) continue;
      seen[j] = 1;
      if (ownerOf[j] === -1 || tryRow(ownerOf[j]!, seen)) {
        ownerOf[j] = i;
        matchOf[i] = j;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < expected.length; i++) tryRow(i, new Uint8Array(actual.rows.length));
  return matchOf;
}

/**
 * Compare expected rows with the result. `exact`: the result holds these rows and no others; otherwise it must
 * contain each expected row (distinct actual rows for distinct expected rows). `ordered` checks order afterwards.
 */
export function compareRows(
  expected: readonly NormalizedRow[],
  actual: ActualRows,
  options: { exact: boolean; ordered?: OrderSpec },
): RowComparison {
  const colIndex = new Map(actual.columns.map((c, j) => [c.name, j]));
  const matchOf = matchRows(expected, actual, colIndex);
  const usedActual = new Set(matchOf.filter((j) => j >= 0));
  const unmatchedE = expected.filter((_, i) => matchOf[i] === -1);
  const unmatchedA = actual.rows.map((_, j) => j).filter((j) => !usedActual.has(j));
  const diff: DiffEntry[] = [];
  // Pair each missing row with the closest leftover actual row (fewest differing cells, at least one equal cell):
  // "Subject: expected X, got Y" reads better than one missing and one unexpected row.
  const leftover = [...unmatchedA];
  for (const e of unmatchedE) {
    let best = -1;
    let bestCells: ReturnType<typeof differingCells> = [];
    for (const j of leftover) {
      const cells = differingCells(e, actual.rows[j]!, colIndex, actual.columns);
      if (cells.length < e.cells.size && (best === -1 || cells.length < bestCells.length)) {
        best = j;
        bestCells = cells;
      }
    }
    if (best >= 0 && (options.exact || bestCells.length <= Math.max(1, e.cells.size / 2))) {
      leftover.splice(leftover.indexOf(best), 1);
      diff.push({ kind: 'changed', expected: e, actual: best, cells: bestCells });
    } else diff.push({ kind: 'missing', expected: e });
  }
  if (options.exact) for (const j of leftover) diff.push({ kind: 'unexpected', actual: j });
  if (diff.length > 0) {
    const n = (k: string) => diff.filter((d) => d.kind === k).length;
    const parts = [`${n('missing')} missing`, `${n('changed')} changed`];
    if (options.exact) parts.push(`${n('unexpected')} unexpected`);
    const head = options.exact ? `expected ${expected.length} row(s), got ${actual.rows.length}` : `expected the result (${actual.rows.length} row(s)) to contain ${expected.length} row(s)`;
    return { ok: false, summary: `${head}: ${parts.filter((p) => !p.startsWith('0 ')).join(', ')}`, diff };
  }
  if (options.ordered && options.ordered !== true && options.ordered.length > 0) return checkKeyOrder(expected, actual, options.ordered, colIndex);
  if (options.ordered === true) {
    // Every position must hold a row matching the expected row at that position.
    const bad: DiffEntry[] = [];
    expected.forEach((e, i) => {
      const row = actual.rows[i];
      if (!row || !rowMatches(e, row, colIndex, actual.columns)) bad.push({ kind: 'order', position: i, expected: e, actual: i });
    });
    if (bad.length > 0) return { ok: false, summary: `the rows are all there, but ${bad.length} position(s) hold a different row`, diff: bad };
  }
  return { ok: true, summary: 'ok', diff: [] };
}

function checkKeyOrder(expected: readonly NormalizedRow[], actual: ActualRows, keys: readonly string[], colIndex: Map<string, number>): RowComparison {
  for (const k of keys) {
    if (!colIndex.has(k)) {
      throw new ExpectationError(`'ordered' names column '${k}', which the result does not have`, -1, k, didYouMean(k, colIndex.keys()));
    }
  }
  expected.forEach((e, i) => {
    for (const k of keys) {
      if (!e.cells.has(k)) throw new ExpectationError(`expected row ${i + 1} must give the sort key '${k}' (it is listed in 'ordered')`, i, k);
    }
  });
  const bad: DiffEntry[] = [];
  expected.forEach((e, i) => {
    const row = actual.rows[i]!;
    const same = keys.every((k) => cellsEqual(actual.columns[colIndex.get(k)!]!.type, e.cells.get(k), row[colIndex.get(k)!]));
    if (!same) bad.push({ kind: 'order', position: i, expected: e, actual: i });
  });
  if (bad.length === 0) return { ok: true, summary: 'ok', diff: [] };
  return { ok: false, summary: `the rows are all there, but not in the expected order of (${keys.join(', ')})`, diff: bad };
}

// ---------------------------------------------------------------------------------------------------------------
// Text

export function show(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (v === undefined) return 'undefined';
  return stringifyJson(v);
}

/** `{ A: 1, B: "x" }` of the given columns of an actual row. */
export function formatActualRow(actual: ActualRows, row: number, only?: readonly string[]): string {
  const cols = only && only.length > 0 ? only : actual.columns.map((c) => c.name);
  const idx = new Map(actual.columns.map((c, j) => [c.name, j]));
  return `{ ${cols.filter((c) => idx.has(c)).map((c) => `${c}: ${show(actual.rows[row]![idx.get(c)!])}`).join(', ')} }`;
}

export function formatExpectedRow(e: NormalizedRow): string {
  return `{ ${[...e.cells].map(([k, v]) => `${k}: ${show(v)}`).join(', ')} }`;
}

export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
}

export const noPaint: Paint = { red: (s) => s, green: (s) => s, yellow: (s) => s, dim: (s) => s };

export function ansiPaint(): Paint {
  return {
    red: (s) => `\x1b[31m${s}\x1b[39m`,
    green: (s) => `\x1b[32m${s}\x1b[39m`,
    yellow: (s) => `\x1b[33m${s}\x1b[39m`,
    dim: (s) => `\x1b[2m${s}\x1b[22m`,
  };
}

/**
 * The diff as lines: `- missing`, `+ unexpected`, `~ changed` with the differing cells, or the order mismatches.
 * Actual rows are shown with the columns the expectations name (all columns when they name none).
 */
export function formatDiff(cmp: RowComparison, expected: readonly NormalizedRow[], actual: ActualRows, paint: Paint = noPaint): string[] {
  const named = [...new Set(expected.flatMap((e) => [...e.cells.keys()]))];
  const where = (e: NormalizedRow) => (e.label ? paint.dim(`  (${e.label})`) : '');
  const lines: string[] = [cmp.summary];
  for (const d of cmp.diff) {
    switch (d.kind) {
      case 'missing':
        lines.push(paint.red(`- missing     ${formatExpectedRow(d.expected)}`) + where(d.expected));
        break;
      case 'unexpected':
        lines.push(paint.green(`+ unexpected  ${formatActualRow(actual, d.actual, named)}`));
        break;
      case 'changed':
        lines.push(paint.yellow(`~ changed     ${formatExpectedRow(d.expected)}`) + where(d.expected));
        for (const c of d.cells) lines.push(`      ${c.column}: expected ${paint.red(show(c.expected))}, got ${paint.green(show(c.actual))}`);
        break;
      case 'order':
        lines.push(paint.yellow(`~ row ${d.position + 1}: expected ${formatExpectedRow(d.expected)}`) + where(d.expected));
        lines.push(`         got ${actual.rows[d.actual] ? formatActualRow(actual, d.actual, named) : '(no row)'}`);
        break;
    }
  }
  return lines;
}
