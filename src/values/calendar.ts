// Calendar functions over datetime / timespan ticks: startof*/endof*, bin/bin_at, datetime_add/diff/part, the
// get*/…of* accessors, format_datetime/format_timespan, make_datetime and the unixtime_*_todatetime family.
// Null in → null out; datetime results outside years 1..9999 → null. Functions taking a `part` name match it
// case-insensitively and throw an Error naming an unknown part (the binder checks constant parts first).

import {
  checkDatetime,
  daysFromCivil,
  daysInMonth,
  datetimeFromParts,
  datetimeParts,
  isDatetimeInRange,
} from './datetime.js';
import {
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MICROSECOND,
  TICKS_PER_MILLISECOND,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  UNIX_EPOCH_TICKS,
} from './types.js';

type Ticks = bigint | null;
/** An int (number) or long (bigint) argument, possibly null. */
type IntArg = number | bigint | null;

/** An int/long argument as bigint; null for null or a non-integral number. */
function toBig(v: IntArg): bigint | null {
  if (v === null) return null;
  if (typeof v === 'bigint') return v;
  return Number.isInteger(v) ? BigInt(v) : null;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function dayIndex(t: bigint): bigint {
  return t / TICKS_PER_DAY;
}

/** Ticks at midnight of a civil date; the year may be 0 or 10000 (used as an exclusive bound), never checked here. */
function midnight(y: bigint, m: number, d: number): bigint | null {
  if (y < 0n || y > 10_000n) return null;
  return BigInt(daysFromCivil(Number(y), m, d)) * TICKS_PER_DAY;
}

/** Year and month after moving `months` months from (y, m); the year is unbounded bigint. */
function shiftMonths(y: number, m: number, months: bigint): { y: bigint; m: number } {
  const total = BigInt(y) * 12n + BigInt(m - 1) + months;
  return { y: floorDiv(total, 12n), m: Number(total - floorDiv(total, 12n) * 12n) + 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// startof* / endof* (docs startofday/startofweek/startofmonth/startofyear and endof* pages)

type PeriodStart = (t: bigint, offset: bigint) => bigint | null;

const dayStart: PeriodStart = (t, offset) => (dayIndex(t) + offset) * TICKS_PER_DAY;
const weekStart: PeriodStart = (t, offset) => {
  const d = dayIndex(t);
  // 0001-01-01 (day 0) was a Monday; weeks start on Sunday.
  return (d - ((d + 1n) % 7n) + 7n * offset) * TICKS_PER_DAY;
};
const monthStart: PeriodStart = (t, offset) => {
  const p = datetimeParts(t);
  const { y, m } = shiftMonths(p.year, p.month, offset);
  return midnight(y, m, 1);
};
const yearStart: PeriodStart = (t, offset) => midnight(BigInt(datetimeParts(t).year) + offset, 1, 1);

function startOf(fn: PeriodStart, t: Ticks, offset: IntArg): Ticks {
  const off = toBig(offset);
  if (t === null || off === null || !isDatetimeInRange(t)) return null;
  return checkDatetime(fn(t, off));
}

/** The end of a period is the last tick before the next period starts (…23:59:59.9999999). */
function endOf(fn: PeriodStart, t: Ticks, offset: IntArg): Ticks {
  const off = toBig(offset);
  if (t === null || off === null || !isDatetimeInRange(t)) return null;
  const next = fn(t, off + 1n);
  return next === null ? null : checkDatetime(next - 1n);
}

export const startOfDay = (t: Ticks, offsetDays: IntArg = 0): Ticks => startOf(dayStart, t, offsetDays);
/** Weeks start on Sunday (startofweek-function.md). */
export const startOfWeek = (t: Ticks, offsetWeeks: IntArg = 0): Ticks => startOf(weekStart, t, offsetWeeks);
export const startOfMonth = (t: Ticks, offsetMonths: IntArg = 0): Ticks => startOf(monthStart, t, offsetMonths);
export const startOfYear = (t: Ticks, offsetYears: IntArg = 0): Ticks => startOf(yearStart, t, offsetYears);
export const endOfDay = (t: Ticks, offsetDays: IntArg = 0): Ticks => endOf(dayStart, t, offsetDays);
/** Weeks end on Saturday (endofweek-function.md). */
export const endOfWeek = (t: Ticks, offsetWeeks: IntArg = 0): Ticks => endOf(weekStart, t, offsetWeeks);
export const endOfMonth = (t: Ticks, offsetMonths: IntArg = 0): Ticks => endOf(monthStart, t, offsetMonths);
export const endOfYear = (t: Ticks, offsetYears: IntArg = 0): Ticks => endOf(yearStart, t, offsetYears);

// ---------------------------------------------------------------------------------------------------------------
// bin / bin_at (docs bin-function.md, bin-at-function.md)

/**
 * Floors `value` to a multiple of `size` (toward −∞, also for negative timespans). For datetimes the multiples are
 * counted from tick 0 = 0001-01-01, so day bins start at midnight. Null for a null operand or size ≤ 0.
 * The result is not range-checked: a datetime caller passes it through checkDatetime (a timespan caller need not).
 */
export function binTicks(value: Ticks, size: Ticks): Ticks {
  if (value === null || size === null || size <= 0n) return null;
  return floorDiv(value, size) * size;
}

/** Like binTicks, but the bins are aligned so that `fixed` is a bin boundary. Same null and range rules. */
export function binAtTicks(value: Ticks, size: Ticks, fixed: Ticks): Ticks {
  if (value === null || size === null || fixed === null || size <= 0n) return null;
  return fixed + floorDiv(value - fixed, size) * size;
}

// ---------------------------------------------------------------------------------------------------------------
// datetime_add / datetime_diff / datetime_part

type Period = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond' | 'microsecond' | 'nanosecond';

const PERIODS: readonly Period[] = [
  'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond', 'microsecond', 'nanosecond',
];

/** Fixed-length periods in ticks (week and shorter). */
const FIXED_TICKS: Partial<Record<Period, bigint>> = {
  week: 7n * TICKS_PER_DAY,
  day: TICKS_PER_DAY,
  hour: TICKS_PER_HOUR,
  minute: TICKS_PER_MINUTE,
  second: TICKS_PER_SECOND,
  millisecond: TICKS_PER_MILLISECOND,
  microsecond: TICKS_PER_MICROSECOND,
};

function period(fn: string, part: string): Period {
  const p = part.toLowerCase() as Period;
  if (!PERIODS.includes(p)) {
    throw new Error(`${fn}(): unknown period '${part}' (expected one of: ${PERIODS.join(', ')})`);
  }
  return p;
}

/**
 * datetime_add(part, amount, t) (datetime-add-function.md). Month-based periods keep the day of month, clamped to
 * the target month's length (Jan 31 + 1 month = Feb 28/29); the time of day is kept. [U] Nanosecond amounts are
 * converted to ticks truncating toward zero (150 ns → 1 tick).
 */
export function datetimeAdd(part: string, amount: IntArg, t: Ticks): Ticks {
  const p = period('datetime_add', part);
  const n = toBig(amount);
  if (n === null || t === null || !isDatetimeInRange(t)) return null;
  if (p === 'year' || p === 'quarter' || p === 'month') {
    const months = p === 'year' ? n * 12n : p === 'quarter' ? n * 3n : n;
    const parts = datetimeParts(t);
    const { y, m } = shiftMonths(parts.year, parts.month, months);
    if (y < 1n || y > 9999n) return null;
    const day = Math.min(parts.day, daysInMonth(Number(y), m));
    const start = midnight(y, m, day);
    return start === null ? null : checkDatetime(start + (t % TICKS_PER_DAY));
  }
  if (p === 'nanosecond') return checkDatetime(t + n / 100n);
  return checkDatetime(t + n * (FIXED_TICKS[p] ?? 0n));
}

/**
 * datetime_diff(part, t1, t2) (datetime-diff-function.md): the number of `part` boundaries crossed going from t2 to
 * t1 — calendar-based, not elapsed time (2017-01-01 vs 2000-12-31 is 17 years). Weeks start on Sunday. Nanoseconds
 * are exact elapsed nanoseconds (ticks × 100).
 */
export function datetimeDiff(part: string, t1: Ticks, t2: Ticks): Ticks {
  const p = period('datetime_diff', part);
  if (t1 === null || t2 === null || !isDatetimeInRange(t1) || !isDatetimeInRange(t2)) return null;
  switch (p) {
    case 'year':
      return BigInt(datetimeParts(t1).year - datetimeParts(t2).year);
    case 'quarter':
    case 'month': {
      const a = datetimeParts(t1);
      const b = datetimeParts(t2);
      const months = (a.year - b.year) * 12 + (a.month - b.month);
      if (p === 'month') return BigInt(months);
      const qa = a.year * 4 + Math.floor((a.month - 1) / 3);
      const qb = b.year * 4 + Math.floor((b.month - 1) / 3);
      return BigInt(qa - qb);
    }
    case 'week':
      return ((weekStart(t1, 0n) ?? 0n) - (weekStart(t2, 0n) ?? 0n)) / (7n * TICKS_PER_DAY);
    case 'nanosecond':
      return (t1 - t2) * 100n;
    default: {
      const unit = FIXED_TICKS[p] ?? 1n;
      return t1 / unit - t2 / unit;
    }
  }
}

const PARTS = [
  'year', 'quarter', 'month', 'week_of_year', 'day', 'dayofyear', 'hour', 'minute', 'second', 'millisecond',
  'microsecond', 'nanosecond',
] as const;

/**
 * datetime_part(part, t) (datetime-part-function.md). `week_of_year` is the ISO 8601 week. [U] The obsolete
 * `weekofyear` part (documented only as "first week contains the first Wednesday") is refused rather than guessed.
 */
export function datetimePart(part: string, t: Ticks): number | null {
  const p = part.toLowerCase();
  if (!(PARTS as readonly string[]).includes(p)) {
    throw new Error(`datetime_part(): unknown part '${part}' (expected one of: ${PARTS.join(', ')})`);
  }
  if (t === null || !isDatetimeInRange(t)) return null;
  const d = datetimeParts(t);
  switch (p as (typeof PARTS)[number]) {
    case 'year':
      return d.year;
    case 'quarter':
      return Math.floor((d.month - 1) / 3) + 1;
    case 'month':
      return d.month;
    case 'week_of_year':
      return isoWeek(d.year, d.dayOfYear, d.dayOfWeek);
    case 'day':
      return d.day;
    case 'dayofyear':
      return d.dayOfYear;
    case 'hour':
      return d.hour;
    case 'minute':
      return d.minute;
    case 'second':
      return d.second;
    case 'millisecond':
      return Math.floor(d.fractionTicks / 10_000);
    case 'microsecond':
      return Math.floor(d.fractionTicks / 10);
    case 'nanosecond':
      return d.fractionTicks * 100;
  }
}

/** ISO 8601 weeks in a year: 53 when the year starts on a Thursday, or on a Wednesday in a leap year. */
function isoWeeksInYear(y: number): number {
  const p = (yy: number): number => (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400)) % 7;
  return p(y) === 4 || p(y - 1) === 3 ? 53 : 52;
}

function isoWeek(year: number, dayOfYear: number, dayOfWeek: number): number {
  const isoWeekday = dayOfWeek === 0 ? 7 : dayOfWeek;
  const w = Math.floor((dayOfYear - isoWeekday + 10) / 7);
  if (w < 1) return isoWeeksInYear(year - 1);
  if (w > isoWeeksInYear(year)) return 1;
  return w;
}

function withParts<R>(t: Ticks, f: (p: ReturnType<typeof datetimeParts>) => R): R | null {
  return t === null || !isDatetimeInRange(t) ? null : f(datetimeParts(t));
}

/**
 * dayofweek(): a TIMESPAN of whole days since the preceding Sunday (day-of-week-function.md). Null in the last,
 * incomplete week of the calendar (from Sunday 9999-12-26): real engine, recorded answer (issue #14):
 * dayofweek(datetime(9999-12-31)) is null (while dayofweek(datetime(0001-01-01)) is 1d). [U] The cut-off is
 * inferred: that week has no end inside the datetime range.
 */
export const dayOfWeek = (t: Ticks): Ticks =>
  withParts(t, (p) => (t !== null && t >= LAST_WEEK_START ? null : BigInt(p.dayOfWeek) * TICKS_PER_DAY));
/** Sunday 9999-12-26 00:00: 3652053 days after 0001-01-01. */
const LAST_WEEK_START = 3_652_053n * TICKS_PER_DAY;
export const dayOfMonth = (t: Ticks): number | null => withParts(t, (p) => p.day);
export const dayOfYear = (t: Ticks): number | null => withParts(t, (p) => p.dayOfYear);
export const getMonth = (t: Ticks): number | null => withParts(t, (p) => p.month);
export const monthOfYear = getMonth;
export const getYear = (t: Ticks): number | null => withParts(t, (p) => p.year);
export const hourOfDay = (t: Ticks): number | null => withParts(t, (p) => p.hour);
/** week_of_year(): ISO 8601 week number (week-of-year-function.md). */
export const weekOfYear = (t: Ticks): number | null => withParts(t, (p) => isoWeek(p.year, p.dayOfYear, p.dayOfWeek));

// ---------------------------------------------------------------------------------------------------------------
// format_datetime / format_timespan (format-datetime-function.md, format-timespan-function.md)

const DELIMITERS = new Set([' ', '/', '-', ':', ',', '.', '_', '[', ']']);

interface Token {
  ch: string;
  count: number;
}

function tokenize(fn: string, format: string, allowed: Readonly<Record<string, (n: number) => boolean>>): (Token | string)[] {
  const out: (Token | string)[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i] ?? '';
    if (DELIMITERS.has(ch)) {
      out.push(ch);
      i++;
      continue;
    }
    let j = i;
    while (format[j] === ch) j++;
    const ok = allowed[ch];
    if (ok === undefined) {
      throw new Error(`${fn}(): unsupported format character '${ch}' in '${format}'`);
    }
    // A run longer than the longest specifier is read as several specifiers, longest first — real engine, recorded
    // answers (issue #14): format_datetime(datetime(2020-01-05), 'dddd') is "0505" (dd dd), 'ddd' "055" (dd d),
    // 'MMMM' "0101", 'MMM' "011"; the docs list no ddd/dddd/MMM/MMMM (.NET would print day and month names).
    let rest = j - i;
    while (rest > 0) {
      let count = rest;
      while (count > 0 && !ok(count)) count--;
      if (count === 0) {
        throw new Error(`${fn}(): unsupported format specifier '${ch.repeat(j - i)}' in '${format}'`);
      }
      out.push({ ch, count });
      rest -= count;
    }
    i = j;
  }
  return out;
}

const upTo = (max: number) => (n: number): boolean => n >= 1 && n <= max;
const oneOf = (...ns: number[]) => (n: number): boolean => ns.includes(n);

/** `f…` shows the first n fraction digits; `F…` the same with trailing zeros removed (nothing when all zero). */
function fraction(fractionTicks: number, tok: Token): string {
  const digits = String(fractionTicks).padStart(7, '0').slice(0, tok.count);
  return tok.ch === 'f' ? digits : digits.replace(/0+$/, '');
}

const DATETIME_SPECIFIERS: Readonly<Record<string, (n: number) => boolean>> = {
  d: oneOf(1, 2),
  f: upTo(7),
  F: upTo(7),
  h: oneOf(1, 2),
  H: oneOf(1, 2),
  m: oneOf(1, 2),
  M: oneOf(1, 2),
  s: oneOf(1, 2),
  y: oneOf(1, 2, 4),
  t: oneOf(2),
};

/**
 * Validates a format_datetime format once and returns the formatter. Only the specifiers in the docs table are
 * accepted (d dd f…fffffff F…FFFFFFF h hh H HH m mm M MM s ss y yy yyyy tt) plus the delimiters
 * space / - : , . _ [ ]; longer runs split into several of them (see tokenize); anything else (a lone t, letters
 * such as T or Z, quotes) throws.
 * [U] An `F…` that prints nothing leaves a preceding '.' in place (.NET would drop it).
 */
export function compileDatetimeFormat(format: string): (t: bigint) => string {
  const tokens = tokenize('format_datetime', format, DATETIME_SPECIFIERS);
  return (t) => {
    const p = datetimeParts(t);
    let out = '';
    for (const tok of tokens) {
      if (typeof tok === 'string') {
        out += tok;
        continue;
      }
      const n = tok.count;
      switch (tok.ch) {
        case 'd':
          out += String(p.day).padStart(n, '0');
          break;
        case 'f':
        case 'F':
          out += fraction(p.fractionTicks, tok);
          break;
        case 'h':
          out += String(p.hour % 12 === 0 ? 12 : p.hour % 12).padStart(n, '0');
          break;
        case 'H':
          out += String(p.hour).padStart(n, '0');
          break;
        case 'm':
          out += String(p.minute).padStart(n, '0');
          break;
        case 'M':
          out += String(p.month).padStart(n, '0');
          break;
        case 's':
          out += String(p.second).padStart(n, '0');
          break;
        case 'y':
          out += n === 4 ? String(p.year).padStart(4, '0') : String(p.year % 100).padStart(n, '0');
          break;
        case 't':
          out += p.hour < 12 ? 'AM' : 'PM';
          break;
      }
    }
    return out;
  };
}

/** format_datetime(t, format); '' for a null datetime (strings are never null). Throws on an unsupported format. */
export function formatDatetimeWith(t: Ticks, format: string): string {
  const f = compileDatetimeFormat(format);
  return t === null || !isDatetimeInRange(t) ? '' : f(t);
}

const TIMESPAN_SPECIFIERS: Readonly<Record<string, (n: number) => boolean>> = {
  d: upTo(8),
  f: upTo(7),
  F: upTo(7),
  // The docs table lists only H/HH, but its own example 'ddd.h:mm:ss' prints the hour with 'h' (029.9:00:05).
  h: oneOf(1, 2),
  H: oneOf(1, 2),
  m: oneOf(1, 2),
  s: oneOf(1, 2),
};

/**
 * Validates a format_timespan format once and returns the formatter: d…dddddddd (whole days, zero-padded to the
 * count), h/hh/H/HH, m/mm, s/ss, f…/F… and the same delimiters as format_datetime. The components are those of the
 * absolute value and a negative timespan is prefixed with '-' — real engine, recorded answers (issue #14):
 * format_timespan(-2h - 30m, 'hh:mm') is "-02:30", format_timespan(-90s, 'mm:ss') "-01:30" (.NET's custom TimeSpan
 * formats would drop the sign).
 */
export function compileTimespanFormat(format: string): (ticks: bigint) => string {
  const tokens = tokenize('format_timespan', format, TIMESPAN_SPECIFIERS);
  return (ticks) => {
    const a = ticks < 0n ? -ticks : ticks;
    const days = a / TICKS_PER_DAY;
    const hour = Number((a % TICKS_PER_DAY) / TICKS_PER_HOUR);
    const minute = Number((a % TICKS_PER_HOUR) / TICKS_PER_MINUTE);
    const second = Number((a % TICKS_PER_MINUTE) / TICKS_PER_SECOND);
    const frac = Number(a % TICKS_PER_SECOND);
    let out = ticks < 0n ? '-' : '';
    for (const tok of tokens) {
      if (typeof tok === 'string') {
        out += tok;
        continue;
      }
      const n = tok.count;
      switch (tok.ch) {
        case 'd':
          out += String(days).padStart(n, '0');
          break;
        case 'f':
        case 'F':
          out += fraction(frac, tok);
          break;
        case 'h':
        case 'H':
          out += String(hour).padStart(n, '0');
          break;
        case 'm':
          out += String(minute).padStart(n, '0');
          break;
        case 's':
          out += String(second).padStart(n, '0');
          break;
      }
    }
    return out;
  };
}

/** format_timespan(ticks, format); '' for a null timespan. Throws on an unsupported format. */
export function formatTimespanWith(ticks: Ticks, format: string): string {
  const f = compileTimespanFormat(format);
  return ticks === null ? '' : f(ticks);
}

// ---------------------------------------------------------------------------------------------------------------
// make_datetime and unixtime_*_todatetime

/** A real or integer argument, possibly null. */
type NumArg = number | bigint | null;

/**
 * `x × scale` in whole ticks, computed from x's shortest decimal representation so that values such as 0.1234567
 * seconds are exact. [U] A remainder below one tick is truncated toward zero. Null for NaN / ±Infinity / null.
 */
export function scaleToTicks(x: NumArg, scale: bigint): bigint | null {
  if (x === null) return null;
  if (typeof x === 'bigint') return x * scale;
  if (!Number.isFinite(x)) return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) return null;
  const frac = m[3] ?? '';
  const digits = BigInt((m[2] ?? '') + frac);
  const exp = Number(m[4] ?? '0') - frac.length;
  const scaled = digits * scale;
  const v = exp >= 0 ? scaled * 10n ** BigInt(exp) : scaled / 10n ** BigInt(-exp);
  return m[1] === '-' ? -v : v;
}

function intPart(v: NumArg): number | null {
  if (v === null) return null;
  if (typeof v === 'bigint') return v >= -(2n ** 31n) && v < 2n ** 31n ? Number(v) : null;
  return Number.isInteger(v) ? v : null;
}

/**
 * make_datetime(year, month, day[, hour, minute[, second]]) (make-datetime-function.md). `second` is real and may
 * carry up to 7 exact fractional digits (0 ≤ second < 60). Null when any part is null or out of range.
 */
export function makeDatetime(y: NumArg, mo: NumArg, d: NumArg, h: NumArg = 0, mi: NumArg = 0, s: NumArg = 0): Ticks {
  const [yy, mm, dd, hh, mn] = [intPart(y), intPart(mo), intPart(d), intPart(h), intPart(mi)];
  if (yy === null || mm === null || dd === null || hh === null || mn === null) return null;
  const secTicks = scaleToTicks(s, TICKS_PER_SECOND);
  if (secTicks === null || secTicks < 0n || secTicks >= 60n * TICKS_PER_SECOND) return null;
  return datetimeFromParts(yy, mm, dd, hh, mn, Number(secTicks / TICKS_PER_SECOND), secTicks % TICKS_PER_SECOND);
}

function fromUnix(n: NumArg, ticksPerUnit: bigint, unitsPerTick = 1n): Ticks {
  const rel = scaleToTicks(n, ticksPerUnit);
  return rel === null ? null : checkDatetime(UNIX_EPOCH_TICKS + rel / unitsPerTick);
}

/** unixtime_seconds_todatetime(real): seconds since 1970-01-01 (negative before it). */
export const unixtimeSecondsToDatetime = (n: NumArg): Ticks => fromUnix(n, TICKS_PER_SECOND);
export const unixtimeMillisecondsToDatetime = (n: NumArg): Ticks => fromUnix(n, TICKS_PER_MILLISECOND);
export const unixtimeMicrosecondsToDatetime = (n: NumArg): Ticks => fromUnix(n, TICKS_PER_MICROSECOND);
/** Nanoseconds are 1/100 tick; [U] the sub-tick remainder is truncated toward zero. */
export const unixtimeNanosecondsToDatetime = (n: NumArg): Ticks => fromUnix(n, 1n, 100n);
