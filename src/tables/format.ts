// Output conventions. JSON follows Kusto's: datetime as ISO-8601 UTC ending in Z, timespan as
// [-][d.]hh:mm:ss[.fffffff], dynamic as JSON values, null as null, long exact (written as an integer literal).

import type { Dynamic, ScalarType, ScalarValue } from '../values/types.js';
import { formatDatetime } from '../values/datetime.js';
import { formatTimespan } from '../values/timespan.js';
import { formatReal } from '../values/dynamic.js';
import { toStringValue } from '../values/convert.js';
import { isDynamicArray, isDynamicBag } from '../values/types.js';

/** A cell as a plain JSON-compatible value (bigint kept only when it does not fit a double exactly). */
export function jsonCell(v: ScalarValue | null, type: ScalarType): unknown {
  if (v === null) return null;
  switch (type) {
    case 'datetime':
      return formatDatetime(v as bigint);
    case 'timespan':
      return formatTimespan(v as bigint);
    case 'long':
      return safeNumber(v as bigint);
    case 'real':
      return Number.isFinite(v) ? v : formatReal(v as number);
    case 'dynamic':
      return dynamicToPlain(v as Dynamic);
    default:
      return v;
  }
}

function safeNumber(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

export function dynamicToPlain(d: Dynamic): unknown {
  if (typeof d === 'bigint') return safeNumber(d);
  if (isDynamicArray(d)) return d.map(dynamicToPlain);
  if (isDynamicBag(d)) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(d)) o[k] = dynamicToPlain(v);
    return o;
  }
  return d;
}

/** JSON text of a plain value, writing bigints as exact integer literals. */
export function stringifyJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `\u0000${x}\u0000` : x)).replace(/"\\u0000(-?\d+)\\u0000"/g, '$1');
}

/** A cell as text for people (tables, CSV): KQL's tostring() text, nulls as empty cells. */
export function textCell(v: ScalarValue | null, type: ScalarType): string {
  return v === null ? '' : toStringValue(v, type);
}

/** Aligned text table; cells longer than `maxWidth` are cut with an ellipsis. */
export function formatTextTable(
  columns: readonly { name: string; type: ScalarType }[],
  rows: readonly (readonly (ScalarValue | null)[])[],
  options: { maxWidth?: number } = {},
): string {
  const max = options.maxWidth ?? Infinity;
  const cut = (s: string) => {
    const one = s.replace(/\r?\n/g, '⏎');
    return one.length > max ? one.slice(0, Math.max(1, max - 1)) + '…' : one;
  };
  const header = columns.map((c) => cut(c.name));
  const body = rows.map((r) => r.map((v, j) => cut(textCell(v, columns[j]!.type))));
  // Loops, not Math.max(...spread) or push(...spread): a spread of 125k rows overflows the stack.
  const widths = header.map((h) => h.length);
  for (const r of body) for (let j = 0; j < widths.length; j++) if (r[j]!.length > widths[j]!) widths[j] = r[j]!.length;
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j]!)).join(' | ').trimEnd();
  const lines = [line(header), widths.map((w) => '-'.repeat(w)).join('-+-')];
  for (const r of body) lines.push(line(r));
  return lines.join('\n');
}
