import { describe, it, expect } from 'vitest';
import {
  toStringValue,
  toIntValue,
  toLongValue,
  toRealValue,
  toBoolValue,
  toDatetimeValue,
  toTimespanValue,
  toGuidValue,
  parseGuidText,
  dynamicToString,
} from '../../src/values/convert.js';
import { parseJson } from '../../src/values/dynamic.js';
import { TICKS_PER_MINUTE, TICKS_PER_DAY, UNIX_EPOCH_TICKS } from '../../src/values/types.js';

describe('tostring', () => {
  // tostring-function.md: tostring(123) = "123"; null → "".
  it('follows the doc examples', () => {
    expect(toStringValue(123n, 'long')).toBe('123');
    expect(toStringValue(123, 'int')).toBe('123');
    expect(toStringValue(null, 'long')).toBe('');
    expect(toStringValue(null, 'dynamic')).toBe('');
  });

  it('formats reals, bools, datetimes and timespans', () => {
    // Real engine, recorded answers (issue #14): Rust-style `{:?}` text for a typed real.
    expect(toStringValue(1.0, 'real')).toBe('1.0');
    expect(toStringValue(1e11, 'real')).toBe('100000000000.0');
    expect(toStringValue(-0, 'real')).toBe('-0.0');
    expect(toStringValue(Infinity, 'real')).toBe('inf');
    expect(toStringValue(0.1, 'real')).toBe('0.1');
    expect(toStringValue(1e20, 'real')).toBe('1e20'); // [U] exponent spelling inferred
    expect(toStringValue(NaN, 'real')).toBe('NaN');
    expect(toStringValue(-Infinity, 'real')).toBe('-inf');
    // Real engine, recorded answers (issue #14): the .NET spelling.
    expect(toStringValue(true, 'bool')).toBe('True');
    expect(toStringValue(false, 'bool')).toBe('False');
    expect(toStringValue(1e-5, 'real')).toBe('1e-5'); // [U]
    expect(toStringValue(123456789012345, 'real')).toBe('123456789012345.0');
    expect(toStringValue(0.0001, 'real')).toBe('0.0001');
    // 2 seconds: kql-semantics.md §5 / pack-array-function.md print "00:00:02".
    expect(toStringValue(20_000_000n, 'timespan')).toBe('00:00:02');
    expect(toStringValue(UNIX_EPOCH_TICKS, 'datetime')).toBe('1970-01-01T00:00:00.0000000Z');
    expect(toStringValue('x', 'string')).toBe('x');
    expect(toStringValue('12e8b78d-55b4-46ae-b068-26d7a0080254', 'guid')).toBe('12e8b78d-55b4-46ae-b068-26d7a0080254');
  });

  it('prints a dynamic string raw and containers as JSON', () => {
    expect(toStringValue('a "quoted" text', 'dynamic')).toBe('a "quoted" text');
    expect(toStringValue(parseJson('{"a":1,"b":[1,2]}'), 'dynamic')).toBe('{"a":1,"b":[1,2]}');
    expect(dynamicToString(parseJson('[1.5,"x",null,true]'))).toBe('[1.5,"x",null,true]');
    expect(dynamicToString(9223372036854775807n)).toBe('9223372036854775807');
    expect(dynamicToString(false)).toBe('false');
    expect(dynamicToString(parseJson('118.0'))).toBe('118');
  });
});

describe('toint / tolong', () => {
  // toint-function.md: toint("123") == 123; toint(2.3) = 2. tolong-function.md: tolong("123") == 123.
  it('follows the doc examples', () => {
    expect(toIntValue('123', 'string')).toBe(123);
    expect(toIntValue(2.3, 'real')).toBe(2);
    expect(toLongValue('123', 'string')).toBe(123n);
  });

  // Real engine, recorded answers (issue #14): reals saturate, longs wrap modulo 2^32, NaN is null.
  it('truncates reals toward zero, saturating out of range; wraps longs to 32 bits', () => {
    expect(toIntValue(-2.7, 'real')).toBe(-2);
    expect(toLongValue(-2.7, 'real')).toBe(-2n);
    expect(toIntValue(NaN, 'real')).toBeNull();
    expect(toLongValue(NaN, 'real')).toBeNull();
    expect(toIntValue(1e10, 'real')).toBe(2147483647);
    expect(toIntValue(-1e10, 'real')).toBe(-2147483648);
    expect(toLongValue(1e30, 'real')).toBe(9223372036854775807n);
    expect(toLongValue(-1e30, 'real')).toBe(-9223372036854775808n);
    expect(toLongValue(Infinity, 'real')).toBe(9223372036854775807n); // [U] saturates like 1e30
    expect(toIntValue(9999999999n, 'long')).toBe(1410065407);
    expect(toIntValue(-9999999999n, 'long')).toBe(-1410065407);
    expect(toIntValue(2147483648n, 'long')).toBe(-2147483648);
    expect(toIntValue(4294967296n, 'long')).toBe(0);
    expect(toIntValue(-2147483648n, 'long')).toBe(-2147483648);
    expect(toIntValue(TICKS_PER_DAY, 'timespan')).toBe(711573504);
    expect(toIntValue(parseJson('9999999999'), 'dynamic')).toBe(1410065407);
  });

  it('parses integer text exactly to 64 bits', () => {
    expect(toLongValue('9223372036854775807', 'string')).toBe(9223372036854775807n);
    expect(toLongValue('-9223372036854775808', 'string')).toBe(-9223372036854775808n);
    expect(toLongValue('9223372036854775808', 'string')).toBeNull();
    expect(toLongValue(' +42 ', 'string')).toBe(42n);
    // Real engine, recorded answers (issue #14): only integer syntax converts.
    expect(toLongValue('2.9', 'string')).toBeNull();
    expect(toLongValue('12.5', 'string')).toBeNull();
    expect(toLongValue('1e3', 'string')).toBeNull();
    expect(toLongValue('7e0', 'string')).toBeNull();
    expect(toLongValue('5.', 'string')).toBeNull();
    expect(toLongValue('1,000', 'string')).toBeNull();
    expect(toIntValue('12.5', 'string')).toBeNull();
    expect(toLongValue('0x1F', 'string')).toBe(31n);
    expect(toIntValue('0x10', 'string')).toBe(16);
    expect(toLongValue('abc', 'string')).toBeNull();
    expect(toLongValue('', 'string')).toBeNull();
    expect(toLongValue('12abc', 'string')).toBeNull();
    expect(toIntValue('99999999999', 'string')).toBeNull();
  });

  it('converts bools, datetimes, timespans and dynamic values', () => {
    expect(toLongValue(true, 'bool')).toBe(1n);
    expect(toIntValue(false, 'bool')).toBe(0);
    expect(toLongValue(TICKS_PER_DAY, 'timespan')).toBe(864_000_000_000n);
    expect(toLongValue(9223372036854775807n, 'dynamic')).toBe(9223372036854775807n);
    expect(toIntValue(parseJson('1.9'), 'dynamic')).toBe(1);
    expect(toIntValue('5.7', 'dynamic')).toBeNull(); // recorded: toint(dynamic('5.7')) is null
    expect(toIntValue(' 7 ', 'dynamic')).toBe(7);
    expect(toIntValue(true, 'dynamic')).toBe(1);
    expect(toIntValue('17', 'dynamic')).toBe(17);
    expect(toLongValue(parseJson('[1]'), 'dynamic')).toBeNull();
    expect(toLongValue(null, 'dynamic')).toBeNull();
    expect(toLongValue('12e8b78d-55b4-46ae-b068-26d7a0080254', 'guid')).toBeNull();
  });
});

describe('toreal', () => {
  // toreal-function.md: todouble("123.4") == 123.4.
  it('follows the doc example and parses real text', () => {
    expect(toRealValue('123.4', 'string')).toBe(123.4);
    expect(toRealValue('1e3', 'string')).toBe(1000);
    expect(toRealValue(' -.5 ', 'string')).toBe(-0.5);
    expect(toRealValue('NaN', 'string')).toBeNaN();
    expect(toRealValue('-infinity', 'string')).toBe(-Infinity);
    // Real engine, recorded answers (issue #14).
    expect(toRealValue('inf', 'string')).toBe(Infinity);
    expect(toRealValue('-inf', 'string')).toBe(-Infinity);
    expect(toRealValue('Inf', 'string')).toBe(Infinity);
    // Upper case is not read (recorded answers, src/values/CONTEXT.md).
    expect(toRealValue('INF', 'string')).toBeNull();
    expect(toRealValue('0x10', 'string')).toBeNull();
    expect(toRealValue('5.', 'string')).toBe(5);
    expect(toRealValue('1.2.3', 'string')).toBeNull();
    expect(toRealValue('1e', 'string')).toBeNull();
    expect(toRealValue('.', 'string')).toBeNull();
    expect(toRealValue('abc', 'string')).toBeNull();
  });

  it('converts numbers and dynamic values', () => {
    expect(toRealValue(7n, 'long')).toBe(7);
    expect(toRealValue(7, 'int')).toBe(7);
    expect(toRealValue(parseJson('9007199254740993'), 'dynamic')).toBe(9007199254740992);
    expect(toRealValue('2.5', 'dynamic')).toBe(2.5);
    expect(toRealValue(parseJson('{}'), 'dynamic')).toBeNull();
    expect(toRealValue(null, 'real')).toBeNull();
  });
});

describe('tobool', () => {
  // tobool-function.md: "true" → true, "false" → false, 1 → true, 123 → true.
  it('follows the doc examples', () => {
    expect(toBoolValue('true', 'string')).toBe(true);
    expect(toBoolValue('false', 'string')).toBe(false);
    expect(toBoolValue(1n, 'long')).toBe(true);
    expect(toBoolValue(123n, 'long')).toBe(true);
    expect(toBoolValue(1, 'int')).toBe(true);
  });

  it('handles case, integer text, zero and failures', () => {
    // No trimming: " true" over a column is null in the recorded engine (src/values/CONTEXT.md).
    expect(toBoolValue(' TRUE ', 'string')).toBeNull();
    expect(toBoolValue('TRUE', 'string')).toBe(true);
    expect(toBoolValue('False', 'string')).toBe(false);
    expect(toBoolValue('0', 'string')).toBe(false);
    expect(toBoolValue('1', 'string')).toBe(true);
    expect(toBoolValue('yes', 'string')).toBeNull();
    expect(toBoolValue(0n, 'long')).toBe(false);
    expect(toBoolValue(0.0, 'real')).toBe(false);
    expect(toBoolValue(true, 'dynamic')).toBe(true);
    expect(toBoolValue(parseJson('0'), 'dynamic')).toBe(false);
    expect(toBoolValue('true', 'dynamic')).toBe(true);
    expect(toBoolValue(parseJson('[]'), 'dynamic')).toBeNull();
  });
});

describe('todatetime / totimespan', () => {
  it('parses text through the datetime and timespan parsers', () => {
    // todatetime-function.md: todatetime("2015-12-31 23:59:59.9").
    const t = toDatetimeValue('2015-12-31 23:59:59.9', 'string');
    expect(t).not.toBeNull();
    expect(toStringValue(t, 'datetime')).toBe('2015-12-31T23:59:59.9000000Z');
    expect(toDatetimeValue('2015-12-31 23:59:59.9', 'dynamic')).toBe(t);
    expect(toDatetimeValue('not a date', 'string')).toBeNull();
    // Real engine, recorded answers (issue #14): a number is ticks.
    expect(toDatetimeValue(5n, 'long')).toBe(5n);
    expect(toDatetimeValue(0, 'int')).toBe(0n);
    expect(toDatetimeValue(1.5, 'real')).toBe(1n);
    expect(toDatetimeValue(-1n, 'long')).toBeNull();
    expect(toDatetimeValue(3155378976000000000n, 'long')).toBeNull();
    expect(toDatetimeValue(UNIX_EPOCH_TICKS, 'datetime')).toBe(UNIX_EPOCH_TICKS);
  });

  it('follows the totimespan doc examples', () => {
    // totimespan-function.md: totimespan("0.00:01:00") == 1min; kql-semantics.md: "0.00:03:00" = 3 minutes.
    expect(toTimespanValue('0.00:01:00', 'string')).toBe(TICKS_PER_MINUTE);
    expect(toTimespanValue('0.00:03:00', 'string')).toBe(3n * TICKS_PER_MINUTE);
    // totimespan(4d) = 4 days.
    expect(toTimespanValue(4n * TICKS_PER_DAY, 'timespan')).toBe(4n * TICKS_PER_DAY);
    expect(toTimespanValue('junk', 'string')).toBeNull();
    expect(toTimespanValue(10_000_000n, 'long')).toBe(10_000_000n);
    expect(toTimespanValue(1.5, 'real')).toBeNull();
  });
});

describe('toguid', () => {
  // toguid-function.md example table.
  it('follows the doc examples', () => {
    expect(toGuidValue('0123456789abcdef0123456789abcdef', 'string')).toBe('01234567-89ab-cdef-0123-456789abcdef');
    expect(toGuidValue('0123456789ab-cdef-0123-456789abcdef', 'string')).toBe('01234567-89ab-cdef-0123-456789abcdef');
    expect(toGuidValue('a string that is not a guid', 'string')).toBeNull();
  });

  it('accepts canonical and upper-case forms, ignores trailing text, rejects misplaced hyphens', () => {
    expect(parseGuidText('12E8B78D-55B4-46AE-B068-26D7A0080254')).toBe('12e8b78d-55b4-46ae-b068-26d7a0080254');
    expect(parseGuidText('0123456789abcdef0123456789abcdef and more')).toBe('01234567-89ab-cdef-0123-456789abcdef');
    expect(parseGuidText('0123-456789abcdef0123456789abcdef')).toBeNull();
    expect(parseGuidText('01234567--89abcdef0123456789abcdef')).toBeNull();
    expect(parseGuidText('0123456789abcdef')).toBeNull();
    expect(toGuidValue('12e8b78d-55b4-46ae-b068-26d7a0080254', 'dynamic')).toBe('12e8b78d-55b4-46ae-b068-26d7a0080254');
    expect(toGuidValue(5n, 'long')).toBeNull();
  });
});
