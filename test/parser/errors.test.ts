// Bad queries: the right diagnostic code at the right place, several errors when recovery allows, never a throw.
import { describe, it, expect } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { markSource } from '../support/mark-source.js';

const codes = (text: string) => parse(text).diagnostics.map((d) => d.code);

describe('lexical errors', () => {
  it('unexpected character', () => {
    const m = markSource`T | where a ${'#'} b`;
    const { diagnostics } = parse(m.code);
    expect(diagnostics[0]).toMatchObject({ code: 'syntax-unexpected-char', span: m.locations[0], data: { char: '#' } });
  });
  it('unterminated string is reported once and parsing continues', () => {
    const m = markSource`T | where x == ${'"abc'}`;
    const { ast, diagnostics } = parse(m.code);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'syntax-unterminated-string', span: m.locations[0] });
    expect(ast.statements).toHaveLength(1);
  });
  it('unterminated multi-line string', () => {
    expect(codes('print ```abc')).toEqual(['syntax-unterminated-string']);
  });
});

describe('syntax errors', () => {
  it('missing operand at end of input points at the end', () => {
    const text = 'T | where x ==';
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'syntax-unexpected-token', span: { start: text.length, end: text.length } });
    expect(diagnostics[0]!.message).toBe('unexpected end of input; expected an expression');
  });
  it('unknown tabular operator', () => {
    const m = markSource`T | ${'frobnicate'}`;
    const d = parse(m.code).diagnostics;
    expect(d[0]).toMatchObject({ code: 'syntax-unexpected-token', span: m.locations[0] });
    expect(d[0]!.message).toMatch(/^unexpected 'frobnicate'; expected 'where', /);
  });
  it('unbalanced parenthesis', () => {
    const d = parse('T | where (a').diagnostics;
    expect(d.map((x) => x.message)).toEqual(["unexpected end of input; expected ')'"]);
  });
  it('several errors in one run, in several statements and operators', () => {
    const m = markSource`print x = 1 | where x > ${'|'} extend y = (2 + ${')'} | take 1`;
    const d = parse(m.code).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['syntax-unexpected-token', 'syntax-unexpected-token']);
    expect(d.map((x) => x.span)).toEqual(m.locations);
  });
  it('errors in separate statements are all reported', () => {
    const d = parse('T | where x ## 1; T | where y == ; print 1').diagnostics;
    expect(d.length).toBeGreaterThanOrEqual(2);
    expect(d[0]!.code).toBe('syntax-unexpected-char');
    expect(d.some((x) => x.code === 'syntax-unexpected-token' && x.span.start === 33)).toBe(true);
  });
  it('an unknown type name in a declaration', () => {
    const m = markSource`datatable(a:${'strin'}) ["x"]`;
    expect(parse(m.code).diagnostics[0]).toMatchObject({ code: 'syntax-unexpected-token', span: m.locations[0] });
  });
  it('empty list after in is rejected (Microsoft: missing expression)', () => {
    expect(codes('T | where x in ()')).toEqual(['syntax-unexpected-token']);
  });
  it('bag keys must be strings', () => {
    expect(codes('print dynamic({a: 1})').length).toBeGreaterThan(0);
  });
  it('the AST is still a Script when there are errors', () => {
    const { ast } = parse('let = ; | |');
    expect(ast.kind).toBe('Script');
  });
  it('never throws, also on pathological nesting', () => {
    for (const text of ['', ';;;', '(((((', ')))', '|', 'let', '"', '@"', '```', 'dynamic(', '$left', '['.repeat(5000), '('.repeat(20000) + '1']) {
      expect(() => parse(text)).not.toThrow();
    }
  });
  it('empty input is an empty script', () => {
    expect(parse('')).toEqual({ ast: { kind: 'Script', statements: [], span: { start: 0, end: 0 } }, diagnostics: [] });
    expect(parse('// only a comment\n').diagnostics).toEqual([]);
  });
});
