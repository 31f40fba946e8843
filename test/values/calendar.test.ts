import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  binAtTicks,
  binTicks,
  compileDatetimeFormat,
  compileTimespanFormat,
  datetimeAdd,
  datetimeDiff,
  datetimePart,
  dayOfMonth,
  dayOfWeek,
  dayOfYear,
  endOfDay,
  endOfMonth,
  endOfWeek,
  endOfYear,
  formatDatetimeWith,
  formatTimespanWith,
  getMonth,
  getYear,
  hourOfDay,
  makeDatetime,
  monthOfYear,
  startOfDay,
  startOfMonth,
  startOfWeek,
  startOfYear,
  unixtimeMicrosecondsToDatetime,
  unixtimeMillisecondsToDatetime,
  unixtimeNanosecondsToDatetime,
  unixtimeSecondsToDatetime,
  weekOfYear,
} from '../../src/values/calendar.js';
import { formatDatetime, parseDatetime } from '../../src/values/datetime.js';
import { formatTimespan, parseTimespan } from '../../src/values/timespan.js';
import { MAX_DATETIME_TICKS } from '../../src/values/types.js';

/** A datetime from text (parseDatetime has its own tests); throws on a typo in a test. */
function dt(text: string): bigint {
  const t = parseDatetime(text);
  if (t === null) throw new Error(`bad test datetime ${text}`);
  return t;
}
function ts(text: string): bigint {
  const t = parseTimespan(text);
  if (t === null) throw new Error(`bad test timespan ${text}`);
  return t;
}
/** Formats a nullable result so failures read as dates. */
const show = (t: bigint | null): string | null => (t === null ? null : formatDatetime(t));

const REF = dt('2017-01-01 10:10:17');
const END = '23:59:59.9999999Z';

describe('startof* / endof* — the doc examples use offsets -1, 0, 1 on 2017-01-01 10:10:17', () => {
  it('startofday (startofday-function.md)', () => {
    expect([-1, 0, 1].map((o) => show(startOfDay(REF, o)))).toEqual([
      '2016-12-31T00:00:00.0000000Z',
      '2017-01-01T00:00:00.0000000Z',
      '2017-01-02T00:00:00.0000000Z',
    ]);
  });

  it('startofweek (startofweek-function.md): weeks start on Sunday', () => {
    expect([-1, 0, 1].map((o) => show(startOfWeek(REF, o)))).toEqual([
      '2016-12-25T00:00:00.0000000Z',
      '2017-01-01T00:00:00.0000000Z',
      '2017-01-08T00:00:00.0000000Z',
    ]);
  });

  it('startofweek Monday-based helper example (startofweek-function.md)', () => {
    const fromMonday = (d: bigint): bigint | null => datetimeAdd('day', 1n, startOfWeek(datetimeAdd('day', -1n, d)));
    expect(show(fromMonday(dt('2025-06-14')))).toBe('2025-06-09T00:00:00.0000000Z');
    expect(show(fromMonday(dt('2025-06-15')))).toBe('2025-06-09T00:00:00.0000000Z');
    expect(show(fromMonday(dt('2025-06-16')))).toBe('2025-06-16T00:00:00.0000000Z');
    expect(show(fromMonday(dt('2025-06-17')))).toBe('2025-06-16T00:00:00.0000000Z');
  });

  it('startofmonth (startofmonth-function.md)', () => {
    expect([-1, 0, 1].map((o) => show(startOfMonth(REF, o)))).toEqual([
      '2016-12-01T00:00:00.0000000Z',
      '2017-01-01T00:00:00.0000000Z',
      '2017-02-01T00:00:00.0000000Z',
    ]);
  });

  it('startofyear (startofyear-function.md)', () => {
    expect([-1, 0, 1].map((o) => show(startOfYear(REF, o)))).toEqual([
      '2016-01-01T00:00:00.0000000Z',
      '2017-01-01T00:00:00.0000000Z',
      '2018-01-01T00:00:00.0000000Z',
    ]);
  });

  it('endofday (endofday-function.md)', () => {
    expect([-1, 0, 1].map((o) => show(endOfDay(REF, o)))).toEqual([
      `2016-12-31T${END}`,
      `2017-01-01T${END}`,
      `2017-01-02T${END}`,
    ]);
  });

  it('endofweek (endofweek-function.md): weeks end on Saturday', () => {
    expect([-1, 0, 1].map((o) => show(endOfWeek(REF, o)))).toEqual([
      `2016-12-31T${END}`,
      `2017-01-07T${END}`,
      `2017-01-14T${END}`,
    ]);
  });

  it('endofmonth (endofmonth-function.md)', () => {
    expect([-1, 0, 1].map((o) => show(endOfMonth(REF, o)))).toEqual([
      `2016-12-31T${END}`,
      `2017-01-31T${END}`,
      `2017-02-28T${END}`,
    ]);
  });

  it('endofyear (endofyear-function.md)', () => {
    expect([-1, 0, 1].map((o) => show(endOfYear(REF, o)))).toEqual([
      `2016-12-31T${END}`,
      `2017-12-31T${END}`,
      `2018-12-31T${END}`,
    ]);
  });

  it('null in → null out; results outside years 1..9999 → null', () => {
    expect(startOfDay(null)).toBeNull();
    expect(startOfDay(REF, null)).toBeNull();
    expect(endOfYear(dt('9999-06-01'))).toBe(MAX_DATETIME_TICKS);
    expect(endOfYear(dt('9999-06-01'), 1)).toBeNull();
    expect(startOfMonth(dt('0001-01-15'), -1)).toBeNull();
    expect(startOfWeek(dt('0001-01-01'))).toBeNull(); // the preceding Sunday is 0000-12-31
    expect(startOfYear(REF, 10n ** 15n)).toBeNull();
    expect(show(startOfMonth(REF, 25))).toBe('2019-02-01T00:00:00.0000000Z');
    expect(show(startOfMonth(REF, -25))).toBe('2014-12-01T00:00:00.0000000Z');
    expect(show(endOfMonth(dt('2024-02-10')))).toBe(`2024-02-29T${END}`);
  });
});

describe('bin / bin_at', () => {
  it('bin(time(16d), 7d) = 14d (bin-function.md)', () => {
    expect(binTicks(ts('16d'), ts('7d'))).toBe(ts('14d'));
  });

  it('bin(datetime(1970-05-11 13:45:07), 1d) = 1970-05-11 (bin-function.md)', () => {
    expect(show(binTicks(dt('1970-05-11 13:45:07'), ts('1d')))).toBe('1970-05-11T00:00:00.0000000Z');
  });

  it('daily bins of the StormEvents example (bin-function.md)', () => {
    expect(show(binTicks(dt('2007-04-08 17:30'), ts('1d')))).toBe('2007-04-08T00:00:00.0000000Z');
  });

  it('null or non-positive size → null (bin-function.md)', () => {
    expect(binTicks(ts('1h'), null)).toBeNull();
    expect(binTicks(null, ts('1h'))).toBeNull();
    expect(binTicks(ts('1h'), -ts('1h'))).toBeNull();
    expect(binTicks(ts('1h'), 0n)).toBeNull();
  });

  it('negative timespans floor toward -∞', () => {
    expect(binTicks(-ts('1h'), ts('1d'))).toBe(-ts('1d'));
    expect(binTicks(-ts('1d'), ts('1d'))).toBe(-ts('1d'));
  });

  it('bin_at(time(1h), 1d, 12h) = -12:00:00 (bin-at-function.md)', () => {
    expect(formatTimespan(binAtTicks(ts('1h'), ts('1d'), ts('12h'))!)).toBe('-12:00:00');
  });

  it('bin_at datetime examples (bin-at-function.md)', () => {
    expect(show(binAtTicks(dt('2017-05-15 10:20:00.0'), ts('1d'), dt('1970-01-01 12:00:00.0')))).toBe(
      '2017-05-14T12:00:00.0000000Z',
    );
    expect(show(binAtTicks(dt('2017-05-17 10:20:00.0'), ts('7d'), dt('2017-06-04 00:00:00.0')))).toBe(
      '2017-05-14T00:00:00.0000000Z',
    );
    const fixed = dt('2018-02-24 15:14:00.0000000');
    const bins = ['2018-02-24T15:14', '2018-02-24T15:24', '2018-02-23T16:14', '2018-02-23T17:29', '2018-02-26T15:14'].map(
      (d) => show(binAtTicks(dt(d), ts('1d'), fixed)),
    );
    expect(bins).toEqual([
      '2018-02-24T15:14:00.0000000Z',
      '2018-02-24T15:14:00.0000000Z',
      '2018-02-23T15:14:00.0000000Z',
      '2018-02-23T15:14:00.0000000Z',
      '2018-02-26T15:14:00.0000000Z',
    ]);
  });

  it('property: value - size < bin(value, size) ≤ value, and the bin is a multiple of size', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }), fc.bigInt({ min: 1n, max: 2n ** 40n }), (v, size) => {
        const b = binTicks(v, size)!;
        return b <= v && b > v - size && b % size === 0n;
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('property: bin_at boundaries are `fixed` plus multiples of size', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS }),
        fc.bigInt({ min: 1n, max: 2n ** 40n }),
        fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS }),
        (v, size, fixed) => {
          const b = binAtTicks(v, size, fixed)!;
          return b <= v && b > v - size && (b - fixed) % size === 0n;
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('datetime_add (datetime-add-function.md)', () => {
  const base = makeDatetime(2017, 1, 1);

  it('one of each period', () => {
    const got = ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second'].map((p) => show(datetimeAdd(p, 1n, base)));
    expect(got).toEqual([
      '2018-01-01T00:00:00.0000000Z',
      '2017-04-01T00:00:00.0000000Z',
      '2017-02-01T00:00:00.0000000Z',
      '2017-01-08T00:00:00.0000000Z',
      '2017-01-02T00:00:00.0000000Z',
      '2017-01-01T01:00:00.0000000Z',
      '2017-01-01T00:01:00.0000000Z',
      '2017-01-01T00:00:01.0000000Z',
    ]);
  });

  it('amounts', () => {
    expect(show(datetimeAdd('year', -5n, base))).toBe('2012-01-01T00:00:00.0000000Z');
    expect(show(datetimeAdd('quarter', 12n, base))).toBe('2020-01-01T00:00:00.0000000Z');
    expect(show(datetimeAdd('month', -15n, base))).toBe('2015-10-01T00:00:00.0000000Z');
    expect(show(datetimeAdd('week', 100n, base))).toBe('2018-12-02T00:00:00.0000000Z');
  });

  it('month arithmetic clamps the day and keeps the time of day', () => {
    expect(show(datetimeAdd('month', 1n, dt('2017-01-31 10:11:12.1234567')))).toBe('2017-02-28T10:11:12.1234567Z');
    expect(show(datetimeAdd('month', 1n, dt('2024-01-31')))).toBe('2024-02-29T00:00:00.0000000Z');
    expect(show(datetimeAdd('year', 1n, dt('2024-02-29')))).toBe('2025-02-28T00:00:00.0000000Z');
    expect(show(datetimeAdd('quarter', -1n, dt('2017-05-31')))).toBe('2017-02-28T00:00:00.0000000Z');
  });

  it('sub-second periods', () => {
    expect(datetimeAdd('millisecond', 3n, base)).toBe(base! + 30_000n);
    expect(datetimeAdd('microsecond', 3n, base)).toBe(base! + 30n);
    expect(datetimeAdd('nanosecond', 300n, base)).toBe(base! + 3n);
    expect(datetimeAdd('nanosecond', 150n, base)).toBe(base! + 1n); // [U] truncation
  });

  it('case-insensitive period; unknown period throws naming it; out of range → null', () => {
    expect(datetimeAdd('Year', 1n, base)).toBe(datetimeAdd('year', 1n, base));
    expect(() => datetimeAdd('fortnight', 1n, base)).toThrow(/fortnight/);
    expect(datetimeAdd('year', 8000n, base)).toBeNull();
    expect(datetimeAdd('day', 1n, MAX_DATETIME_TICKS)).toBeNull();
    expect(datetimeAdd('day', null, base)).toBeNull();
    expect(datetimeAdd('day', 1n, null)).toBeNull();
  });
});

describe('datetime_diff (datetime-diff-function.md)', () => {
  it('every doc example', () => {
    expect(datetimeDiff('year', dt('2017-01-01'), dt('2000-12-31'))).toBe(17n);
    expect(datetimeDiff('quarter', dt('2017-07-01'), dt('2017-03-30'))).toBe(2n);
    expect(datetimeDiff('month', dt('2017-01-01'), dt('2015-12-30'))).toBe(13n);
    expect(datetimeDiff('week', dt('2017-10-29 00:00'), dt('2017-09-30 23:59'))).toBe(5n);
    expect(datetimeDiff('day', dt('2017-10-29 00:00'), dt('2017-09-30 23:59'))).toBe(29n);
    expect(datetimeDiff('hour', dt('2017-10-31 01:00'), dt('2017-10-30 23:59'))).toBe(2n);
    expect(datetimeDiff('minute', dt('2017-10-30 23:05:01'), dt('2017-10-30 23:00:59'))).toBe(5n);
    expect(datetimeDiff('second', dt('2017-10-30 23:00:10.100'), dt('2017-10-30 23:00:00.900'))).toBe(10n);
    expect(datetimeDiff('millisecond', dt('2017-10-30 23:00:00.200100'), dt('2017-10-30 23:00:00.100900'))).toBe(100n);
    expect(datetimeDiff('microsecond', dt('2017-10-30 23:00:00.1009001'), dt('2017-10-30 23:00:00.1008009'))).toBe(100n);
    expect(datetimeDiff('nanosecond', dt('2017-10-30 23:00:00.0000000'), dt('2017-10-30 23:00:00.0000007'))).toBe(-700n);
  });

  it('is antisymmetric, case-insensitive, and throws on unknown periods', () => {
    expect(datetimeDiff('YEAR', dt('2000-12-31'), dt('2017-01-01'))).toBe(-17n);
    expect(datetimeDiff('Week', dt('2017-09-30 23:59'), dt('2017-10-29 00:00'))).toBe(-5n);
    expect(() => datetimeDiff('decade', REF, REF)).toThrow(/decade/);
    expect(datetimeDiff('day', null, REF)).toBeNull();
  });

  it('property: day diff counts midnights crossed', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS }), fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS }), (a, b) => {
        return datetimeDiff('day', a, b) === (startOfDay(a)! - startOfDay(b)!) / 864_000_000_000n;
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('datetime_part and accessors', () => {
  const d = dt('2017-10-30 01:02:03.7654321');

  it('datetime-part-function.md example', () => {
    const parts = ['year', 'quarter', 'month', 'week_of_year', 'day', 'dayOfYear', 'hour', 'minute', 'second', 'millisecond', 'microsecond', 'nanosecond'];
    expect(parts.map((p) => datetimePart(p, d))).toEqual([2017, 4, 10, 44, 30, 303, 1, 2, 3, 765, 765432, 765432100]);
  });

  it('unknown part throws naming it ([U] the obsolete weekofyear is refused)', () => {
    expect(() => datetimePart('weekofyear', d)).toThrow(/weekofyear/);
    expect(() => datetimePart('era', d)).toThrow(/era/);
    expect(datetimePart('year', null)).toBeNull();
  });

  it('dayofweek returns a timespan of days since Sunday (day-of-week-function.md)', () => {
    expect(dayOfWeek(dt('1947-11-30 10:00:05'))).toBe(0n);
    expect(formatTimespan(dayOfWeek(dt('1970-05-11'))!)).toBe('1.00:00:00');
    expect(formatTimespan(dayOfWeek(dt('1970-5-12'))!)).toBe('2.00:00:00');
    expect(dayOfWeek(null)).toBeNull();
  });

  it('dayofmonth(datetime(2015-12-14)) = 14; getyear(datetime(2015-10-12)) = 2015; monthofyear(datetime("2015-12-14")) = 12', () => {
    expect(dayOfMonth(dt('2015-12-14'))).toBe(14);
    expect(getYear(dt('2015-10-12'))).toBe(2015);
    expect(monthOfYear(dt('2015-12-14'))).toBe(12);
    expect(getMonth(dt('2015-10-12'))).toBe(10);
  });

  it('dayofyear and hourofday (hand-computed: Dec 14 of a common year is day 334 + 14)', () => {
    expect(dayOfYear(dt('2015-12-14'))).toBe(348);
    expect(dayOfYear(dt('2016-12-31'))).toBe(366);
    expect(hourOfDay(dt('2015-12-14 18:54:00'))).toBe(18);
  });

  it('week_of_year is ISO 8601 (week-of-year-function.md)', () => {
    expect(weekOfYear(dt('2020-12-31'))).toBe(53);
    expect(weekOfYear(dt('2020-06-15'))).toBe(25);
    expect(weekOfYear(dt('1970-01-01'))).toBe(1);
    expect(weekOfYear(dt('2000-01-01'))).toBe(52);
    // 2018-12-31 is a Monday in ISO week 1 of 2019.
    expect(weekOfYear(dt('2018-12-31'))).toBe(1);
  });
});

describe('format_datetime (format-datetime-function.md)', () => {
  const dt0 = dt('2017-01-29 09:00:05');

  it('the three examples', () => {
    expect(formatDatetimeWith(dt0, 'yy-MM-dd [HH:mm:ss]')).toBe('17-01-29 [09:00:05]');
    expect(formatDatetimeWith(dt0, 'yyyy-M-dd [H:mm:ss]')).toBe('2017-1-29 [9:00:05]');
    expect(formatDatetimeWith(dt0, 'yy-MM-dd [hh:mm:ss tt]')).toBe('17-01-29 [09:00:05 AM]');
  });

  it.each([
    ['d', '2009-06-01T13:45:30', '1'],
    ['d', '2009-06-15T13:45:30', '15'],
    ['dd', '2009-06-01T13:45:30', '01'],
    ['dd', '2009-06-15T13:45:30', '15'],
    ['f', '2009-06-15T13:45:30.6170000', '6'],
    ['f', '2009-06-15T13:45:30.05', '0'],
    ['ff', '2009-06-15T13:45:30.6170000', '61'],
    ['ff', '2009-06-15T13:45:30.0050000', '00'],
    ['fff', '2009-06-15 13:45:30.617', '617'],
    ['fff', '2009-06-15 13:45:30.0005', '000'],
    ['ffff', '2009-06-15T13:45:30.6175000', '6175'],
    ['ffff', '2009-06-15T13:45:30.0000500', '0000'],
    ['fffff', '2009-06-15T13:45:30.6175400', '61754'],
    ['fffff', '2009-06-15T13:45:30.000005', '00000'],
    ['ffffff', '2009-06-15T13:45:30.6175420', '617542'],
    ['ffffff', '2009-06-15T13:45:30.0000005', '000000'],
    ['fffffff', '2009-06-15T13:45:30.6175425', '6175425'],
    ['fffffff', '2009-06-15T13:45:30.0001150', '0001150'],
    ['F', '2009-06-15T13:45:30.6170000', '6'],
    ['F', '2009-06-15T13:45:30.0500000', ''],
    ['FF', '2009-06-15T13:45:30.6170000', '61'],
    ['FF', '2009-06-15T13:45:30.0050000', ''],
    ['FFF', '2009-06-15T13:45:30.6170000', '617'],
    ['FFF', '2009-06-15T13:45:30.0005000', ''],
    ['FFFF', '2009-06-15T13:45:30.5275000', '5275'],
    ['FFFF', '2009-06-15T13:45:30.0000500', ''],
    ['FFFFF', '2009-06-15T13:45:30.6175400', '61754'],
    ['FFFFF', '2009-06-15T13:45:30.0000050', ''],
    ['FFFFFF', '2009-06-15T13:45:30.6175420', '617542'],
    ['FFFFFF', '2009-06-15T13:45:30.0000005', ''],
    ['FFFFFFF', '2009-06-15T13:45:30.6175425', '6175425'],
    ['FFFFFFF', '2009-06-15T13:45:30.0001150', '000115'],
    ['h', '2009-06-15T01:45:30', '1'],
    ['h', '2009-06-15T13:45:30', '1'],
    ['hh', '2009-06-15T01:45:30', '01'],
    ['hh', '2009-06-15T13:45:30', '01'],
    ['H', '2009-06-15T01:45:30', '1'],
    ['H', '2009-06-15T13:45:30', '13'],
    ['HH', '2009-06-15T01:45:30', '01'],
    ['HH', '2009-06-15T13:45:30', '13'],
    ['m', '2009-06-15T01:09:30', '9'],
    ['m', '2009-06-15T13:29:30', '29'],
    ['mm', '2009-06-15T01:09:30', '09'],
    ['mm', '2009-06-15T01:45:30', '45'],
    ['M', '2009-06-15T13:45:30', '6'],
    ['MM', '2009-06-15T13:45:30', '06'],
    ['s', '2009-06-15T13:45:09', '9'],
    ['ss', '2009-06-15T13:45:09', '09'],
    ['y', '0001-01-01T00:00:00', '1'],
    ['y', '0900-01-01T00:00:00', '0'],
    ['y', '1900-01-01T00:00:00', '0'],
    ['y', '2009-06-15T13:45:30', '9'],
    ['y', '2019-06-15T13:45:30', '19'],
    ['yy', '0001-01-01T00:00:00', '01'],
    ['yy', '0900-01-01T00:00:00', '00'],
    ['yy', '1900-01-01T00:00:00', '00'],
    ['yy', '2019-06-15T13:45:30', '19'],
    ['yyyy', '0001-01-01T00:00:00', '0001'],
    ['yyyy', '0900-01-01T00:00:00', '0900'],
    ['yyyy', '1900-01-01T00:00:00', '1900'],
    ['yyyy', '2009-06-15T13:45:30', '2009'],
    ['tt', '2009-06-15T13:45:09', 'PM'],
  ])('%s of %s → %s', (format, input, expected) => {
    expect(formatDatetimeWith(dt(input), format)).toBe(expected);
  });

  it('12-hour clock shows 12 at midnight and noon', () => {
    expect(formatDatetimeWith(dt('2009-06-15T00:05:00'), 'h tt')).toBe('12 AM');
    expect(formatDatetimeWith(dt('2009-06-15T12:05:00'), 'hh tt')).toBe('12 PM');
  });

  it('all delimiters pass through; unsupported specifiers throw a clear error', () => {
    expect(formatDatetimeWith(dt('2009-06-15T13:45:09'), 'yyyy/MM-dd_HH:mm,ss.[f]')).toBe('2009/06-15_13:45,09.[0]');
    for (const bad of ['t', 'ttt', 'yyyy-MM-ddTHH', "'x'", 'K', 'z']) {
      expect(() => formatDatetimeWith(dt0, bad), bad).toThrow(/format_datetime/);
    }
    expect(() => compileDatetimeFormat('Q')).toThrow(/'Q'/);
  });

  // Real engine, recorded answers (issue #14): a run longer than any specifier is several specifiers, longest first.
  it('reads dddd / ddd / MMMM / MMM as repeated digit specifiers', () => {
    const jan5 = dt('2020-01-05T00:00:00');
    expect(formatDatetimeWith(jan5, 'dddd')).toBe('0505');
    expect(formatDatetimeWith(jan5, 'ddd')).toBe('055');
    expect(formatDatetimeWith(jan5, 'MMMM')).toBe('0101');
    expect(formatDatetimeWith(jan5, 'MMM')).toBe('011');
    expect(formatDatetimeWith(dt('2007-03-09T05:04:03'), 'dddd, MMMM d, yyyy')).toBe('0909, 0303 9, 2007');
    expect(formatDatetimeWith(dt('2007-03-09T05:04:03'), 'ddd MMM')).toBe('099 033');
    expect(formatDatetimeWith(jan5, 'yyyyy')).toBe('202020'); // [U] same rule: yyyy then y (2020, 20)
  });

  it("null datetime → '' (strings are never null)", () => {
    expect(formatDatetimeWith(null, 'yyyy')).toBe('');
  });
});

describe('format_timespan (format-timespan-function.md)', () => {
  const t = ts('29.09:00:05.12345');

  it('the two examples', () => {
    expect(formatTimespanWith(t, 'dd.hh:mm:ss:FF')).toBe('29.09:00:05:12');
    expect(formatTimespanWith(t, 'ddd.h:mm:ss [fffffff]')).toBe('029.9:00:05 [1234500]');
  });

  it.each([
    ['d', '15.13:45:30', '15'],
    ['dd', '15.13:45:30', '15'],
    ['ddd', '15.13:45:30', '015'],
    ['dddddddd', '15.13:45:30', '00000015'],
    ['f', '15.13:45:30.6170000', '6'],
    ['f', '15.13:45:30.05', '0'],
    ['ff', '15.13:45:30.6170000', '61'],
    ['ff', '15.13:45:30.0050000', '00'],
    ['fff', '15.13:45:30.617', '617'],
    ['fff', '15.13:45:30.0005', '000'],
    ['ffff', '15.13:45:30.6175000', '6175'],
    ['ffff', '15.13:45:30.0000500', '0000'],
    ['fffff', '15.13:45:30.6175400', '61754'],
    ['fffff', '15.13:45:30.000005', '00000'],
    ['ffffff', '15.13:45:30.6175420', '617542'],
    ['ffffff', '15.13:45:30.0000005', '000000'],
    ['fffffff', '15.13:45:30.6175425', '6175425'],
    ['fffffff', '15.13:45:30.0001150', '0001150'],
    ['F', '15.13:45:30.6170000', '6'],
    ['F', '15.13:45:30.0500000', ''],
    ['FF', '15.13:45:30.6170000', '61'],
    ['FF', '15.13:45:30.0050000', ''],
    ['FFF', '15.13:45:30.6170000', '617'],
    ['FFF', '15.13:45:30.0005000', ''],
    ['FFFF', '15.13:45:30.5275000', '5275'],
    ['FFFF', '15.13:45:30.0000500', ''],
    ['FFFFF', '15.13:45:30.6175400', '61754'],
    ['FFFFF', '15.13:45:30.0000050', ''],
    ['FFFFFF', '15.13:45:30.6175420', '617542'],
    ['FFFFFF', '15.13:45:30.0000005', ''],
    ['FFFFFFF', '15.13:45:30.6175425', '6175425'],
    ['FFFFFFF', '15.13:45:30.0001150', '000115'],
    ['H', '15.01:45:30', '1'],
    ['H', '15.13:45:30', '13'],
    ['HH', '15.01:45:30', '01'],
    ['HH', '15.13:45:30', '13'],
    ['m', '15.01:09:30', '9'],
    ['m', '15.13:29:30', '29'],
    ['mm', '15.01:09:30', '09'],
    ['mm', '15.01:45:30', '45'],
    ['s', '15.13:45:09', '9'],
    ['ss', '15.13:45:09', '09'],
  ])('%s of %s → %s', (format, input, expected) => {
    expect(formatTimespanWith(ts(input), format)).toBe(expected);
  });

  // Real engine, recorded answers (issue #14): the minus sign is kept.
  it('negative timespans print their absolute value after a minus sign', () => {
    expect(formatTimespanWith(-ts('1.02:03:04'), 'd.hh:mm:ss')).toBe('-1.02:03:04');
    expect(formatTimespanWith(-ts('02:30:00'), 'hh:mm')).toBe('-02:30');
    expect(formatTimespanWith(-ts('00:01:30'), 'mm:ss')).toBe('-01:30');
    expect(formatTimespanWith(ts('1.00:00:00'), 'dddd')).toBe('0001');
  });

  it('unsupported specifiers throw; null → empty string', () => {
    for (const bad of ['M', 'y', 'tt', 'x']) {
      expect(() => formatTimespanWith(t, bad), bad).toThrow(/format_timespan/);
    }
    expect(() => compileTimespanFormat('x')).toThrow(/'x'/);
    expect(formatTimespanWith(null, 'hh')).toBe('');
  });
});

describe('make_datetime (make-datetime-function.md)', () => {
  it('the three examples', () => {
    expect(show(makeDatetime(2017, 10, 1))).toBe('2017-10-01T00:00:00.0000000Z');
    expect(show(makeDatetime(2017, 10, 1, 12, 10))).toBe('2017-10-01T12:10:00.0000000Z');
    expect(show(makeDatetime(2017, 10, 1, 12, 11, 0.1234567))).toBe('2017-10-01T12:11:00.1234567Z');
  });

  it('exact fractional seconds, long arguments, and invalid parts → null', () => {
    expect(show(makeDatetime(2017, 10, 1, 12, 11, 59.9999999))).toBe('2017-10-01T12:11:59.9999999Z');
    expect(show(makeDatetime(2017n, 10n, 1n, 12n, 11n, 5n))).toBe('2017-10-01T12:11:05.0000000Z');
    expect(makeDatetime(2017, 2, 29)).toBeNull();
    expect(makeDatetime(0, 1, 1)).toBeNull();
    expect(makeDatetime(2017, 1, 1, 24, 0)).toBeNull();
    expect(makeDatetime(2017, 1, 1, 0, 60)).toBeNull();
    expect(makeDatetime(2017, 1, 1, 0, 0, 60)).toBeNull();
    expect(makeDatetime(2017, 1, 1, 0, 0, -1)).toBeNull();
    expect(makeDatetime(2017, 1, 1, 0, 0, Number.NaN)).toBeNull();
    expect(makeDatetime(2017, null, 1)).toBeNull();
    expect(makeDatetime(2017.5, 1, 1)).toBeNull();
  });
});

describe('unixtime_*_todatetime (unixtime-*-todatetime-function.md)', () => {
  it('the doc examples all give 2019-01-01', () => {
    const expected = '2019-01-01T00:00:00.0000000Z';
    expect(show(unixtimeSecondsToDatetime(1546300800))).toBe(expected);
    expect(show(unixtimeMillisecondsToDatetime(1546300800000))).toBe(expected);
    expect(show(unixtimeMicrosecondsToDatetime(1546300800000000))).toBe(expected);
    expect(show(unixtimeNanosecondsToDatetime(1546300800000000000n))).toBe(expected);
  });

  it('fractions, negatives, nulls and range', () => {
    expect(show(unixtimeSecondsToDatetime(1546300800.1234567))).toBe('2019-01-01T00:00:00.1234567Z');
    expect(show(unixtimeSecondsToDatetime(-1))).toBe('1969-12-31T23:59:59.0000000Z');
    expect(show(unixtimeMillisecondsToDatetime(1.5))).toBe('1970-01-01T00:00:00.0015000Z');
    expect(show(unixtimeNanosecondsToDatetime(150n))).toBe('1970-01-01T00:00:00.0000001Z'); // [U] truncation
    expect(unixtimeSecondsToDatetime(null)).toBeNull();
    expect(unixtimeSecondsToDatetime(Number.POSITIVE_INFINITY)).toBeNull();
    expect(unixtimeSecondsToDatetime(1e12)).toBeNull(); // year ≈ 33658
    expect(unixtimeSecondsToDatetime(-62135596801)).toBeNull(); // one second before 0001-01-01
    expect(unixtimeSecondsToDatetime(-62135596800)).toBe(0n);
  });
});
