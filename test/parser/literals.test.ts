// Literal forms and their decoded values. Expected values are worked out from the docs cited per block.
import { describe, it, expect } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { decodeTimespan, decodeString, decodeLong } from '../../src/parser/literals.js';
import { scalar, L, S } from './helpers.js';

describe('string literals (docs: scalar-data-types/string.md)', () => {
  it('decodes backslash escapes in plain strings', () => {
    expect(scalar(String.raw`"a\"b\\c\td\ne"`)).toEqual(S('a"b\\c\td\ne'));
    expect(scalar(String.raw`'it\'s'`)).toEqual(S("it's"));
    expect(scalar(String.raw`"\u0041\x42"`)).toEqual(S('AB'));
  });
  it('keeps the other quote character unescaped', () => {
    expect(scalar(`'say "hi"'`)).toEqual(S('say "hi"'));
    expect(scalar(`"it's"`)).toEqual(S("it's"));
  });
  it('verbatim strings: backslash literal, doubled quote', () => {
    expect(scalar('@"a""b"')).toEqual(S('a"b'));
    expect(scalar(String.raw`@'C:\Folder\file.txt'`)).toEqual(S(String.raw`C:\Folder\file.txt`));
    expect(scalar(`@'it''s'`)).toEqual(S("it's"));
  });
  it('splices adjacent literals, also across comments and newlines', () => {
    expect(scalar(`"a" 'b'`)).toEqual(S('ab'));
    // The docs example: "Hello" ', ' @"world!" is one 13-character literal.
    expect(scalar(`"Hello"\n  // Comment\n  ', '@"world!"`)).toEqual(S('Hello, world!'));
  });
  it('multi-line strings keep newlines and do not decode escapes', () => {
    expect(scalar('```line1\nline2 \\n```')).toEqual(S('line1\nline2 \\n'));
    expect(scalar('~~~x~~~')).toEqual(S('x'));
  });
  it('obfuscated strings h"..." / H\'...\' / h@"..." have the plain value and a flag', () => {
    expect(scalar('h"secret"')).toEqual({ kind: 'StringLiteral', value: 'secret', obfuscated: true });
    expect(scalar("H'x'")).toEqual({ kind: 'StringLiteral', value: 'x', obfuscated: true });
    expect(scalar('h@"c:\\x"')).toEqual({ kind: 'StringLiteral', value: 'c:\\x', obfuscated: true });
  });
  it('reports a bad escape as syntax-bad-literal', () => {
    const { diagnostics } = parse(String.raw`print "a\qb"`);
    expect(diagnostics.map((d) => d.code)).toEqual(['syntax-bad-literal']);
    expect(diagnostics[0]!.span).toEqual({ start: 6, end: 12 });
  });
  it('decodeString reports unterminated literals', () => {
    expect(decodeString('"abc').unterminated).toBe(true);
    expect(decodeString('@"a""').unterminated).toBe(true);
    expect(decodeString('@"a"""').unterminated).toBe(false);
  });
});

describe('numbers (docs: scalar-data-types/long.md, real.md)', () => {
  it('integers are long, hex included', () => {
    expect(scalar('42')).toEqual(L(42));
    expect(scalar('0x1F')).toEqual(L(31));
    expect(scalar('9223372036854775807')).toEqual(L(9223372036854775807n));
  });
  it('a dot or exponent makes a real', () => {
    expect(scalar('1.5')).toEqual({ kind: 'RealLiteral', value: 1.5 });
    expect(scalar('1e3')).toEqual({ kind: 'RealLiteral', value: 1000 });
    expect(scalar('2.5E-1')).toEqual({ kind: 'RealLiteral', value: 0.25 });
    expect(scalar('1.')).toEqual({ kind: 'RealLiteral', value: 1 });
  });
  it('negative numbers are unary minus over a literal', () => {
    expect(scalar('-5')).toEqual({ kind: 'Unary', op: '-', operand: L(5) });
  });
  it('out-of-range integers are syntax-bad-literal', () => {
    expect(parse('print 99999999999999999999').diagnostics[0]!.code).toBe('syntax-bad-literal');
    expect(decodeLong('0xFFFFFFFFFFFFFFFF')).toBe(-1n);
  });
});

describe('timespan literals (docs: scalar-data-types/timespan.md; units from KqlTokens.g4)', () => {
  const ticks = (t: string) => (scalar(t) as { ticks: bigint }).ticks;
  it('decodes every unit to 100-ns ticks exactly', () => {
    expect(ticks('1d')).toBe(864_000_000_000n);
    expect(ticks('2days')).toBe(1_728_000_000_000n);
    expect(ticks('24h')).toBe(864_000_000_000n);
    expect(ticks('1hr')).toBe(36_000_000_000n);
    expect(ticks('1.5h')).toBe(54_000_000_000n);
    expect(ticks('30m')).toBe(18_000_000_000n);
    expect(ticks('2min')).toBe(1_200_000_000n);
    expect(ticks('10s')).toBe(100_000_000n);
    expect(ticks('3sec')).toBe(30_000_000n);
    expect(ticks('0.1s')).toBe(1_000_000n);
    expect(ticks('100ms')).toBe(1_000_000n);
    expect(ticks('5microseconds')).toBe(50n);
    expect(ticks('10microsecond')).toBe(100n);
    expect(ticks('1tick')).toBe(1n);
    expect(ticks('7ticks')).toBe(7n);
    expect(ticks('200nanoseconds')).toBe(2n);
  });
  it('keeps the source text', () => {
    expect(scalar('1.5h')).toEqual({ kind: 'TimespanLiteral', ticks: 54_000_000_000n, text: '1.5h' });
  });
  it('`1ns` is not a timespan: Microsoft lexes it as an identifier', () => {
    expect(scalar('1ns')).toEqual({ kind: 'Name', name: '1ns', quoted: false });
  });
  it('decodeTimespan rejects unknown units', () => {
    expect(decodeTimespan('3weeks')).toBeUndefined();
  });
});

describe('typed literals (docs: scalar-data-types/*.md): content is raw text', () => {
  const typed = (t: string) => scalar(t) as { kind: string; type: { type: string; text: string }; text: string | null };
  it.each([
    ['int(null)', 'int', 'int', null],
    ['real(nan)', 'real', 'real', 'nan'],
    ['real(+inf)', 'real', 'real', '+inf'],
    ['datetime(2026-01-01)', 'datetime', 'datetime', '2026-01-01'],
    ['datetime(2026-01-01 10:00:00.1234567)', 'datetime', 'datetime', '2026-01-01 10:00:00.1234567'],
    ['datetime(2026-01-01T10:00:00Z)', 'datetime', 'datetime', '2026-01-01T10:00:00Z'],
    ['timespan(1d)', 'timespan', 'timespan', '1d'],
    ['time(0.12:34:56.7)', 'timespan', 'time', '0.12:34:56.7'],
    ['guid(74be27de-1e4e-49d9-b579-fe0b331d3642)', 'guid', 'guid', '74be27de-1e4e-49d9-b579-fe0b331d3642'],
    ['bool(true)', 'bool', 'bool', 'true'],
    ['long( 5 )', 'long', 'long', '5'],
    ['double(1.5)', 'real', 'double', '1.5'],
  ])('%s', (text, type, spelling, content) => {
    const t = typed(text);
    expect(t.kind).toBe('TypedLiteral');
    expect(t.type.type).toBe(type);
    expect(t.type.text).toBe(spelling);
    expect(t.text).toBe(content);
  });
  it('booleans in all documented spellings', () => {
    expect(scalar('true')).toEqual({ kind: 'BoolLiteral', value: true });
    expect(scalar('FALSE')).toEqual({ kind: 'BoolLiteral', value: false });
  });
});

describe('dynamic literals (docs: scalar-data-types/dynamic.md)', () => {
  it('arrays, bags, null, nested, negative numbers and typed leaves', () => {
    expect(scalar('dynamic([1, "a", null, -2, 1.5, true])')).toEqual({
      kind: 'DynamicLiteral',
      value: {
        kind: 'DynArray',
        items: [L(1), S('a'), { kind: 'DynNull' }, L(-2), { kind: 'RealLiteral', value: 1.5 }, { kind: 'BoolLiteral', value: true }],
      },
    });
    expect(scalar('dynamic({"a": [1], "b": {"c": datetime(2020-01-01)}})')).toEqual({
      kind: 'DynamicLiteral',
      value: {
        kind: 'DynBag',
        entries: [
          { key: 'a', value: { kind: 'DynArray', items: [L(1)] } },
          {
            key: 'b',
            value: {
              kind: 'DynBag',
              entries: [{ key: 'c', value: { kind: 'TypedLiteral', type: { kind: 'ScalarType', type: 'datetime', text: 'datetime' }, text: '2020-01-01' } }],
            },
          },
        ],
      },
    });
    expect(scalar('dynamic(null)')).toEqual({ kind: 'DynamicLiteral', value: { kind: 'DynNull' } });
  });
  it('a single-string array is not mistaken for a quoted name', () => {
    expect(scalar('dynamic(["a"])')).toEqual({ kind: 'DynamicLiteral', value: { kind: 'DynArray', items: [S('a')] } });
  });
});
