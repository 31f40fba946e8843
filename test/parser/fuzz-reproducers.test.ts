// Minimal reproducers of failures found by the parser fuzz test (test/property/parser-fuzz.test.ts), kept as data.
// Each query must parse as the table says and, when accepted, survive print → parse unchanged.
import { describe, expect, it } from 'vitest';
import { parse, print } from '../../src/parser/index.js';
import { stripSpans } from './helpers.js';

interface Case {
  readonly text: string;
  /** The diagnostic codes expected (none: accepted). */
  readonly codes: readonly string[];
  readonly why: string;
}

const cases: readonly Case[] = [
  {
    text: "T | mv-expand ['kind'] = a",
    codes: [],
    why: 'an item named like a parameter must stay quoted when printed: bare, `kind = a` reads as the parameter',
  },
  {
    text: "T | make-series ['kind'] = count() on t step 1d",
    codes: [],
    why: 'same for make-series aggregates',
  },
  {
    text: '1dT | take 1',
    codes: [],
    why: 'a digit-led name that is not a timespan (`1dT`) was printed quoted, so it read back as a different AST',
  },
  {
    text: "T | summarize ['kind'] = count() by kind",
    codes: [],
    why: 'every operator with parameters takes Kusto\'s known ones (kind, hint.*...): the first item must be quoted',
  },
  {
    text: 'print f(* has "x")',
    codes: [],
    why: 'a star argument is `*` followed by `,` or `)`; otherwise `* has "x"` is an expression ("any column has")',
  },
  {
    text: 'T | distinct * has "a"',
    codes: ['syntax-unexpected-token'],
    why: 'distinct reads a star item first, as Kusto does: the rest is an error',
  },
];

describe('fuzz reproducers', () => {
  it.each(cases)('$text', ({ text, codes }) => {
    const { ast, diagnostics } = parse(text);
    expect(diagnostics.map((d) => d.code)).toEqual(codes);
    if (codes.length > 0) return;
    const again = parse(print(ast));
    expect(again.diagnostics).toEqual([]);
    expect(stripSpans(again.ast)).toEqual(stripSpans(ast));
  });
});
