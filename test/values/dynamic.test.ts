import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  parseJson,
  dynamicToJson,
  dynamicToCanonicalJson,
  dynamicTypeName,
  dynamicEquals,
  dynamicFromScalar,
  formatReal,
  freezeDynamic,
  makeBag,
} from '../../src/values/dynamic.js';
import type { Dynamic, DynamicBag } from '../../src/values/types.js';
import { isDynamicBag } from '../../src/values/types.js';

describe('parseJson', () => {
  // parse-json-function.md, "Duration metrics parsing": reals like 118.0 are numbers, shown back as 118.
  it('parses the duration-metrics doc example', () => {
    const d = parseJson(
      '{"duration":{"value":118.0,"count":5.0,"min":100.0,"max":150.0,"stdDev":0.0,"sampledValue":118.0,"sum":118.0}}',
    ) as DynamicBag;
    const duration = d['duration'] as DynamicBag;
    expect(duration['value']).toBe(118);
    expect(typeof duration['value']).toBe('number');
    expect(duration['min']).toBe(100);
    expect(dynamicToJson(d)).toBe(
      '{"duration":{"value":118,"count":5,"min":100,"max":150,"stdDev":0,"sampledValue":118,"sum":118}}',
    );
  });

  // parse-json-function.md, "Nested JSON parsing": the KQL literal '{"a":123, "b":"{\\"c\\":456}"}' is the text below.
  it('parses JSON nested inside a JSON string only on a second parse', () => {
    const d = parseJson('{"a":123, "b":"{\\"c\\":456}"}') as DynamicBag;
    expect(d['a']).toBe(123n);
    expect(d['b']).toBe('{"c":456}');
    const inner = parseJson(d['b'] as string) as DynamicBag;
    expect(inner['c']).toBe(456n);
  });

  it('returns the text itself for invalid JSON, and null for ""', () => {
    expect(parseJson('abc')).toBe('abc');
    expect(parseJson('{"a":1')).toBe('{"a":1');
    expect(parseJson('[1,2,]')).toBe('[1,2,]');
    expect(parseJson('{a:1}')).toBe('{a:1}');
    expect(parseJson('01')).toBe('01');
    expect(parseJson('1.')).toBe('1.');
    expect(parseJson('"unterminated')).toBe('"unterminated');
    expect(parseJson('"bad \\x escape"')).toBe('"bad \\x escape"');
    expect(parseJson('true false')).toBe('true false');
    expect(parseJson('')).toBeNull();
  });

  // gettype-function.md examples (surrounding spaces included); for a JSON integer the doc says "int" but the real
  // engine says "long" (recorded answers, issue #14), and the engine wins.
  it('gives the gettype names of the doc examples', () => {
    expect(dynamicTypeName(parseJson('1'))).toBe('long');
    expect(dynamicTypeName(parseJson(' "abc" '))).toBe('string');
    expect(dynamicTypeName(parseJson(' {"abc":1} '))).toBe('dictionary');
    expect(dynamicTypeName(parseJson(' [1, 2, 3] '))).toBe('array');
    expect(dynamicTypeName(parseJson(''))).toBe('null');
  });

  it('keeps 64-bit integers exact and reads larger ones as reals', () => {
    expect(parseJson('9223372036854775807')).toBe(9223372036854775807n);
    expect(parseJson('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(parseJson('[12345678901234567]')).toEqual([12345678901234567n]);
    expect(parseJson('9223372036854775808')).toBe(9223372036854775808);
    expect(dynamicTypeName(parseJson('9223372036854775807'))).toBe('long');
    expect(dynamicTypeName(parseJson('2147483648'))).toBe('long');
    expect(dynamicTypeName(parseJson('2147483647'))).toBe('long');
  });

  it('reads fractions and exponents as reals', () => {
    expect(parseJson('1.5')).toBe(1.5);
    expect(parseJson('1e3')).toBe(1000);
    expect(typeof parseJson('1e3')).toBe('number');
    expect(parseJson('-2.5E-1')).toBe(-0.25);
    expect(dynamicTypeName(parseJson('1.0'))).toBe('double'); // recorded: gettype(dynamic(1.5)) is "double"
  });

  it('decodes every JSON escape, including surrogate pairs', () => {
    expect(parseJson('"a\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti"')).toBe('a"b\\c/d\be\ff\ng\rh\ti');
    expect(parseJson('"\\u00e9\\u4e2d"')).toBe('é中');
    expect(parseJson('"\\ud83d\\ude00"')).toBe('😀');
    expect(parseJson('"naïve 中文 😀"')).toBe('naïve 中文 😀');
  });

  it('rejects raw control characters inside strings', () => {
    expect(parseJson('"a\nb"')).toBe('"a\nb"');
  });

  it('builds frozen, null-prototype bags; keys such as __proto__ are plain data', () => {
    const d = parseJson('{"__proto__":1,"constructor":2,"a b":{"c":[true,null]}}');
    expect(isDynamicBag(d)).toBe(true);
    const bag = d as DynamicBag;
    expect(Object.getPrototypeOf(bag)).toBeNull();
    expect(Object.isFrozen(bag)).toBe(true);
    expect(bag['__proto__']).toBe(1n);
    expect(bag['constructor']).toBe(2n);
    expect(Object.isFrozen((bag['a b'] as DynamicBag)['c'])).toBe(true);
  });

  it('keeps the last value of a duplicate key', () => {
    expect((parseJson('{"a":1,"a":2}') as DynamicBag)['a']).toBe(2n);
  });

  it('rejects absurdly deep nesting instead of overflowing the stack', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    expect(parseJson(deep)).toBe(deep);
    expect(parseJson('[[[[1]]]]')).toEqual([[[[1n]]]]);
  });
});

describe('formatReal', () => {
  it('prints like .NET default double formatting', () => {
    expect(formatReal(1)).toBe('1');
    expect(formatReal(118)).toBe('118');
    expect(formatReal(0.1)).toBe('0.1');
    expect(formatReal(123.4)).toBe('123.4');
    expect(formatReal(-1.5)).toBe('-1.5');
    expect(formatReal(1e14)).toBe('100000000000000');
    expect(formatReal(1e15)).toBe('1E+15');
    expect(formatReal(1.6e20)).toBe('1.6E+20'); // the Double.ToString() reference example
    expect(formatReal(1234567890123456)).toBe('1234567890123456');
    expect(formatReal(0.0001)).toBe('0.0001');
    expect(formatReal(0.00001)).toBe('1E-05');
    expect(formatReal(1.5e-7)).toBe('1.5E-07');
    expect(formatReal(1e100)).toBe('1E+100');
    expect(formatReal(NaN)).toBe('NaN');
    expect(formatReal(Infinity)).toBe('Infinity');
    expect(formatReal(-Infinity)).toBe('-Infinity');
    expect(formatReal(0)).toBe('0');
  });
});

describe('dynamicToJson', () => {
  it('writes compact JSON in the bag order and escapes keys and strings', () => {
    const bag = makeBag([
      ['b', 1n],
      ['a', parseJson('[1,2.5,"x"]')],
      ['q"uote\\back\nline', 'é😀\t'],
      ['n', null],
      ['t', true],
    ]);
    expect(dynamicToJson(bag)).toBe(
      '{"b":1,"a":[1,2.5,"x"],"q\\"uote\\\\back\\nline":"é😀\\t","n":null,"t":true}',
    );
  });

  // dynamic-to-json-function.md: keys sorted, nested bags sorted, arrays in order.
  it('sorts keys for dynamic_to_json (doc example)', () => {
    const bag = parseJson(
      '{"Y10":{},"X8":{"c3":1,"d8":5,"a4":6},"D1":114,"A1":12,"B1":2,"C1":3,"A14":[15,13,18]}',
    );
    expect(dynamicToCanonicalJson(bag)).toBe(
      '{"A1":12,"A14":[15,13,18],"B1":2,"C1":3,"D1":114,"X8":{"a4":6,"c3":1,"d8":5},"Y10":{}}',
    );
  });

  it('writes non-finite reals as bare tokens that parseJson reads back', () => {
    const arr = freezeDynamic([NaN, Infinity, -Infinity]);
    expect(dynamicToJson(arr)).toBe('[NaN,Infinity,-Infinity]');
    const back = parseJson('[NaN,Infinity,-Infinity]') as Dynamic[];
    expect(Number.isNaN(back[0])).toBe(true);
    expect(back[1]).toBe(Infinity);
    expect(back[2]).toBe(-Infinity);
  });
});

describe('dynamicEquals / dynamicTypeName / dynamicFromScalar', () => {
  it('compares bags as unordered maps and arrays in order', () => {
    expect(dynamicEquals(parseJson('{"a":1,"b":[1,2]}'), parseJson('{"b":[1,2],"a":1}'))).toBe(true);
    expect(dynamicEquals(parseJson('[1,2]'), parseJson('[2,1]'))).toBe(false);
    expect(dynamicEquals(parseJson('{"a":1}'), parseJson('{"a":1,"b":2}'))).toBe(false);
    expect(dynamicEquals(parseJson('{"a":null}'), parseJson('{"b":null}'))).toBe(false);
    expect(dynamicEquals(1n, 1)).toBe(true);
    expect(dynamicEquals(1n, 1.5)).toBe(false);
    expect(dynamicEquals('1', 1n)).toBe(false);
    expect(dynamicEquals(null, false)).toBe(false);
    expect(dynamicEquals(NaN, NaN)).toBe(true);
  });

  it('names every kind', () => {
    expect(dynamicTypeName(true)).toBe('bool');
    expect(dynamicTypeName(1.5)).toBe('double'); // recorded: gettype(dynamic(1.5)) is "double"
    expect(dynamicTypeName(1n)).toBe('long');
    expect(dynamicTypeName(null)).toBe('null');
    expect(dynamicTypeName('x')).toBe('string');
  });

  // pack-array-function.md: a timespan (x*2)*1s with x=1 packs as "00:00:02".
  it('turns typed scalars into dynamic values', () => {
    expect(dynamicFromScalar(20_000_000n, 'timespan')).toBe('00:00:02');
    expect(dynamicFromScalar(0n, 'datetime')).toBe('0001-01-01T00:00:00.0000000Z');
    expect(dynamicFromScalar(7, 'int')).toBe(7n);
    expect(dynamicFromScalar(7n, 'long')).toBe(7n);
    expect(dynamicFromScalar(2.5, 'real')).toBe(2.5);
    expect(dynamicFromScalar(true, 'bool')).toBe(true);
    expect(dynamicFromScalar('s', 'string')).toBe('s');
    expect(dynamicFromScalar('12e8b78d-55b4-46ae-b068-26d7a0080254', 'guid')).toBe('12e8b78d-55b4-46ae-b068-26d7a0080254');
    expect(dynamicFromScalar(null, 'long')).toBeNull();
    const arr = parseJson('[1]');
    expect(dynamicFromScalar(arr, 'dynamic')).toBe(arr);
  });
});

describe('round trip (property)', () => {
  // Integral reals below 1e15 print without a fraction (as Kusto prints 118.0 → 118) and so re-enter as integers,
  // and -0 prints "-0" which re-enters as the integer 0: both are excluded — their loss is the documented behaviour.
  const real = fc
    .double()
    .filter((x) => !Object.is(x, -0) && !(Number.isInteger(x) && Math.abs(x) < 1e15));
  const scalar: fc.Arbitrary<Dynamic> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
    real,
    fc.string({ unit: 'binary' }),
  );
  const { value } = fc.letrec<{ value: Dynamic }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 5 }).map((a) => freezeDynamic(a)),
      fc
        .array(fc.tuple(fc.string({ unit: 'binary' }), tie('value')), { maxLength: 5 })
        .map((entries) => makeBag(entries)),
    ),
  }));

  it('parseJson(dynamicToJson(v)) deep-equals v', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(dynamicEquals(parseJson(dynamicToJson(v)), v)).toBe(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
