import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  checkDatetime,
  datetimeFromParts,
  datetimeParts,
  formatDatetime,
  parseDatetime,
  ticksFromUnixMs,
  unixMsFromTicks,
} from '../../src/values/datetime.js';
import { MAX_DATETIME_TICKS, TICKS_PER_MILLISECOND, UNIX_EPOCH_TICKS } from '../../src/values/types.js';

/** Independent oracle: ticks from JavaScript's own UTC calendar (Date.UTC), plus extra sub-millisecond ticks. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, extraTicks = 0n): bigint {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return UNIX_EPOCH_TICKS + BigInt(date.getTime()) * TICKS_PER_MILLISECOND + extraTicks;
}

describe('parseDatetime — docs scalar-data-types/datetime.md', () => {
  it('the ticks example: 31241376000000000 is 0100-01-01 midnight', () => {
    expect(parseDatetime('0100-01-01')).toBe(31_241_376_000_000_000n);
  });

  it('literal examples', () => {
    expect(parseDatetime('2015-12-31 23:59:59.9')).toBe(utc(2015, 12, 31, 23, 59, 59, 900));
    expect(parseDatetime('2015-12-31')).toBe(utc(2015, 12, 31));
  });

  it('ISO 8601 table', () => {
    expect(parseDatetime('2014-05-25T08:20:03.123456Z')).toBe(utc(2014, 5, 25, 8, 20, 3, 123, 4560n));
    expect(parseDatetime('2014-05-25T08:20:03.123456')).toBe(utc(2014, 5, 25, 8, 20, 3, 123, 4560n));
    expect(parseDatetime('2014-05-25T08:20')).toBe(utc(2014, 5, 25, 8, 20));
    expect(parseDatetime('2014-11-08 15:55:55.123456Z')).toBe(utc(2014, 11, 8, 15, 55, 55, 123, 4560n));
    expect(parseDatetime('2014-11-08 15:55:55')).toBe(utc(2014, 11, 8, 15, 55, 55));
    expect(parseDatetime('2014-11-08 15:55')).toBe(utc(2014, 11, 8, 15, 55));
    expect(parseDatetime('2014-11-08')).toBe(utc(2014, 11, 8));
  });

  it('RFC 822 table (Sat, 8 Nov 2014 was a Saturday)', () => {
    const full = utc(2014, 11, 8, 15, 5, 2);
    const noSec = utc(2014, 11, 8, 15, 5);
    expect(parseDatetime('Sat, 8 Nov 14 15:05:02 GMT')).toBe(full);
    expect(parseDatetime('Sat, 8 Nov 14 15:05:02')).toBe(full);
    expect(parseDatetime('Sat, 8 Nov 14 15:05')).toBe(noSec);
    expect(parseDatetime('Sat, 8 Nov 14 15:05 GMT')).toBe(noSec);
    expect(parseDatetime('8 Nov 14 15:05:02 GMT')).toBe(full);
    expect(parseDatetime('8 Nov 14 15:05:02')).toBe(full);
    expect(parseDatetime('8 Nov 14 15:05')).toBe(noSec);
    expect(parseDatetime('8 Nov 14 15:05 GMT')).toBe(noSec);
  });

  it('RFC 850 table', () => {
    const full = utc(2014, 11, 8, 15, 5, 2);
    const noSec = utc(2014, 11, 8, 15, 5);
    expect(parseDatetime('Saturday, 08-Nov-14 15:05:02 GMT')).toBe(full);
    expect(parseDatetime('Saturday, 08-Nov-14 15:05:02')).toBe(full);
    expect(parseDatetime('Saturday, 08-Nov-14 15:05 GMT')).toBe(noSec);
    expect(parseDatetime('Saturday, 08-Nov-14 15:05')).toBe(noSec);
    expect(parseDatetime('08-Nov-14 15:05:02 GMT')).toBe(full);
    expect(parseDatetime('08-Nov-14 15:05:02')).toBe(full);
    expect(parseDatetime('08-Nov-14 15:05 GMT')).toBe(noSec);
    expect(parseDatetime('08-Nov-14 15:05')).toBe(noSec);
  });

  it('sortable table', () => {
    expect(parseDatetime('2014-11-08 15:05:25')).toBe(utc(2014, 11, 8, 15, 5, 25));
    expect(parseDatetime('2014-11-08 15:05:25 GMT')).toBe(utc(2014, 11, 8, 15, 5, 25));
    expect(parseDatetime('2014-11-08 15:05')).toBe(utc(2014, 11, 8, 15, 5));
    expect(parseDatetime('2014-11-08 15:05 GMT')).toBe(utc(2014, 11, 8, 15, 5));
    expect(parseDatetime('2014-11-08T15:05:25')).toBe(utc(2014, 11, 8, 15, 5, 25));
    expect(parseDatetime('2014-11-08T15:05:25 GMT')).toBe(utc(2014, 11, 8, 15, 5, 25));
    expect(parseDatetime('2014-11-08T15:05')).toBe(utc(2014, 11, 8, 15, 5));
    expect(parseDatetime('2014-11-08T15:05 GMT')).toBe(utc(2014, 11, 8, 15, 5));
  });

  it('unpadded month and day (day-of-week-function.md uses datetime(1970-5-12))', () => {
    expect(parseDatetime('1970-5-12')).toBe(utc(1970, 5, 12));
  });

  it("todatetime('12-02-2022') == datetime('12-02-2022') is true (todatetime-function.md) — [U] read as M-d-yyyy", () => {
    expect(parseDatetime('12-02-2022')).toBe(utc(2022, 12, 2));
  });

  it('[U] comma-separated literal parts (startofweek-function.md uses datetime(2025, 6, 14))', () => {
    expect(parseDatetime('2025, 6, 14')).toBe(utc(2025, 6, 14));
  });
});

describe('parseDatetime — precision, offsets and rejection', () => {
  it('keeps all 7 fractional digits exactly', () => {
    expect(parseDatetime('2026-01-01 10:00:00.1234567')).toBe(utc(2026, 1, 1, 10, 0, 0, 123, 4567n));
    expect(parseDatetime('2026-01-01T00:00:00.0000001Z')).toBe(utc(2026, 1, 1) + 1n);
    expect(parseDatetime('2026-01-01T00:00:00.0000002Z')).not.toBe(parseDatetime('2026-01-01T00:00:00.0000001Z'));
  });

  it('[U] rounds an 8th+ fractional digit half-to-even', () => {
    expect(parseDatetime('2026-01-01T00:00:00.00000014Z')).toBe(utc(2026, 1, 1) + 1n);
    expect(parseDatetime('2026-01-01T00:00:00.00000016Z')).toBe(utc(2026, 1, 1) + 2n);
    expect(parseDatetime('2026-01-01T00:00:00.00000015Z')).toBe(utc(2026, 1, 1) + 2n);
    expect(parseDatetime('2026-01-01T00:00:00.00000025Z')).toBe(utc(2026, 1, 1) + 2n);
  });

  it('converts offsets to UTC', () => {
    expect(parseDatetime('2026-01-01T10:00:00+02:00')).toBe(utc(2026, 1, 1, 8));
    expect(parseDatetime('2026-01-01T10:00:00-0530')).toBe(utc(2026, 1, 1, 15, 30));
    expect(parseDatetime('2026-01-01T01:00:00+02:00')).toBe(utc(2025, 12, 31, 23));
    expect(parseDatetime('Sat, 8 Nov 14 15:05:02 EST')).toBe(utc(2014, 11, 8, 20, 5, 2));
  });

  it('accepts the whole range 0001-01-01 .. 9999-12-31T23:59:59.9999999', () => {
    expect(parseDatetime('0001-01-01')).toBe(0n);
    expect(parseDatetime('9999-12-31 23:59:59.9999999')).toBe(MAX_DATETIME_TICKS);
  });

  it('rejects invalid text with null', () => {
    for (const bad of [
      '',
      'hello',
      '2026-02-30',
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-01-01 24:00',
      '2026-01-01 23:60',
      '2026-01-01 23:59:60',
      '0000-12-31',
      '2026-01-01T10:00:00+25:00',
      '9999-12-31T23:00:00-02:00', // 10000-01-01 in UTC
      '0001-01-01T01:00:00+02:00', // before year 1 in UTC
      'Sun, 8 Nov 14 15:05:02 GMT', // [U] the weekday does not match the date
      '8 Foo 14 15:05:02',
      '2026-01-01T10:00:00 XYZ',
    ]) {
      expect(parseDatetime(bad), bad).toBeNull();
    }
  });

  it('accepts Feb 29 in leap years only', () => {
    expect(parseDatetime('2024-02-29')).toBe(utc(2024, 2, 29));
    expect(parseDatetime('2000-02-29')).toBe(utc(2000, 2, 29));
    expect(parseDatetime('1900-02-29')).toBeNull();
  });
});

describe('formatDatetime', () => {
  it('prints 7 fractional digits even when zero (make-series-operator.md: "2017-01-01T00:00:00.0000000Z")', () => {
    expect(formatDatetime(utc(2017, 1, 1))).toBe('2017-01-01T00:00:00.0000000Z');
    expect(formatDatetime(utc(2017, 1, 9))).toBe('2017-01-09T00:00:00.0000000Z');
  });

  it('prints the fraction exactly and pads the year', () => {
    expect(formatDatetime(utc(2026, 1, 1, 10, 0, 0, 123, 4567n))).toBe('2026-01-01T10:00:00.1234567Z');
    expect(formatDatetime(0n)).toBe('0001-01-01T00:00:00.0000000Z');
    expect(formatDatetime(MAX_DATETIME_TICKS)).toBe('9999-12-31T23:59:59.9999999Z');
    expect(formatDatetime(31_241_376_000_000_000n)).toBe('0100-01-01T00:00:00.0000000Z');
  });

  it('throws on out-of-range ticks rather than printing garbage', () => {
    expect(() => formatDatetime(-1n)).toThrow();
    expect(() => formatDatetime(MAX_DATETIME_TICKS + 1n)).toThrow();
  });
});

describe('parts and Unix conversions', () => {
  it('datetimeParts: 2017-10-30 01:02:03.7654321 is a Monday, day 303 (datetime-part-function.md)', () => {
    expect(datetimeParts(utc(2017, 10, 30, 1, 2, 3, 765, 4321n))).toEqual({
      year: 2017,
      month: 10,
      day: 30,
      hour: 1,
      minute: 2,
      second: 3,
      fractionTicks: 7_654_321,
      dayOfWeek: 1,
      dayOfYear: 303,
    });
  });

  it('datetimeFromParts validates every part', () => {
    expect(datetimeFromParts(2015, 12, 31, 23, 59, 59, 9_000_000)).toBe(utc(2015, 12, 31, 23, 59, 59, 900));
    expect(datetimeFromParts(2015, 2, 29)).toBeNull();
    expect(datetimeFromParts(2015, 1, 1, 24)).toBeNull();
    expect(datetimeFromParts(2015, 1, 1, 0, 0, 0, 10_000_000)).toBeNull();
    expect(datetimeFromParts(10000, 1, 1)).toBeNull();
    expect(datetimeFromParts(2015.5, 1, 1)).toBeNull();
  });

  it('Unix milliseconds', () => {
    expect(ticksFromUnixMs(0)).toBe(UNIX_EPOCH_TICKS);
    expect(ticksFromUnixMs(1_546_300_800_000)).toBe(utc(2019, 1, 1));
    expect(ticksFromUnixMs(1.5)).toBe(UNIX_EPOCH_TICKS + 15_000n);
    expect(ticksFromUnixMs(Number.NaN)).toBeNull();
    expect(ticksFromUnixMs(-62_135_596_800_001)).toBeNull(); // one ms before 0001-01-01
    expect(unixMsFromTicks(utc(2019, 1, 1))).toBe(1_546_300_800_000);
    expect(unixMsFromTicks(UNIX_EPOCH_TICKS + 15_000n)).toBe(1.5);
  });

  it('checkDatetime', () => {
    expect(checkDatetime(null)).toBeNull();
    expect(checkDatetime(-1n)).toBeNull();
    expect(checkDatetime(5n)).toBe(5n);
  });
});

describe('properties (fixed seed)', () => {
  const tick = fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS });

  it('parseDatetime(formatDatetime(t)) === t for every datetime', () => {
    fc.assert(
      fc.property(tick, (t) => parseDatetime(formatDatetime(t)) === t),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('values 100 ns apart format differently and round-trip to different values', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS - 1n }), (t) => {
        const a = formatDatetime(t);
        const b = formatDatetime(t + 1n);
        return a !== b && parseDatetime(b)! - parseDatetime(a)! === 1n;
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('parts agree with JavaScript Date in its range and rebuild the same ticks', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: utc(1000, 1, 1), max: utc(9999, 12, 31) }), (t) => {
        const p = datetimeParts(t);
        // Floor (not truncate) so instants just before 1970 stay on their own day.
        const rel = t - UNIX_EPOCH_TICKS;
        const q = rel / TICKS_PER_MILLISECOND;
        const ms = Number(rel % TICKS_PER_MILLISECOND < 0n ? q - 1n : q);
        const d = new Date(ms);
        return (
          p.year === d.getUTCFullYear() &&
          p.month === d.getUTCMonth() + 1 &&
          p.day === d.getUTCDate() &&
          p.dayOfWeek === d.getUTCDay() &&
          datetimeFromParts(p.year, p.month, p.day, p.hour, p.minute, p.second, p.fractionTicks) === t
        );
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
