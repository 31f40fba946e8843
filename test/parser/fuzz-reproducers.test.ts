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
    why: 'printed as `mv-expand kind = a`, which reads kind= as the parameter: item names that are parameter words are quoted',
  },
  {
    text: "T | make-series ['kind'] = count() on t step 1d",
    codes: [],
    why: 'same for make-series aggregates named like its kind= parameter',
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
