import { describe, expect, it } from 'vitest';
import {
  compareOrdinal,
  equalsIgnoreCase,
  makeStringPredicate,
  STRING_PREDICATE_OPS,
  type StringPredicateOp,
} from '../../../src/engine/strings/compare.js';

type Case = readonly [lhs: string, op: StringPredicateOp, rhs: string, expected: boolean];

// docs: datatypes-string-operators.md — every "Example (yields true)" of the operator table, as written there
// (the endswith_cs / !endswith_cs rows show endswith / !endswith examples).
const DOC_EXAMPLES: Case[] = [
  ['aBc', '==', 'aBc', true],
  ['abc', '!=', 'ABC', true],
  ['abc', '=~', 'ABC', true],
  ['aBc', '!~', 'xyz', true],
  ['North America', 'has', 'america', true],
  ['North America', '!has', 'amer', true],
  ['North America', 'has_cs', 'America', true],
  ['North America', '!has_cs', 'amer', true],
  ['North America', 'hasprefix', 'ame', true],
  ['North America', '!hasprefix', 'mer', true],
  ['North America', 'hasprefix_cs', 'Ame', true],
  ['North America', '!hasprefix_cs', 'CA', true],
  ['North America', 'hassuffix', 'ica', true],
  ['North America', '!hassuffix', 'americ', true],
  ['North America', 'hassuffix_cs', 'ica', true],
  ['North America', '!hassuffix_cs', 'icA', true],
  ['FabriKam', 'contains', 'BRik', true],
  ['Fabrikam', '!contains', 'xyz', true],
  ['FabriKam', 'contains_cs', 'Kam', true],
  ['Fabrikam', '!contains_cs', 'Kam', true],
  ['Fabrikam', 'startswith', 'fab', true],
  ['Fabrikam', '!startswith', 'kam', true],
  ['Fabrikam', 'startswith_cs', 'Fab', true],
  ['Fabrikam', '!startswith_cs', 'fab', true],
  ['Fabrikam', 'endswith', 'Kam', true],
  ['Fabrikam', '!endswith', 'brik', true],
];

// The same operators where the doc examples would be false, plus the case-sensitive counterparts of the
// case-insensitive examples (derived from the table's Case-Sensitive column).
const COUNTER_EXAMPLES: Case[] = [
  ['aBc', '==', 'abc', false],
  ['abc', '!=', 'abc', false],
  ['abc', '=~', 'ABD', false],
  ['abc', '=~', 'ABCD', false],
  ['abc', '!~', 'ABC', false],
  ['FabriKam', 'contains_cs', 'BRik', false],
  ['FabriKam', '!contains', 'brik', false],
  ['Fabrikam', 'startswith_cs', 'fab', false],
  ['Fabrikam', 'endswith_cs', 'Kam', false],
  ['Fabrikam', 'endswith_cs', 'kam', true],
  ['Fabrikam', '!endswith_cs', 'brik', true],
  ['Fabrikam', 'endswith', 'brik', false],
  ['Fabrikam', 'startswith', 'abrik', false],
  ['KustoExplorerQueryRun', 'contains', 'explorer', true], // kql-semantics.md §3.1: contains → true, has → false
  ['KustoExplorerQueryRun', 'has', 'Explorer', false],
];

// Non-ASCII, empty strings and boundaries.
const EDGES: Case[] = [
  ['', 'contains', '', true], // [U] every string contains ""
  ['abc', 'contains', '', true],
  ['abc', 'startswith', '', true],
  ['abc', 'endswith', '', true],
  ['', 'startswith', 'a', false],
  ['', 'endswith', 'a', false],
  ['ab', 'endswith', 'xab', false],
  ['', '==', '', true],
  ['', '=~', '', true],
  ['ÄRGER', 'contains', 'rgé', false],
  ['ÉCOLE', 'contains', 'cole', true],
  ['ÉCOLE', 'startswith', 'éc', true],
  ['ÉCOLE', 'startswith_cs', 'éc', false],
  ['ПРИВЕТ', '=~', 'привет', true],
  ['ПРИВЕТ', '==', 'привет', false],
  ['Straße', '=~', 'STRASSE', false], // per-unit folding keeps lengths
  ['x😀y', 'contains', '😀', true],
  ['x😀Y', 'endswith', '😀y', true],
  ['aaab', 'contains', 'aab', true], // overlapping candidates
  ['AaAaB', 'contains', 'aab', true],
  ['10.0.0.1', 'contains', '0.1', true],
  ['10.0.0.2', 'contains', '0.1', false],
];

describe('makeStringPredicate', () => {
  for (const [name, cases] of [
    ['datatypes-string-operators.md examples', DOC_EXAMPLES],
    ['counter-examples', COUNTER_EXAMPLES],
    ['edges', EDGES],
  ] as const) {
    it.each(cases)(`${name}: %j %s %j → %s`, (lhs, op, rhs, expected) => {
      expect(makeStringPredicate(op, rhs)(lhs)).toBe(expected);
    });
  }

  it('every negated operator is the exact negation of its positive form', () => {
    const inputs = ['', 'North America', 'FabriKam', 'bit.ly/x', 'ПРИВЕТ мир', 'a_b-c'];
    const needles = ['', 'america', 'Kam', 'bit.ly', 'привет', 'b', 'a_b-c'];
    for (const op of STRING_PREDICATE_OPS) {
      if (!op.startsWith('!')) continue;
      const base = op === '!=' ? '==' : op === '!~' ? '=~' : (op.slice(1) as StringPredicateOp);
      for (const n of needles) {
        const neg = makeStringPredicate(op, n);
        const pos = makeStringPredicate(base, n);
        for (const s of inputs) expect(neg(s)).toBe(!pos(s));
      }
    }
  });

  it('rejects unknown operators', () => {
    expect(() => makeStringPredicate('like' as StringPredicateOp, 'x')).toThrow(/not a string predicate/);
  });
});

describe('equalsIgnoreCase', () => {
  it.each([
    ['abc', 'ABC', true],
    ['NAÏVE', 'naïve', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['', '', true],
    ['İ', 'i', false], // [U] simple upper-case folding: İ folds to itself
  ])('%j =~ %j → %s', (a, b, expected) => {
    expect(equalsIgnoreCase(a, b)).toBe(expected);
  });
});

describe('compareOrdinal', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['', 'a', -1], // "" sorts lowest (kql-semantics.md §10)
    ['a', '', 1],
    ['B', 'a', -1], // ordinal: upper-case ASCII before lower-case
    ['ab', 'abc', -1],
    ['é', 'z', 1],
    // Code-point order: U+FFFD (one unit) < U+1F600 (surrogate pair), although its unit 0xFFFD > 0xD83D.
    ['\uFFFD', '😀', -1],
    ['😀', '\uFFFD', 1],
    ['😀', '😁', -1],
  ])('compareOrdinal(%j, %j) = %i', (a, b, expected) => {
    expect(compareOrdinal(a, b)).toBe(expected);
  });

  it('sorts a list in code-point order', () => {
    const list = ['b', '', 'B', '😀', '\uFFFD', 'a', 'ab'];
    expect(list.sort(compareOrdinal)).toEqual(['', 'B', 'a', 'ab', 'b', '\uFFFD', '😀']);
  });
});
