import { describe, expect, it } from 'vitest';
import {
  countof,
  extract,
  extractAll,
  indexof,
  replaceRegex,
  replaceString,
  reverse,
  split,
  strcatDelim,
  strlen,
  strrep,
  substring,
  tolower,
  toupper,
  trim,
  trimEnd,
  trimStart,
} from '../../../src/engine/strings/functions.js';
import { KqlRegexError } from '../../../src/engine/strings/regex.js';

const GUID = '82b8be2d-dfa7-4bd1-8f63-24ad26d31449';

describe('extract (extract-function.md)', () => {
  it.each([
    ['15-12-2024', '12'],
    ['21-07-2023', '07'], // typeof(int) conversion to 7 is the caller's job
    ['10-03-2022', '03'],
  ])('month of %j', (date, month) => {
    expect(extract('-(\\d{2})-', 1, date)).toBe(month);
  });

  it('username example', () => {
    expect(extract('User: ([^,]+)', 1, 'User: JohnDoe, Email: johndoe@example.com, Age: 29')).toBe('JohnDoe');
  });

  it('group 0 is the whole match; no match gives "" (strings are never null)', () => {
    expect(extract('\\d+', 0, 'abc 123 456')).toBe('123');
    expect(extract('\\d+', 0, 'abc')).toBe('');
    expect(extract('(a)|(b)', 2, 'a')).toBe(''); // non-participating group
    expect(extract('(a)', 5, 'a')).toBe(''); // [U] out-of-range group
    expect(extract('(a)', null, 'a')).toBe('');
    expect(extract('(a)', 1n, 'a')).toBe('a');
  });

  it('rejects RE2-invalid patterns', () => {
    expect(() => extract('(a)\\1', 1, 'aa')).toThrow(KqlRegexError);
  });
});

describe('extract_all (extract-all-function.md)', () => {
  it('intro example', () => {
    expect(extractAll('(\\d+)', null, 'a set of numbers: 123, 567 and 789')).toEqual(['123', '567', '789']);
  });

  it('single capture group', () => {
    expect(extractAll('([\\da-f]{2})', null, GUID)).toEqual([
      '82', 'b8', 'be', '2d', 'df', 'a7', '4b', 'd1', '8f', '63', '24', 'ad', '26', 'd3', '14', '49',
    ]);
  });

  it('several capture groups', () => {
    expect(extractAll('(\\w)(\\w+)(\\w)', null, GUID)).toEqual([
      ['8', '2b8be2', 'd'],
      ['d', 'fa', '7'],
      ['4', 'bd', '1'],
      ['8', 'f6', '3'],
      ['2', '4ad26d3144', '9'],
    ]);
  });

  it('subset of capture groups', () => {
    expect(extractAll('(\\w)(\\w+)(\\w)', [1n, 3n], GUID)).toEqual([
      ['8', 'd'],
      ['d', '7'],
      ['4', '1'],
      ['8', '3'],
      ['2', '9'],
    ]);
  });

  it('named capture groups', () => {
    expect(extractAll('(?P<first>\\w)(?P<middle>\\w+)(?P<last>\\w)', ['first', 2n, 'last'], GUID)).toEqual([
      ['8', '2b8be2', 'd'],
      ['d', 'fa', '7'],
      ['4', 'bd', '1'],
      ['8', 'f6', '3'],
      ['2', '4ad26d3144', '9'],
    ]);
  });

  it('no match gives null', () => {
    expect(extractAll('(\\d+)', null, 'no digits')).toBeNull();
    expect(extractAll('(\\d+)', null, '')).toBeNull();
  });

  it('regex must have 1..16 groups; group selectors must exist', () => {
    expect(() => extractAll('\\d+', null, '1')).toThrow(KqlRegexError);
    expect(() => extractAll('(a)', [2n], 'a')).toThrow(/not between 1 and 1/);
    expect(() => extractAll('(a)', ['nope'], 'a')).toThrow(/no capture group named/);
  });

  it('returns a frozen dynamic array', () => {
    expect(Object.isFrozen(extractAll('(a)', null, 'aa'))).toBe(true);
  });
});

describe('replace_regex (replace-regex-function.md)', () => {
  it.each([1, 2, 3, 4, 5])('doc example row %i', (x) => {
    expect(replaceRegex(`Number is ${x}.000000`, 'is (\\d+)', 'was: \\1')).toBe(`Number was: ${x}.000000`);
  });

  it('\\0 is the whole match; $ is literal; no match leaves the text', () => {
    expect(replaceRegex('abc', 'b', '[\\0]')).toBe('a[b]c');
    expect(replaceRegex('abc', '(b)', '$1')).toBe('a$1c');
    expect(replaceRegex('abc', 'x', 'y')).toBe('abc');
    expect(replaceRegex('a.b.c', '\\.', '\\\\')).toBe('a\\b\\c');
  });

  it('matches do not overlap; an empty match right after a match is skipped (RE2)', () => {
    expect(replaceRegex('aaaa', 'aa', 'b')).toBe('bb');
    expect(replaceRegex('baaa', 'a*', 'X')).toBe('XbX');
    expect(replaceRegex('abc', '', '-')).toBe('-a-b-c-');
  });

  it('replaces non-ASCII and surrogate pairs whole', () => {
    expect(replaceRegex('a😀b', '.', 'x')).toBe('xxx');
  });
});

describe('replace_string (replace-string-function.md)', () => {
  it.each([1, 2, 3, 4, 5])('doc example row %i', (x) => {
    expect(replaceString(`Number is ${x}.000000`, 'is', 'was')).toBe(`Number was ${x}.000000`);
  });

  it('ordinal, non-overlapping, regex characters literal', () => {
    expect(replaceString('aaaa', 'aa', 'b')).toBe('bb');
    expect(replaceString('a.b', '.', '$&')).toBe('a$&b');
    expect(replaceString('ABC', 'b', 'x')).toBe('ABC');
    expect(replaceString('abc', '', 'x')).toBe('abc'); // [U]
  });
});

describe('countof (countof-function.md)', () => {
  it.each([
    ['aaa', 'a', 'normal', 3n],
    ['aaaa', 'aa', 'normal', 3n],
    ['ababa', 'ab', 'normal', 2n],
    ['ababa', 'aba', 'normal', 2n],
    ['ababa', 'aba', 'regex', 1n],
    ['abcabc', 'a.c', 'regex', 2n],
  ])('countof(%j, %j, %j) = %s', (text, search, kind, expected) => {
    expect(countof(text, search, kind)).toBe(expected);
  });

  it('default kind is normal; unknown kinds are rejected', () => {
    expect(countof('aaaa', 'aa')).toBe(3n);
    expect(() => countof('a', 'a', 'fuzzy')).toThrow(/normal.*regex/);
  });
});

describe('trim / trim_start / trim_end', () => {
  // trim-function.md
  it('trim doc examples', () => {
    expect(trim('--', '--https://bing.com--')).toBe('https://bing.com');
    for (let x = 1; x <= 5; x++) expect(trim('[^\\w]+', `-  Te st${x}// $`)).toBe(`Te st${x}`);
    expect(trim('\\s+', '    Hello, world!    ')).toBe('Hello, world!');
  });

  // trim-start-function.md
  it('trim_start doc examples', () => {
    expect(trimStart('https://', 'https://bing.com')).toBe('bing.com');
    for (let x = 1; x <= 5; x++) expect(trimStart('[^\\w]+', `-  Te st${x}// $`)).toBe(`Te st${x}// $`);
    expect(trimStart('\\s+', '    Hello, world!    ')).toBe('Hello, world!    ');
  });

  // trim-end-function.md
  it('trim_end doc examples', () => {
    expect(trimEnd('.com', 'bing.com')).toBe('bing');
    for (let x = 1; x <= 5; x++) expect(trimEnd('[^\\w]+', `-  Te st${x}// $`)).toBe(`-  Te st${x}`);
    expect(trimEnd('\\s+', '    Hello, world!    ')).toBe('    Hello, world!');
  });

  // Real engine, recorded answers (issue #14): one match at each end, not every repeated match (the docs say all).
  it('removes one match at each end, not repeated or inner ones', () => {
    expect(trim('x', 'xxabcxx')).toBe('xabcx');
    expect(trim('\\s', '  pad  ')).toBe(' pad ');
    expect(trim('\\s+', '  pad  ')).toBe('pad'); // a quantified pattern: one match is the whole run
    expect(trim('-', '--a-b--')).toBe('-a-b-');
    expect(trim('ab', 'ababXab')).toBe('abX');
    expect(trim('x', 'xxx')).toBe('x'); // start removes one, then end removes one of the rest
    expect(trim('x', 'x')).toBe('');
    expect(trim('\\s*', 'a')).toBe('a');
    expect(trimStart('x', 'xxa')).toBe('xa');
    expect(trimEnd('x', 'axx')).toBe('ax');
    expect(trimEnd('\\d+', 'a123')).toBe('a'); // the leftmost match that ends at the end
  });
});

describe('split (split-function.md)', () => {
  it('doc examples', () => {
    expect(split('aa_bb', '_')).toEqual(['aa', 'bb']);
    expect(split('aaa_bbb_ccc', '_', 1)).toEqual(['bbb']);
    expect(split('', '_')).toEqual(['']);
    expect(split('a__b', '_')).toEqual(['a', '', 'b']);
    expect(split('aabbcc', 'bb')).toEqual(['aa', 'cc']);
  });

  // Real engine, recorded answer (issue #14): split("noequals", "=", 1) is null.
  it('index out of range → null; empty delimiter, null index [U]', () => {
    expect(split('noequals', '=', 1)).toBeNull();
    expect(split('noequals', '=', 0)).toEqual(['noequals']);
    expect(split('=leading', '=', 0)).toEqual(['']);
    expect(split('a_b', '_', 2)).toBeNull();
    expect(split('a_b', '_', -1)).toBeNull();
    expect(split('a_b', '_', 1n)).toEqual(['b']);
    expect(split('a_b', '')).toEqual(['a_b']);
    expect(split('a_b', '_', null)).toBeNull();
  });
});

describe('strcat_delim (strcat-delim-function.md)', () => {
  it('doc example', () => {
    expect(strcatDelim('-', ['1', '2', 'A', '00:00:01'])).toBe('1-2-A-00:00:01');
  });
});

describe('strlen (strlen-function.md)', () => {
  it('counts Unicode code points, returns long', () => {
    expect(strlen('hello')).toBe(5n);
    expect(strlen('⒦⒰⒮⒯⒪')).toBe(5n);
    expect(strlen('C\u0327edilla')).toBe(8n); // C + combining cedilla: two code points
    expect(strlen('')).toBe(0n);
    expect(strlen('😀a')).toBe(2n); // one code point, two UTF-16 units
  });
});

describe('substring (substring-function.md)', () => {
  it('doc examples', () => {
    expect(substring('123456', 1)).toBe('23456');
    expect(substring('123456', 2, 2)).toBe('34');
    expect(substring('ABCD', 0, 2)).toBe('AB');
    expect(substring('123456', -2, 2)).toBe('56');
  });

  // Real engine, recorded answers (issue #14).
  it('edges', () => {
    expect(substring('123456', 6)).toBe('');
    expect(substring('123456', 10)).toBe('');
    expect(substring('abc', 5, 3)).toBe('');
    expect(substring('abc', -1, 2)).toBe('c');
    expect(substring('abcdefg', -3, 2)).toBe('ef');
    expect(substring('123456', -10, 2)).toBe(''); // reaching before the beginning: empty, not clamped
    expect(substring('abc', -10)).toBe('');
    expect(substring('abc', 2, 10)).toBe('c');
    expect(substring('123456', 4, 10)).toBe('56');
    expect(substring('123456', 1, -1)).toBe('');
    expect(substring('123456', null)).toBe('');
    expect(substring('123456', 1n, 2n)).toBe('23');
  });

  it('counts code points', () => {
    expect(substring('😀ab😁c', 1, 3)).toBe('ab😁');
    expect(substring('😀ab😁c', -2)).toBe('😁c');
  });
});

describe('indexof (indexof-function.md)', () => {
  it.each([
    ['abcdefg', 'cde', [], 2n],
    ['abcdefg', 'cde', [1, 4], 2n],
    ['abcdefg', 'cde', [1, 2], -1n],
    ['abcdefg', 'cde', [3, 4], -1n],
    ['abcdefg', 'cde', [-5], 2n],
    ['1234567', '5', [1, 4], 4n], // arguments already cast to strings
    ['abcdefg', 'cde', [2, -1], 2n],
    ['abcdefgabcdefg', 'cde', [1, 10, 2], 9n],
    ['abcdefgabcdefg', 'cde', [1, -1, 3], -1n],
  ] as const)('indexof(%j, %j, ...%j) = %s', (text, lookup, rest, expected) => {
    expect(indexof(text, lookup, ...(rest as unknown as [number?, number?, number?]))).toBe(expected);
  });

  it('null results per the docs', () => {
    expect(indexof('abc', 'a', 0, -2)).toBeNull(); // length < -1
    expect(indexof('abc', 'a', 0, -1, -1)).toBeNull(); // occurrence < 0
    expect(indexof('abc', 'a', -4)).toBeNull(); // start before the beginning [U]
    expect(indexof('abc', 'a', null)).toBeNull();
  });

  it('other edges [U]', () => {
    expect(indexof('abc', 'x')).toBe(-1n);
    expect(indexof('abc', 'c', 5)).toBe(-1n);
    expect(indexof('abc', '')).toBeNull(); // real engine, recorded answer (issue #14)
    expect(indexof('', '')).toBeNull();
    expect(indexof('aaa', 'aa', 0, -1, 2)).toBe(1n); // occurrences may overlap
    expect(indexof('😀abc', 'b')).toBe(2n); // code points
  });
});

describe('reverse (reverse-function.md)', () => {
  it('doc examples', () => {
    expect(reverse('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe('ZYXWVUTSRQPONMLKJIHGFEDCBA');
    expect(reverse('12345')).toBe('54321');
    expect(reverse('123.45')).toBe('54.321');
    expect(reverse('00:00:03')).toBe('30:00:00');
  });

  it('keeps surrogate pairs intact', () => {
    expect(reverse('a😀b')).toBe('b😀a');
    expect(reverse('')).toBe('');
  });
});

describe('toupper / tolower', () => {
  it('ASCII and non-ASCII', () => {
    expect(toupper('hello')).toBe('HELLO'); // toupper-function.md
    expect(tolower('HELLO')).toBe('hello'); // tolower-function.md
    expect(toupper('naïve привет')).toBe('NAÏVE ПРИВЕТ');
    expect(tolower('NAÏVE ПРИВЕТ')).toBe('naïve привет');
  });

  it('simple mappings keep the length [U]', () => {
    expect(toupper('straße')).toBe('STRAßE');
    expect(tolower('İ')).toBe('i');
    expect(toupper('𐐨')).toBe('𐐀'); // Deseret (surrogate pair)
  });
});

describe('strrep (strrep-function.md)', () => {
  it('doc example', () => {
    expect(strrep('ABC', 2)).toBe('ABCABC');
    expect(strrep('123', 3, '.')).toBe('123.123.123');
    expect(strrep('00:00:03', 2, ' ')).toBe('00:00:03 00:00:03');
  });

  it('edges [U]', () => {
    expect(strrep('a', 0)).toBe('');
    expect(strrep('a', null)).toBe('');
    expect(strrep('a', 1, ',')).toBe('a');
    expect(strrep('ab', 3n)).toBe('ababab');
  });
});
