// KQL timespan values: signed bigint 100-ns ticks (the range of a .NET TimeSpan / signed 64-bit long).
// Parsing (totimespan / timespan(...) and time(...) literal contents) and canonical formatting (tostring / JSON).
//
// Spec: docs scalar-data-types/timespan.md (literal table), unit suffixes from kql-lang:Parser/TokenParser.cs
// (TimespanSuffixes), display format from make-timespan-function.md ("1.12:30:55.1230000") and
// day-of-week-function.md ("1.00:00:00", "00:00:00").

import { TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND } from './types.js';

export const MIN_TIMESPAN_TICKS = -(2n ** 63n);
export const MAX_TIMESPAN_TICKS = 2n ** 63n - 1n;

/** `t` when it fits a timespan (signed 64-bit ticks), otherwise null. */
export function checkTimespan(t: bigint | null): bigint | null {
  return t !== null && t >= MIN_TIMESPAN_TICKS && t <= MAX_TIMESPAN_TICKS ? t : null;
}

/**
 * Length of one unit as a ratio numerator / denominator of ticks (nanoseconds are 1/100 tick).
 * Suffix spellings are exactly those of the official tokenizer; [U] they are matched case-sensitively (lower case),
 * as the tokenizer's suffix table is.
 */
const UNITS: Readonly<Record<string, readonly [bigint, bigint]>> = (() => {
  const table: Record<string, readonly [bigint, bigint]> = {};
  const add = (names: string[], num: bigint, den = 1n): void => {
    for (const n of names) table[n] = [num, den];
  };
  add(['d', 'day', 'days'], TICKS_PER_DAY);
  add(['h', 'hr', 'hrs', 'hour', 'hours'], TICKS_PER_HOUR);
  add(['m', 'min', 'minute', 'minutes'], TICKS_PER_MINUTE);
  add(['s', 'sec', 'second', 'seconds'], TICKS_PER_SECOND);
  add(['ms', 'milli', 'millis', 'millisec', 'millisecond', 'milliseconds'], 10_000n);
  add(['micro', 'micros', 'microsec', 'microsecond', 'microseconds'], 10n);
  add(['nano', 'nanos', 'nanosec', 'nanosecond', 'nanoseconds'], 1n, 100n);
  add(['tick', 'ticks'], 1n);
  return table;
})();

const DAYS_RE = /^(\d+)$/;
const CLOCK_RE = /^(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/;
const UNIT_RE = /^(\d+)(?:\.(\d+))?\s*([a-z]+)$/;

/**
 * Parses `totimespan("…")` text and the contents of `timespan(…)` / `time(…)` literals:
 *  - a bare integer is a number of days (`time(2)` = 2 days, timespan.md);
 *  - `[d.]hh:mm[:ss[.fffffff]]` with hours 0–23, minutes and seconds 0–59, at most 7 fractional digits
 *    ([U] more digits → null, as .NET's TimeSpan parser rejects them);
 *  - a decimal number and a unit, optionally separated by spaces (`1.5h`, `100ms`, `time(15 seconds)`).
 * An optional leading `-` negates. Decimal fractions are exact; [U] a remainder below one tick (e.g. `1ns`,
 * `150nanoseconds`) is truncated toward zero. Null when invalid or outside the 64-bit tick range.
 */
export function parseTimespan(text: string): bigint | null {
  let s = text.trim();
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  const ticks = parseUnsigned(s);
  if (ticks === null) return null;
  return checkTimespan(negative ? -ticks : ticks);
}

function parseUnsigned(s: string): bigint | null {
  let m = DAYS_RE.exec(s);
  if (m) return BigInt(m[1] ?? '') * TICKS_PER_DAY;
  m = CLOCK_RE.exec(s);
  if (m) {
    const h = Number(m[2]);
    const mi = Number(m[3]);
    const sec = m[4] === undefined ? 0 : Number(m[4]);
    if (h > 23 || mi > 59 || sec > 59) return null;
    const days = m[1] === undefined ? 0n : BigInt(m[1]);
    const frac = m[5] === undefined ? 0n : BigInt(m[5].padEnd(7, '0'));
    return (
      days * TICKS_PER_DAY + BigInt(h) * TICKS_PER_HOUR + BigInt(mi) * TICKS_PER_MINUTE + BigInt(sec) * TICKS_PER_SECOND + frac
    );
  }
  m = UNIT_RE.exec(s);
  if (m) {
    const unit = UNITS[m[3] ?? ''];
    if (unit === undefined) return null;
    const fraction = m[2] ?? '';
    const scaled = BigInt((m[1] ?? '') + fraction);
    const [num, den] = unit;
    return (scaled * num) / (10n ** BigInt(fraction.length) * den);
  }
  return null;
}

function pad(n: bigint, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Kusto's canonical timespan text: `[-][d.]hh:mm:ss[.fffffff]` — the day part only when non-zero, the fraction only
 * when non-zero and then always 7 digits (make-timespan-function.md prints `1.12:30:55.1230000`).
 */
export function formatTimespan(ticks: bigint): string {
  const negative = ticks < 0n;
  const a = negative ? -ticks : ticks;
  const days = a / TICKS_PER_DAY;
  const h = (a % TICKS_PER_DAY) / TICKS_PER_HOUR;
  const mi = (a % TICKS_PER_HOUR) / TICKS_PER_MINUTE;
  const s = (a % TICKS_PER_MINUTE) / TICKS_PER_SECOND;
  const frac = a % TICKS_PER_SECOND;
  return (
    (negative ? '-' : '') +
    (days > 0n ? `${days}.` : '') +
    `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}` +
    (frac > 0n ? `.${pad(frac, 7)}` : '')
  );
}
