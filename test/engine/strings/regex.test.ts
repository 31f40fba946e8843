import { describe, expect, it } from 'vitest';
import { compileKqlRegex, compileKqlRegexInfo, KqlRegexError } from '../../../src/engine/strings/regex.js';

/** `text matches regex pattern`: a match anywhere (docs: matches-regex-operator.md). */
const matches = (pattern: string, text: string) => compileKqlRegex(pattern).test(text);
const firstMatch = (pattern: string, text: string) => compileKqlRegex(pattern).exec(text)?.[0] ?? null;

type Case = readonly [pattern: string, text: string, expected: boolean];

// docs: datatypes-string-operators.md — "Fabrikam" matches regex "b.*k".
// docs: regex.md — the character-class, flag, anchor and escape tables.
const DOC_CASES: Case[] = [
  ['b.*k', 'Fabrikam', true],
  ['b.*k', 'Fabrim', false],
  // Match one character
  ['^.$', '\n', false],
  ['^(?s).$', '\n', true],
  ['^[0-9]$', '٣', false],
  ['^\\d$', '٣', true], // \d is \p{Nd}
  ['^\\D$', '٣', false],
  ['^\\pL$', 'ж', true],
  ['^\\PL$', 'ж', false],
  ['^\\p{Greek}$', 'α', true],
  ['^\\p{Greek}$', 'a', false],
  ['^\\P{Greek}$', 'a', true],
  // Character classes
  ['^[xyz]$', 'y', true],
  ['^[^xyz]$', 'y', false],
  ['^[a-z]$', 'q', true],
  ['^[[:alpha:]]$', 'Q', true],
  ['^[[:alpha:]]$', 'é', false], // ASCII class
  ['^[[:^alpha:]]$', '1', true],
  ['^[[:^alpha:]]$', 'a', false],
  ['^[x[^xyz]]$', 'x', true],
  ['^[x[^xyz]]$', 'y', false],
  ['^[x[^xyz]]$', 'a', true],
  ['^[a-y&&xyz]$', 'x', true],
  ['^[a-y&&xyz]$', 'y', true],
  ['^[a-y&&xyz]$', 'z', false],
  ['^[a-y&&xyz]$', 'a', false],
  ['^[0-9&&[^4]]$', '4', false],
  ['^[0-9&&[^4]]$', '5', true],
  ['^[0-9--4]$', '4', false],
  ['^[0-9--4]$', '3', true],
  ['^[a-g~~b-h]$', 'a', true],
  ['^[a-g~~b-h]$', 'h', true],
  ['^[a-g~~b-h]$', 'b', false],
  ['^[\\[\\]]$', '[', true],
  ['^[\\[\\]]$', ']', true],
  ['[a&&b]', 'ab', false],
  ['^[\\p{Greek}[:digit:]]$', '7', true],
  ['^[\\p{Greek}[:digit:]]$', 'β', true],
  ['^[\\p{Greek}[:digit:]]$', 'b', false],
  ['^[\\p{Greek}&&\\pL]$', 'β', true],
  ['^[\\p{Greek}&&\\pL]$', '\u0375', false], // Greek lower numeral sign: Greek script, not a letter
  // Repetitions
  ['^a{2,3}$', 'aaa', true],
  ['^a{2,3}$', 'aaaa', false],
  ['^a{2,}$', 'aaaaa', true],
  ['^a{2}$', 'a', false],
  // Empty matches
  ['(?m)^b$', 'a\nb', true],
  ['^b$', 'a\nb', false],
  ['(?m)\\Ab', 'a\nb', false],
  ['(?m)a\\z', 'a\nb', false],
  ['b\\z', 'a\nb', true],
  ['\\bпривет\\b', 'скажи привет!', true], // Unicode word boundary
  ['\\bпривет\\b', 'скажиприветмир', false],
  ['\\Bрив', 'привет', true],
  ['\\<ab', 'x ab', true],
  ['\\<ab', 'xab', false],
  ['ab\\>', 'ab x', true],
  ['ab\\>', 'abx', false],
  ['\\b{start}ab', 'x ab', true],
  ['ab\\b{end}', 'abc', false],
  // Flags
  ['(?i)a+(?-i)b+', 'AAb', true], // regex.md note: a+ case-insensitive, b+ case-sensitive
  ['^(?i)a+(?-i)b+$', 'AAB', false],
  ['(?i)fabrikam', 'FABRIKAM', true],
  ['(?i:fab)rikam', 'FABrikam', true],
  ['(?i:fab)rikam', 'FABRIKAM', false],
  ['(?x) a b c # comment', 'abc', true],
  ['(?x) a\\ b', 'a b', true],
  ['(?-u:\\w)+', 'é', false],
  ['\\w', 'é', true],
  // Escape sequences
  ['\\*', 'a*b', true],
  ['\\x41', 'A', true],
  ['\\x{263A}', '☺', true],
  ['\\u0041', 'A', true],
  ['\\u{7F}', '\x7f', true],
  ['\\U0001F600', '😀', true],
  ['\\U{1F600}', '😀', true],
  ['\\a', '\x07', true],
  ['\\v', '\x0b', true],
  ['\\101', 'A', true], // octal, three digits
  ['^\\-\\.$', '-.', true],
  ['[\\-a]', '-', true],
  ['\\Qa.b\\E', 'a.b', true], // RE2 literal text
  ['\\Qa.b\\E', 'axb', false],
  // Perl classes
  ['^\\s$', '\u00a0', true], // White_Space includes NBSP
  ['^\\S$', '\u00a0', false],
  ['^\\W$', '-', true],
  ['^[\\W]$', '-', true],
  ['^[\\W]$', 'ж', false],
  ['^[^\\d]$', '٣', false],
];

// Mixed case modes (the i flag changing mid-pattern) are compiled by expanding the case-insensitive parts.
const MIXED_CASE: Case[] = [
  ['abc(?i)def', 'abcDEF', true],
  ['abc(?i)def', 'ABCdef', false],
  ['a(?i)[b-c]', 'aB', true],
  ['a(?i)[b-c]', 'AB', false],
  ['^a(?i)[^b]$', 'aB', false], // case folding applies before negation
  ['^a(?i)[^b]$', 'ac', true],
  ['x(?i:k)', 'x\u212a', true], // Kelvin sign folds with k
  ['(?i)a(?-i)B', 'Ab', false],
];

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
