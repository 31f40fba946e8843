// Date and time functions on 100-ns ticks (src/values/calendar.ts does the calendar work).
// now() and ago() read the query's single `now` instant from the resolve context (now-function.md), so the whole
// query sees one instant and both fold to constants.

import * as cal from '../../../values/calendar.js';
import { checkDatetime } from '../../../values/datetime.js';
import { scalar } from '../../../tables/vector.js';
import { lift } from '../lift.js';
import { simple } from '../simple.js';
import { isRefusal, refuse, type ScalarFunctionDef, type Value } from '../types.js';
import type { ScalarType } from '../../../values/types.js';

const t = (v: Value) => v as bigint;
const optInt = (v: Value | undefined) => (v === undefined || v === null ? 0 : (v as bigint | number));

function startEnd(name: string, fn: (x: bigint | null, o?: number | bigint) => bigint | null, doc: string): ScalarFunctionDef {
  return simple({
    name,
    params: ['datetime', 'integer'],
    optional: 1,
    returns: 'datetime',
    row: (d, off) => fn(t(d), optInt(off)),
    doc,
    docs: `${name}-function`,
    // Only startofday(x) is named after x (Microsoft's analyser); the others are Column1...
    resultName: name === 'startofday' ? 'first-argument' : undefined,
    example: `print ${name}(datetime(2017-01-01 10:10:17))`,
  });
}

/** bin(value, size) / floor(): numbers, timespans and datetimes (bin-function.md). */
const binDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'bin',
  aliases: ['floor'],
  signature: "bin(number, number) → number; bin(datetime or timespan, timespan) → the first argument's type",
  minArgs: 2,
  maxArgs: 2,
  nulls: 'propagate',
  deterministic: true,
  resultName: 'first-argument',
  docs: 'bin-function',
  doc: 'Rounds values down to a multiple of the bin size (datetimes aligned at 0001-01-01).',
  example: 'print bin(4.5, 1)',
  resolve([v, s]) {
    if (v === 'datetime' || v === 'timespan') {
      if (s !== 'timespan') return { arg: 1, expected: 'a timespan bin size', got: s! };
      return { returnType: v, invoke: lift(v, (a, b) => cal.binTicks(t(a), t(b))) };
    }
    if ((v === 'int' || v === 'long' || v === 'real') && (s === 'int' || s === 'long' || s === 'real')) {
      const rt: ScalarType = v === 'real' || s === 'real' ? 'real' : 'long';
      if (rt === 'real') {
        return {
          returnType: 'real',
          invoke: lift('real', (a, b) => {
            const size = Number(b);
            return size <= 0 ? null : Math.floor(Number(a) / size) * size;
          }),
        };
      }
      return {
        returnType: 'long',
        argTypes: [v === 'int' ? 'long' : undefined, s === 'int' ? 'long' : undefined],
        invoke: lift('long', (a, b) => {
          const x = a as bigint;
          const size = b as bigint;
          if (size <= 0n) return null;
          let q = x / size;
          if (x % size !== 0n && x < 0n) q -= 1n;
          return q * size;
        }),
      };
    }
    if (v !== 'int' && v !== 'long' && v !== 'real') return { arg: 0, expected: 'a number, datetime or timespan', got: v! };
    return { arg: 1, expected: 'a numeric bin size', got: s! };
  },
};

const binAtDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'bin_at',
  signature: "bin_at(value, bin size, fixed point) → the value's type",
  minArgs: 3,
  maxArgs: 3,
  nulls: 'propagate',
  deterministic: true,
  resultName: 'first-argument',
  docs: 'bin-at-function',
  doc: 'Rounds values down to a bin size aligned with a fixed point.',
  example: 'print bin_at(6.5, 2.5, 7)',
  resolve([v, s, f]) {
    if ((v === 'datetime' && s === 'timespan' && f === 'datetime') || (v === 'timespan' && s === 'timespan' && f === 'timespan')) {
      // A bin before 0001-01-01 is null like any datetime out of range (not an error).
      const fit = v === 'datetime' ? checkDatetime : (x: bigint | null) => x;
      return { returnType: v, invoke: lift(v, (a, b, c) => fit(cal.binAtTicks(t(a), t(b), t(c)))) };
    }
    const num = (x: ScalarType | undefined) => x === 'int' || x === 'long' || x === 'real';
    if (num(v) && num(s) && num(f)) {
      return {
        returnType: 'real',
        invoke: lift('real', (a, b, c) => {
          const size = Number(b);
          if (size <= 0) return null;
          return Math.floor((Number(a) - Number(c)) / size) * size + Number(c);
        }),
      };
    }
    return 'matching value, bin size and fixed point types';
  },
};

const nowDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'now',
  signature: 'now([offset: timespan]) → datetime',
  minArgs: 0,
  maxArgs: 1,
  nulls: 'propagate',
  deterministic: true,
  doc: "The query's current instant, optionally offset by a constant timespan.",
  docs: 'now-function',
  example: 'print now(-1d) < now()',
  resolve(argTypes, ctx) {
    let at: bigint | null = ctx.nowTicks;
    if (argTypes.length === 1) {
      const offset = ctx.constant(0);
      if (argTypes[0] !== 'timespan' || !offset) return refuse('bind-expected-constant', { what: 'the offset of now()' }, 0);
      at = offset.value === null ? null : checkDatetime(at + (offset.value as bigint));
    }
    const value = scalar('datetime', at);
    return { returnType: 'datetime', invoke: () => value };
  },
};

/** ago(ts) = now() - ts, with the query's single now (ago-function.md). */
const agoDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'ago',
  signature: 'ago(timespan) → datetime',
  minArgs: 1,
  maxArgs: 1,
  nulls: 'propagate',
  deterministic: true,
  doc: "The query's current instant minus a timespan.",
  docs: 'ago-function',
  example: 'print ago(1h) < now()',
  resolve(argTypes, ctx) {
    if (argTypes[0] !== 'timespan') return { arg: 0, expected: 'a timespan', got: argTypes[0]! };
    const now = ctx.nowTicks;
    return { returnType: 'datetime', invoke: lift('datetime', (ts) => checkDatetime(now - (ts as bigint))) };
  },
};

/**
 * datetime_diff('week', …) is typed real, every other part long: real engine, recorded answers (issue #14):
 * datetime_diff('week', datetime(2020-01-15), datetime(2020-01-01)) is 2 in a Real column, over rows as well
 * (datetime-diff-function.md says long for every part). The value is the same whole number of week boundaries.
 * [U] A part that is not a constant keeps long (the type must be known before the rows are read).
 */
function weekDiffIsReal(def: ScalarFunctionDef): ScalarFunctionDef {
  return {
    ...def,
    resolve(argTypes, ctx) {
      const resolved = def.resolve(argTypes, ctx);
      const part = ctx.constant(0)?.value;
      if (isRefusal(resolved) || typeof part !== 'string' || part.toLowerCase() !== 'week') return resolved;
      return {
        ...resolved,
        returnType: 'real',
        invoke: lift('real', (p, a, b) => {
          const weeks = cal.datetimeDiff(p as string, t(a), t(b));
          return weeks === null ? null : Number(weeks);
        }),
      };
    },
  };
}

export const datetimeFunctions: readonly ScalarFunctionDef[] = [
  nowDef,
  agoDef,
  startEnd('startofday', cal.startOfDay, 'Start of the day (midnight UTC), optionally offset by days.'),
  startEnd('startofweek', cal.startOfWeek, 'Start of the week (Sunday), optionally offset by weeks.'),
  startEnd('startofmonth', cal.startOfMonth, 'Start of the month, optionally offset by months.'),
  startEnd('startofyear', cal.startOfYear, 'Start of the year, optionally offset by years.'),
  startEnd('endofday', cal.endOfDay, 'Last tick of the day, optionally offset by days.'),
  startEnd('endofweek', cal.endOfWeek, 'Last tick of the week, optionally offset by weeks.'),
  startEnd('endofmonth', cal.endOfMonth, 'Last tick of the month, optionally offset by months.'),
  startEnd('endofyear', cal.endOfYear, 'Last tick of the year, optionally offset by years.'),
  binDef,
  binAtDef,
  simple({
    name: 'datetime_add',
    params: ['string', 'integer', 'datetime'],
    returns: 'datetime',
    row: (p, n, d) => cal.datetimeAdd(p as string, n as bigint, t(d)),
    docs: 'datetime-add-function', doc: 'Adds a number of date parts to a datetime.',
    example: "print datetime_add('month', 1, datetime(2017-01-31))",
  }),
  weekDiffIsReal(
    simple({
      name: 'datetime_diff',
      params: ['string', 'datetime', 'datetime'],
      returns: 'long',
      row: (p, a, b) => cal.datetimeDiff(p as string, t(a), t(b)),
      docs: 'datetime-diff-function', doc: "Number of date-part boundaries crossed between two datetimes (real for 'week').",
      example: "print datetime_diff('year', datetime(2017-01-01), datetime(2000-12-31))",
    }),
  ),
  simple({
    name: 'datetime_part',
    aliases: ['datepart'],
    params: ['string', 'datetime'],
    returns: 'int',
    row: (p, d) => cal.datetimePart(p as string, t(d)),
    docs: 'datetime-part-function', doc: 'One part of a datetime as an integer.',
    example: "print datetime_part('year', datetime(2017-10-30))",
  }),
  simple({ name: 'dayofweek', params: ['datetime'], returns: 'timespan', row: (d) => cal.dayOfWeek(t(d)), docs: 'day-of-week-function', doc: 'Days since the preceding Sunday, as a timespan.', example: 'print dayofweek(datetime(1947-11-30))' }),
  simple({ name: 'dayofmonth', params: ['datetime'], returns: 'int', row: (d) => cal.dayOfMonth(t(d)), docs: 'day-of-month-function', doc: 'Day of the month.', example: 'print dayofmonth(datetime(2015-12-14))' }),
  simple({ name: 'dayofyear', params: ['datetime'], returns: 'int', row: (d) => cal.dayOfYear(t(d)), docs: 'day-of-year-function', doc: 'Day of the year.', example: 'print dayofyear(datetime(2015-12-14))' }),
  simple({ name: 'getmonth', aliases: ['monthofyear'], params: ['datetime'], returns: 'int', row: (d) => cal.getMonth(t(d)), docs: 'monthofyear-function', doc: 'Month number (1-12).', example: 'print getmonth(datetime(2015-10-12))' }),
  simple({ name: 'getyear', params: ['datetime'], returns: 'int', row: (d) => cal.getYear(t(d)), docs: 'getyear-function', doc: 'Year.', example: 'print getyear(datetime(2015-10-12))' }),
  simple({ name: 'hourofday', params: ['datetime'], returns: 'int', row: (d) => cal.hourOfDay(t(d)), docs: 'hour-of-day-function', doc: 'Hour of the day (0-23).', example: 'print hourofday(datetime(2015-12-14 18:54))' }),
  simple({ name: 'week_of_year', params: ['datetime'], returns: 'int', row: (d) => cal.weekOfYear(t(d)), docs: 'week-of-year-function', doc: 'ISO 8601 week number.', example: 'print week_of_year(datetime(2020-12-31))' }),
  simple({
    name: 'format_datetime',
    params: ['datetime', 'string'],
    returns: 'string',
    row: (d, f) => cal.formatDatetimeWith(t(d), f as string),
    resultName: 'first-argument',
    docs: 'format-datetime-function', doc: 'Formats a datetime with .NET-style specifiers.',
    example: "print format_datetime(datetime(2017-01-29 09:00:05), 'yy-MM-dd [HH:mm:ss]')",
  }),
  simple({
    name: 'format_timespan',
    params: ['timespan', 'string'],
    returns: 'string',
    row: (d, f) => cal.formatTimespanWith(t(d), f as string),
    resultName: 'first-argument',
    docs: 'format-timespan-function', doc: 'Formats a timespan with .NET-style specifiers.',
    example: "print format_timespan(time(1d), 'd:hh:mm')",
  }),
  simple({
    name: 'make_datetime',
    params: ['real*', 'real*', 'real*', 'real*', 'real*', 'real*'],
    optional: 3,
    returns: 'datetime',
    row: (y, mo, d, h, mi, s) => cal.makeDatetime(y as number, mo as number, d as number, (h ?? 0) as number, (mi ?? 0) as number, (s ?? 0) as number),
    docs: 'make-datetime-function', doc: 'Builds a datetime from its parts.',
    example: 'print make_datetime(2017, 10, 1)',
  }),
  simple({ name: 'unixtime_seconds_todatetime', params: ['real*'], returns: 'datetime', row: (n) => cal.unixtimeSecondsToDatetime(n as number), docs: 'unixtime-seconds-todatetime-function', doc: 'Datetime from Unix seconds.', example: 'print unixtime_seconds_todatetime(1546300800)' }),
  simple({ name: 'unixtime_milliseconds_todatetime', params: ['real*'], returns: 'datetime', row: (n) => cal.unixtimeMillisecondsToDatetime(n as number), docs: 'unixtime-milliseconds-todatetime-function', doc: 'Datetime from Unix milliseconds.', example: 'print unixtime_milliseconds_todatetime(1546300800000)' }),
];
