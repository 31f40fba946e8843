// Reads the answers that the public differential-testing campaign of saoc90/kql-to-sql recorded from the real
// Kusto engine (the Kusto emulator), and compares kqlite's values with them.
//
// Recording format (facts of that campaign's harness, re-implemented here, not copied): one JSON object per
// line with `Id`, `Kql`, `Outcome`, and `Kusto: { Columns: ["name:Class"], RowCount, SampleRows, Error? }`.
// Class is a coarse type: Int (int or long), Real (real or decimal), String, DateTime, TimeSpan, Bool, Guid,
// Dynamic. SampleRows holds at most the first 8 rows, each as "(cell, cell, …)" where a cell is `null`, a
// string in single quotes with no escaping (guids too, lower-cased), a datetime in .NET round-trip form
// (2021-01-01T00:00:00.0000000Z), a timespan in .NET constant form ([-][d.]hh:mm:ss[.fffffff]), True/False, a
// number in .NET invariant form (NaN, Infinity, -Infinity, 1E+20), or a dynamic value as the JSON text the engine
// sent (often indented).

export type Class = 'Int' | 'Real' | 'String' | 'DateTime' | 'TimeSpan' | 'Bool' | 'Guid' | 'Dynamic' | 'Unknown';

export interface Recorded {
  readonly Id: string;
  readonly Family?: string;
  readonly Kql: string;
  readonly Outcome: string;
  readonly Kusto?: { readonly Columns: readonly string[]; readonly RowCount: number; readonly SampleRows: readonly string[]; readonly Error?: string };
}

export function splitColumn(c: string): { name: string; cls: Class } {
  const at = c.lastIndexOf(':');
  return { name: c.slice(0, at), cls: c.slice(at + 1) as Class };
}

/** kqlite's type → the campaign's class. */
export function classOf(type: string): Class {
  switch (type) {
    case 'int':
    case 'long':
      return 'Int';
    case 'real':
    case 'decimal':
      return 'Real';
    case 'string':
      return 'String';
    case 'datetime':
      return 'DateTime';
    case 'timespan':
      return 'TimeSpan';
    case 'bool':
      return 'Bool';
    case 'guid':
      return 'Guid';
    case 'dynamic':
      return 'Dynamic';
    default:
      return 'Unknown';
  }
}

/** End (exclusive) of the JSON value starting at `i`, scanning brackets and strings. */
function jsonEnd(s: string, i: number): number {
  const c = s[i];
  if (c === '"') {
    let j = i + 1;
    while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (c === '[' || c === '{') {
    let depth = 0;
    let j = i;
    for (; j < s.length; j++) {
      const d = s[j];
      if (d === '"') {
        j = jsonEnd(s, j) - 1;
        continue;
      }
      if (d === '[' || d === '{') depth++;
      else if (d === ']' || d === '}') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return j;
  }
  const k = s.indexOf(', ', i);
  return k < 0 ? s.length : k;
}

/**
 * Splits one recorded row into its cells (as text, `null` for null), guided by the column classes. Returns
 * undefined when the text does not split into exactly that many cells (a string holding "', " can defeat it).
 */
export function splitRow(row: string, classes: readonly Class[]): (string | null)[] | undefined {
  if (!row.startsWith('(') || !row.endsWith(')')) return undefined;
  const s = row.slice(1, -1);
  const cells: (string | null)[] = [];
  let i = 0;
  for (let k = 0; k < classes.length; k++) {
    const last = k === classes.length - 1;
    let end: number;
    if (s.startsWith('null', i) && (i + 4 === s.length || s.startsWith(', ', i + 4))) {
      cells.push(null);
      i += 4;
    } else {
      const cls = classes[k]!;
      if ((cls === 'String' || cls === 'Guid') && s[i] === "'") {
        end = last ? s.length : s.indexOf("', ", i + 1) + 1;
        if (end <= 0 || !s.slice(0, end).endsWith("'")) return undefined;
        cells.push(s.slice(i + 1, end - 1));
      } else if (cls === 'Dynamic') {
        end = jsonEnd(s, i);
        cells.push(s.slice(i, end));
      } else {
        end = last ? s.length : s.indexOf(', ', i);
        if (end < 0) return undefined;
        cells.push(s.slice(i, end));
      }
      i = end;
    }
    if (!last) {
      if (!s.startsWith(', ', i)) return undefined;
      i += 2;
    }
  }
  return i === s.length ? cells : undefined;
}

/** A number in .NET invariant text. */
function dotnetNumber(t: string): number {
  if (t === 'NaN') return NaN;
  if (t === 'Infinity' || t === '∞') return Infinity;
  if (t === '-Infinity' || t === '-∞') return -Infinity;
  return Number(t);
}

/** Ticks of a timespan in constant form [-][d.]hh:mm:ss[.fffffff]. */
function timespanTicks(t: string): bigint | undefined {
  const m = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(t.trim());
  if (!m) return undefined;
  const secs = ((BigInt(m[2] ?? '0') * 24n + BigInt(m[3]!)) * 60n + BigInt(m[4]!)) * 60n + BigInt(m[5]!);
  const ticks = secs * 10_000_000n + BigInt((m[6] ?? '').padEnd(7, '0'));
  return m[1] ? -ticks : ticks;
}

/** A datetime as yyyy-mm-ddThh:mm:ss.fffffff (UTC), whatever the number of fractional digits written. */
function datetimeKey(t: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?Z?$/.exec(t.trim());
  return m ? `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(7, '0')}` : t;
}

function closeReal(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return closeReal(a, b);
  if (typeof a === 'bigint' || typeof b === 'bigint') return String(a) === String(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ka = Object.keys(a as object).sort();
  const kb = Object.keys(b as object).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Whether kqlite's cell (in its JSON conventions: result.toJSON()) equals the recorded cell text of class `cls`.
 * Reals within 1e-9 relative; NaN equals NaN; dynamic compared as JSON values (property order ignored).
 */
export function cellEquals(recorded: string | null, ours: unknown, cls: Class): boolean {
  if (recorded === null || ours === null || ours === undefined) return recorded === null && (ours === null || ours === undefined);
  switch (cls) {
    case 'Int':
      return /^-?\d+$/.test(recorded) ? BigInt(recorded) === BigInt(ours as number | bigint) : closeReal(dotnetNumber(recorded), Number(ours));
    case 'Real':
      return closeReal(dotnetNumber(recorded), typeof ours === 'string' ? dotnetNumber(ours) : Number(ours));
    case 'Bool':
      return recorded === (ours === true ? 'True' : 'False');
    case 'Dynamic': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(recorded);
      } catch {
        return false;
      }
      return sameJson(parsed, ours);
    }
    case 'Guid':
      return recorded.toLowerCase() === String(ours).toLowerCase();
    case 'TimeSpan':
      return timespanTicks(recorded) !== undefined && timespanTicks(recorded) === timespanTicks(String(ours));
    case 'DateTime':
      return datetimeKey(recorded) === datetimeKey(String(ours));
    default:
      return recorded === String(ours);
  }
}

export function rowEquals(recorded: readonly (string | null)[], ours: readonly unknown[], classes: readonly Class[]): boolean {
  return recorded.length === ours.length && recorded.every((c, i) => cellEquals(c, ours[i], classes[i]!));
}
