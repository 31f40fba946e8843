import { describe, expect, it } from 'vitest';
import { compileKqlRegex, compileKqlRegexInfo, KqlRegexError } from '../../../src/engine/strings/regex.js';
import { DOC_CASES, MIXED_CASE } from './regex-cases.js';

/** `text matches regex pattern`: a match anywhere (docs: matches-regex-operator.md). */
const matches = (pattern: string, text: string) => compileKqlRegex(pattern).test(text);
const firstMatch = (pattern: string, text: string) => compileKqlRegex(pattern).exec(text)?.[0] ?? null;

describe('compileKqlRegex: matching', () => {
  it.each([...DOC_CASES, ...MIXED_CASE])('%j on %j → %s', (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });
});

describe('compileKqlRegex: greedy, lazy and U', () => {
  it.each([
    ['a+', 'aaa', 'aaa'],
    ['a+?', 'aaa', 'a'],
    ['(?U)a+', 'aaa', 'a'],
    ['(?U)a+?', 'aaa', 'aaa'],
    ['a{1,3}?', 'aaa', 'a'],
    ['(?U)a{1,3}', 'aaa', 'a'],
    ['\\w+@\\w+', 'mail bob@example.com', 'bob@example'], // regex.md literal example
    ['x|xy', 'xy', 'x'], // leftmost-first: prefer the first alternative
  ])('%j on %j finds %j', (pattern, text, expected) => {
    expect(firstMatch(pattern, text)).toBe(expected);
  });
});

describe('compileKqlRegex: groups', () => {
  it('counts groups and records names (?P<n>) and (?<n>)', () => {
    const info = compileKqlRegexInfo('(?P<first>\\w)(\\w+)(?<last>\\w)(?:x)');
    expect(info.groupCount).toBe(3);
    expect([...info.groupNames]).toEqual([
      ['first', 1],
      ['last', 3],
    ]);
    expect(info.regex.exec('abcdx')?.slice(1)).toEqual(['a', 'bc', 'd']);
  });

  it('accepts KQL group names that JavaScript does not', () => {
    const info = compileKqlRegexInfo('(?P<a.b[0]>x)');
    expect(info.groupNames.get('a.b[0]')).toBe(1);
    expect(info.regex.exec('x')?.[1]).toBe('x');
  });
});

describe('compileKqlRegex: rejected constructs', () => {
  it.each([
    ['(a)\\1', /backreference/],
    ['(?P<a>x)(?P=a)', /backreference/],
    ['(?<a>x)\\k<a>', /backreference/],
    ['a(?=b)', /look-around/],
    ['a(?!b)', /look-around/],
    ['(?<=a)b', /look-around/],
    ['(?<!a)b', /look-around/],
    ['(?>a)', /atomic/],
    ['a\\Z', /unsupported escape/],
    ['\\C', /unsupported escape/],
    ['*a', /nothing to repeat/],
    ['a**', /nothing to repeat/],
    ['(a', /unclosed group/],
    ['a)', /unopened group/],
    ['[a', /unclosed character class/],
    ['[z-a]', /start > end/],
    ['\\p{NoSuchClass}', /unknown Unicode class/],
    ['(?R)', /CRLF/],
    ['(?R:a)', /CRLF/],
    ['(?q)a', /unknown flag/],
    ['(?)a', /empty flag group/],
    ['(?m-R)a', /CRLF/],
    ['(?P<a>x)(?P<a>y)', /duplicate group name/],
    ['a{3,2}', /min > max/],
    ['[[:foo:]]', /unknown ASCII class/],
  ])('%j', (pattern, message) => {
    expect(() => compileKqlRegex(pattern)).toThrow(KqlRegexError);
    expect(() => compileKqlRegex(pattern)).toThrow(message);
  });
});

describe('compileKqlRegex: flags and cache', () => {
  it('extraFlags: KQL flags act like a leading (?flags); JS flags pass through', () => {
    expect(compileKqlRegex('abc', 'i').test('ABC')).toBe(true);
    expect(compileKqlRegex('abc', 'g').global).toBe(true);
    expect(() => compileKqlRegex('abc', 'q')).toThrow(KqlRegexError);
  });

  it('caches compiled patterns', () => {
    expect(compileKqlRegex('ca(che)+')).toBe(compileKqlRegex('ca(che)+'));
    expect(compileKqlRegex('ca(che)+', 'g')).not.toBe(compileKqlRegex('ca(che)+'));
  });

  it('`.` does not match \\n but matches \\r (RE2 line terminator is \\n only)', () => {
    expect(matches('^a.b$', 'a\rb')).toBe(true);
    expect(matches('(?m)^b', 'a\rb')).toBe(false);
  });
});
