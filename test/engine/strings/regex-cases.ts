// Pattern/text cases shared by regex.test.ts (default engine choice) and regex-engine.test.ts (each engine forced).

export type Case = readonly [pattern: string, text: string, expected: boolean];

// docs: datatypes-string-operators.md — "Fabrikam" matches regex "b.*k".
// docs: regex.md — the character-class, flag, anchor and escape tables.
export const DOC_CASES: Case[] = [
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
export const MIXED_CASE: Case[] = [
  ['abc(?i)def', 'abcDEF', true],
  ['abc(?i)def', 'ABCdef', false],
  ['a(?i)[b-c]', 'aB', true],
  ['a(?i)[b-c]', 'AB', false],
  ['^a(?i)[^b]$', 'aB', false], // case folding applies before negation
  ['^a(?i)[^b]$', 'ac', true],
  ['x(?i:k)', 'x\u212a', true], // Kelvin sign folds with k
  ['(?i)a(?-i)B', 'Ab', false],
];
