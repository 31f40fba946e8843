import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeHasAnyMatcher, makeTermMatcher, type TermOp } from '../../../src/engine/strings/terms.js';

type Case = readonly [op: TermOp, haystack: string, needle: string, expected: boolean];

// docs: datatypes-string-operators.md, operator table (negated rows written as the positive operator = false).
const DOC_TABLE: Case[] = [
  ['has', 'North America', 'america', true],
  ['has', 'North America', 'amer', false], // !has
  ['has_cs', 'North America', 'America', true],
  ['has_cs', 'North America', 'amer', false], // !has_cs
  ['hasprefix', 'North America', 'ame', true],
  ['hasprefix', 'North America', 'mer', false], // !hasprefix
  ['hasprefix_cs', 'North America', 'Ame', true],
  ['hasprefix_cs', 'North America', 'CA', false], // !hasprefix_cs
  ['hassuffix', 'North America', 'ica', true],
  ['hassuffix', 'North America', 'americ', false], // !hassuffix
  ['hassuffix_cs', 'North America', 'ica', true],
  ['hassuffix_cs', 'North America', 'icA', false], // !hassuffix_cs
];

// docs: datatypes-string-operators.md "What is a term?": the terms of this string are Kusto, WilliamGates3rd and
// the five GUID parts.
const TERM_EXAMPLE = 'Kusto:  ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;;WilliamGates3rd';
const TERM_DOC: Case[] = [
  ...['Kusto', 'WilliamGates3rd', 'ad67d136', 'c1db', '4f9f', '88ef', 'd94f3b6b0b5a'].map(
    (t) => ['has', TERM_EXAMPLE, t, true] as const,
  ),
  ['has', TERM_EXAMPLE, 'William', false],
  ['has', TERM_EXAMPLE, 'Gates3rd', false],
  ['has', TERM_EXAMPLE, '67d1', false],
  ['has', TERM_EXAMPLE, 'kusto', true],
  ['has_cs', TERM_EXAMPLE, 'kusto', false],
];

// kql-semantics.md §3.1 and its "Observed on the real engine" section.
const OBSERVED: Case[] = [
  ['has', 'KustoExplorerQueryRun', 'Explorer', false],
  ['has', '_Hello_World_', 'hello', true],
  ['has', 'alpha_beta', 'alpha', true],
  ['has', 'alphabeta', 'alpha', false],
  ['has', 'BA', 'b', false], // issue MicrosoftDocs/dataexplorer-docs#250
  ['has', 'a b c', 'b', true], // short needles are matched by scanning
  ['has', 'North America', 'North America', true], // issue #1005
  [
    'has',
    'https://management.azure.com/subscriptions/x/resourcegroups/test.rg000001?api-version=2020',
    'resourcegroups/test.rg000001',
    true,
  ],
  [
    'has',
    'https://management.azure.com/subscriptions/x/resourcegroups/test.rg000001?api-version=2020',
    '/resourcegroups/test.rg000001?',
    true,
  ],
  ['has', 'NAÏVE', 'naïve', true],
  ['has', 'ПриветМир', 'привет', false],
  ['has', 'Привет Мир', 'привет', true],
];

// The phrase rule (brief + kql-semantics.md §3.1): edges that are term characters must sit on term boundaries.
const PHRASES: Case[] = [
  ['has', 'rabbit.ly', 'bit.ly', false],
  ['has', 'http://bit.ly/x', 'bit.ly', true],
  ['has', 'sub.ipfs.io.evil.com', 'ipfs.io', true],
  ['has', 'xbit.ly', 'bit.ly', false],
  ['has', 'bit.lyx', 'bit.ly', false],
  ['has', 'bit.ly', 'bit.ly', true],
  ['has', 'HTTPS://BIT.LY/abc', 'bit.ly', true],
  ['has', 'rabbit.ly bit.ly', 'bit.ly', true], // first candidate fails, second succeeds
  ['has', 'https://gateway.example/ipfs/Qm123', '/ipfs/', true],
  ['has', 'https://gateway.example/ipfsx/Qm123', '/ipfs/', false],
  ['has', 'ipfs://Qm123', 'ipfs://', true],
  ['has', 'myipfs://Qm123', 'ipfs://', false],
  ['has', 'user sign-in failed', 'sign-in', true],
  ['has', 'user resign-in failed', 'sign-in', false],
  ['has', 'user sign-inner', 'sign-in', false],
  ['has', 'Sign-In', 'sign-in', true],
  ['has', 'North  America', 'North America', false], // two spaces: no occurrence
  // Needles with separators at one edge: only the term-character edge is constrained.
  ['has', 'x/ipfsabc', '/ipfs', false],
  ['has', 'x/ipfs/abc', '/ipfs', true],
  ['has', 'abc/ipfs', '/ipfs', true],
  ['has', 'evil.com', '.com', true],
  ['has', 'evil.community', '.com', false],
  ['has', 'evil.com/x', 'evil.', true],
  ['has', 'devil.com', 'evil.', false],
  // Needles with separators at both edges: no constraint, any occurrence.
  ['has', 'a..b', '..', true],
  ['has', 'ab', '.', false],
  ['has', 'a.b', '.', true],
  // Digits: the case-free pivot must keep searching after a rejected candidate.
  ['has', '10.0.0.1', '0.0', true],
  ['has', '192.168.1.10', '168.1.1', false],
  ['has', '192.168.1.1', '168.1.1', true],
  ['has', '192.168.1.1:443', '168.1.1', true],
];

// hasprefix / hassuffix: term needles and the analogous phrase rule [U for phrases].
const PREFIX_SUFFIX: Case[] = [
  ['hasprefix', 'http://bit.lyx', 'bit.ly', true],
  ['hasprefix', 'xbit.ly', 'bit.ly', false],
  ['hassuffix', 'xbit.ly', 'bit.ly', true],
  ['hassuffix', 'bit.lyx', 'bit.ly', false],
  ['hasprefix', 'powershell.exe -enc', 'POWER', true],
  ['hasprefix', 'xpowershell.exe', 'power', false],
  ['hassuffix', 'C:\\Windows\\cmd.exe', 'MD', true],
  ['hassuffix', 'C:\\Windows\\cmdx.exe', 'md', false],
  ['hasprefix_cs', 'powershell', 'Power', false],
  ['hassuffix_cs', 'PowerShell', 'Shell', true],
  ['hasprefix', 'a', 'a', true],
  ['hasprefix', '', 'a', false],
];

// Non-ASCII: letters of every script are term characters (observed for Latin-1 and Cyrillic; the rest follows the
// same rule). Folding is per unit (simple upper case).
const UNICODE: Case[] = [
  ['has', 'Ärger über Öl', 'ÜBER', true],
  ['has', 'Ärger über Öl', 'ber', false],
  ['has_cs', 'NAÏVE', 'naïve', false],
  ['has', '東京 タワー', '東京', true],
  ['has', '東京タワー', '東京', false],
  ['has', 'ΟΔΟΣ ΚΑΙ', 'οδοσ', true],
  ['has', 'hi😀there', 'there', true], // emoji separates terms
  ['has', 'x 𝐀𝐁 y', '𝐀𝐁', true], // mathematical bold letters (surrogate pairs) are letters
  ['has', 'x 𝐀𝐁𝐂 y', '𝐀𝐁', false],
  ['hasprefix', 'x 𝐀𝐁𝐂 y', '𝐀𝐁', true],
  ['has', 'Straße', 'STRASSE', false], // no full case folding: ß is not SS
  ['has', 'café-crème', 'CRÈME', true],
  ['has', 'x١٢٣y', '١٢٣', false], // Arabic-Indic digits are term characters: one term x١٢٣y
  ['has', 'x ١٢٣ y', '١٢٣', true],
];

// Empty and degenerate inputs [U: empty needle is undocumented; chosen to match `contains ""`].
const EDGES: Case[] = [
  ['has', 'abc', '', true],
  ['has', '', '', true],
  ['has_cs', 'abc', '', true],
  ['hasprefix', 'abc', '', true],
  ['hassuffix', '', '', true],
  ['has', '', 'a', false],
  ['has', 'a', 'ab', false],
  ['has', 'ab', 'ab', true],
  ['has', '-ab-', 'ab', true],
  ['has', '.', '.', true],
];

describe('makeTermMatcher', () => {
  const groups: [string, Case[]][] = [
    ['datatypes-string-operators.md table', DOC_TABLE],
    ['datatypes-string-operators.md terms', TERM_DOC],
    ['observed', OBSERVED],
    ['phrases', PHRASES],
    ['prefix/suffix', PREFIX_SUFFIX],
    ['unicode', UNICODE],
    ['edges', EDGES],
  ];
  for (const [name, cases] of groups) {
    it.each(cases)(`${name}: %s %j %j → %s`, (op, haystack, needle, expected) => {
      expect(makeTermMatcher(op, needle)(haystack)).toBe(expected);
    });
  }

  it('a compiled matcher is reusable across rows', () => {
    const m = makeTermMatcher('has', 'bit.ly');
    expect(['http://bit.ly/a', 'rabbit.ly', 'BIT.LY', 'bit.lyx', 'x bit.ly'].map(m)).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });
});

describe('makeHasAnyMatcher', () => {
  // docs: has-any-operator.md — State has_any ("CAROLINA", "DAKOTA", "NEW").
  it.each([
    ['NEW YORK', true],
    ['NORTH CAROLINA', true],
    ['SOUTH DAKOTA', true],
    ['NEW HAMPSHIRE', true],
    ['TEXAS', false],
    ['NEWARK', false],
  ])('has-any-operator.md scalars: %j → %s', (state, expected) => {
    expect(makeHasAnyMatcher(['CAROLINA', 'DAKOTA', 'NEW'], false)(state)).toBe(expected);
  });

  // docs: has-any-operator.md — dynamic(['south', 'north']).
  it.each([
    ['NORTH CAROLINA', true],
    ['ATLANTIC SOUTH', true],
    ['ATLANTIC NORTH', true],
    ['TEXAS', false],
    ['SOUTHERN', false],
  ])('has-any-operator.md dynamic array: %j → %s', (state, expected) => {
    expect(makeHasAnyMatcher(['south', 'north'], false)(state)).toBe(expected);
  });

  // docs: datatypes-string-operators.md — "North America" has_any("south", "north").
  it('datatypes-string-operators.md example', () => {
    expect(makeHasAnyMatcher(['south', 'north'], false)('North America')).toBe(true);
  });

  // docs: has-all-operator.md — EpisodeNarrative has_all ("cold", "strong", "afternoon", "hail").
  it('has-all-operator.md example', () => {
    const m = makeHasAnyMatcher(['cold', 'strong', 'afternoon', 'hail'], true);
    expect(m('A strong cold front brought HAIL in the afternoon.')).toBe(true);
    expect(m('A strong cold front brought rain in the afternoon.')).toBe(false);
    expect(m('A strong cold front brought hailstones in the afternoon.')).toBe(false);
  });

  it('mixes terms, phrases and separator-only needles', () => {
    const m = makeHasAnyMatcher(['bit.ly', '/ipfs/', 'tinyurl', '::'], false);
    expect(m('see http://BIT.LY/x')).toBe(true);
    expect(m('see http://rabbit.ly/x')).toBe(false);
    expect(m('gw.example/IPFS/Qm')).toBe(true);
    expect(m('gw.example/ipfsx/Qm')).toBe(false);
    expect(m('tinyurl.com/abc')).toBe(true);
    expect(m('tinyurls.com/abc')).toBe(false);
    expect(m('fe80::1')).toBe(true);
  });

  it('phrase whose first term starts after leading separators', () => {
    const m = makeHasAnyMatcher(['/ipfs/', '.onion'], false);
    expect(m('http://x.onion/a')).toBe(true);
    expect(m('http://x.onions/a')).toBe(false);
    expect(m('http://x/ipfs')).toBe(false);
  });

  it('has_all counts duplicates and case variants once', () => {
    const m = makeHasAnyMatcher(['Hello', 'HELLO', 'world'], true);
    expect(m('hello world')).toBe(true);
    expect(m('hello there')).toBe(false);
  });

  it('has_all with phrase and separator-only needles', () => {
    const m = makeHasAnyMatcher(['bit.ly', 'click', '?'], true);
    expect(m('click http://bit.ly/x?y')).toBe(true);
    expect(m('click http://bit.ly/x')).toBe(false);
    expect(m('clicks http://bit.ly/x?y')).toBe(false);
  });

  it('empty needle and empty list [U]', () => {
    expect(makeHasAnyMatcher(['', 'zzz'], false)('abc')).toBe(true);
    expect(makeHasAnyMatcher([], false)('abc')).toBe(false);
    expect(makeHasAnyMatcher([], true)('abc')).toBe(true);
    expect(makeHasAnyMatcher(['', 'abc'], true)('x abc')).toBe(true);
  });

  it('long lists (1000 terms + 1000 phrases)', () => {
    const needles: string[] = [];
    for (let i = 0; i < 1000; i++) needles.push(`term${i}`, `evil${i}.com`);
    const any = makeHasAnyMatcher(needles, false);
    expect(any('visit evil537.com now')).toBe(true);
    expect(any('visit xevil537.com now')).toBe(false);
    expect(any('visit evil537.community now')).toBe(false);
    expect(any('TERM999')).toBe(true);
    expect(any('term1000')).toBe(false);
    expect(any('term-999')).toBe(false);
    expect(any('')).toBe(false);
  });

  it('long has_all lists', () => {
    const needles = Array.from({ length: 256 }, (_, i) => `w${i}`);
    const all = makeHasAnyMatcher(needles, true);
    expect(all(needles.join(' '))).toBe(true);
    expect(all(needles.slice().reverse().join('.'))).toBe(true);
    expect(all(needles.slice(1).join(' '))).toBe(false);
    // Stamps must not leak between calls.
    expect(all(needles.slice(0, 128).join(' '))).toBe(false);
    expect(all(needles.slice(128).join(' '))).toBe(false);
  });

  it('several needles sharing a key term', () => {
    const m = makeHasAnyMatcher(['evil.com', 'evil.net', 'evil'], true);
    expect(m('evil.com evil.net')).toBe(true);
    expect(m('evil.com evil.org')).toBe(false);
  });
});

describe('has_any / has_all agree with has (property, seed 42)', () => {
  const alphabet = ['a', 'b', 'A', 'B', 'é', 'É', 'я', 'Я', '1', '.', '/', '_', '-', ' ', 'ß', '𝐀'];
  const str = (max: number) =>
    fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((cs) => cs.join(''));

  it('has_any ≡ some(has)', () => {
    fc.assert(
      fc.property(fc.array(str(4), { minLength: 1, maxLength: 10 }), str(16), (needles, s) => {
        const expected = needles.some((n) => makeTermMatcher('has', n)(s));
        return makeHasAnyMatcher(needles, false)(s) === expected;
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('has_all ≡ every(has)', () => {
    fc.assert(
      fc.property(fc.array(str(3), { minLength: 1, maxLength: 9 }), str(12), (needles, s) => {
        const expected = needles.every((n) => makeTermMatcher('has', n)(s));
        return makeHasAnyMatcher(needles, true)(s) === expected;
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  // Independent oracle for term needles: split on non-(letter|digit) and compare upper-cased terms. The alphabet
  // avoids ß (whose full upper case differs from the simple mapping).
  it('has with a term needle ≡ some term equals it ignoring case', () => {
    const letters = ['a', 'b', 'A', 'B', 'é', 'É', 'я', 'Я', '1', '.', '/', '_', '-', ' ', '𝐀'];
    const s2 = (min: number, max: number) =>
      fc.array(fc.constantFrom(...letters), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(s2(1, 3), s2(0, 14), (needle, s) => {
        fc.pre(/^[\p{L}\p{Nd}]+$/u.test(needle));
        const terms = s.match(/[\p{L}\p{Nd}]+/gu) ?? [];
        const expected = terms.some((t) => t.toUpperCase() === needle.toUpperCase());
        return makeTermMatcher('has', needle)(s) === expected;
      }),
      { seed: 42, numRuns: 5000 },
    );
  });
});
