import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MAX_TIMESPAN_TICKS,
  MIN_TIMESPAN_TICKS,
  checkTimespan,
  formatTimespan,
  parseTimespan,
} from '../../src/values/timespan.js';

const SEC = 10_000_000n;
const MIN = 60n * SEC;
const HOUR = 60n * MIN;
const DAY = 24n * HOUR;

describe('parseTimespan — docs scalar-data-types/timespan.md literal table', () => {
  it.each([
    ['2d', 2n * DAY],
    ['1.5h', HOUR + 30n * MIN],
    ['30m', 30n * MIN],
    ['10s', 10n * SEC],
    ['0.1s', SEC / 10n],
    ['100ms', SEC / 10n],
    ['10microsecond', 100n],
    ['1tick', 1n],
    ['15 seconds', 15n * SEC], // time(15 seconds)
    ['2', 2n * DAY], // time(2) = 2 days
    ['0.12:34:56.7', 12n * HOUR + 34n * MIN + 56n * SEC + 7_000_000n],
  ])('%s', (text, ticks) => {
    expect(parseTimespan(text)).toBe(ticks);
  });

  it('totimespan("0.00:01:00") == time(1min) (totimespan-function.md)', () => {
    expect(parseTimespan('0.00:01:00')).toBe(parseTimespan('1min'));
    expect(parseTimespan('1min')).toBe(MIN);
  });

  it('totimespan("0.00:03:00") is 3 minutes (kql-semantics §5)', () => {
    expect(parseTimespan('0.00:03:00')).toBe(3n * MIN);
  });
});

describe('parseTimespan — every unit suffix of the official tokenizer (kql-lang TokenParser.cs)', () => {
  const cases: [string[], bigint][] = [
    [['d', 'day', 'days'], DAY],
    [['h', 'hr', 'hrs', 'hour', 'hours'], HOUR],
    [['m', 'min', 'minute', 'minutes'], MIN],
    [['s', 'sec', 'second', 'seconds'], SEC],
    [['ms', 'milli', 'millis', 'millisec', 'millisecond', 'milliseconds'], 10_000n],
    [['micro', 'micros', 'microsec', 'microsecond', 'microseconds'], 10n],
    [['tick', 'ticks'], 1n],
  ];
  for (const [names, unit] of cases) {
    it(names.join(' / '), () => {
      for (const n of names) expect(parseTimespan(`3${n}`), n).toBe(3n * unit);
    });
  }

  it('nanosecond units are 1/100 tick; [U] sub-tick remainders truncate toward zero', () => {
    for (const n of ['nano', 'nanos', 'nanosec', 'nanosecond', 'nanoseconds']) expect(parseTimespan(`300${n}`), n).toBe(3n);
    expect(parseTimespan('150nanoseconds')).toBe(1n);
    expect(parseTimespan('1nanosecond')).toBe(0n);
    expect(parseTimespan('-150nanoseconds')).toBe(-1n);
  });

  it('"ns", "w" and upper-case suffixes are not timespan suffixes ([U] matching is case-sensitive)', () => {
    expect(parseTimespan('1ns')).toBeNull();
    expect(parseTimespan('1w')).toBeNull();
    expect(parseTimespan('1D')).toBeNull();
  });

  it('decimal fractions are exact, not floating point', () => {
    expect(parseTimespan('1.1s')).toBe(11_000_000n);
    expect(parseTimespan('0.3h')).toBe(18n * MIN);
    expect(parseTimespan('1.0000001s')).toBe(SEC + 1n);
    expect(parseTimespan('2.5d')).toBe(2n * DAY + 12n * HOUR);
  });
});

describe('parseTimespan — clock form and rejection', () => {
  it('[-][d.]hh:mm[:ss[.fffffff]]', () => {
    expect(parseTimespan('00:00:02')).toBe(2n * SEC);
    expect(parseTimespan('1.00:00:00')).toBe(DAY);
    expect(parseTimespan('-00:30:00')).toBe(-30n * MIN);
    expect(parseTimespan('00:00:00.1234567')).toBe(1_234_567n);
    expect(parseTimespan('10:30')).toBe(10n * HOUR + 30n * MIN);
    expect(parseTimespan('29.09:00:05.12345')).toBe(29n * DAY + 9n * HOUR + 5n * SEC + 1_234_500n);
    expect(parseTimespan('-1.02:03:04.5')).toBe(-(DAY + 2n * HOUR + 3n * MIN + 4n * SEC + 5_000_000n));
  });

  it('rejects invalid text with null', () => {
    for (const bad of [
      '',
      'abc',
      '24:00:00',
      '00:60:00',
      '00:00:60',
      '00:00:00.12345678', // [U] more than 7 fractional digits
      '1.h',
      'h',
      '1.5', // [U] neither a day count nor a clock
      '--1d',
      '1d2h',
      '1 2d',
    ]) {
      expect(parseTimespan(bad), bad).toBeNull();
    }
  });

  it('rejects values beyond the signed 64-bit tick range', () => {
    expect(parseTimespan('10675199.02:48:05.4775807')).toBe(MAX_TIMESPAN_TICKS);
    expect(parseTimespan('10675199.02:48:05.4775808')).toBeNull();
    expect(parseTimespan('-10675199.02:48:05.4775808')).toBe(MIN_TIMESPAN_TICKS);
    expect(parseTimespan('99999999999d')).toBeNull();
    expect(checkTimespan(MAX_TIMESPAN_TICKS + 1n)).toBeNull();
  });
});

describe('formatTimespan', () => {
  it('doc outputs', () => {
    expect(formatTimespan(2n * SEC)).toBe('00:00:02'); // kql-semantics §5 tostring example
    expect(formatTimespan(DAY)).toBe('1.00:00:00'); // day-of-week-function.md
    expect(formatTimespan(2n * DAY)).toBe('2.00:00:00'); // day-of-week-function.md
    expect(formatTimespan(0n)).toBe('00:00:00'); // day-of-week-function.md
    expect(formatTimespan(-12n * HOUR)).toBe('-12:00:00'); // bin-at-function.md
    // make-timespan-function.md: make_timespan(1,12,30,55.123) → 1.12:30:55.1230000
    expect(formatTimespan(DAY + 12n * HOUR + 30n * MIN + 55n * SEC + 1_230_000n)).toBe('1.12:30:55.1230000');
  });

  it('fraction is 7 digits when non-zero; sign precedes days', () => {
    expect(formatTimespan(1_234_567n)).toBe('00:00:00.1234567');
    expect(formatTimespan(1n)).toBe('00:00:00.0000001');
    expect(formatTimespan(-30n * MIN)).toBe('-00:30:00');
    expect(formatTimespan(-(DAY + 1n))).toBe('-1.00:00:00.0000001');
    expect(formatTimespan(MIN_TIMESPAN_TICKS)).toBe('-10675199.02:48:05.4775808');
  });
});

describe('properties (fixed seed)', () => {
  it('parseTimespan(formatTimespan(x)) === x over the whole 64-bit range', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: MIN_TIMESPAN_TICKS, max: MAX_TIMESPAN_TICKS }), (x) => parseTimespan(formatTimespan(x)) === x),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('round-trips small values (where most real timespans live)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -1000n * DAY, max: 1000n * DAY }), (x) => parseTimespan(formatTimespan(x)) === x),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('a decimal number of seconds with ≤ 7 fraction digits is exact', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.nat({ max: 9_999_999 }), (whole, frac) => {
        const text = `${whole}.${String(frac).padStart(7, '0')}s`;
        return parseTimespan(text) === BigInt(whole) * SEC + BigInt(frac);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
